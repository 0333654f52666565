#include "time/timesheet_deadline.h"

#include "time/zone.h"

namespace rollcall {

Date timesheet_deadline_date(Date pay_period_end, const TimesheetDeadlineRule& rule) {
  const std::chrono::weekday end_day{pay_period_end.sys_days()};
  int ahead = static_cast<int>((rule.weekday - end_day).count());  // 0..6
  if (ahead == 0) ahead = 7;                                       // strictly after
  return pay_period_end.plus_days(ahead);
}

Result<Instant> timesheet_deadline(Date pay_period_end, std::string_view zone,
                                   const TimesheetDeadlineRule& rule) {
  if (rule.local_time < std::chrono::minutes(0) || rule.local_time >= std::chrono::hours(24)) {
    return invalid_argument("the timesheet deadline's time of day must be within one day");
  }
  return local_instant(timesheet_deadline_date(pay_period_end, rule), rule.local_time, zone);
}

}  // namespace rollcall
