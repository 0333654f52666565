// rollcall gen --employees N --events M --seed S [--start DATE --end DATE] --output FILE
// Synthetic indicator events for the crossings task (app/pmp/event_generator.h).
#include "app/pmp/event_generator.h"
#include "cli/commands.h"

namespace rollcall::cli {
namespace {

struct GenCliOptions {
  app::EventGeneratorOptions gen;
  std::string start = "2015-01-01";
  std::string end = "2024-12-31";
  std::string output;
};

void run_gen(CliContext& ctx, GenCliOptions& o) {
  auto start = Date::parse(o.start);
  if (!start) return ctx.fail("--start: " + start.status().message());
  auto end = Date::parse(o.end);
  if (!end) return ctx.fail("--end: " + end.status().message());
  o.gen.start = *start;
  o.gen.end = *end;
  if (Status s = app::write_generated_events(o.gen, o.output); !s.is_ok()) return ctx.fail(s);
}

}  // namespace

void add_gen_command(CLI::App& app, CliContext& ctx) {
  auto o = std::make_shared<GenCliOptions>();
  auto* cmd = app.add_subcommand(
      "gen",
      "Write a synthetic indicator-event CSV (heavy-tailed per-officer rates), deterministic "
      "for a seed");
  cmd->add_option("--employees", o->gen.employees, "Number of employees (1 to 16,000,000)")
      ->required();
  cmd->add_option("--events", o->gen.events, "Number of events (rows)")->required();
  cmd->add_option("--seed", o->gen.seed, "Random seed")->default_val(1);
  cmd->add_option("--start", o->start, "First event date YYYY-MM-DD")->default_val("2015-01-01");
  cmd->add_option("--end", o->end, "Last event date YYYY-MM-DD (inclusive)")
      ->default_val("2024-12-31");
  cmd->add_option("--first-id", o->gen.first_employee_id, "First employee id")->default_val(1);
  cmd->add_option("--threads", o->gen.threads, "Generator threads (output does not depend on it)")
      ->default_val(2);
  cmd->add_option("--output,-o", o->output, "Output CSV file ('-' for stdout)")->required();
  cmd->callback([o, &ctx] { run_gen(ctx, *o); });
}

}  // namespace rollcall::cli
