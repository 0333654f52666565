// rollcall leave accrue   --db URL --through DATE [--dry-run] [--employee SERIAL]
// rollcall leave year-end --db URL --year Y [--apply] [--csv FILE]
// rollcall leave demo     --db URL [--today DATE]   (the leave demo data)
// The Payroll Unit's 4.010 leave runs from the command line, the same use
// cases as POST /api/v1/leave/accruals and /api/v1/leave/year-end
// (app/timeoff/leave_payroll.h): accruals per pay period, holiday credits and
// furlough grants posted idempotently; the 4.010-POL-7 year-end report
// (forfeitures, covers of negative balances, pay adjustments, carries by
// extension), applied in one transaction with --apply.
#include <fstream>
#include <iostream>

#include "app/demo/demo_leave.h"
#include "app/timeoff/leave_payroll.h"
#include "cli/commands.h"
#include "time/zone.h"

namespace rollcall::cli {
namespace {

namespace tsvc = app::timeoff;
namespace lv = rollcall::timeoff::leave;

struct LeaveCliOptions {
  std::string db;
  std::string actor = CliContext::default_actor();
  std::string through;
  bool dry_run = false;
  int year = 0;
  bool apply = false;
  std::string csv;
  std::string zone{kDefaultAgencyZone};
  std::string employee;
};

std::string hours(lv::Minutes m) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", static_cast<double>(m) / 60.0);
  return buf;
}

// The context with stored anchors, the organisation, or nullopt (exit code set).
struct Loaded {
  tsvc::TimeoffContext tctx;
  org::OrgSnapshot org;
};
std::optional<Loaded> load(CliContext& ctx, storage::Database& db, const std::string& zone) {
  auto shipped = tsvc::TimeoffContext::shipped(zone);
  if (!shipped) return ctx.fail(shipped.status()), std::nullopt;
  tsvc::TimeoffContext tctx = **shipped;
  auto anchors = tsvc::load_schedule_anchors(db);
  if (!anchors) return ctx.fail(anchors.status()), std::nullopt;
  tctx.set_anchors(std::move(*anchors));
  auto data = db.load_org();
  if (!data) return ctx.fail(data.status()), std::nullopt;
  return Loaded{std::move(tctx), org::OrgSnapshot(std::move(*data))};
}

void accrue(CliContext& ctx, const LeaveCliOptions& o) {
  auto through = ctx.date_option(o.through, "--through", false);
  if (ctx.exit_code != 0) return;
  auto db = ctx.open(o.db);
  if (!db) return;
  auto l = load(ctx, *db, o.zone);
  if (!l) return;
  std::optional<org::EmployeeId> only;
  if (!o.employee.empty()) {
    const org::Employee* e = l->org.employee_by_serial(o.employee);
    if (e == nullptr) return ctx.fail("--employee: no employee has serial " + o.employee);
    only = e->id;
  }
  auto r = tsvc::run_accruals(*db, l->tctx, l->org, o.actor, *through, o.dry_run, only);
  if (!r) return ctx.fail(r.status());
  std::cout << (o.dry_run ? "would post" : "posted") << " through " << through->to_string() << ": "
            << r->employees << " employees, " << r->accrual_entries << " accruals, "
            << r->holiday_credits << " holiday credits, " << r->furlough_grants
            << " furlough grants, " << hours(r->minutes_posted) << " hours; " << r->reduced_by_cap
            << " reduced by a cap\n";
  for (const auto& s : r->skipped) std::cerr << "skipped " << s << "\n";
}

void year_end(CliContext& ctx, const LeaveCliOptions& o) {
  auto db = ctx.open(o.db);
  if (!db) return;
  auto l = load(ctx, *db, o.zone);
  if (!l) return;
  auto today = local_date(ctx.clock.now(), o.zone);
  if (!today) return ctx.fail(today.status());
  auto r = tsvc::run_year_end(*db, l->tctx, o.actor, o.year, o.apply, *today);
  if (!r) return ctx.fail(r.status());
  std::map<std::string, lv::Minutes> totals;
  std::map<std::string, int> counts;
  for (const auto& i : r->plan.items) {
    totals[std::string(lv::to_string(i.kind))] += i.minutes;
    ++counts[std::string(lv::to_string(i.kind))];
  }
  std::cout << "year end " << o.year << (r->applied ? " (applied)" : " (dry run)")
            << ": furlough deadline " << r->plan.furlough_deadline.to_string()
            << ", holiday deadline " << o.year << "-12-31; " << r->plan.items.size() << " items";
  for (const auto& [k, m] : totals)
    std::cout << ", " << k << " " << counts[k] << " (" << hours(m) << " h)";
  std::cout << "; " << r->entries_posted << " ledger entries posted\n";
  if (!o.csv.empty()) {
    std::ofstream out(o.csv);
    out << "serial,kind,bank,from,hours,minutes,date,reason\n";
    for (const auto& i : r->plan.items) {
      const org::Employee* e = l->org.employee(i.employee);
      std::string reason = i.reason;
      for (char& c : reason) c = c == '"' ? '\'' : c;
      out << (e ? e->serial : std::to_string(i.employee)) << "," << lv::to_string(i.kind) << ","
          << lv::to_string(i.bank) << "," << (i.from ? lv::to_string(*i.from) : "") << ","
          << hours(i.minutes) << "," << i.minutes << "," << i.date.to_string() << ",\"" << reason
          << "\"\n";
    }
    if (!out) return ctx.fail("could not write " + o.csv);
  }
}

void demo(CliContext& ctx, const LeaveCliOptions& o) {
  auto today = ctx.date_option(o.through, "--today", true);
  if (ctx.exit_code != 0) return;
  auto db = ctx.open(o.db);
  if (!db) return;
  auto c = app::store_demo_leave(*db, *today, ctx.clock.now(), o.actor);
  if (!c) return ctx.fail(c.status());
  std::cout << "leave demo on " << today->to_string() << ": " << c->anchors << " schedule anchors, "
            << c->employees << " employees with opening balances and "
            << "accruals (" << c->ledger_entries << " ledger entries), " << c->requests
            << " requests, " << c->extensions << " year-end extension\n";
}

}  // namespace

void add_leave_commands(CLI::App& app, CliContext& ctx) {
  auto o = std::make_shared<LeaveCliOptions>();
  auto* leave = app.add_subcommand("leave", "4.010 leave: Payroll's accrual and year-end runs");
  leave->require_subcommand(1);
  auto* acc = leave->add_subcommand(
      "accrue",
      "Post accruals per pay period, holiday credits and furlough grants due through "
      "a date (idempotent)");
  CliContext::add_db_option(acc, o->db);
  acc->add_option("--through", o->through, "Post what is due through this date (YYYY-MM-DD)")
      ->required();
  acc->add_flag("--dry-run", o->dry_run, "Report what would be posted; write nothing");
  acc->add_option("--employee", o->employee, "Only this employee (serial)");
  acc->add_option("--actor", o->actor, "Audit actor");
  acc->add_option("--zone", o->zone, "Agency time zone (IANA)");
  acc->callback([&ctx, o] { accrue(ctx, *o); });
  auto* ye =
      leave->add_subcommand("year-end",
                            "4.010-POL-7 year end: report forfeitures, covers and pay adjustments; "
                            "--apply posts them (once, after December 31)");
  CliContext::add_db_option(ye, o->db);
  ye->add_option("--year", o->year, "The year to settle")->required();
  ye->add_flag("--apply", o->apply, "Post the settlement (default: dry run)");
  ye->add_option("--csv", o->csv, "Write the report's items to this CSV file");
  ye->add_option("--actor", o->actor, "Audit actor");
  ye->add_option("--zone", o->zone, "Agency time zone (IANA)");
  ye->callback([&ctx, o] { year_end(ctx, *o); });
  auto* dm = leave->add_subcommand(
      "demo",
      "Add the 4.010 leave demo data (anchors, balances, requests in each state) to a "
      "database built by `rollcall demo`");
  CliContext::add_db_option(dm, o->db);
  dm->add_option("--today", o->through, "The demo day (default: today)");
  dm->add_option("--actor", o->actor, "Audit actor");
  dm->callback([&ctx, o] { demo(ctx, *o); });
}

}  // namespace rollcall::cli
