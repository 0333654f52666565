#include "domain/timeoff/records/release_time.h"

#include <algorithm>
#include <array>
#include <utility>

namespace rollcall::timeoff::records {
namespace {

using access::Role;

constexpr std::array<std::pair<ReleaseState, std::string_view>, 6> kStateNames{{
    {ReleaseState::kRequested, "requested"},
    {ReleaseState::kApproved, "approved"},
    {ReleaseState::kDenied, "denied"},
    {ReleaseState::kFormCompleted, "form-completed"},
    {ReleaseState::kForwarded, "forwarded"},
    {ReleaseState::kReceived, "received"},
}};

Status state_error(const std::string& step, const ReleaseTime& rt, const std::string& expected) {
  return failed_precondition(step + " needs the release time " + expected + "; it is " +
                             std::string(to_string(rt.state)));
}

ReleaseTime with_event(const ReleaseTime& rt, std::string what, const Actor& actor, Instant at,
                       ReleaseState to, std::string comments = {}) {
  ReleaseTime out = rt;
  out.history.push_back({std::move(what), actor.employee, at, to, std::move(comments)});
  out.state = to;
  return out;
}

Status check_input(const ReleaseInput& in) {
  if (!in.sworn) {
    return invalid_argument("employee: release time is for sworn employees only (4.010-POL-11)");
  }
  if (in.emergency.empty())
    return invalid_argument("emergency: release time describes the emergency");
  if (in.last_day < in.first_day) {
    return invalid_argument("last_day: the last day of release time is before the first");
  }
  if (in.minutes <= 0)
    return invalid_argument("hours: release time is a positive number of minutes");
  return Status::ok();
}

Status check_qualifies(const ReleaseTime& rt, bool unforeseen, const ReleaseTimeRules& rules) {
  if (!unforeseen) {
    return invalid_argument(
        "unforeseen_medical_emergency: release time is for an unforeseen medical emergency "
        "(4.010-POL-11); charge sick leave");
  }
  const auto& family = rules.immediate_family;
  if (std::find(family.begin(), family.end(), rt.relationship) == family.end()) {
    return invalid_argument(
        "4.010-POL-11: " +
        (rt.relationship.empty() ? std::string("no relationship") : "'" + rt.relationship + "'") +
        " is not an immediate family member; charge sick leave");
  }
  if (rt.minutes > rules.supervisor_limit_minutes) {
    return invalid_argument("hours: a supervisor approves up to " +
                            std::to_string(rules.supervisor_limit_minutes) +
                            " minutes of release time; a bureau commander authorises more "
                            "(4.010-PRO-2.4)");
  }
  return Status::ok();
}

ReleaseTime from_input(std::int64_t id, org::EmployeeId employee, const ReleaseInput& in) {
  ReleaseTime rt;
  rt.id = id;
  rt.employee = employee;
  rt.relationship = in.relationship;
  rt.emergency = in.emergency;
  rt.first_day = in.first_day;
  rt.last_day = in.last_day;
  rt.minutes = in.minutes;
  return rt;
}

bool needs_fml_copy(const ReleaseTime& rt, const ReleaseTimeRules& rules) {
  return rt.consecutive_days() > rules.fml_copy_after_days;
}

}  // namespace

std::string_view to_string(ReleaseState s) {
  for (const auto& [state, name] : kStateNames) {
    if (state == s) return name;
  }
  return "?";
}

std::optional<ReleaseState> parse_release_state(std::string_view s) {
  for (const auto& [state, name] : kStateNames) {
    if (name == s) return state;
  }
  return std::nullopt;
}

std::string_view to_string(ReleaseCharge c) {
  switch (c) {
    case ReleaseCharge::kReleaseTime:
      return "release-time";
    case ReleaseCharge::kSickLeave:
      return "sick-leave";
    case ReleaseCharge::kUndecided:
      return "undecided";
  }
  return "?";
}

int ReleaseTime::consecutive_days() const {
  return static_cast<int>(days_between(first_day, last_day)) + 1;
}

Result<ReleaseTime> request_release(std::int64_t id, org::EmployeeId employee,
                                    const ReleaseInput& input, const Actor& actor, Instant at) {
  if (actor.employee != employee) {
    return denied(actor, "4.010-PRO-2.1: the sworn employee informs their supervisor");
  }
  RC_RETURN_IF_ERROR(check_input(input));
  ReleaseTime rt = from_input(id, employee, input);
  rt.history.push_back({"request", actor.employee, at, ReleaseState::kRequested, input.emergency});
  return rt;
}

Result<ReleaseTime> offer_release(std::int64_t id, org::EmployeeId employee,
                                  const ReleaseInput& input, const Actor& actor, Instant at,
                                  const ReleaseTimeRules& rules) {
  if (!supervises(actor, employee)) {
    return denied(actor, "4.010-PRO-2.2: the employee's sergeant/supervisor offers release time");
  }
  RC_RETURN_IF_ERROR(check_input(input));
  ReleaseTime rt = from_input(id, employee, input);
  RC_RETURN_IF_ERROR(check_qualifies(rt, input.unforeseen_medical_emergency, rules));
  rt.offered = true;
  rt.supervisor = actor.employee;
  rt.state = ReleaseState::kApproved;
  rt.history.push_back({"offer", actor.employee, at, ReleaseState::kApproved, input.emergency});
  return rt;
}

Result<ReleaseTime> approve_release(const ReleaseTime& rt, bool unforeseen_medical_emergency,
                                    const Actor& actor, Instant at, const ReleaseTimeRules& rules) {
  if (!supervises(actor, rt.employee)) {
    return denied(actor, "4.010-PRO-2.2: the employee's sergeant/supervisor approves release time");
  }
  if (rt.state != ReleaseState::kRequested) return state_error("approving", rt, "requested");
  RC_RETURN_IF_ERROR(check_qualifies(rt, unforeseen_medical_emergency, rules));
  ReleaseTime out = with_event(rt, "approve", actor, at, ReleaseState::kApproved);
  out.supervisor = actor.employee;
  return out;
}

Result<ReleaseTime> deny_release(const ReleaseTime& rt, const Actor& actor, Instant at,
                                 std::string comments) {
  if (!supervises(actor, rt.employee)) {
    return denied(actor, "4.010-PRO-2.2: the employee's sergeant/supervisor denies release time");
  }
  if (rt.state != ReleaseState::kRequested) return state_error("denying", rt, "requested");
  if (comments.empty()) return invalid_argument("comments: denying release time says why");
  ReleaseTime out = with_event(rt, "deny", actor, at, ReleaseState::kDenied, std::move(comments));
  out.supervisor = actor.employee;
  return out;
}

Result<ReleaseTime> complete_form(const ReleaseTime& rt, const Actor& actor, Instant at) {
  if (!supervises(actor, rt.employee)) {
    return denied(actor, "4.010-PRO-2.3: the sergeant/supervisor completes form 2.27");
  }
  if (rt.state != ReleaseState::kApproved) return state_error("form 2.27", rt, "approved");
  return with_event(rt, "complete-form", actor, at, ReleaseState::kFormCompleted);
}

Result<ReleaseTime> forward_form(const ReleaseTime& rt, const ForwardInput& input,
                                 const Actor& actor, Instant at, const ReleaseTimeRules& rules) {
  if (!supervises(actor, rt.employee)) {
    return denied(actor, "4.010-PRO-2.4: the sergeant/supervisor forwards form 2.27");
  }
  if (rt.state != ReleaseState::kFormCompleted) {
    return state_error("forwarding", rt, "form-completed");
  }
  if (input.payroll == 0) return invalid_argument("form 2.27 is forwarded to Payroll");
  auto copy = send_through(input.chain_to_bureau_chief, at);
  if (!copy) {
    return invalid_argument("a copy of form 2.27 goes through the chain to the bureau chief: " +
                            copy.status().message());
  }
  const bool fml = needs_fml_copy(rt, rules);
  if (fml && input.fml_coordinator == 0) {
    return invalid_argument("4.010-PRO-2.5: over " + std::to_string(rules.fml_copy_after_days) +
                            " consecutive days a copy goes to the FML coordinator");
  }
  ReleaseTime out = with_event(rt, "forward", actor, at, ReleaseState::kForwarded);
  out.payroll = input.payroll;
  out.copy = std::move(copy).value();
  if (fml) out.fml = FmlTask{input.fml_coordinator, at, std::nullopt, 0};
  return out;
}

Result<ReleaseTime> forward_copy(const ReleaseTime& rt, const Actor& actor, Instant at) {
  RC_ASSIGN_OR_RETURN(Routing copy, forward(rt.copy, actor.employee, at));
  ReleaseTime out = rt;
  out.copy = std::move(copy);
  return out;
}

Result<ReleaseTime> authorize_additional(const ReleaseTime& rt, std::int64_t extra_minutes,
                                         std::optional<Date> new_last_day,
                                         org::EmployeeId fml_coordinator, const Actor& actor,
                                         Instant at, const ReleaseTimeRules& rules) {
  if (!is_chain_role(actor, Role::kBureauChief, rt.employee)) {
    return denied(actor,
                  "4.010-PRO-2.4: a bureau commander in the employee's chain authorises "
                  "additional release time");
  }
  if (rt.state == ReleaseState::kRequested || rt.state == ReleaseState::kDenied) {
    return state_error("additional release time", rt, "approved or later");
  }
  if (extra_minutes <= 0)
    return invalid_argument("extra_hours: additional release time must be positive");
  if (new_last_day && *new_last_day < rt.last_day) {
    return invalid_argument("new_last_day: additional release time cannot shorten the span");
  }
  ReleaseTime out = with_event(rt, "authorize-additional", actor, at, rt.state,
                               std::to_string(extra_minutes) + " minutes");
  out.additional_minutes += extra_minutes;
  out.additional_by = actor.employee;
  if (new_last_day) out.last_day = *new_last_day;
  const bool forwarded =
      rt.state == ReleaseState::kForwarded || rt.state == ReleaseState::kReceived;
  if (forwarded && !out.fml && needs_fml_copy(out, rules)) {
    if (fml_coordinator == 0) {
      return invalid_argument("4.010-PRO-2.5: the span is now over " +
                              std::to_string(rules.fml_copy_after_days) +
                              " consecutive days; name the FML coordinator for the copy");
    }
    out.fml = FmlTask{fml_coordinator, at, std::nullopt, 0};
  }
  return out;
}

Result<ReleaseTime> receive_form(const ReleaseTime& rt, const Actor& actor, Instant at) {
  if (!holds(actor, Role::kPayroll) || actor.employee == rt.employee) {
    return denied(actor, "Payroll records receipt of form 2.27");
  }
  if (rt.state != ReleaseState::kForwarded) return state_error("receiving", rt, "forwarded");
  ReleaseTime out = with_event(rt, "receive", actor, at, ReleaseState::kReceived);
  out.payroll_received = at;
  return out;
}

Result<ReleaseTime> inform_fml_option(const ReleaseTime& rt, const Actor& actor, Instant at) {
  if (!holds(actor, Role::kFmlCoordinator) || actor.employee == rt.employee) {
    return denied(actor,
                  "4.010-PRO-2.6: the Family Medical Leave coordinator informs the employee");
  }
  if (!rt.fml) {
    return failed_precondition("no copy of form 2.27 went to the FML coordinator (" +
                               std::to_string(rt.consecutive_days()) + " consecutive days)");
  }
  if (rt.fml->informed_at) return failed_precondition("the employee was already informed");
  ReleaseTime out = with_event(rt, "inform-fml", actor, at, rt.state);
  out.fml->informed_at = at;
  out.fml->informed_by = actor.employee;
  return out;
}

ChargeDecision charge(const ReleaseTime& rt, Instant cutoff) {
  if (rt.state == ReleaseState::kRequested) {
    return {ReleaseCharge::kUndecided, "the supervisor has not decided"};
  }
  if (rt.state == ReleaseState::kDenied) {
    return {ReleaseCharge::kSickLeave, "the request does not meet the requirements"};
  }
  if (!rt.payroll_received || *rt.payroll_received > cutoff) {
    return {ReleaseCharge::kSickLeave,
            "Payroll had not received form 2.27 by the processing cut-off"};
  }
  return {ReleaseCharge::kReleaseTime, "form 2.27 received in time"};
}

}  // namespace rollcall::timeoff::records
