// 4.010-POL-3: sergeants/supervisors approve timesheets "by noon on the
// Wednesday following the end of each pay period". The deadline is a wall-clock
// time in the agency zone, returned as a UTC instant, so it moves by an hour in
// UTC across daylight saving changes.
#pragma once

#include <chrono>
#include <string_view>

#include "common/clock.h"
#include "common/status.h"
#include "time/civil_date.h"

namespace rollcall {

// The rule as data: the weekday and local time of day.
struct TimesheetDeadlineRule {
  std::chrono::weekday weekday = std::chrono::Wednesday;
  std::chrono::minutes local_time = std::chrono::hours(12);  // noon
};

// The first `rule.weekday` strictly AFTER `pay_period_end` (a period ending on
// a Wednesday is due the next Wednesday, seven days later: "following").
Date timesheet_deadline_date(Date pay_period_end, const TimesheetDeadlineRule& rule = {});

// That day at rule.local_time in IANA zone `zone`, as a UTC instant.
// NOT_FOUND for an unknown zone; INVALID_ARGUMENT if local_time is outside
// [0, 24h).
Result<Instant> timesheet_deadline(Date pay_period_end, std::string_view zone,
                                   const TimesheetDeadlineRule& rule = {});

}  // namespace rollcall
