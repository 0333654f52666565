// Circle furloughs (4.010-POL-12): working a scheduled furlough day.
//
// An employee may work a furlough day with sergeant/supervisor approval only
// if the hours worked in the FLSA work period stay within the FLSA allowance.
// Employees on a 9-80 schedule work a furlough day only on approved overtime.
// The employee then takes a normal work day off in the same FLSA work period;
// that day is tracked until taken: owed, taken, or overdue once the period has
// ended without it.
//
// The FLSA work period (dates) and its hours limit come from the calendar
// module (the 7(k) table); the minutes already worked in the period from the
// timesheets. Both arrive here as plain numbers and dates.
//
// Where the policy is silent: a 9-80 employee's furlough worked on approved
// overtime is held to the same FLSA check and owes the same day off (the
// exception adds a condition, it does not lift the others); the supervisor
// records the day off, as TeleStaff's supervisor-scheduled swaps do; and
// reaching the limit exactly is within it ("does not exceed").
//
//   request → approved | denied;  approved → day off taken (record_day_off)
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
#include "domain/timeoff/schedule_kind.h"
#include "time/civil_date.h"

namespace rollcall::timeoff::records {

// The FLSA work period containing the furlough day, as the calendar gives it.
struct FlsaPeriodRef {
  Date first;
  Date last;                       // inclusive
  std::int64_t limit_minutes = 0;  // e.g. 171 hours for 28 days
  bool contains(Date d) const { return first <= d && d <= last; }
};

enum class FurloughWorkState {
  kRequested,  // "requested"
  kApproved,   // "approved"
  kDenied,     // "denied"  Final.
};
std::string_view to_string(FurloughWorkState s);
std::optional<FurloughWorkState> parse_furlough_work_state(std::string_view s);

// The normal work day off owed for a worked furlough, as of a date.
enum class DayOffStatus {
  kNotOwed,  // "not-owed"  not approved (yet)
  kOwed,     // "owed"      approved, not taken, the FLSA period not over
  kTaken,    // "taken"
  kOverdue,  // "overdue"   the FLSA period ended without it
};
std::string_view to_string(DayOffStatus s);

struct FurloughWork {
  std::int64_t id = 0;
  org::EmployeeId employee = 0;
  ScheduleKind schedule = ScheduleKind::kFiveEight;
  Date furlough_day;
  std::int64_t minutes = 0;        // to be worked that day
  bool approved_overtime = false;  // 9-80: the furlough is worked on approved overtime
  FlsaPeriodRef period;
  FurloughWorkState state = FurloughWorkState::kRequested;
  Instant requested_at;
  org::EmployeeId decided_by = 0;
  std::optional<Instant> decided_at;
  std::int64_t worked_before_minutes = 0;  // FLSA hours worked in the period, when approved
  std::optional<Date> day_off;             // the normal work day taken off
  std::optional<Instant> day_off_recorded_at;
  std::string comments;
  std::vector<RecordEvent<FurloughWorkState>> history;
};

struct FurloughWorkInput {
  ScheduleKind schedule = ScheduleKind::kFiveEight;
  Date furlough_day;  // a scheduled furlough day (the calendar's word for it)
  std::int64_t minutes = 0;
  bool approved_overtime = false;
  FlsaPeriodRef period;
};

// The employee asks to work a furlough day. PERMISSION_DENIED unless the
// actor is the employee or supervises them. INVALID_ARGUMENT if the day is not
// in the FLSA period, minutes are not 1..1440, or the schedule is 9-80 and the
// day is not on approved overtime (POL-12 exception).
Result<FurloughWork> request_furlough_work(std::int64_t id, org::EmployeeId employee,
                                           const FurloughWorkInput& input, const Actor& actor,
                                           Instant at);

// The sergeant/supervisor approves, given the FLSA hours already worked in the
// period (paid leave excluded). PERMISSION_DENIED unless the actor supervises
// the employee; FAILED_PRECONDITION unless requested; INVALID_ARGUMENT if
// worked + the furlough day's minutes exceed the period's limit (equal is
// within).
Result<FurloughWork> approve_furlough_work(const FurloughWork& w,
                                           std::int64_t worked_minutes_in_period,
                                           const Actor& actor, Instant at);
// The sergeant/supervisor denies it. Same permission and state as approve;
// INVALID_ARGUMENT without comments.
Result<FurloughWork> deny_furlough_work(const FurloughWork& w, const Actor& actor, Instant at,
                                        std::string comments);

// Records the normal work day taken off; `scheduled_minutes` is what the
// employee's schedule (the calendar module) has on that day.
// PERMISSION_DENIED unless the actor supervises the employee (the supervisor
// schedules it); FAILED_PRECONDITION unless approved, or if a day off is
// already recorded; INVALID_ARGUMENT if the day is outside the same FLSA
// period, is the furlough day itself, or is not a scheduled work day
// (scheduled_minutes is 0).
Result<FurloughWork> record_day_off(const FurloughWork& w, Date day_off,
                                    std::int64_t scheduled_minutes, const Actor& actor, Instant at);

// POL-12 "verify their FLSA status": the minutes still allowed in the period
// after `worked_minutes` (0 when at or over the limit).
std::int64_t flsa_room_minutes(const FlsaPeriodRef& period, std::int64_t worked_minutes);

// owed / taken / overdue as of `as_of` (overdue from the day after the period's last day).
DayOffStatus day_off_status(const FurloughWork& w, Date as_of);

// Every approved worked furlough whose day off is owed or overdue as of
// `as_of`, for the supervisor's and Payroll's lists.
std::vector<std::int64_t> days_off_outstanding(const std::vector<FurloughWork>& all, Date as_of);

}  // namespace rollcall::timeoff::records
