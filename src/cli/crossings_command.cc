// rollcall crossings EVENTS.csv --thresholds FILE [--output OUT.csv]
// The stateless crossings task of issue 3 item 6 (see domain/pmp/crossings.h).
#include <chrono>
#include <thread>

#include "app/pmp/crossings_io.h"
#include "app/pmp/threshold_toml.h"
#include "cli/commands.h"

namespace rollcall::cli {
namespace {

struct CrossingsCliOptions {
  std::string events;
  std::string thresholds;
  std::string output;
  unsigned threads = 0;
  bool stats = false;
};

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// Prints a multi-line INVALID_ARGUMENT message one problem per line.
void fail_with_lines(CliContext& ctx, const Status& s, const std::string& what) {
  if (s.code() != StatusCode::kInvalidArgument) return ctx.fail(s);
  std::size_t problems = 0;
  for (std::size_t a = 0; a <= s.message().size();) {
    std::size_t b = s.message().find('\n', a);
    if (b == std::string::npos) b = s.message().size();
    std::cerr << s.message().substr(a, b - a) << "\n";
    ++problems;
    a = b + 1;
  }
  ctx.fail(what + " rejected (" + std::to_string(problems) +
           " line(s) above); nothing was written");
}

void run_crossings(CliContext& ctx, const CrossingsCliOptions& o) {
  const auto t0 = std::chrono::steady_clock::now();
  const unsigned threads =
      o.threads != 0 ? o.threads : std::max(1u, std::thread::hardware_concurrency());
  auto table = app::read_initial_table_file(o.thresholds);
  if (!table) return fail_with_lines(ctx, table.status(), "--thresholds");
  app::CrossingsReadOptions ro;
  ro.threads = threads;
  auto events = app::read_crossings_csv(o.events, ro);
  if (!events) return fail_with_lines(ctx, events.status(), o.events);
  const double t_read = seconds_since(t0);
  const std::size_t rows = events->rows, qualifying = events->qualifying;
  const std::size_t employees = events->input.employee_count;
  auto result = pmp::crossings::find_crossings(std::move(events->input), *table, threads);
  const double t_compute = seconds_since(t0) - t_read;
  if (Status s = app::write_crossings_csv(result, events->ids, o.output, threads); !s.is_ok()) {
    return ctx.fail(s);
  }
  if (o.stats) {
    std::cerr << "crossings: " << rows << " rows, " << qualifying << " qualifying events, "
              << employees << " employees, " << result.size() << " crossings; read " << t_read
              << " s, compute " << t_compute << " s, write "
              << seconds_since(t0) - t_read - t_compute << " s, " << threads << " threads\n";
  }
}

}  // namespace

void add_crossings_command(CLI::App& app, CliContext& ctx) {
  auto o = std::make_shared<CrossingsCliOptions>();
  auto* cmd = app.add_subcommand(
      "crossings",
      "Every date each employee's count for an indicator reaches its threshold (initial table, "
      "stateless): count(d) >= count and count(d - 1 day) < count");
  cmd->add_option("events", o->events,
                  "Events CSV: employee_id,indicator,date[,use_of_force_type,firearm_discharge,"
                  "preventable]")
      ->required();
  cmd->add_option("--thresholds", o->thresholds,
                  "Threshold set TOML (its [initial] table is used) or a file of top-level "
                  "indicator tables ([B] count = 3 months = 6)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--output,-o", o->output,
                  "Output CSV employee_id,indicator,date,count (default: stdout)");
  cmd->add_option("--threads", o->threads, "Worker threads (default: all cores)");
  cmd->add_flag("--stats", o->stats, "Print row counts and phase timings to stderr");
  cmd->callback([o, &ctx] { run_crossings(ctx, *o); });
}

}  // namespace rollcall::cli
