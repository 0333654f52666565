// rollcall demo
#include <iomanip>

#include "app/demo/build_demo.h"
#include "app/demo/demo_accounts.h"
#include "app/demo/demo_events.h"
#include "app/demo/demo_leave.h"
#include "app/org/org_csv_export.h"
#include "app/pmp/demo/demo_reviews.h"
#include "app/pmp/thresholds.h"
#include "cli/commands.h"
#include "domain/org/org_snapshot.h"

namespace rollcall::cli {
namespace {

struct DemoCliOptions {
  std::string db;
  std::uint64_t seed = 1;
  std::string today;
  std::string export_dir;
  bool no_serve = false;
  std::string password_cost = "interactive";
  ServeOptions serve;
};

void run_demo(CliContext& ctx, const DemoCliOptions& o) {
  app::DemoOptions options;
  options.seed = o.seed;
  auto today = ctx.date_option(o.today, "--today", true);
  if (!today) return;
  options.today = *today;
  app::AuthPolicy policy;
  if (o.password_cost == "test") {
    policy.password_cost = security::kTestCost;
  } else if (o.password_cost == "interactive") {
    policy.password_cost = security::kInteractiveCost;
  } else {
    return ctx.fail("--password-cost: 'interactive' or 'test', not '" + o.password_cost + "'");
  }
  auto db = ctx.open(o.db, /*check_schema=*/false);
  if (!db) return;
  if (auto m = db->migrate(); !m) return ctx.fail(m.status());
  auto outcome = app::store_demo_department(*db, options, CliContext::default_actor());
  if (!outcome) return ctx.fail(outcome.status());
  const auto& c = outcome->counts;
  if (auto t = app::install_default_thresholds(*db, CliContext::default_actor()); !t) {
    return ctx.fail(t.status());
  }
  auto stored = db->load_org();
  if (!stored) return ctx.fail(stored.status());
  const auto events = app::generate_demo_events(*stored, options.today, o.seed);
  auto stored_events = app::store_demo_events(*db, events, CliContext::default_actor());
  if (!stored_events) return ctx.fail(stored_events.status());
  auto sign_ins = app::create_demo_accounts(*db, policy, options.today, ctx.clock.now(),
                                            CliContext::default_actor());
  if (!sign_ins) return ctx.fail(sign_ins.status());
  auto reviews = app::store_demo_reviews(*db, options.today);
  if (!reviews) return ctx.fail(reviews.status());
  auto leave =
      app::store_demo_leave(*db, options.today, ctx.clock.now(), CliContext::default_actor());
  if (!leave) return ctx.fail(leave.status());

  const org::OrgSnapshot snap(outcome->generated);
  std::size_t sworn = 0, civilian = 0;
  for (const auto& e : snap.data().employees) {
    auto status = snap.status_on(e.id, options.today);
    if (!status || *status == org::EmployeeStatus::kSeparated) continue;
    (e.category == org::Category::kSworn ? sworn : civilian)++;
  }
  std::cout << "demo department (seed " << o.seed << ", as of " << options.today.to_string()
            << ") stored in " << db->engine() << " database " << o.db << ":\n"
            << "  " << c.units << " units, " << c.employees_created << " employees (" << sworn
            << " sworn and " << civilian << " civilian currently employed), "
            << c.assignments_created << " assignments over ten years, " << c.statuses
            << " status periods, " << c.roles << " special roles\n"
            << "  " << *stored_events
            << " indicator events (A-F) over the last three years; see `rollcall triggers --db "
            << o.db << "`\n"
            << "  " << reviews->reviews << " Performance Mentoring Reviews at every stage ("
            << reviews->final << " concurred, " << reviews->plans << " Mentoring Plans opened)\n"
            << "  time off: " << leave->employees << " employees with balances ("
            << leave->ledger_entries << " ledger entries), " << leave->requests
            << " leave requests in every state\n";
  // A few people to try the org commands on.
  for (const auto& e : snap.data().employees) {
    if (e.rank != "officer") continue;
    auto chain = snap.chain_of(e.id, options.today);
    if (!chain || !chain->sergeant() || !chain->sergeant()->holder) continue;
    const auto* sgt = snap.employee(chain->sergeant()->holder->employee);
    std::cout << "  try: rollcall org chain " << e.serial << " --db " << o.db << "\n"
              << "       rollcall org squad " << sgt->serial << " --db " << o.db << "\n";
    break;
  }
  std::cout << "demo sign-ins (password for all: " << app::kDemoPassword << "):\n";
  for (const auto& s : *sign_ins) {
    std::cout << "  " << std::left << std::setw(17) << s.role_label << std::setw(15) << s.username
              << s.name << " (" << s.serial << "), " << s.unit << "\n";
  }
  if (!o.export_dir.empty()) {
    // As stored, so the role grants added for the demo sign-ins are included.
    auto final_org = db->load_org();
    if (!final_org) return ctx.fail(final_org.status());
    if (Status s = app::export_org_csv(*final_org, o.export_dir); !s.is_ok()) {
      return ctx.fail(s);
    }
    std::cout << "  CSV files written to " << o.export_dir << "\n";
  }
  if (o.no_serve) return;
  db.reset();
  ServeOptions serve_options = o.serve;
  serve_options.db = o.db;
  std::cout << std::endl;
  ctx.exit_code = serve(ctx, serve_options, [](const std::string& url) {
    std::cout << "\nOpen " << url << " in a browser and sign in as one of the people above "
              << "(password " << app::kDemoPassword << "). Ctrl-C stops the server.\n"
              << std::endl;
  });
}

}  // namespace

void add_demo_command(CLI::App& app, CliContext& ctx) {
  auto o = std::make_shared<DemoCliOptions>();
  auto* demo = app.add_subcommand(
      "demo", "Create a database holding a generated department the size of Seattle's");
  CliContext::add_db_option(demo, o->db);
  demo->add_option("--seed", o->seed, "Generator seed; the same seed gives the same department");
  demo->add_option("--today", o->today, "Reference date YYYY-MM-DD (default: today)");
  demo->add_option("--export", o->export_dir, "Also write the department as import CSV files");
  demo->add_flag("--no-serve", o->no_serve, "Only build the database (default: build, then serve)");
  add_serve_options(demo, o->serve);
  demo->add_option("--password-cost", o->password_cost,
                   "argon2id cost of the demo sign-ins: interactive (default) or test (fast, "
                   "for tests only)")
      ->check(CLI::IsMember({"interactive", "test"}));
  demo->callback([&ctx, o] { run_demo(ctx, *o); });
}

}  // namespace rollcall::cli
