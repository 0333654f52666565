// 4.010-POL-7 extensions: "Employees may email a request for an extension
// through their chain of command to their Bureau Chief. The Bureau Chief will
// notify the employee of their decision and send the request and their
// decision to the Payroll Unit." A pure state machine:
//   requested [--forward (each link of the chain in turn)]
//             --grant | refuse (bureau chief)--> granted | refused
//             --send-to-payroll (bureau chief)--> sent-to-payroll
// The year-end plan (year_end.h) honours an extension only once it is granted
// and sent to Payroll: Payroll runs the settlement and must have it.
// Errors, in this order: PERMISSION_DENIED (who), FAILED_PRECONDITION (state,
// or a request after the year ended), INVALID_ARGUMENT (content).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/status.h"
#include "domain/timeoff/leave/leave_rules.h"
#include "domain/timeoff/leave/request_workflow.h"

namespace rollcall::timeoff::leave {

enum class ExtensionState {
  kRequested,      // "requested"
  kGranted,        // "granted"          the employee is notified
  kRefused,        // "refused"          the employee is notified
  kSentToPayroll,  // "sent-to-payroll"  final
};
std::string_view to_string(ExtensionState s);
std::optional<ExtensionState> parse_extension_state(std::string_view s);

struct ExtensionRequest {
  std::int64_t id = 0;
  org::EmployeeId employee = 0;
  int year = 0;                  // the year whose deadlines are extended
  std::vector<LeaveType> banks;  // holiday and/or furlough (YearEndRules::use_or_lose)
  Date until;                    // the new deadline asked for
  std::string reason;
  ExtensionState state = ExtensionState::kRequested;
  bool granted = false;
  org::EmployeeId bureau_chief = 0;  // who decided
  std::string decision_comments;
  // "through their chain of command to their Bureau Chief": every link from
  // the employee's sergeant up to the bureau chief; nullopt when sent with no
  // route (a caller without an organisation) or stored before routing existed.
  std::optional<records::Routing> route;
  std::vector<RequestStepTaken> history;  // from/to hold no meaning here; see `what`
};

// The employee asks. PERMISSION_DENIED unless the actor is `employee`;
// FAILED_PRECONDITION if `today` is after December 31 of `year`;
// INVALID_ARGUMENT: banks empty, repeated or not use-or-lose (field "banks"),
// reason empty ("reason"), until not after December 31 of `year` ("until").
// `route` (records::hops_up_chain from the employee to the bureau chief) is
// handed to its first link; empty: no routing, straight to the bureau chief.
Result<ExtensionRequest> request_extension(std::int64_t id, org::EmployeeId employee, int year,
                                           std::vector<LeaveType> banks, Date until,
                                           std::string reason, const YearEndRules& rules,
                                           const ActorContext& actor, Date today, Instant at,
                                           std::vector<records::Hop> route = {});

// The link now holding a requested extension passes it to the next link.
// PERMISSION_DENIED unless the actor holds it; FAILED_PRECONDITION when it is
// not travelling (decided, or already with the bureau chief).
Result<ExtensionRequest> forward_extension(const ExtensionRequest& ext, const ActorContext& actor,
                                           Date today, Instant at);

// The bureau chief (Role::kBureauChief in the employee's chain) grants or
// refuses a kRequested extension once it has reached them through the chain
// (FAILED_PRECONDITION while a link still holds it); a refusal needs comments
// (INVALID_ARGUMENT).
Result<ExtensionRequest> decide_extension(const ExtensionRequest& ext, bool grant,
                                          std::string comments, const ActorContext& actor,
                                          Date today, Instant at);

// The bureau chief who decided sends it to Payroll (from granted or refused).
Result<ExtensionRequest> send_to_payroll(const ExtensionRequest& ext, const ActorContext& actor,
                                         Date today, Instant at);

}  // namespace rollcall::timeoff::leave
