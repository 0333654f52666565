// Periods that repeat every N days from an anchor date: pay periods, FLSA work
// periods, schedule rotations. Pure arithmetic on civil dates; dates before the
// anchor fall in earlier periods (floor division, never truncation).
#pragma once

#include <cstdint>

#include "time/civil_date.h"

namespace rollcall {

// floor(a / b) for b > 0, also for negative a.
constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

// The first day of the `length_days`-day period, counted from `anchor`, that
// contains `d`. Requires length_days > 0 (callers validate their configuration).
inline Date period_start_containing(Date anchor, int length_days, Date d) {
  const std::int64_t k = floor_div(days_between(anchor, d), length_days);
  return anchor.plus_days(k * length_days);
}

// The 0-based position of `d` within its period (0 .. length_days-1).
inline int day_in_period(Date anchor, int length_days, Date d) {
  return static_cast<int>(days_between(period_start_containing(anchor, length_days, d), d));
}

}  // namespace rollcall
