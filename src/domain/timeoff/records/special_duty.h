// Special duty days (4.010-POL-13): an employee asks, on the Special Duty Day
// Authorization (form 15.8), to perform Department business outside their
// regular duty; a captain in their chain of command approves or disapproves.
// Special duty is duty, not leave: its timesheet lines are "special-duty",
// count as hours worked and draw no leave.
//
//   request → approved | disapproved
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
#include "domain/timeoff/records/actor.h"
#include "domain/timeoff/records/record_event.h"
#include "domain/timeoff/records/time_code.h"
#include "time/civil_date.h"

namespace rollcall::timeoff::records {

enum class SpecialDutyPurpose {
  kBusinessMeeting,   // "business-meeting"   a job-related business meeting
  kExtradition,       // "extradition"
  kOutsideTestimony,  // "outside-testimony"  testifying in an outside jurisdiction
  kOther,             // "other"              other Department business (described)
};
std::string_view to_string(SpecialDutyPurpose p);
std::optional<SpecialDutyPurpose> parse_special_duty_purpose(std::string_view s);

// The state of a form 15.8 or 2.23.1 authorization.
enum class AuthorizationState {
  kRequested,    // "requested"
  kApproved,     // "approved"     Final.
  kDisapproved,  // "disapproved"  Final.
};
std::string_view to_string(AuthorizationState s);
std::optional<AuthorizationState> parse_authorization_state(std::string_view s);

struct SpecialDutyRequest {
  std::int64_t id = 0;
  org::EmployeeId employee = 0;
  std::vector<Date> days;
  std::int64_t minutes_per_day = 0;
  SpecialDutyPurpose purpose = SpecialDutyPurpose::kOther;
  std::string description;
  AuthorizationState state = AuthorizationState::kRequested;
  Instant requested_at;
  org::EmployeeId decided_by = 0;
  std::optional<Instant> decided_at;
  std::string comments;
  std::vector<RecordEvent<AuthorizationState>> history;
};

struct SpecialDutyInput {
  std::vector<Date> days;
  std::int64_t minutes_per_day = 0;
  SpecialDutyPurpose purpose = SpecialDutyPurpose::kOther;
  std::string description;
};

// The employee completes form 15.8. PERMISSION_DENIED unless the actor is the
// employee. INVALID_ARGUMENT if there are no days, a day repeats, minutes are
// not 1..1440, or the purpose is "other" without a description.
Result<SpecialDutyRequest> request_special_duty(std::int64_t id, org::EmployeeId employee,
                                                const SpecialDutyInput& input, const Actor& actor,
                                                Instant at);

// A captain in the employee's chain approves or disapproves.
// PERMISSION_DENIED unless the actor holds the captain role in the employee's
// chain (never the employee); FAILED_PRECONDITION unless requested;
// INVALID_ARGUMENT if disapproving without comments.
Result<SpecialDutyRequest> decide_special_duty(const SpecialDutyRequest& r, bool approve,
                                               const Actor& actor, Instant at,
                                               std::string comments);

// The timesheet lines of an approved request (special-duty, one per day);
// empty unless approved.
std::vector<TimesheetLine> special_duty_lines(const SpecialDutyRequest& r);

}  // namespace rollcall::timeoff::records
