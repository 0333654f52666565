// Paid holidays as data rules (4.010-POL-5 unearned holiday leave, 4.010-POL-7
// holidays used by December 31). The City of Seattle's list is the default;
// an agency edits the rules, not the code.
//
// Observance: a fixed-date holiday that falls on a Saturday is observed on the
// Friday before, on a Sunday the Monday after (5 U.S.C. 6103(b) and the City's
// practice for employees on a Monday-Friday week). Both dates are kept: a
// 24/7 scheduler (TeleStaff) credits shift workers on the actual date, office
// schedules on the observed one; the leave rules choose.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "time/civil_date.h"

namespace rollcall::timeoff {

enum class HolidayRuleKind {
  kFixedDate,    // month/day every year (July 4)
  kNthWeekday,   // the nth weekday of a month (third Monday in January)
  kLastWeekday,  // the last weekday of a month (last Monday in May)
  kDaysAfter,    // a number of days after another rule's actual date
};

std::string_view to_string(HolidayRuleKind k);  // "fixed-date", "nth-weekday", …
std::optional<HolidayRuleKind> parse_holiday_rule_kind(std::string_view s);

struct HolidayRule {
  std::string name;  // unique within a list, e.g. "thanksgiving"
  HolidayRuleKind kind = HolidayRuleKind::kFixedDate;
  unsigned month = 1;                                  // 1..12 (not for kDaysAfter)
  unsigned day = 1;                                    // kFixedDate: 1..31
  std::chrono::weekday weekday = std::chrono::Monday;  // kNthWeekday, kLastWeekday
  unsigned nth = 1;                                    // kNthWeekday: 1..5
  std::string after;                                   // kDaysAfter: the other rule
  int days_after = 1;                                  // kDaysAfter
  bool weekend_observance = false;                     // Saturday -> Friday, Sunday -> Monday
  int first_year = 0;                                  // in force from this year (0: always)
};

struct Holiday {
  std::string name;
  Date actual;    // the holiday's own date
  Date observed;  // the paid day off for a Monday-Friday schedule
  friend bool operator==(const Holiday&, const Holiday&) = default;
};

// The City of Seattle's eleven paid holidays (floating/personal holidays are
// balances, not dates, and are not here): new-years-day, mlk-day,
// presidents-day, memorial-day, juneteenth (from 2021), independence-day,
// labor-day, veterans-day, thanksgiving, day-after-thanksgiving, christmas.
// Fixed-date ones have weekend observance.
std::vector<HolidayRule> seattle_paid_holidays();

// INVALID_ARGUMENT naming the rule if one is malformed (month or day out of
// range, nth not 1..5, a kDaysAfter naming no earlier rule, a duplicate name,
// a fifth weekday that the month lacks in some year is NOT an error: that
// year simply has no such holiday).
Status validate(const std::vector<HolidayRule>& rules);

// The holidays of `year` — the rules applied to that year, ordered by actual
// date. Observed dates may fall in the neighbouring year (New Year's Day 2028
// is a Saturday, observed 2027-12-31); the holiday still belongs to `year`.
// INVALID_ARGUMENT as validate().
Result<std::vector<Holiday>> holidays_in_year(const std::vector<HolidayRule>& rules, int year);

// The holidays whose OBSERVED date lies in the closed range [first, last],
// ordered by observed date; empty if last < first. INVALID_ARGUMENT as
// validate().
Result<std::vector<Holiday>> holidays_observed_in(const std::vector<HolidayRule>& rules, Date first,
                                                  Date last);

}  // namespace rollcall::timeoff
