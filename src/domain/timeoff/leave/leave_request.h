// A leave request (4.010-POL-2, PRO-1): the days and minutes asked for, the
// type and the bank it is charged to, and where it stands. The workflow that
// moves it is request_workflow.h; validation is request_validation.h.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "domain/org/org_types.h"
#include "domain/timeoff/leave/leave_type.h"
#include "domain/timeoff/records/routing.h"
#include "time/civil_date.h"

namespace rollcall::timeoff::leave {

// Each state is named after the step just taken. Text in quotes.
enum class RequestState {
  kSubmitted,         // POL-2 / PRO-1.1 the employee asked the sergeant. "submitted"
  kSergeantApproved,  // PRO-1.2 the sergeant approved a long absence. "sergeant-approved"
  kCaptainReview,     // PRO-1.3 sent through the chain to the captain. "captain-review"
  kApproved,   // approved (sergeant, or captain in PRO-1.4); time not yet recorded. "approved"
  kRecorded,   // PRO-1.5 the sergeant recorded the time: usage posted. "recorded"
  kDenied,     // denied: the employee reports as scheduled (POL-2). Final. "denied"
  kCancelled,  // withdrawn before it was taken. Final. "cancelled"
};
std::string_view to_string(RequestState s);
std::optional<RequestState> parse_request_state(std::string_view s);
// Not denied or cancelled: the days are spoken for.
bool is_live(RequestState s);
// Live and not yet recorded: reduces the available balance (no usage posted yet).
bool is_pending(RequestState s);

struct LeaveDay {
  Date date;
  Minutes minutes = 0;  // partial days allowed
  friend bool operator==(const LeaveDay&, const LeaveDay&) = default;
};

// The days an employee is scheduled to work and for how long, from the
// calendar module (src/domain/timeoff/calendar). A date not listed is a day
// off. It must cover the days of the requests being examined.
class WorkSchedule {
 public:
  struct Day {
    Date date;
    Minutes minutes = 0;
  };
  WorkSchedule() = default;
  explicit WorkSchedule(std::vector<Day> days);  // sorts; a repeated date keeps the last
  Minutes minutes_on(Date d) const;              // 0 on a day off
  bool scheduled(Date d) const { return minutes_on(d) > 0; }
  // One LeaveDay per scheduled day in [first, last], for its whole shift.
  std::vector<LeaveDay> whole_days(Date first, Date last) const;

 private:
  std::vector<Day> days_;
};

// One entry of the request's history.
struct RequestStepTaken {
  std::string step;  // the clause: "4.010-PRO-1.2", "4.010-POL-2"
  std::string what;  // "submit", "approve", …
  org::EmployeeId actor = 0;
  Instant at;
  Date on;
  RequestState from = RequestState::kSubmitted;
  RequestState to = RequestState::kSubmitted;
  std::string comments;
};

struct LeaveRequest {
  std::int64_t id = 0;
  org::EmployeeId employee = 0;
  LeaveType type = LeaveType::kVacation;
  std::optional<LeaveType> charge;  // the bank charged; nullopt: none (unpaid, jury duty…)
  Date first;
  Date last;
  std::vector<LeaveDay> days;  // ascending, within [first, last]
  std::string note;
  // POL-2 unscheduled absence: called in to the supervisor before the shift.
  bool unscheduled = false;
  bool called_in_before_shift = false;
  // PRO-1: over four consecutive calendar days with adjacent requests; decided
  // at submission (request_workflow.h) and kept.
  bool captain_path = false;
  int consecutive_days = 0;               // the length of the joined block at submission
  std::vector<std::int64_t> joined_with;  // other requests in that block
  RequestState state = RequestState::kSubmitted;
  Date state_since;
  org::EmployeeId sergeant = 0;  // who approved or denied at PRO-1.2 / POL-2
  org::EmployeeId captain = 0;   // who decided at PRO-1.4
  // PRO-1.3: the form's way up the chain of command to the section captain,
  // link by link; PRO-1.4: its way back down to the sergeant/supervisor.
  // nullopt before it is sent (and in requests stored before routing existed).
  std::optional<records::Routing> to_captain;
  std::optional<records::Routing> back_to_sergeant;
  std::string denial_reason;
  std::vector<RequestStepTaken> history;

  Minutes total_minutes() const;
};

}  // namespace rollcall::timeoff::leave
