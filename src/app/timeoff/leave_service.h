// 4.010 leave use cases: balances, requests and their approval steps
// (POL-2, POL-5, POL-6, PRO-1), the unit leave calendar, and everyone's
// pending leave steps. Each write is one transaction: load the employee's
// ledger and requests, decide with the domain (domain/timeoff/leave), store
// the request as a new workflow-record version and any ledger entries, each
// with its audit record. Nothing is written on any error.
//
// Who is acting comes from the organisation on the day of the action
// (OrgSnapshot + access::roles_on + in_chain_of + the first-line supervisor);
// callers never pass roles.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/timeoff/timeoff_context.h"
#include "common/status.h"
#include "domain/org/org_snapshot.h"
#include "domain/timeoff/leave/ledger.h"
#include "domain/timeoff/leave/request_workflow.h"
#include "domain/timeoff/leave/staffing.h"
#include "storage/database.h"

namespace rollcall::app::timeoff {

// The workflow-record kind of a leave request.
inline constexpr std::string_view kLeaveRequestKind = "leave-request";

struct StoredRequest {
  lv::LeaveRequest request;
  int version = 0;  // the record version; a step must name it (optimistic concurrency)
};

// Who acts and when.
struct ActingAs {
  org::EmployeeId employee = 0;
  std::string name;  // the audit actor ("user:<username>", "cli:payroll")
  Instant at;
  Date on;  // the agency-zone date of `at`
};

// The domain's view of `actor` acting on `subject`'s leave on `on`.
lv::ActorContext leave_actor(const org::OrgSnapshot& org, org::EmployeeId actor,
                             org::EmployeeId subject, Date on);

// Every request (of one employee if given), by id. DATA_LOSS for an unreadable body.
Result<std::vector<StoredRequest>> load_requests(storage::WorkflowReader& db,
                                                 std::optional<org::EmployeeId> employee);
// NOT_FOUND for an unknown id (or a record of another kind).
Result<StoredRequest> load_request(storage::WorkflowReader& db, std::int64_t id);

// --- balances ------------------------------------------------------------------

struct BankBalance {
  lv::LeaveType bank = lv::LeaveType::kVacation;
  lv::Minutes balance = 0;           // ledger sum as of the date
  lv::Minutes pending = 0;           // live requests not yet recorded
  lv::Minutes committed_after = 0;   // posted usage dated after the date (negative)
  lv::Minutes available = 0;         // balance + committed_after - pending
  lv::Minutes unearned_allowed = 0;  // 4.010-POL-5 exceptions for leave in the date's year
};

struct LeaveSummary {
  org::EmployeeId employee = 0;
  Date as_of;
  std::string bargaining_unit;
  to::ScheduleKind schedule = to::ScheduleKind::kFiveEight;
  std::vector<BankBalance> banks;      // the unit's banks, in kAllLeaveTypes order
  std::vector<StoredRequest> pending;  // is_pending requests, by first day
};

// Balances of `employee` as of `as_of` (4.010-POL-5/6: pending requests reduce
// what is available). NOT_FOUND for an unknown employee or a bargaining unit
// without rules.
Result<LeaveSummary> leave_summary(storage::Database& db, const TimeoffContext& ctx,
                                   const org::OrgSnapshot& org, org::EmployeeId employee,
                                   Date as_of);

// The employee's ledger entries dated in [from, to] (either bound optional).
Result<std::vector<lv::LedgerEntry>> ledger_entries(storage::LedgerReader& db,
                                                    org::EmployeeId employee,
                                                    std::optional<Date> from,
                                                    std::optional<Date> to);

// --- requests --------------------------------------------------------------------

// 4.010-POL-2 / PRO-1.1: the employee submits a request. Errors of
// leave::submit (PERMISSION_DENIED unless the actor is the employee;
// INVALID_ARGUMENT "field: why" for the draft; FAILED_PRECONDITION for the
// POL-5 balance); NOT_FOUND for an unknown employee.
Result<StoredRequest> submit_request(storage::Database& db, const TimeoffContext& ctx,
                                     const org::OrgSnapshot& org, const ActingAs& actor,
                                     org::EmployeeId employee, const lv::RequestDraft& draft);

// 4.010-POL-2: the supervisor records an unscheduled absence the employee
// called in at `called_at` (before the shift: approved and recorded at once,
// usage posted). Errors of leave::record_unscheduled; INVALID_ARGUMENT
// ("first") if the day has no shift.
Result<StoredRequest> record_call_in(storage::Database& db, const TimeoffContext& ctx,
                                     const org::OrgSnapshot& org, const ActingAs& actor,
                                     org::EmployeeId employee, const lv::RequestDraft& draft,
                                     Instant called_at);

struct StepRequest {
  lv::StepKind kind = lv::StepKind::kApprove;
  int expected_version = 0;
  std::string comments;
};

// One step on request `id` (approve/deny, PRO-1.3 forward, PRO-1.4 captain
// decision, PRO-1.5 record -> usage entries, cancel -> reversal entries).
// NOT_FOUND for an unknown id; errors of leave::apply; FAILED_PRECONDITION if
// the record moved past expected_version.
Result<StoredRequest> take_step(storage::Database& db, const TimeoffContext& ctx,
                                const org::OrgSnapshot& org, const ActingAs& actor, std::int64_t id,
                                const StepRequest& step);

// Who must act next on a request, and whether they are late.
struct Awaiting {
  bool any = false;  // false for recorded, denied, cancelled
  std::string step;  // "4.010-PRO-1.2", "4.010-POL-2", "4.010-PRO-1.4", "4.010-PRO-1.5"
  access::Role role = access::Role::kSupervisor;
  std::vector<lv::StepKind> actions;  // what that person may do
  // Decision: a decision is due before the leave starts (the first day); the
  // time is due to be recorded by the day after the last day (TeleStaff and
  // Odoo alike flag approvals still open when the leave begins).
  Date due;
  // PRO-1.3 / PRO-1.4: the form is travelling through the chain of command and
  // waits for this link to forward it (`role` is then not what is checked).
  std::optional<org::EmployeeId> holder;
};
Awaiting awaiting(const lv::LeaveRequest& r);
bool overdue(const lv::LeaveRequest& r, Date today);

// The steps `person` may take on `r` on `today`: awaiting(r).actions if the
// domain would let them (sergeant: first-line or a supervisor in the chain;
// captain: a captain in the chain), plus cancel for the employee or sergeant
// of a live request.
std::vector<lv::StepKind> my_actions(const lv::LeaveRequest& r, const org::OrgSnapshot& org,
                                     org::EmployeeId person, Date today);

// Requests awaiting `person` (not their own), overdue first then by due date.
std::vector<const StoredRequest*> request_inbox(const std::vector<StoredRequest>& requests,
                                                const org::OrgSnapshot& org, org::EmployeeId person,
                                                Date today);

// --- the team calendar --------------------------------------------------------------

struct UnitCalendar {
  org::UnitId unit = 0;
  lv::StaffingRules rules;
  std::vector<org::EmployeeId> members;  // working in the unit or below on `from`
  std::vector<lv::StaffingDay> days;     // one per date with a scheduled shift
};

// 4.010-PRO-1.2 staffing: who is scheduled, off, partially off or pending per
// day in [from, to] for the unit and the units below it, against the unit's
// minimum. NOT_FOUND for an unknown unit; INVALID_ARGUMENT ("to") if to < from
// or the range is over 62 days.
Result<UnitCalendar> unit_calendar(storage::Database& db, const TimeoffContext& ctx,
                                   const org::OrgSnapshot& org, org::UnitId unit, Date from,
                                   Date to);

// The staffing of the requester's squad (their home unit) over a request's days.
Result<std::vector<lv::StaffingDay>> staffing_for(storage::Database& db, const TimeoffContext& ctx,
                                                  const org::OrgSnapshot& org,
                                                  const lv::LeaveRequest& r);

}  // namespace rollcall::app::timeoff
