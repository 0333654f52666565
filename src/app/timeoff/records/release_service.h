// Use cases of sworn release time (4.010-POL-11, 4.010-PRO-2) around form
// 2.27: the employee's request or the supervisor's offer, approval or denial,
// completing and forwarding the form (to Payroll, a copy up the chain to the
// bureau chief, and over three consecutive days a copy to the FML
// coordinator), the copy's hops, a bureau commander's additional time,
// Payroll's receipt, the FML coordinator informing the employee, and the
// charge: a denied request, or a form Payroll had not received by the
// processing cut-off, is charged as sick leave (a usage entry in the leave
// ledger, posted once, in the same transaction).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "app/timeoff/records/record_store.h"
#include "app/timeoff/records/records_org.h"
#include "domain/timeoff/records/release_time.h"

namespace rollcall::app::records {

using StoredRelease = Stored<tr::ReleaseTime>;

// The processing cut-off of the pay run that pays the release time: the
// timesheet approval deadline of the pay period holding its last day. The
// policy does not name the cut-off; Payroll processes a period once its
// timesheets are approved, as Kronos's pay-period close does.
Result<Instant> release_cutoff(const TimeoffContext& cal, const tr::ReleaseTime& rt);

struct ReleaseRequest {
  std::string relationship;
  std::string emergency;
  bool unforeseen_medical_emergency = false;
  Date first_day;
  Date last_day;
  std::int64_t minutes = 0;
};

// PRO-2.1 when the actor is the employee (tr::request_release); the PRO-2.2
// note when the actor supervises them (tr::offer_release, approved at once).
// Sworn is the employee's category. NOT_FOUND for an unknown employee.
Result<StoredRelease> create_release(storage::Database& db, const org::OrgSnapshot& org,
                                     const ActingAs& acting, org::EmployeeId employee,
                                     const ReleaseRequest& request,
                                     const tr::ReleaseTimeRules& rules = {});

enum class ReleaseAction {
  kApprove,        // "approve"               PRO-2.2
  kDeny,           // "deny"                  PRO-2.2: charged as sick leave
  kCompleteForm,   // "complete-form"         PRO-2.3
  kForward,        // "forward"               PRO-2.4–5
  kForwardCopy,    // "forward-copy"          a link passes the copy up
  kAuthorizeMore,  // "authorize-additional"  PRO-2.4 note, bureau commander
  kReceive,        // "receive"               Payroll has the form
  kInformFml,      // "inform-fml"            PRO-2.6
  kSettle,         // "settle"                Payroll charges it after the cut-off
};
std::string_view to_string(ReleaseAction a);
std::optional<ReleaseAction> parse_release_action(std::string_view s);

struct ReleaseStep {
  ReleaseAction action = ReleaseAction::kApprove;
  std::string comments;
  bool unforeseen_medical_emergency = false;  // approve
  std::int64_t extra_minutes = 0;             // authorize-additional
  std::optional<Date> new_last_day;           // authorize-additional
  std::optional<int> expected;
};

// One step. Recipients (Payroll, the FML coordinator) are whoever holds the
// role on the day; the chain is chain_to_bureau_chief(). "settle" (Payroll):
// FAILED_PRECONDITION before the cut-off or while undecided; posts the sick
// charge if tr::charge says so and it is not posted yet. Errors of the domain
// functions; FAILED_PRECONDITION for a stale version.
Result<StoredRelease> release_step(storage::Database& db, const org::OrgSnapshot& org,
                                   const TimeoffContext& cal, const ActingAs& acting,
                                   std::int64_t id, const ReleaseStep& step,
                                   const tr::ReleaseTimeRules& rules = {});

}  // namespace rollcall::app::records
