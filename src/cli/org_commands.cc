// rollcall org import | show | chain | squad
#include <nlohmann/json.hpp>

#include <iomanip>
#include <sstream>

#include "app/org/org_import.h"
#include "cli/commands.h"
#include "domain/org/org_snapshot.h"

namespace rollcall::cli {
namespace {

struct OrgOptions {
  std::string db;
  std::string actor = CliContext::default_actor();
  std::string dir, units, employees, assignments, statuses, roles;
  bool dry_run = false;
  std::size_t max_errors = 100;
  std::string on;
  std::string unit;
  int depth = 99;
  std::string serial;
  std::string format = "table";
};

std::string describe(const org::OrgSnapshot& snap, org::EmployeeId id) {
  const org::Employee* e = snap.employee(id);
  if (e == nullptr) return "#" + std::to_string(id);
  return e->serial + " " + e->last_name + ", " + e->first_name + " (" + e->rank + ")";
}

std::string describe_holder(const org::OrgSnapshot& snap, const org::ChainLink& link) {
  if (!link.holder) return "VACANT";
  return describe(snap, link.holder->employee) + (link.holder->acting ? " [acting]" : "");
}

void print_tree(const org::OrgSnapshot& snap, org::UnitId id, Date on, int depth, int max_depth) {
  const org::Unit* u = snap.unit(id);
  const auto holder = snap.holder_on(id, on);
  std::cout << std::string(static_cast<std::size_t>(depth) * 2, ' ') << u->code << "  " << u->name
            << " (" << org::to_string(u->kind) << ")  "
            << snap.members_of(id, on, /*descendants=*/true).size() << " members  "
            << org::supervisor_title(u->kind) << ": "
            << (holder ? describe(snap, holder->employee) + (holder->acting ? " [acting]" : "")
                       : std::string("VACANT"))
            << "\n";
  if (depth + 1 >= max_depth) return;
  for (org::UnitId child : snap.children(id)) print_tree(snap, child, on, depth + 1, max_depth);
}

void run_import(CliContext& ctx, const OrgOptions& o) {
  app::OrgImportFiles files;
  auto pick = [&](const std::string& explicit_path,
                  const char* standard_name) -> std::optional<std::filesystem::path> {
    if (!explicit_path.empty()) return explicit_path;
    if (!o.dir.empty()) {
      auto p = std::filesystem::path(o.dir) / standard_name;
      if (std::filesystem::exists(p)) return p;
    }
    return std::nullopt;
  };
  files.units = pick(o.units, "units.csv");
  files.employees = pick(o.employees, "employees.csv");
  files.assignments = pick(o.assignments, "assignments.csv");
  files.statuses = pick(o.statuses, "statuses.csv");
  files.roles = pick(o.roles, "roles.csv");

  auto db = ctx.open(o.db);
  if (!db) return;
  auto outcome = app::import_org(*db, files, o.actor, o.dry_run);
  if (!outcome) return ctx.fail(outcome.status());
  if (!outcome->errors.empty()) {
    print_import_errors(outcome->errors, o.max_errors);
    ctx.fail("import rejected: " + std::to_string(outcome->errors.size()) +
             " problem(s); nothing was written");
    return;
  }
  const auto& c = outcome->counts;
  std::cout << (o.dry_run ? "dry run, nothing written; would import: " : "imported: ") << c.units
            << " units, " << c.employees_created << " employees created, " << c.employees_corrected
            << " corrected, " << c.assignments_created << " assignments created, "
            << c.assignments_ended << " ended, " << c.statuses << " status periods, " << c.roles
            << " role grants\n";
}

void run_show(CliContext& ctx, const OrgOptions& o) {
  auto on = ctx.date_option(o.on, "--on", true);
  if (!on) return;
  auto db = ctx.open(o.db);
  if (!db) return;
  auto data = db->load_org();
  if (!data) return ctx.fail(data.status());
  const org::OrgSnapshot snap(std::move(data).value());
  std::vector<org::UnitId> roots;
  if (!o.unit.empty()) {
    const org::Unit* u = snap.unit_by_code(o.unit);
    if (u == nullptr) return ctx.fail("--unit: no unit with code '" + o.unit + "'");
    roots.push_back(u->id);
  } else {
    for (const auto& u : snap.data().units) {
      if (!u.parent) roots.push_back(u.id);
    }
  }
  std::cout << "Organisation on " << on->to_string() << "\n";
  for (org::UnitId r : roots) print_tree(snap, r, *on, 0, o.depth);
}

void run_chain(CliContext& ctx, const OrgOptions& o) {
  auto on = ctx.date_option(o.on, "--on", true);
  if (!on) return;
  auto db = ctx.open(o.db);
  if (!db) return;
  auto data = db->load_org();
  if (!data) return ctx.fail(data.status());
  const org::OrgSnapshot snap(std::move(data).value());
  const org::Employee* e = snap.employee_by_serial(o.serial);
  if (e == nullptr) return ctx.fail("no employee with serial '" + o.serial + "'");
  auto chain = snap.chain_of(e->id, *on);
  if (!chain) return ctx.fail(chain.status());
  const org::Unit* home = snap.unit(chain->home_unit);

  if (o.format == "json") {
    nlohmann::json j{{"employee", e->serial}, {"on", on->to_string()}, {"unit", home->code}};
    for (const auto& link : chain->links) {
      nlohmann::json l{{"level", link.title()}, {"unit", snap.unit(link.unit)->code}};
      if (link.holder) {
        l["holder"] = snap.employee(link.holder->employee)->serial;
        l["acting"] = link.holder->acting;
      } else {
        l["holder"] = nullptr;
      }
      j["chain"].push_back(l);
    }
    std::cout << j.dump(2) << "\n";
    return;
  }
  std::cout << "Chain of command for " << describe(snap, e->id) << " on " << on->to_string()
            << "\n";
  std::cout << "  " << std::left << std::setw(22) << "works in:" << home->code << "  " << home->name
            << "\n";
  for (const auto& link : chain->links) {
    const org::Unit* u = snap.unit(link.unit);
    std::cout << "  " << std::left << std::setw(22) << (std::string(link.title()) + ":")
              << describe_holder(snap, link) << "  — " << u->code << " " << u->name << "\n";
  }
}

void run_squad(CliContext& ctx, const OrgOptions& o) {
  auto on = ctx.date_option(o.on, "--on", true);
  if (!on) return;
  auto db = ctx.open(o.db);
  if (!db) return;
  auto data = db->load_org();
  if (!data) return ctx.fail(data.status());
  const org::OrgSnapshot snap(std::move(data).value());
  const org::Employee* e = snap.employee_by_serial(o.serial);
  if (e == nullptr) return ctx.fail("no employee with serial '" + o.serial + "'");
  const auto members = snap.squad_of(e->id, *on);
  if (members.empty()) {
    std::cout << describe(snap, e->id) << " supervised no one on " << on->to_string() << "\n";
    return;
  }
  std::cout << "Supervised by " << describe(snap, e->id) << " on " << on->to_string() << " ("
            << members.size() << "):\n";
  for (org::EmployeeId m : members) std::cout << "  " << describe(snap, m) << "\n";
}

}  // namespace

void add_org_commands(CLI::App& app, CliContext& ctx) {
  auto o = std::make_shared<OrgOptions>();
  auto* org_cmd = app.add_subcommand("org", "Organisation: units, employees, chain of command");
  org_cmd->require_subcommand(1);

  auto* import = org_cmd->add_subcommand(
      "import",
      "Import units, employees, assignments, statuses and roles from CSV, all or nothing");
  CliContext::add_db_option(import, o->db);
  import
      ->add_option("--dir", o->dir,
                   "Folder holding any of units.csv employees.csv assignments.csv statuses.csv "
                   "roles.csv")
      ->check(CLI::ExistingDirectory);
  import->add_option("--units", o->units, "units.csv: code,name,kind,parent");
  import->add_option("--employees", o->employees,
                     "employees.csv: serial,last_name,first_name,category,rank,bargaining_unit,"
                     "schedule,hire_date");
  import->add_option("--assignments", o->assignments,
                     "assignments.csv: serial,unit,role,acting,start,end");
  import->add_option("--statuses", o->statuses, "statuses.csv: serial,status,start,end");
  import->add_option("--roles", o->roles, "roles.csv: serial,role,start,end");
  import->add_flag("--dry-run", o->dry_run, "Check and report what would change; write nothing");
  add_max_errors_option(import, o->max_errors);
  import->add_option("--actor", o->actor, "Who is importing, for the audit log");
  import->callback([&ctx, o] { run_import(ctx, *o);
});

auto* show = org_cmd->add_subcommand("show", "Print the unit tree with leaders and headcounts");
CliContext::add_db_option(show, o->db);
show->add_option("--on", o->on, "Date YYYY-MM-DD (default: today in the agency's zone)");
show->add_option("--unit", o->unit, "Start at this unit code");
show->add_option("--depth", o->depth, "Levels to print")->check(CLI::PositiveNumber);
show->callback([&ctx, o] { run_show(ctx, *o); });

auto* chain = org_cmd->add_subcommand(
    "chain", "Who were EMPLOYEE's sergeant, lieutenant, captain and bureau chief on a date");
CliContext::add_db_option(chain, o->db);
chain->add_option("EMPLOYEE", o->serial, "Serial number")->required();
chain->add_option("--on", o->on, "Date YYYY-MM-DD (default: today in the agency's zone)");
chain->add_option("--format", o->format, "table or json")->check(CLI::IsMember({"table", "json"}));
chain->callback([&ctx, o] { run_chain(ctx, *o); });

auto* squad = org_cmd->add_subcommand("squad", "Who was in the unit SUPERVISOR led on a date");
CliContext::add_db_option(squad, o->db);
squad->add_option("SUPERVISOR", o->serial, "Serial number")->required();
squad->add_option("--on", o->on, "Date YYYY-MM-DD (default: today in the agency's zone)");
squad->callback([&ctx, o] { run_squad(ctx, *o); });
}  // namespace rollcall::cli

}  // namespace rollcall::cli
