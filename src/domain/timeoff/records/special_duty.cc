#include "domain/timeoff/records/special_duty.h"

#include <algorithm>
#include <set>
#include <utility>

namespace rollcall::timeoff::records {

using access::Role;

std::string_view to_string(SpecialDutyPurpose p) {
  switch (p) {
    case SpecialDutyPurpose::kBusinessMeeting:
      return "business-meeting";
    case SpecialDutyPurpose::kExtradition:
      return "extradition";
    case SpecialDutyPurpose::kOutsideTestimony:
      return "outside-testimony";
    case SpecialDutyPurpose::kOther:
      return "other";
  }
  return "?";
}

std::optional<SpecialDutyPurpose> parse_special_duty_purpose(std::string_view s) {
  for (auto v : {SpecialDutyPurpose::kBusinessMeeting, SpecialDutyPurpose::kExtradition,
                 SpecialDutyPurpose::kOutsideTestimony, SpecialDutyPurpose::kOther}) {
    if (to_string(v) == s) return v;
  }
  return std::nullopt;
}

std::string_view to_string(AuthorizationState s) {
  switch (s) {
    case AuthorizationState::kRequested:
      return "requested";
    case AuthorizationState::kApproved:
      return "approved";
    case AuthorizationState::kDisapproved:
      return "disapproved";
  }
  return "?";
}

std::optional<AuthorizationState> parse_authorization_state(std::string_view s) {
  for (auto v : {AuthorizationState::kRequested, AuthorizationState::kApproved,
                 AuthorizationState::kDisapproved}) {
    if (to_string(v) == s) return v;
  }
  return std::nullopt;
}

Result<SpecialDutyRequest> request_special_duty(std::int64_t id, org::EmployeeId employee,
                                                const SpecialDutyInput& input, const Actor& actor,
                                                Instant at) {
  if (actor.employee != employee) {
    return denied(actor, "4.010-POL-13: the employee completes form 15.8");
  }
  if (input.days.empty()) return invalid_argument("days: form 15.8 names the special duty days");
  if (std::set<Date>(input.days.begin(), input.days.end()).size() != input.days.size()) {
    return invalid_argument("days: form 15.8 names a day twice");
  }
  if (input.minutes_per_day <= 0 || input.minutes_per_day > kMinutesPerDay) {
    return invalid_argument("hours: special duty minutes per day must be 1 to 1440");
  }
  if (input.purpose == SpecialDutyPurpose::kOther && input.description.empty()) {
    return invalid_argument("description: special duty for other Department business describes it");
  }
  SpecialDutyRequest r;
  r.id = id;
  r.employee = employee;
  r.days = input.days;
  std::sort(r.days.begin(), r.days.end());
  r.minutes_per_day = input.minutes_per_day;
  r.purpose = input.purpose;
  r.description = input.description;
  r.requested_at = at;
  r.history.push_back(
      {"request", actor.employee, at, AuthorizationState::kRequested, r.description});
  return r;
}

Result<SpecialDutyRequest> decide_special_duty(const SpecialDutyRequest& r, bool approve,
                                               const Actor& actor, Instant at,
                                               std::string comments) {
  if (!is_chain_role(actor, Role::kCaptain, r.employee)) {
    return denied(actor,
                  "4.010-POL-13: a captain in the employee's chain of command approves special "
                  "duty");
  }
  if (r.state != AuthorizationState::kRequested) {
    return failed_precondition("the special duty request is " + std::string(to_string(r.state)) +
                               "; only a requested one is decided");
  }
  if (!approve && comments.empty()) return invalid_argument("comments: disapproving says why");
  SpecialDutyRequest out = r;
  out.state = approve ? AuthorizationState::kApproved : AuthorizationState::kDisapproved;
  out.decided_by = actor.employee;
  out.decided_at = at;
  out.comments = comments;
  out.history.push_back(
      {approve ? "approve" : "disapprove", actor.employee, at, out.state, std::move(comments)});
  return out;
}

std::vector<TimesheetLine> special_duty_lines(const SpecialDutyRequest& r) {
  std::vector<TimesheetLine> out;
  if (r.state != AuthorizationState::kApproved) return out;
  for (Date d : r.days) out.push_back({d, TimeCode::kSpecialDuty, "", r.minutes_per_day});
  return out;
}

}  // namespace rollcall::timeoff::records
