#include "domain/timeoff/records/circle_furlough.h"

#include <algorithm>
#include <utility>

namespace rollcall::timeoff::records {
namespace {

Status state_error(const std::string& step, const FurloughWork& w, FurloughWorkState expected) {
  return failed_precondition(step + " needs the furlough work " + std::string(to_string(expected)) +
                             "; it is " + std::string(to_string(w.state)));
}

std::string hours(std::int64_t minutes) {
  return std::to_string(minutes / 60) + (minutes % 60 ? "h" + std::to_string(minutes % 60) : "h");
}

}  // namespace

std::string_view to_string(FurloughWorkState s) {
  switch (s) {
    case FurloughWorkState::kRequested:
      return "requested";
    case FurloughWorkState::kApproved:
      return "approved";
    case FurloughWorkState::kDenied:
      return "denied";
  }
  return "?";
}

std::optional<FurloughWorkState> parse_furlough_work_state(std::string_view s) {
  for (auto v :
       {FurloughWorkState::kRequested, FurloughWorkState::kApproved, FurloughWorkState::kDenied}) {
    if (to_string(v) == s) return v;
  }
  return std::nullopt;
}

std::string_view to_string(DayOffStatus s) {
  switch (s) {
    case DayOffStatus::kNotOwed:
      return "not-owed";
    case DayOffStatus::kOwed:
      return "owed";
    case DayOffStatus::kTaken:
      return "taken";
    case DayOffStatus::kOverdue:
      return "overdue";
  }
  return "?";
}

Result<FurloughWork> request_furlough_work(std::int64_t id, org::EmployeeId employee,
                                           const FurloughWorkInput& input, const Actor& actor,
                                           Instant at) {
  if (actor.employee != employee && !supervises(actor, employee)) {
    return denied(actor, "4.010-POL-12: the employee asks their sergeant/supervisor");
  }
  if (!input.period.contains(input.furlough_day)) {
    return invalid_argument("furlough_day: the furlough day " + input.furlough_day.to_string() +
                            " is not in the FLSA work period given");
  }
  if (input.minutes <= 0 || input.minutes > kMinutesPerDay) {
    return invalid_argument("hours: minutes to work must be 1 to 1440");
  }
  if (input.schedule == ScheduleKind::kNineEighty && !input.approved_overtime) {
    return invalid_argument(
        "4.010-POL-12: employees on a 9-80 schedule work a scheduled furlough day only on "
        "approved overtime");
  }
  FurloughWork w;
  w.id = id;
  w.employee = employee;
  w.schedule = input.schedule;
  w.furlough_day = input.furlough_day;
  w.minutes = input.minutes;
  w.approved_overtime = input.approved_overtime;
  w.period = input.period;
  w.requested_at = at;
  w.history.push_back({"request", actor.employee, at, FurloughWorkState::kRequested, ""});
  return w;
}

Result<FurloughWork> approve_furlough_work(const FurloughWork& w,
                                           std::int64_t worked_minutes_in_period,
                                           const Actor& actor, Instant at) {
  if (!supervises(actor, w.employee)) {
    return denied(actor, "4.010-POL-12: the employee's sergeant/supervisor approves");
  }
  if (w.state != FurloughWorkState::kRequested) {
    return state_error("approving", w, FurloughWorkState::kRequested);
  }
  if (worked_minutes_in_period < 0) return invalid_argument("worked minutes cannot be negative");
  const std::int64_t total = worked_minutes_in_period + w.minutes;
  if (total > w.period.limit_minutes) {
    return invalid_argument(
        "4.010-POL-12: working the furlough would bring the FLSA work period "
        "to " +
        hours(total) + ", over its allowance of " + hours(w.period.limit_minutes));
  }
  FurloughWork out = w;
  out.state = FurloughWorkState::kApproved;
  out.decided_by = actor.employee;
  out.decided_at = at;
  out.worked_before_minutes = worked_minutes_in_period;
  out.history.push_back({"approve", actor.employee, at, out.state,
                         "FLSA hours worked before: " + hours(worked_minutes_in_period)});
  return out;
}

Result<FurloughWork> deny_furlough_work(const FurloughWork& w, const Actor& actor, Instant at,
                                        std::string comments) {
  if (!supervises(actor, w.employee)) {
    return denied(actor, "4.010-POL-12: the employee's sergeant/supervisor decides");
  }
  if (w.state != FurloughWorkState::kRequested) {
    return state_error("denying", w, FurloughWorkState::kRequested);
  }
  if (comments.empty()) return invalid_argument("comments: denying says why");
  FurloughWork out = w;
  out.state = FurloughWorkState::kDenied;
  out.decided_by = actor.employee;
  out.decided_at = at;
  out.comments = comments;
  out.history.push_back({"deny", actor.employee, at, out.state, std::move(comments)});
  return out;
}

Result<FurloughWork> record_day_off(const FurloughWork& w, Date day_off,
                                    std::int64_t scheduled_minutes, const Actor& actor,
                                    Instant at) {
  if (!supervises(actor, w.employee)) {
    return denied(actor, "4.010-POL-12: the sergeant/supervisor records the day off");
  }
  if (w.state != FurloughWorkState::kApproved) {
    return state_error("a day off", w, FurloughWorkState::kApproved);
  }
  if (w.day_off) {
    return failed_precondition("the day off was already taken on " + w.day_off->to_string());
  }
  if (!w.period.contains(day_off)) {
    return invalid_argument(
        "day: the day off is taken in the same FLSA work period (4.010-POL-12) (" +
        w.period.first.to_string() + " to " + w.period.last.to_string() + "), not " +
        day_off.to_string());
  }
  if (day_off == w.furlough_day) {
    return invalid_argument("day: the day off is a normal work day, not the furlough day worked");
  }
  if (scheduled_minutes <= 0) {
    return invalid_argument("day: the day off is a normal work day (4.010-POL-12); " +
                            day_off.to_string() + " is not scheduled");
  }
  FurloughWork out = w;
  out.day_off = day_off;
  out.day_off_recorded_at = at;
  out.history.push_back({"day-off", actor.employee, at, out.state, day_off.to_string()});
  return out;
}

std::int64_t flsa_room_minutes(const FlsaPeriodRef& period, std::int64_t worked_minutes) {
  return std::max<std::int64_t>(0, period.limit_minutes - worked_minutes);
}

DayOffStatus day_off_status(const FurloughWork& w, Date as_of) {
  if (w.state != FurloughWorkState::kApproved) return DayOffStatus::kNotOwed;
  if (w.day_off) return DayOffStatus::kTaken;
  return as_of > w.period.last ? DayOffStatus::kOverdue : DayOffStatus::kOwed;
}

std::vector<std::int64_t> days_off_outstanding(const std::vector<FurloughWork>& all, Date as_of) {
  std::vector<std::int64_t> out;
  for (const FurloughWork& w : all) {
    const DayOffStatus s = day_off_status(w, as_of);
    if (s == DayOffStatus::kOwed || s == DayOffStatus::kOverdue) out.push_back(w.id);
  }
  return out;
}

}  // namespace rollcall::timeoff::records
