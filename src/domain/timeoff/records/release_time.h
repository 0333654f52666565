// Sworn employee release time (4.010-POL-11, 4.010-PRO-2) as a pure state
// machine around the Release Time Authorization (form 2.27).
//
//   PRO-2.1  the sworn employee informs the supervisor (request)   → requested
//   PRO-2.2  the supervisor approves or denies; or offers it
//            without a request (the PRO-2.2 note)                  → approved | denied
//   PRO-2.3  the supervisor completes form 2.27                     → form-completed
//   PRO-2.4  forwards it to Payroll, a copy through the chain to
//            the bureau chief                                       → forwarded
//   PRO-2.5  over three consecutive days: a copy to the Family Medical Leave
//            coordinator, who (PRO-2.6) informs the employee of the FML option
//            (an FmlTask, done when informed).
//   Payroll records receipt of the form                              → received
//
// Release time is for an unforeseen medical emergency of an immediate family
// member (the relationships are data). The supervisor may approve up to a
// limit (data); a bureau commander may authorise more (PRO-2.4 note). The time
// is charged as sick leave if Payroll has not received the form by the
// processing cut-off (an input Instant) or the request does not qualify
// (denied): see charge().
//
// Errors, in this order: PERMISSION_DENIED, FAILED_PRECONDITION,
// INVALID_ARGUMENT, as said per function. Inputs are never modified.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/status.h"
#include "domain/org/org_types.h"
#include "domain/timeoff/records/actor.h"
#include "domain/timeoff/records/routing.h"
#include "time/civil_date.h"

namespace rollcall::timeoff::records {

struct ReleaseTimeRules {
  // Immediate family for 4.010-POL-11. The policy does not list them; this
  // default follows the City's and SPOG's usual definition (as Odoo's and
  // TeleStaff's configurable lists do) and is a starting point for HR.
  std::vector<std::string> immediate_family{
      "spouse",     "domestic-partner", "child",       "stepchild",  "parent",
      "stepparent", "sibling",          "grandparent", "grandchild", "parent-in-law"};
  // What a sergeant/supervisor may approve alone; more needs a bureau
  // commander (PRO-2.4 note). Policy is silent: one 10-hour shift to start.
  std::int64_t supervisor_limit_minutes = std::int64_t{10} * 60;
  // PRO-2.5: "over three consecutive days" goes to the FML coordinator.
  int fml_copy_after_days = 3;
};

enum class ReleaseState {
  kRequested,      // "requested"
  kApproved,       // "approved"
  kDenied,         // "denied"          charged as sick leave. Final.
  kFormCompleted,  // "form-completed"  form 2.27 filled in
  kForwarded,      // "forwarded"       sent to Payroll, copy on its way up the chain
  kReceived,       // "received"        Payroll has the form
};
std::string_view to_string(ReleaseState s);
std::optional<ReleaseState> parse_release_state(std::string_view s);

struct FmlTask {
  org::EmployeeId coordinator = 0;
  Instant copied_at;                   // when the copy of form 2.27 reached them
  std::optional<Instant> informed_at;  // when they informed the employee (PRO-2.6)
  org::EmployeeId informed_by = 0;
};

struct ReleaseEvent {
  std::string what;  // "request", "offer", "approve", "deny", "complete-form", "forward",
                     // "authorize-additional", "receive", "inform-fml"
  org::EmployeeId actor = 0;
  Instant at;
  ReleaseState to = ReleaseState::kRequested;
  std::string comments;
};

struct ReleaseTime {
  std::int64_t id = 0;
  org::EmployeeId employee = 0;
  std::string relationship;  // of the family member
  std::string emergency;     // what happened
  Date first_day;
  Date last_day;             // inclusive; consecutive days = last − first + 1
  std::int64_t minutes = 0;  // release time asked for / granted
  bool offered = false;      // the supervisor offered it without a request
  org::EmployeeId supervisor = 0;
  std::int64_t additional_minutes = 0;  // authorised by a bureau commander
  org::EmployeeId additional_by = 0;
  ReleaseState state = ReleaseState::kRequested;
  org::EmployeeId payroll = 0;  // the Payroll recipient named when forwarding
  std::optional<Instant> payroll_received;
  Routing copy;  // form 2.27 copy through the chain to the bureau chief
  std::optional<FmlTask> fml;
  std::vector<ReleaseEvent> history;

  int consecutive_days() const;
  std::int64_t total_minutes() const { return minutes + additional_minutes; }
};

struct ReleaseInput {
  bool sworn = false;  // the employee's category on the day
  std::string relationship;
  std::string emergency;
  bool unforeseen_medical_emergency = false;
  Date first_day;
  Date last_day;
  std::int64_t minutes = 0;
};

// PRO-2.1: the employee asks. PERMISSION_DENIED unless the actor is `employee`.
// INVALID_ARGUMENT if not sworn (POL-11 is for sworn employees), no emergency
// described, last day before first day, or minutes not positive.
Result<ReleaseTime> request_release(std::int64_t id, org::EmployeeId employee,
                                    const ReleaseInput& input, const Actor& actor, Instant at);

// PRO-2.2 note: the supervisor offers release time without a request; it is
// approved at once. PERMISSION_DENIED unless the actor supervises `employee`;
// INVALID_ARGUMENT as request_release() and approve_release().
Result<ReleaseTime> offer_release(std::int64_t id, org::EmployeeId employee,
                                  const ReleaseInput& input, const Actor& actor, Instant at,
                                  const ReleaseTimeRules& rules = {});

// PRO-2.2: approve. PERMISSION_DENIED unless the actor supervises the
// employee; FAILED_PRECONDITION unless requested; INVALID_ARGUMENT if it does
// not qualify (not an unforeseen medical emergency, or the relationship is not
// immediate family) or exceeds the supervisor's limit (a bureau commander
// authorises more afterwards).
Result<ReleaseTime> approve_release(const ReleaseTime& rt, bool unforeseen_medical_emergency,
                                    const Actor& actor, Instant at,
                                    const ReleaseTimeRules& rules = {});
// PRO-2.2: deny (the time is charged as sick leave). Same permission and state
// as approve; INVALID_ARGUMENT without comments.
Result<ReleaseTime> deny_release(const ReleaseTime& rt, const Actor& actor, Instant at,
                                 std::string comments);

// PRO-2.3: the supervisor completes form 2.27. PERMISSION_DENIED unless the
// actor supervises the employee; FAILED_PRECONDITION unless approved.
Result<ReleaseTime> complete_form(const ReleaseTime& rt, const Actor& actor, Instant at);

struct ForwardInput {
  org::EmployeeId payroll = 0;
  std::vector<Hop> chain_to_bureau_chief;
  org::EmployeeId fml_coordinator = 0;  // needed when over the FML threshold
};
// PRO-2.4–5: forward to Payroll and a copy up the chain; over three
// consecutive days also a copy to the FML coordinator (an FmlTask).
// PERMISSION_DENIED unless the actor supervises the employee;
// FAILED_PRECONDITION unless form-completed; INVALID_ARGUMENT if no Payroll
// recipient, an empty chain, or no FML coordinator when one is needed.
Result<ReleaseTime> forward_form(const ReleaseTime& rt, const ForwardInput& input,
                                 const Actor& actor, Instant at,
                                 const ReleaseTimeRules& rules = {});

// The copy moves one link up the chain. PERMISSION_DENIED unless the actor
// holds it; FAILED_PRECONDITION once delivered.
Result<ReleaseTime> forward_copy(const ReleaseTime& rt, const Actor& actor, Instant at);

// PRO-2.4 note: a bureau commander authorises `extra_minutes` and may extend
// the last day. PERMISSION_DENIED unless the actor is a bureau chief in the
// employee's chain; FAILED_PRECONDITION if requested or denied;
// INVALID_ARGUMENT if extra minutes are not positive or the new last day is
// before the old one. If the form was already forwarded and the new span is
// over the FML threshold, `fml_coordinator` gets a copy (INVALID_ARGUMENT if 0
// then).
Result<ReleaseTime> authorize_additional(const ReleaseTime& rt, std::int64_t extra_minutes,
                                         std::optional<Date> new_last_day,
                                         org::EmployeeId fml_coordinator, const Actor& actor,
                                         Instant at, const ReleaseTimeRules& rules = {});

// Payroll records receipt of form 2.27. PERMISSION_DENIED unless payroll;
// FAILED_PRECONDITION unless forwarded.
Result<ReleaseTime> receive_form(const ReleaseTime& rt, const Actor& actor, Instant at);

// PRO-2.6: the FML coordinator informs the employee of the FML option.
// PERMISSION_DENIED unless the actor holds the fml-coordinator role;
// FAILED_PRECONDITION if there is no FML task or it is already done.
Result<ReleaseTime> inform_fml_option(const ReleaseTime& rt, const Actor& actor, Instant at);

enum class ReleaseCharge {
  kReleaseTime,  // "release-time"
  kSickLeave,    // "sick-leave"
  kUndecided,    // "undecided"  still requested
};
std::string_view to_string(ReleaseCharge c);
struct ChargeDecision {
  ReleaseCharge charge = ReleaseCharge::kUndecided;
  std::string reason;
};
// How the time is charged for the payroll run whose processing cut-off is
// `cutoff`: sick leave if denied or if Payroll had not received form 2.27 by
// the cut-off (received exactly at the cut-off is in time); release time if it
// had; undecided while requested.
ChargeDecision charge(const ReleaseTime& rt, Instant cutoff);

}  // namespace rollcall::timeoff::records
