// rollcall events import | evaluate | triggers | thresholds import|list|show
#include <nlohmann/json.hpp>

#include <fstream>
#include <iomanip>
#include <set>
#include <sstream>
#include <unordered_map>

#include "app/org/org_csv_export.h"
#include "app/pmp/event_import.h"
#include "app/pmp/replay.h"
#include "app/pmp/threshold_toml.h"
#include "app/pmp/thresholds.h"
#include "cli/commands.h"
#include "time/instant.h"

namespace rollcall::cli {
namespace {

struct PmpOptions {
  std::string db;
  std::string actor = CliContext::default_actor();
  std::string file;
  std::string mapping;
  std::string format;
  bool dry_run = false;
  std::size_t max_errors = 100;
  bool create_employees = false;
  std::string as_of, from, to, employee, indicator, known_at;
  std::string output = "table";
  bool all = false;
  bool use_default = false;
  std::int64_t set_id = 0;
};

// Everything evaluation needs from the database, loaded once.
struct Loaded {
  org::OrgData org;
  std::unordered_map<org::EmployeeId, const org::Employee*> employees;
  std::vector<pmp::IndicatorEvent> versions;
  std::unordered_map<std::int64_t, std::string> incident_of;
  std::vector<pmp::ThresholdSet> sets;
};

std::optional<Loaded> load(CliContext& ctx, storage::Database& db) {
  Loaded l;
  auto org = db.load_org();
  if (!org) return ctx.fail(org.status()), std::nullopt;
  l.org = std::move(org).value();
  for (const auto& e : l.org.employees) l.employees[e.id] = &e;
  auto versions = db.event_versions(std::nullopt);
  if (!versions) return ctx.fail(versions.status()), std::nullopt;
  l.versions = std::move(versions).value();
  for (const auto& v : l.versions) l.incident_of[v.id] = v.incident_number;
  auto sets = db.threshold_sets();
  if (!sets) return ctx.fail(sets.status()), std::nullopt;
  l.sets = std::move(sets).value();
  if (l.sets.empty()) {
    ctx.fail("no threshold set is stored; run `rollcall thresholds import --default`");
    return std::nullopt;
  }
  return l;
}

std::string incidents(const Loaded& l, const std::vector<std::int64_t>& ids) {
  std::string out;
  for (auto id : ids) {
    auto it = l.incident_of.find(id);
    out += (out.empty() ? "" : " ") + (it == l.incident_of.end() ? std::to_string(id) : it->second);
  }
  return out;
}

std::string serial_of(const Loaded& l, org::EmployeeId id) {
  auto it = l.employees.find(id);
  return it == l.employees.end() ? std::to_string(id) : it->second->serial;
}

std::string rule_text(const pmp::ThresholdRule& r) {
  return std::to_string(r.count) + " in " + std::to_string(r.months) + " mo";
}

// Replay input from options: --known-at and --employee.
std::optional<app::ReplayInput> replay_input(CliContext& ctx, const PmpOptions& o, Loaded& l,
                                             std::optional<Date> through) {
  app::ReplayInput in{l.versions, l.sets, std::nullopt, through, {}};
  if (!o.known_at.empty()) {
    auto t = parse_utc(o.known_at);
    if (!t) return ctx.fail("--known-at: " + t.status().message()), std::nullopt;
    in.known_at = *t;
  }
  return in;
}

std::optional<org::EmployeeId> employee_option(CliContext& ctx, const PmpOptions& o,
                                               const Loaded& l, bool& failed) {
  failed = false;
  if (o.employee.empty()) return std::nullopt;
  for (const auto& e : l.org.employees) {
    if (e.serial == o.employee) return e.id;
  }
  ctx.fail("--employee: no employee with serial '" + o.employee + "'");
  failed = true;
  return std::nullopt;
}

// What `evaluate` and `triggers` share: the stored events and thresholds,
// the --employee filter, and a replay through `through` honouring --known-at.
struct ReplayRun {
  Loaded loaded;
  std::optional<org::EmployeeId> employee;
  pmp::Evaluator evaluator;
};

std::optional<ReplayRun> replay_for(CliContext& ctx, const PmpOptions& o,
                                    std::optional<Date> through, bool start_reviews) {
  auto db = ctx.open(o.db);
  if (!db) return std::nullopt;
  auto l = load(ctx, *db);
  if (!l) return std::nullopt;
  bool failed = false;
  auto employee = employee_option(ctx, o, *l, failed);
  if (failed) return std::nullopt;
  auto input = replay_input(ctx, o, *l, through);
  if (!input) return std::nullopt;
  input->options.start_reviews = start_reviews;
  pmp::Evaluator evaluator = app::replay(*input);
  return ReplayRun{std::move(*l), employee, std::move(evaluator)};
}

void run_events_import(CliContext& ctx, const PmpOptions& o) {
  app::EventImportOptions options;
  if (o.mapping.empty()) {
    std::string format = o.format;
    if (format.empty()) format = o.file.size() > 6 && o.file.ends_with(".jsonl") ? "jsonl" : "csv";
    options.mapping = app::native_event_mapping(format);
  } else if (std::filesystem::exists(o.mapping)) {
    std::ifstream in(o.mapping, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    auto m = app::parse_event_mapping(text.str(), o.mapping);
    if (!m) return ctx.fail(m.status());
    options.mapping = std::move(m).value();
  } else {
    auto m = app::builtin_event_mapping(o.mapping);
    if (!m) return ctx.fail("--mapping: not a file, and " + m.status().message());
    options.mapping = std::move(m).value();
  }
  if (!o.format.empty()) options.mapping.format = o.format;
  options.dry_run = o.dry_run;
  options.create_employees = o.create_employees;
  options.actor = o.actor;
  options.now = ctx.clock.now();
  auto db = ctx.open(o.db);
  if (!db) return;
  auto report = app::import_events(*db, o.file, options);
  if (!report) return ctx.fail(report.status());
  if (!report->errors.empty()) {
    print_import_errors(report->errors, o.max_errors);
    return ctx.fail("import rejected: " + std::to_string(report->errors.size()) +
                    " problem(s); nothing was written");
  }
  const auto& r = *report;
  std::cout << (o.dry_run ? "dry run, nothing written. " : "") << "rows read: " << r.rows_read
            << "; events: " << r.events_in_file << " (" << r.created << " new, " << r.corrected
            << " corrected, " << r.unchanged << " unchanged); employees: " << r.distinct_employees
            << " (" << r.placeholders << " placeholders " << (o.dry_run ? "would be " : "")
            << "created)\n";
  for (const auto& [kind, n] : r.by_kind) std::cout << "  " << kind << ": " << n << "\n";
  for (const auto& [type, n] : r.by_force_type) std::cout << "    " << type << ": " << n << "\n";
  std::size_t reviews = 0;
  for (const auto& t : r.new_triggers) reviews += t.outcome == pmp::TriggerOutcome::kNewReview;
  std::cout << "new triggers: " << r.new_triggers.size() << " (" << reviews
            << " would start a review)\n";
}

void run_evaluate(CliContext& ctx, const PmpOptions& o) {
  auto as_of = ctx.date_option(o.as_of, "--as-of", true);
  if (!as_of) return;
  // Counts against recorded reviews only: the reviews a replay would assume
  // (see `rollcall triggers`) are not decisions anyone has made.
  auto run = replay_for(ctx, o, as_of, /*start_reviews=*/false);
  if (!run) return;
  Loaded* l = &run->loaded;
  const pmp::Evaluator& ev = run->evaluator;
  const auto rows = app::standings_as_of(ev, *as_of, run->employee, !o.all);
  const pmp::ThresholdHistory history(l->sets);
  const pmp::ThresholdSet* set = history.in_force(*as_of);

  if (o.output == "json") {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& s : rows) {
      out.push_back({{"employee", serial_of(*l, s.employee)},
                     {"indicator", pmp::to_string(s.indicator)},
                     {"count", s.count},
                     {"threshold", {{"count", s.rule.count}, {"months", s.rule.months}}},
                     {"table", s.recent_review_table ? "recent-review" : "initial"},
                     {"reached", s.reached()},
                     {"incidents", incidents(*l, s.event_ids)}});
    }
    std::cout << out.dump(2) << "\n";
    return;
  }
  if (o.output == "csv") {
    std::cout
        << "employee,indicator,count,threshold_count,threshold_months,table,reached,incidents\n";
    for (const auto& s : rows) {
      std::cout << app::csv_field(serial_of(*l, s.employee)) << ',' << pmp::to_string(s.indicator)
                << ',' << s.count << ',' << s.rule.count << ',' << s.rule.months << ','
                << (s.recent_review_table ? "recent-review" : "initial") << ','
                << (s.reached() ? "true" : "false") << ','
                << app::csv_field(incidents(*l, s.event_ids)) << "\n";
    }
    return;
  }
  std::cout << "As of " << as_of->to_string() << ", threshold set "
            << (set ? std::to_string(set->id) + " \"" + set->name + "\"" : std::string("none"))
            << ", events as known " << (o.known_at.empty() ? "now" : "at " + o.known_at) << "\n";
  std::cout << std::left << std::setw(10) << "employee" << std::setw(4) << "ind" << std::setw(7)
            << "count" << std::setw(14) << "threshold" << std::setw(9) << "table"
            << "incidents\n";
  std::set<org::EmployeeId> people;
  for (const auto& s : rows) {
    people.insert(s.employee);
    std::cout << std::left << std::setw(10) << serial_of(*l, s.employee) << std::setw(4)
              << pmp::to_string(s.indicator) << std::setw(7) << s.count << std::setw(14)
              << rule_text(s.rule) << std::setw(9) << (s.recent_review_table ? "recent" : "initial")
              << incidents(*l, s.event_ids) << "\n";
  }
  std::cout << rows.size() << " row(s), " << people.size() << " employee(s) "
            << (o.all ? "with counted events" : "at or over a threshold") << "\n";
}

void run_triggers(CliContext& ctx, const PmpOptions& o) {
  auto from = ctx.date_option(o.from, "--from", false);
  if (!o.from.empty() && !from) return;
  auto to = ctx.date_option(o.to, "--to", false);
  if (!o.to.empty() && !to) return;
  std::optional<pmp::Indicator> indicator;
  if (!o.indicator.empty()) {
    indicator = pmp::parse_indicator(o.indicator);
    if (!indicator) return ctx.fail("--indicator: '" + o.indicator + "' is not A-G");
  }
  auto run = replay_for(ctx, o, to, /*start_reviews=*/true);
  if (!run) return;
  Loaded* l = &run->loaded;
  const pmp::Evaluator& ev = run->evaluator;
  std::vector<pmp::Trigger> rows;
  for (const auto& t : run->employee ? ev.triggers_of(*run->employee) : ev.triggers()) {
    if ((from && t.date < *from) || (to && t.date > *to)) continue;
    if (indicator && t.indicator != *indicator) continue;
    rows.push_back(t);
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto& a, const auto& b) { return a.date < b.date; });
  if (o.output == "json") {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& t : rows) {
      out.push_back({{"date", t.date.to_string()},
                     {"employee", serial_of(*l, t.employee)},
                     {"indicator", pmp::to_string(t.indicator)},
                     {"count", t.count},
                     {"threshold", {{"count", t.rule.count}, {"months", t.rule.months}}},
                     {"table", t.recent_review_table ? "recent-review" : "initial"},
                     {"threshold_set", t.threshold_set_id},
                     {"outcome", pmp::to_string(t.outcome)},
                     {"review", t.review_id},
                     {"incidents", incidents(*l, t.event_ids)}});
    }
    std::cout << out.dump(2) << "\n";
    return;
  }
  if (o.output == "csv") {
    std::cout << "date,employee,indicator,count,threshold_count,threshold_months,table,"
                 "threshold_set,outcome,review,incidents\n";
    for (const auto& t : rows) {
      std::cout << t.date.to_string() << ',' << app::csv_field(serial_of(*l, t.employee)) << ','
                << pmp::to_string(t.indicator) << ',' << t.count << ',' << t.rule.count << ','
                << t.rule.months << ',' << (t.recent_review_table ? "recent-review" : "initial")
                << ',' << t.threshold_set_id << ',' << pmp::to_string(t.outcome) << ','
                << t.review_id << ',' << app::csv_field(incidents(*l, t.event_ids)) << "\n";
    }
    return;
  }
  std::cout << std::left << std::setw(12) << "date" << std::setw(10) << "employee" << std::setw(4)
            << "ind" << std::setw(7) << "count" << std::setw(14) << "threshold" << std::setw(9)
            << "table" << std::setw(12) << "outcome"
            << "incidents\n";
  std::set<org::EmployeeId> people;
  for (const auto& t : rows) {
    people.insert(t.employee);
    std::cout << std::left << std::setw(12) << t.date.to_string() << std::setw(10)
              << serial_of(*l, t.employee) << std::setw(4) << pmp::to_string(t.indicator)
              << std::setw(7) << t.count << std::setw(14) << rule_text(t.rule) << std::setw(9)
              << (t.recent_review_table ? "recent" : "initial") << std::setw(12)
              << pmp::to_string(t.outcome) << incidents(*l, t.event_ids) << "\n";
  }
  std::cout << rows.size() << " trigger(s), " << people.size() << " employee(s)\n";
}

void run_thresholds_import(CliContext& ctx, const PmpOptions& o) {
  auto db = ctx.open(o.db);
  if (!db) return;
  if (o.use_default) {
    auto installed = app::install_default_thresholds(*db, o.actor);
    if (!installed) return ctx.fail(installed.status());
    std::cout << (*installed ? "installed the default threshold set (a starting point for the "
                               "PMP Committee, not an approved set)\n"
                             : "threshold sets already stored; the default was not added\n");
    return;
  }
  if (o.file.empty()) return ctx.fail("name a threshold-set TOML file, or pass --default");
  auto set = app::import_threshold_set(*db, o.file, o.actor);
  if (!set) return ctx.fail(set.status());
  std::cout << "stored threshold set " << set->id << " \"" << set->name << "\", effective "
            << set->effective_from.to_string() << "\n";
}

void run_thresholds_list(CliContext& ctx, const PmpOptions& o) {
  auto db = ctx.open(o.db);
  if (!db) return;
  auto sets = db->threshold_sets();
  if (!sets) return ctx.fail(sets.status());
  for (const auto& s : *sets) {
    std::cout << s.id << "  effective " << s.effective_from.to_string() << "  \"" << s.name << "\""
              << (s.starting_point ? "  [starting point, not approved]" : "")
              << (s.chief_approved_on ? "  approved " + s.chief_approved_on->to_string() + " by " +
                                            s.chief_approved_by
                                      : std::string())
              << "\n";
  }
}

void run_thresholds_show(CliContext& ctx, const PmpOptions& o) {
  auto db = ctx.open(o.db);
  if (!db) return;
  auto sets = db->threshold_sets();
  if (!sets) return ctx.fail(sets.status());
  for (const auto& s : *sets) {
    if (s.id == o.set_id) {
      std::cout << app::to_toml(s);
      return;
    }
  }
  ctx.fail("no threshold set " + std::to_string(o.set_id));
}

}  // namespace

void add_pmp_commands(CLI::App& app, CliContext& ctx) {
  auto o = std::make_shared<PmpOptions>();

  auto* events = app.add_subcommand("events", "Indicator events of 3.070 §1 (A-F)");
  events->require_subcommand(1);
  auto* import = events->add_subcommand(
      "import",
      "Import events from CSV or JSON Lines, all or nothing; corrections become versions");
  CliContext::add_db_option(import, o->db);
  import->add_option("FILE", o->file, "CSV or JSON Lines file")
      ->required()
      ->check(CLI::ExistingFile);
  import->add_option("--mapping", o->mapping,
                     "Column-mapping TOML file, or a built-in mapping name (seattle-uof)");
  import
      ->add_option("--format", o->format,
                   "csv or jsonl (default: from the mapping or the file name)")
      ->check(CLI::IsMember({"csv", "jsonl"}));
  import->add_flag("--dry-run", o->dry_run, "Report what would change; write nothing");
  add_max_errors_option(import, o->max_errors);
  import->add_flag("--create-employees", o->create_employees,
                   "Create placeholder employees for unknown serials (anonymised exports)");
  import->add_option("--actor", o->actor, "Who is importing, for the audit log");
  import->callback([&ctx, o] { run_events_import(ctx, *o);
});

auto* evaluate = app.add_subcommand(
    "evaluate", "Who is at or over a threshold on a date, why, and on which events");
CliContext::add_db_option(evaluate, o->db);
evaluate->add_option("--as-of", o->as_of, "Date YYYY-MM-DD (default: today)");
evaluate->add_option("--employee", o->employee, "One employee's serial");
evaluate->add_option("--known-at", o->known_at,
                     "Use event versions recorded by this UTC instant (YYYY-MM-DDTHH:MM:SSZ)");
evaluate->add_flag("--all", o->all, "Include indicators below their threshold");
evaluate->add_option("--format", o->output, "table, csv or json")
    ->check(CLI::IsMember({"table", "csv", "json"}));
evaluate->callback([&ctx, o] { run_evaluate(ctx, *o); });

auto* triggers = app.add_subcommand(
    "triggers", "Every threshold crossing in the history, with the stateful rules of 3.070 §1");
CliContext::add_db_option(triggers, o->db);
triggers->add_option("--from", o->from, "First crossing date to list");
triggers->add_option("--to", o->to, "Last crossing date to list (replay stops there)");
triggers->add_option("--employee", o->employee, "One employee's serial");
triggers->add_option("--indicator", o->indicator, "A-G");
triggers->add_option("--known-at", o->known_at, "Use event versions recorded by this UTC instant");
triggers->add_option("--format", o->output, "table, csv or json")
    ->check(CLI::IsMember({"table", "csv", "json"}));
triggers->callback([&ctx, o] { run_triggers(ctx, *o); });

auto* thresholds = app.add_subcommand("thresholds", "Versioned threshold sets (3.070 §1, §3)");
thresholds->require_subcommand(1);
auto* t_import = thresholds->add_subcommand("import", "Store a threshold set from a TOML file");
CliContext::add_db_option(t_import, o->db);
t_import->add_option("FILE", o->file, "Threshold-set TOML");
t_import->add_flag("--default", o->use_default, "Store the shipped default set if none is stored");
t_import->add_option("--actor", o->actor, "Who is recording it, for the audit log");
t_import->callback([&ctx, o] { run_thresholds_import(ctx, *o); });
auto* t_list = thresholds->add_subcommand("list", "List stored threshold sets");
CliContext::add_db_option(t_list, o->db);
t_list->callback([&ctx, o] { run_thresholds_list(ctx, *o); });
auto* t_show = thresholds->add_subcommand("show", "Print a stored set as TOML (export)");
CliContext::add_db_option(t_show, o->db);
t_show->add_option("ID", o->set_id, "Set id")->required();
t_show->callback([&ctx, o] { run_thresholds_show(ctx, *o); });
}  // namespace rollcall::cli

}  // namespace rollcall::cli
