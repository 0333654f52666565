#include "app/timeoff/leave_service.h"

#include <algorithm>
#include <iterator>
#include <set>

#include "app/timeoff/leave_codec.h"
#include "domain/access/access.h"
#include "domain/timeoff/records/chain_route.h"

namespace rollcall::app::timeoff {
namespace {

using access::Role;
namespace tor = rollcall::timeoff::records;

bool has(const std::vector<Role>& roles, Role r) {
  return std::find(roles.begin(), roles.end(), r) != roles.end();
}

Result<StoredRequest> from_record(const storage::WorkflowRecord& w) {
  RC_ASSIGN_OR_RETURN(lv::LeaveRequest r, request_from_json(w.body_json, w.id));
  return StoredRequest{std::move(r), w.version};
}

// Everything the domain needs about one employee on one day.
struct Loaded {
  const org::Employee* employee = nullptr;
  const lv::UnitLeaveRules* unit = nullptr;
  to::ScheduleKind kind = to::ScheduleKind::kFiveEight;
  lv::WorkSchedule work;
  std::vector<lv::LedgerEntry> ledger;
  std::vector<StoredRequest> stored;
  std::vector<lv::LeaveRequest> requests;
  lv::UpcomingCredits upcoming;
  Date today;

  lv::LeaveContext context(const TimeoffContext& ctx) const {
    return lv::LeaveContext{*unit, ctx.rules().requests, kind, work, ledger, requests, upcoming,
                            today};
  }
};

// Loads the employee's ledger, requests and the schedule over every day a
// request or draft may touch: the request window around `today` and the
// days of every live request (consecutive blocks join across them).
Result<Loaded> load(storage::WorkflowReader& wf, storage::LedgerReader& lr,
                    const TimeoffContext& ctx, const org::OrgSnapshot& org,
                    org::EmployeeId employee, Date today, std::optional<Date> extra_first = {},
                    std::optional<Date> extra_last = {}) {
  Loaded l;
  l.today = today;
  l.employee = org.employee(employee);
  if (l.employee == nullptr) {
    return not_found("employee " + std::to_string(employee) + " does not exist");
  }
  RC_ASSIGN_OR_RETURN(l.unit, ctx.unit_rules(*l.employee));
  l.kind = schedule_kind(l.employee->schedule);
  RC_ASSIGN_OR_RETURN(l.ledger, lr.ledger_entries(employee));
  RC_ASSIGN_OR_RETURN(auto records, wf.workflow_records(std::string(kLeaveRequestKind), employee));
  const auto& limits = ctx.rules().requests;
  Date first = today.plus_days(-limits.lookback_days - 7);
  Date last = today.plus_days(limits.horizon_days + 7);
  for (const auto& w : records) {
    RC_ASSIGN_OR_RETURN(StoredRequest s, from_record(w));
    if (lv::is_live(s.request.state)) {
      first = std::min(first, s.request.first.plus_days(-7));
      last = std::max(last, s.request.last.plus_days(7));
    }
    l.requests.push_back(s.request);
    l.stored.push_back(std::move(s));
  }
  if (extra_first) first = std::min(first, extra_first->plus_days(-7));
  if (extra_last) last = std::max(last, extra_last->plus_days(7));
  RC_ASSIGN_OR_RETURN(l.work, ctx.leave_schedule(*l.employee, first, last));
  l.upcoming = ctx.upcoming_credits(l.kind, today, std::max(today.year(), last.year()));
  return l;
}

Result<StoredRequest> latest(storage::WorkflowReader& db, std::int64_t id) {
  RC_ASSIGN_OR_RETURN(auto versions, db.workflow_versions(id));
  if (versions.empty() || versions.back().kind != kLeaveRequestKind) {
    return not_found("leave request " + std::to_string(id) + " does not exist");
  }
  return from_record(versions.back());
}

bool is_sergeant_of(const org::OrgSnapshot& org, org::EmployeeId person, org::EmployeeId subject,
                    Date on) {
  const lv::ActorContext a = leave_actor(org, person, subject, on);
  return a.first_line || (has(a.roles, Role::kSupervisor) && a.in_chain);
}

// 4.010-PRO-1.3: the links from above the sergeant `sender` up to the
// employee's section captain; FAILED_PRECONDITION when no captain holds the
// employee's precinct or section that day.
Result<std::vector<tor::Hop>> hops_to_captain(const org::OrgSnapshot& org, org::EmployeeId subject,
                                              org::EmployeeId sender, Date on) {
  RC_ASSIGN_OR_RETURN(org::ChainOfCommand chain, org.chain_of(subject, on));
  auto hops = tor::route_up_chain(chain, sender, tor::ChainTop::kSectionCaptain);
  if (!hops) {
    return failed_precondition("4.010-PRO-1.3: " + hops.status().message() +
                               " to send the Request for Authorized Absence to");
  }
  return hops;
}

// The route a step sends the form along (lv::Step::route): up to the captain
// for forward-to-captain; for the captain's decision, the links between the
// captain and the sergeant who sent it, then that sergeant (PRO-1.4).
Result<std::vector<tor::Hop>> route_for(const org::OrgSnapshot& org, const lv::LeaveRequest& r,
                                        lv::StepKind kind, org::EmployeeId actor, Date on) {
  using K = lv::StepKind;
  if (kind == K::kForwardToCaptain) {
    if (r.state != lv::RequestState::kSergeantApproved) return std::vector<tor::Hop>{};
    return hops_to_captain(org, r.employee, actor, on);
  }
  if ((kind != K::kCaptainApprove && kind != K::kCaptainDeny) || r.sergeant == 0 ||
      r.state != lv::RequestState::kCaptainReview) {
    return std::vector<tor::Hop>{};
  }
  // The links below the deciding captain, nearest the captain first.
  auto up = hops_to_captain(org, r.employee, r.sergeant, on);
  std::vector<tor::Hop> down;
  if (up.is_ok()) {
    const auto top = std::find_if(up->begin(), up->end(),
                                  [&](const tor::Hop& h) { return h.recipient == actor; });
    for (auto it = std::make_reverse_iterator(top); it != up->rend(); ++it) {
      if (it->recipient != actor && it->recipient != r.sergeant) down.push_back(*it);
    }
  }
  down.push_back(tor::Hop{r.sergeant, "sergeant/supervisor", std::nullopt});
  return down;
}

}  // namespace

lv::ActorContext leave_actor(const org::OrgSnapshot& org, org::EmployeeId actor,
                             org::EmployeeId subject, Date on) {
  lv::ActorContext a;
  a.employee = actor;
  a.roles = access::roles_on(org, actor, on);
  a.in_chain = org.in_chain_of(actor, subject, on);
  if (auto chain = org.chain_of(subject, on)) {
    if (auto sup = chain->immediate_supervisor()) a.first_line = sup->employee == actor;
  }
  return a;
}

Result<std::vector<StoredRequest>> load_requests(storage::WorkflowReader& db,
                                                 std::optional<org::EmployeeId> employee) {
  RC_ASSIGN_OR_RETURN(auto records, db.workflow_records(std::string(kLeaveRequestKind), employee));
  std::vector<StoredRequest> out;
  out.reserve(records.size());
  for (const auto& w : records) {
    RC_ASSIGN_OR_RETURN(StoredRequest s, from_record(w));
    out.push_back(std::move(s));
  }
  return out;
}

Result<StoredRequest> load_request(storage::WorkflowReader& db, std::int64_t id) {
  return latest(db, id);
}

Result<LeaveSummary> leave_summary(storage::Database& db, const TimeoffContext& ctx,
                                   const org::OrgSnapshot& org, org::EmployeeId employee,
                                   Date as_of) {
  RC_ASSIGN_OR_RETURN(Loaded l, load(db, db, ctx, org, employee, as_of));
  LeaveSummary out;
  out.employee = employee;
  out.as_of = as_of;
  out.bargaining_unit = l.employee->bargaining_unit;
  out.schedule = l.kind;
  for (lv::LeaveType t : lv::kAllLeaveTypes) {
    if (!lv::is_bank(t) || l.unit->find(t) == nullptr) continue;
    BankBalance b;
    b.bank = t;
    b.balance = lv::balance(l.ledger, t, as_of);
    b.pending = lv::pending_minutes(l.requests, t);
    b.committed_after = lv::committed_after(l.ledger, t, as_of);
    b.available = lv::available(l.ledger, l.requests, t, as_of);
    b.unearned_allowed = lv::unearned_allowance(*l.unit, l.kind, t, l.upcoming, as_of,
                                                Date::from_ymd(as_of.year(), 12, 31));
    out.banks.push_back(b);
  }
  for (auto& s : l.stored) {
    if (lv::is_pending(s.request.state)) out.pending.push_back(std::move(s));
  }
  std::sort(out.pending.begin(), out.pending.end(),
            [](const StoredRequest& a, const StoredRequest& b) {
              return a.request.first < b.request.first;
            });
  return out;
}

Result<std::vector<lv::LedgerEntry>> ledger_entries(storage::LedgerReader& db,
                                                    org::EmployeeId employee,
                                                    std::optional<Date> from,
                                                    std::optional<Date> to) {
  RC_ASSIGN_OR_RETURN(auto all, db.ledger_entries(employee));
  std::vector<lv::LedgerEntry> out;
  for (auto& e : all) {
    if ((from && e.date < *from) || (to && e.date > *to)) continue;
    out.push_back(std::move(e));
  }
  return out;
}

Result<StoredRequest> submit_request(storage::Database& db, const TimeoffContext& ctx,
                                     const org::OrgSnapshot& org, const ActingAs& actor,
                                     org::EmployeeId employee, const lv::RequestDraft& draft) {
  RC_ASSIGN_OR_RETURN(auto tx, db.begin(actor.name));
  RC_ASSIGN_OR_RETURN(Loaded l,
                      load(*tx, *tx, ctx, org, employee, actor.on, draft.first, draft.last));
  RC_ASSIGN_OR_RETURN(
      lv::LeaveRequest r,
      lv::submit(0, employee, draft, leave_actor(org, actor.employee, employee, actor.on),
                 l.context(ctx), actor.at));
  RC_ASSIGN_OR_RETURN(
      std::int64_t id,
      tx->insert_workflow_record(std::string(kLeaveRequestKind), employee,
                                 std::string(lv::to_string(r.state)), request_to_json(r)));
  RC_RETURN_IF_ERROR(tx->commit());
  r.id = id;
  return StoredRequest{std::move(r), 1};
}

Result<StoredRequest> record_call_in(storage::Database& db, const TimeoffContext& ctx,
                                     const org::OrgSnapshot& org, const ActingAs& actor,
                                     org::EmployeeId employee, const lv::RequestDraft& draft,
                                     Instant called_at) {
  const org::Employee* e = org.employee(employee);
  if (e == nullptr) return not_found("employee " + std::to_string(employee) + " does not exist");
  RC_ASSIGN_OR_RETURN(to::WorkSchedule ws, ctx.schedule_of(*e));
  const auto shift = ws.shift_on(draft.first);
  if (!shift) {
    return invalid_argument("first: " + draft.first.to_string() + " is not a scheduled work day");
  }
  RC_ASSIGN_OR_RETURN(auto tx, db.begin(actor.name));
  RC_ASSIGN_OR_RETURN(Loaded l,
                      load(*tx, *tx, ctx, org, employee, actor.on, draft.first, draft.last));
  RC_ASSIGN_OR_RETURN(
      lv::StepResult res,
      lv::record_unscheduled(0, employee, draft, lv::CallIn{called_at, shift->start},
                             leave_actor(org, actor.employee, employee, actor.on), l.context(ctx),
                             actor.at));
  RC_ASSIGN_OR_RETURN(std::int64_t id,
                      tx->insert_workflow_record(std::string(kLeaveRequestKind), employee,
                                                 std::string(lv::to_string(res.request.state)),
                                                 request_to_json(res.request)));
  res.request.id = id;
  for (auto& entry : res.entries) entry.source = "request " + std::to_string(id);
  if (!res.entries.empty()) RC_RETURN_IF_ERROR(tx->insert_ledger_entries(res.entries));
  RC_RETURN_IF_ERROR(tx->commit());
  return StoredRequest{std::move(res.request), 1};
}

Result<StoredRequest> take_step(storage::Database& db, const TimeoffContext& ctx,
                                const org::OrgSnapshot& org, const ActingAs& actor, std::int64_t id,
                                const StepRequest& step) {
  RC_ASSIGN_OR_RETURN(auto tx, db.begin(actor.name));
  RC_ASSIGN_OR_RETURN(StoredRequest current, latest(*tx, id));
  const org::EmployeeId subject = current.request.employee;
  RC_ASSIGN_OR_RETURN(Loaded l, load(*tx, *tx, ctx, org, subject, actor.on, current.request.first,
                                     current.request.last));
  lv::Step domain_step{step.kind, actor.at, step.comments, {}};
  RC_ASSIGN_OR_RETURN(domain_step.route,
                      route_for(org, current.request, step.kind, actor.employee, actor.on));
  RC_ASSIGN_OR_RETURN(
      lv::StepResult res,
      lv::apply(current.request, domain_step, leave_actor(org, actor.employee, subject, actor.on),
                l.context(ctx)));
  if (current.version != step.expected_version) {
    return failed_precondition("leave request " + std::to_string(id) + " is at version " +
                               std::to_string(current.version) + ", not " +
                               std::to_string(step.expected_version) +
                               ": someone acted on it first; reload it and try again");
  }
  RC_RETURN_IF_ERROR(tx->add_workflow_version(id, std::string(kLeaveRequestKind), current.version,
                                              std::string(lv::to_string(res.request.state)),
                                              request_to_json(res.request)));
  if (!res.entries.empty()) RC_RETURN_IF_ERROR(tx->insert_ledger_entries(res.entries));
  RC_RETURN_IF_ERROR(tx->commit());
  return StoredRequest{std::move(res.request), current.version + 1};
}

Awaiting awaiting(const lv::LeaveRequest& r) {
  Awaiting a;
  using K = lv::StepKind;
  if (const auto* transit = lv::form_in_transit(r)) {
    const bool up = r.state == lv::RequestState::kCaptainReview;
    a = {true, up ? "4.010-PRO-1.3" : "4.010-PRO-1.4", Role::kSupervisor, {K::kForward}, r.first};
    a.holder = transit->holder();
    return a;
  }
  switch (r.state) {
    case lv::RequestState::kSubmitted:
      a = {true,
           r.captain_path ? "4.010-PRO-1.2" : "4.010-POL-2",
           Role::kSupervisor,
           {K::kApprove, K::kDeny},
           r.first};
      break;
    case lv::RequestState::kSergeantApproved:
      a = {true, "4.010-PRO-1.3", Role::kSupervisor, {K::kForwardToCaptain}, r.first};
      break;
    case lv::RequestState::kCaptainReview:
      a = {true, "4.010-PRO-1.4", Role::kCaptain, {K::kCaptainApprove, K::kCaptainDeny}, r.first};
      break;
    case lv::RequestState::kApproved:
      a = {true, "4.010-PRO-1.5", Role::kSupervisor, {K::kRecord}, r.last.plus_days(1)};
      break;
    case lv::RequestState::kRecorded:
    case lv::RequestState::kDenied:
    case lv::RequestState::kCancelled:
      break;
  }
  return a;
}

bool overdue(const lv::LeaveRequest& r, Date today) {
  const Awaiting a = awaiting(r);
  if (!a.any) return false;
  // A decision is late once the leave has begun; recording once it has ended.
  return r.state == lv::RequestState::kApproved ? today > r.last : today >= a.due;
}

std::vector<lv::StepKind> my_actions(const lv::LeaveRequest& r, const org::OrgSnapshot& org,
                                     org::EmployeeId person, Date today) {
  std::vector<lv::StepKind> out;
  const Awaiting a = awaiting(r);
  if (a.any && a.holder) {
    if (*a.holder == person) out = a.actions;
  } else if (a.any && person != r.employee) {
    const bool may = a.role == Role::kCaptain
                         ? has(access::roles_on(org, person, today), Role::kCaptain) &&
                               org.in_chain_of(person, r.employee, today)
                         : is_sergeant_of(org, person, r.employee, today);
    if (may) out = a.actions;
  }
  const bool before_leave = today < r.first;
  const bool cancellable =
      lv::is_live(r.state) &&
      (lv::is_pending(r.state) ? (r.state != lv::RequestState::kApproved || before_leave)
                               : before_leave);
  if (cancellable && (person == r.employee || is_sergeant_of(org, person, r.employee, today))) {
    out.push_back(lv::StepKind::kCancel);
  }
  return out;
}

std::vector<const StoredRequest*> request_inbox(const std::vector<StoredRequest>& requests,
                                                const org::OrgSnapshot& org, org::EmployeeId person,
                                                Date today) {
  std::vector<const StoredRequest*> out;
  for (const StoredRequest& s : requests) {
    const Awaiting a = awaiting(s.request);
    if (!a.any || s.request.employee == person) continue;
    auto acts = my_actions(s.request, org, person, today);
    const bool awaits_me = std::any_of(acts.begin(), acts.end(),
                                       [](lv::StepKind k) { return k != lv::StepKind::kCancel; });
    if (awaits_me) out.push_back(&s);
  }
  std::stable_sort(out.begin(), out.end(), [&](const StoredRequest* x, const StoredRequest* y) {
    const bool ox = overdue(x->request, today), oy = overdue(y->request, today);
    if (ox != oy) return ox;
    const Date dx = awaiting(x->request).due, dy = awaiting(y->request).due;
    if (dx != dy) return dx < dy;
    return x->request.id < y->request.id;
  });
  return out;
}

Result<UnitCalendar> unit_calendar(storage::Database& db, const TimeoffContext& ctx,
                                   const org::OrgSnapshot& org, org::UnitId unit, Date from,
                                   Date to) {
  const org::Unit* u = org.unit(unit);
  if (u == nullptr) return not_found("unit " + std::to_string(unit) + " does not exist");
  if (to < from) return invalid_argument("to: " + to.to_string() + " is before from");
  if (days_between(from, to) > 62) return invalid_argument("to: at most 62 days after from");
  UnitCalendar out;
  out.unit = unit;
  out.rules = ctx.staffing_rules(u->code);
  std::set<org::EmployeeId> members;
  for (Date d = from; d <= to; d = d.plus_days(1)) {
    for (auto e : org.members_of(unit, d, true)) members.insert(e);
  }
  out.members.assign(members.begin(), members.end());
  std::vector<lv::ScheduledShift> shifts;
  std::vector<lv::LeaveRequest> requests;
  RC_ASSIGN_OR_RETURN(auto all, load_requests(db, std::nullopt));
  for (org::EmployeeId id : out.members) {
    const org::Employee* e = org.employee(id);
    if (e == nullptr) continue;
    RC_ASSIGN_OR_RETURN(to::WorkSchedule ws, ctx.schedule_of(*e));
    for (Date d = from; d <= to; d = d.plus_days(1)) {
      // Only days the employee works in this unit (a transfer mid-range).
      if (!org.member_assignment_on(id, d) && org.units_led_on(id, d).empty()) continue;
      const auto m = ws.scheduled_minutes(d);
      if (m > 0) shifts.push_back({d, id, m});
    }
  }
  for (auto& s : all) {
    if (members.count(s.request.employee) && s.request.last >= from && s.request.first <= to) {
      requests.push_back(std::move(s.request));
    }
  }
  out.days = lv::staffing(shifts, requests, out.rules);
  return out;
}

Result<std::vector<lv::StaffingDay>> staffing_for(storage::Database& db, const TimeoffContext& ctx,
                                                  const org::OrgSnapshot& org,
                                                  const lv::LeaveRequest& r) {
  auto chain = org.chain_of(r.employee, r.first);
  if (!chain) return std::vector<lv::StaffingDay>{};
  const Date to = std::min(r.last, r.first.plus_days(62));
  RC_ASSIGN_OR_RETURN(UnitCalendar cal, unit_calendar(db, ctx, org, chain->home_unit, r.first, to));
  return cal.days;
}

}  // namespace rollcall::app::timeoff
