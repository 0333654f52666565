// Leave requests and their approval (4.010-POL-2, POL-5, POL-6, PRO-1) as a
// pure state machine, in the style of pmp/review/review_workflow.h: the
// caller loads the request and the employee's ledger, other requests and
// schedule, states who is acting, and stores what comes back (the request and
// any ledger entries, with the audit record) in one transaction.
//
// Paths (each state named after the step just taken):
//   short (four consecutive calendar days or fewer, consecutive_days.h):
//     submitted --approve (POL-2, POL-6)--> approved --record--> recorded
//   long (over four: the Request for Authorized Absence, PRO-1):
//     submitted --approve (PRO-1.2)--> sergeant-approved
//               --forward-to-captain (PRO-1.3)--> captain-review
//               [--forward (PRO-1.3) by each link of the chain in turn]
//               --captain-approve (PRO-1.4)--> approved
//               [--forward (PRO-1.4) by each link back down to the sergeant]
//               --record (PRO-1.5)--> recorded
//   The form travels "through the chain of command" (records/routing.h): the
//   sergeant hands it to the next link above (Step::route lists every link up
//   to the section captain); each holder forwards it; the captain decides only
//   once it has reached them. The decision goes back down the same links
//   (Step::route lists them, ending with the sergeant) and the sergeant records
//   the time once it is back. A captain's denial also travels back down; the
//   request is denied from the captain's decision on.
//   denial: deny (sergeant, from submitted) or captain-deny (from
//     captain-review) --> denied; a reason is required; the employee reports
//     for work as scheduled (POL-2).
//   cancel (the employee or the sergeant): from any live state; once approved
//     or recorded only before the first day of leave. Cancelling a recorded
//     request returns entries that reverse its usage.
// Usage entries are posted only by `record` (PRO-1.5: "records the
// employee's time"), one per day, charged to the request's bank.
//
// Who: "sergeant" steps are taken by the employee's sergeant/supervisor — the
// holder of Role::kSupervisor in the employee's chain of command, or whoever
// is the employee's first-line supervisor that day (the nearest filled
// position when the sergeant's is vacant: ChainOfCommand::immediate_supervisor).
// Captain steps need Role::kCaptain in the chain (the section captain or
// non-sworn equivalent). Nobody approves their own request.
//
// Errors, checked in this order:
//   PERMISSION_DENIED    the actor may not take the step (message names the
//                        step's clause and who may take it)
//   FAILED_PRECONDITION  the request is not in a state the step follows
//                        (names the expected state(s) and the current one);
//                        cancelling leave already begun; a call-in after the
//                        shift started
//   INVALID_ARGUMENT     the content: request_validation.h, a missing denial reason
//   FAILED_PRECONDITION  last, the balance (4.010-POL-5 on submit, POL-6 on approve)
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/status.h"
#include "domain/access/access.h"
#include "domain/timeoff/leave/availability.h"
#include "domain/timeoff/leave/leave_request.h"
#include "domain/timeoff/leave/leave_rules.h"
#include "domain/timeoff/leave/ledger.h"
#include "domain/timeoff/leave/request_validation.h"
#include "domain/timeoff/schedule_kind.h"

namespace rollcall::timeoff::leave {

// Who is acting, as the caller found them on the day of the action.
struct ActorContext {
  org::EmployeeId employee = 0;
  std::vector<access::Role> roles;  // access::roles_on(org, employee, today)
  bool in_chain = false;            // org.in_chain_of(employee, request's employee, today)
  bool first_line = false;          // == chain_of(request's employee).immediate_supervisor()
};

// Everything about the employee the rules need, on the day of the action.
struct LeaveContext {
  const UnitLeaveRules& unit;
  const RequestRules& limits;
  ScheduleKind schedule = ScheduleKind::kFiveEight;
  const WorkSchedule& work;
  std::span<const LedgerEntry> ledger;   // the employee's entries
  std::span<const LeaveRequest> others;  // the employee's requests (this one may be among them)
  const UpcomingCredits& upcoming;
  Date today;  // the agency-zone date of the action
};

enum class StepKind {
  kApprove,           // "approve"             sergeant: POL-2 / PRO-1.2
  kDeny,              // "deny"                sergeant: POL-2 / PRO-1.2, reason required
  kForwardToCaptain,  // "forward-to-captain"  sergeant: PRO-1.3
  kCaptainApprove,    // "captain-approve"     captain: PRO-1.4
  kCaptainDeny,       // "captain-deny"        captain: PRO-1.4, reason required
  kRecord,            // "record"              sergeant: PRO-1.5, posts usage
  kCancel,            // "cancel"              the employee or the sergeant
  kForward,           // "forward"             the link holding the form: PRO-1.3, PRO-1.4
};
std::string_view to_string(StepKind k);
std::optional<StepKind> parse_step_kind(std::string_view s);

struct Step {
  StepKind kind = StepKind::kApprove;
  Instant at;
  std::string comments;  // the reason, for denials
  // forward-to-captain: the links above the sergeant up to and including the
  // section captain (records::hops_up_chain); captain-approve / captain-deny:
  // the links below the captain back down to and including the sergeant.
  // Empty: no routing is kept and the form is taken to have arrived (a caller
  // without an organisation, e.g. a unit test of the states alone).
  std::vector<records::Hop> route;
};

struct StepResult {
  LeaveRequest request;
  std::vector<LedgerEntry> entries;  // to append to the ledger (record, cancel of recorded)
};

// 4.010-POL-2 / PRO-1.1: the employee submits a request to their sergeant.
// PERMISSION_DENIED unless the actor is `employee`; then validate_draft()
// (INVALID_ARGUMENT), then check_balance (FAILED_PRECONDITION, 4.010-POL-5).
// The request starts in kSubmitted; captain_path is set when its consecutive
// block (with the employee's live requests) is over limits.captain_review_over_days.
Result<LeaveRequest> submit(std::int64_t id, org::EmployeeId employee, const RequestDraft& draft,
                            const ActorContext& actor, const LeaveContext& ctx, Instant at);

// Takes one step. Never modifies `request`. Errors as in the file comment.
Result<StepResult> apply(const LeaveRequest& request, const Step& step, const ActorContext& actor,
                         const LeaveContext& ctx);

// The routing a `forward` step would move (PRO-1.3 up to the captain while in
// captain-review, PRO-1.4 back down to the sergeant after the decision);
// nullptr when the form is not travelling. Points into `r`.
const records::Routing* form_in_transit(const LeaveRequest& r);

// 4.010-POL-2 unscheduled absence: the employee contacted the supervisor, who
// records it. The draft covers one shift (first == last). Called in before the
// shift starts: the absence is approved and recorded at once (state
// kRecorded, usage entries returned, called_in_before_shift set).
// Decision: a call at or after the shift start is not an approved unscheduled
// absence: FAILED_PRECONDITION, nothing recorded; the time is the records
// module's (AWOL, 4.010-POL-9) unless the supervisor later approves a normal
// request for it.
// PERMISSION_DENIED unless the actor is the employee's sergeant/supervisor;
// FAILED_PRECONDITION for a late call; INVALID_ARGUMENT for the draft or
// first != last; FAILED_PRECONDITION for the balance (POL-5).
struct CallIn {
  Instant called_at;
  Instant shift_start;
};
Result<StepResult> record_unscheduled(std::int64_t id, org::EmployeeId employee,
                                      const RequestDraft& draft, const CallIn& call,
                                      const ActorContext& actor, const LeaveContext& ctx,
                                      Instant at);

}  // namespace rollcall::timeoff::leave
