// Civil (calendar) dates in the agency's zone: work dates, leave days, pay
// periods, effective dates. A Date has no time of day and no zone; converting
// instants to dates happens in time/zone.h with the agency's configured zone.
#pragma once

#include <chrono>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"

namespace rollcall {

class Date {
 public:
  constexpr Date() = default;  // 1970-01-01
  constexpr explicit Date(std::chrono::sys_days days) : days_(days) {}
  // Asserts nothing: an impossible y/m/d normalises. Use parse() for input.
  static Date from_ymd(int y, unsigned m, unsigned d) {
    return Date(std::chrono::sys_days(std::chrono::year_month_day{
        std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)}));
  }

  // Strict ISO 8601 calendar date "YYYY-MM-DD". Rejects other shapes and
  // impossible dates (2023-02-29, 2024-13-01) with INVALID_ARGUMENT.
  static Result<Date> parse(std::string_view text);

  std::string to_string() const;  // "YYYY-MM-DD"
  std::chrono::sys_days sys_days() const { return days_; }
  std::chrono::year_month_day ymd() const { return std::chrono::year_month_day(days_); }
  int year() const { return static_cast<int>(ymd().year()); }
  unsigned month() const { return static_cast<unsigned>(ymd().month()); }
  unsigned day() const { return static_cast<unsigned>(ymd().day()); }
  std::int64_t days_since_epoch() const { return days_.time_since_epoch().count(); }

  Date plus_days(std::int64_t n) const { return Date(days_ + std::chrono::days(n)); }
  // Calendar-month arithmetic with clamping to the last day of the target month:
  // 2026-08-31 minus 6 months is 2026-02-28 (ARCHITECTURE.md, "within N months").
  Date minus_months(int n) const;
  Date plus_months(int n) const;

  friend auto operator<=>(const Date&, const Date&) = default;
  friend bool operator==(const Date&, const Date&) = default;

 private:
  std::chrono::sys_days days_{};
};

// Days from a to b (b - a).
inline std::int64_t days_between(Date a, Date b) { return (b.sys_days() - a.sys_days()).count(); }

// A closed-open span of dates [start, end); end absent means open-ended.
// Effective-dated records (assignments, positions, statuses) use it.
struct DateSpan {
  Date start;
  std::optional<Date> end_exclusive;

  bool contains(Date d) const { return start <= d && (!end_exclusive || d < *end_exclusive); }
  bool overlaps(const DateSpan& o) const {
    const bool this_before_other_ends = !o.end_exclusive || start < *o.end_exclusive;
    const bool other_before_this_ends = !end_exclusive || o.start < *end_exclusive;
    return this_before_other_ends && other_before_this_ends;
  }
};

}  // namespace rollcall
