#include "app/demo/demo_leave.h"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "app/demo/demo_events.h"
#include "app/timeoff/leave_payroll.h"
#include "domain/org/org_snapshot.h"

namespace rollcall::app {
namespace {

namespace tsvc = app::timeoff;
namespace lv = rollcall::timeoff::leave;

// The `n`th (0-based) scheduled day of `e` on or after `from`, or nullopt
// within 60 days.
std::optional<Date> nth_shift(const tsvc::TimeoffContext& ctx, const org::Employee& e, Date from,
                              int n) {
  auto ws = ctx.schedule_of(e);
  if (!ws) return std::nullopt;
  for (Date d = from; d < from.plus_days(60); d = d.plus_days(1)) {
    if (ws->is_scheduled(d) && n-- == 0) return d;
  }
  return std::nullopt;
}

lv::RequestDraft draft(lv::LeaveType type, Date first, Date last, std::string note) {
  lv::RequestDraft d;
  d.type = type;
  d.first = first;
  d.last = last;
  d.note = std::move(note);
  return d;
}

}  // namespace

Result<DemoLeaveCounts> store_demo_leave(storage::Database& db, Date today, Instant now,
                                         const std::string& actor) {
  DemoLeaveCounts counts;
  RC_ASSIGN_OR_RETURN(auto shipped, tsvc::TimeoffContext::shipped(kDefaultAgencyZone));
  tsvc::TimeoffContext ctx = *shipped;
  RC_ASSIGN_OR_RETURN(org::OrgData data, db.load_org());
  const org::OrgSnapshot org(std::move(data));
  const auto cast = choose_demo_cast(org, today);
  if (!cast) return failed_precondition("the org has no demo squad for the leave demo");

  // Schedule anchors: the squad's members take the 4-2 platoons in turn.
  std::vector<org::EmployeeId> squad = org.squad_of(cast->sergeant, today);
  std::sort(squad.begin(), squad.end());
  {
    RC_ASSIGN_OR_RETURN(auto tx, db.begin(actor));
    int platoon = 0;
    for (org::EmployeeId id : squad) {
      const org::Employee* e = org.employee(id);
      if (e == nullptr || e->schedule != org::ScheduleType::k4_2) continue;
      const Date anchor = Date::from_ymd(today.year(), 1, 1).plus_days(platoon++ % 6);
      nlohmann::json body{{"anchor", anchor.to_string()}, {"set_by", "demo"}};
      RC_RETURN_IF_ERROR(
          tx->insert_workflow_record(std::string(tsvc::kScheduleAnchorKind), id, "set", body.dump())
              .status());
      ++counts.anchors;
    }
    RC_RETURN_IF_ERROR(tx->commit());
  }
  RC_ASSIGN_OR_RETURN(auto anchors, tsvc::load_schedule_anchors(db));
  ctx.set_anchors(std::move(anchors));

  // Opening balances and accruals: the demo precinct and the cast.
  std::set<org::EmployeeId> people(squad.begin(), squad.end());
  for (org::EmployeeId id : {cast->officer, cast->sergeant, cast->lieutenant, cast->captain,
                             cast->bureau_chief, cast->chief}) {
    people.insert(id);
  }
  if (auto chain = org.chain_of(cast->officer, today)) {
    if (auto captain = chain->captain()) {
      for (auto id : org.members_of(captain->unit, today, true)) people.insert(id);
    }
  }
  const Date opening = Date::from_ymd(today.year(), 1, 1);
  {
    std::vector<lv::LedgerEntry> entries;
    for (org::EmployeeId id : people) {
      const org::Employee* e = org.employee(id);
      if (e == nullptr || e->hire_date > opening) continue;
      auto unit = ctx.unit_rules(*e);
      if (!unit) continue;
      auto open = [&](lv::LeaveType bank, lv::Minutes minutes) {
        if ((*unit)->find(bank) == nullptr || minutes <= 0) return;
        lv::LedgerEntry x;
        x.employee = id;
        x.bank = x.taken_as = bank;
        x.date = opening;
        x.minutes = minutes;
        x.kind = lv::EntryKind::kAdjustment;
        x.source = "opening-balance " + std::to_string(today.year());
        x.reason = "opening balance carried from the previous system (demo)";
        entries.push_back(std::move(x));
      };
      open(lv::LeaveType::kVacation, (40 + (id % 9) * 10) * 60);
      open(lv::LeaveType::kSick, (60 + (id % 7) * 15) * 60);
      open(lv::LeaveType::kCompTime, (id % 4) * 8 * 60);
    }
    RC_ASSIGN_OR_RETURN(auto tx, db.begin(actor));
    if (!entries.empty()) RC_RETURN_IF_ERROR(tx->insert_ledger_entries(entries));
    RC_RETURN_IF_ERROR(tx->commit());
    counts.ledger_entries += static_cast<int>(entries.size());
  }
  for (org::EmployeeId id : people) {
    RC_ASSIGN_OR_RETURN(auto r, tsvc::run_accruals(db, ctx, org, actor, today, false, id));
    counts.employees += r.employees;
    counts.ledger_entries += r.accrual_entries + r.holiday_credits + r.furlough_grants;
  }

  // Requests in each state, by the squad, through the use cases.
  auto as = [&](org::EmployeeId who) { return tsvc::ActingAs{who, actor, now, today}; };
  auto step = [&](std::int64_t id, int version, lv::StepKind kind, org::EmployeeId who,
                  std::string comments = "") -> Result<tsvc::StoredRequest> {
    return tsvc::take_step(db, ctx, org, as(who), id, tsvc::StepRequest{kind, version, comments});
  };
  std::vector<org::EmployeeId> others;
  for (auto id : squad) {
    if (id != cast->officer && id != cast->sergeant) others.push_back(id);
  }
  const org::Employee* officer = org.employee(cast->officer);
  // The officer: one short request waiting for the sergeant, one long one
  // with the captain (PRO-1.4), and a year-end extension.
  if (auto d = nth_shift(ctx, *officer, today.plus_days(9), 0)) {
    RC_ASSIGN_OR_RETURN(
        auto s, tsvc::submit_request(db, ctx, org, as(officer->id), officer->id,
                                     draft(lv::LeaveType::kVacation, *d, *d, "school play")));
    (void)s;
    ++counts.requests;
  }
  if (auto a = nth_shift(ctx, *officer, today.plus_days(30), 0)) {
    auto b = nth_shift(ctx, *officer, *a, 3);
    lv::RequestDraft long_draft = draft(lv::LeaveType::kVacation, *a, b.value_or(*a),
                                        "family trip (Request for Authorized Absence, form 2.23)");
    // Partial days keep the demo balance positive whatever the schedule.
    for (Date d = *a; d <= long_draft.last; d = d.plus_days(1)) {
      if (auto ws = ctx.schedule_of(*officer); ws && ws->is_scheduled(d)) {
        long_draft.days.push_back(lv::LeaveDay{d, 4 * 60});
      }
    }
    RC_ASSIGN_OR_RETURN(
        auto s, tsvc::submit_request(db, ctx, org, as(officer->id), officer->id, long_draft));
    ++counts.requests;
    if (s.request.captain_path) {
      RC_ASSIGN_OR_RETURN(s, step(s.request.id, s.version, lv::StepKind::kApprove, cast->sergeant));
      RC_ASSIGN_OR_RETURN(
          s, step(s.request.id, s.version, lv::StepKind::kForwardToCaptain, cast->sergeant));
    }
  }
  auto ext = tsvc::request_extension(
      db, ctx, org, as(officer->id), today.year(), {lv::LeaveType::kHoliday},
      Date::from_ymd(today.year() + 1, 3, 31), "training academy assignment through December");
  if (ext) {
    ++counts.extensions;
    // Each link of the chain passes it on, so it waits with the bureau chief.
    for (int guard = 0; guard < 8 && ext->extension.route && !ext->extension.route->delivered();
         ++guard) {
      const auto holder = ext->extension.route->holder();
      if (!holder) break;
      auto next = tsvc::extension_step(db, org, as(*holder), ext->extension.id,
                                       tsvc::ExtensionStep::kForward, ext->version, "");
      if (!next) break;
      ext = std::move(next);
    }
  }
  // Squad members: approved, recorded (last week), denied, cancelled, and a call-in.
  struct Plan {
    int offset;
    lv::LeaveType type;
    std::vector<lv::StepKind> steps;
    const char* note;
  };
  const std::vector<Plan> plans{
      {5, lv::LeaveType::kVacation, {lv::StepKind::kApprove}, "dentist"},
      {-6, lv::LeaveType::kSick, {lv::StepKind::kApprove, lv::StepKind::kRecord}, "flu"},
      {12, lv::LeaveType::kVacation, {lv::StepKind::kDeny}, "concert"},
      {20, lv::LeaveType::kVacation, {lv::StepKind::kCancel}, "plans changed"},
  };
  for (std::size_t i = 0; i < plans.size() && i < others.size(); ++i) {
    const org::Employee* e = org.employee(others[i]);
    if (e == nullptr) continue;
    auto d = nth_shift(ctx, *e, today.plus_days(plans[i].offset), 0);
    if (!d) continue;
    auto s = tsvc::submit_request(db, ctx, org, as(e->id), e->id,
                                  draft(plans[i].type, *d, *d, plans[i].note));
    if (!s) continue;  // e.g. a balance the demo did not give: skip, never fail the demo
    ++counts.requests;
    for (lv::StepKind k : plans[i].steps) {
      const org::EmployeeId who = k == lv::StepKind::kCancel ? e->id : cast->sergeant;
      const std::string why = k == lv::StepKind::kDeny ? "minimum staffing that day" : "";
      auto next = step(s->request.id, s->version, k, who, why);
      if (!next) break;
      s = std::move(next);
    }
  }
  if (others.size() > plans.size()) {
    const org::Employee* e = org.employee(others[plans.size()]);
    if (e != nullptr) {
      if (auto d = nth_shift(ctx, *e, today.plus_days(1), 0)) {
        auto s = tsvc::record_call_in(db, ctx, org, as(cast->sergeant), e->id,
                                      draft(lv::LeaveType::kSick, *d, *d, "called in sick"), now);
        if (s) ++counts.requests;
      }
    }
  }
  return counts;
}

}  // namespace rollcall::app
