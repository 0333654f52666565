// The work schedules 4.010 names, shared by the calendar (which days and hours
// are scheduled) and the leave rules (4.010-POL-6: up to 36 hours of unearned
// furlough on 4-2 and 24-hour schedules). Stored as readable text.
#pragma once

#include <optional>
#include <string_view>

namespace rollcall::timeoff {

enum class ScheduleKind {
  kFourTwo,     // "4-2": four 10-hour days on, two off, a 6-day cycle from an anchor date
  kFiveEight,   // "5-8": five 8-hour days, Monday to Friday unless configured
  kNineEighty,  // "9-80": eight 9-hour days, one 8-hour day, one day off in two weeks
  kFourTen,     // "4-10": four 10-hour days a week
  kTwentyFour,  // "24-hour": 24-hour shifts (e.g. one on, two off)
};

constexpr std::string_view to_string(ScheduleKind k) {
  switch (k) {
    case ScheduleKind::kFourTwo:
      return "4-2";
    case ScheduleKind::kFiveEight:
      return "5-8";
    case ScheduleKind::kNineEighty:
      return "9-80";
    case ScheduleKind::kFourTen:
      return "4-10";
    case ScheduleKind::kTwentyFour:
      return "24-hour";
  }
  return "?";
}

constexpr std::optional<ScheduleKind> parse_schedule_kind(std::string_view s) {
  for (auto k : {ScheduleKind::kFourTwo, ScheduleKind::kFiveEight, ScheduleKind::kNineEighty,
                 ScheduleKind::kFourTen, ScheduleKind::kTwentyFour}) {
    if (to_string(k) == s) return k;
  }
  return std::nullopt;
}

}  // namespace rollcall::timeoff
