// Pay periods: fixed-length (biweekly by default) periods repeating from a
// configured anchor, the first day of one known period. 4.010-POL-3 (timesheet
// approval after each pay period) and 4.010-POL-7 (furloughs used by the end
// of the last full pay period in December) are stated in pay periods.
#pragma once

#include <vector>

#include "common/status.h"
#include "time/civil_date.h"

namespace rollcall {

// Configuration (data, not code): the first day of any one pay period and the
// period length. The default is a Wednesday-to-Tuesday biweekly calendar
// (periods start 2025-12-31, 2026-01-14, …) so that "noon on the Wednesday
// following the end" is the morning after a period closes; the agency sets
// the anchor from the Payroll Unit's calendar.
struct PayPeriodConfig {
  Date anchor = Date::from_ymd(2025, 12, 31);
  int length_days = 14;
};

struct PayPeriod {
  Date start;  // first day
  Date end;    // last day (inclusive)
  // The payroll year and the period's number in it (1-based). A period belongs
  // to the year in which it ENDS (as pay checks are dated after the period),
  // so a period from Dec 24 to Jan 6 is period 1 of the new year. A year has
  // 26 or 27 biweekly periods.
  int year = 0;
  int number = 0;

  bool contains(Date d) const { return start <= d && d <= end; }
  friend bool operator==(const PayPeriod&, const PayPeriod&) = default;
};

class PayPeriodCalendar {
 public:
  // INVALID_ARGUMENT if length_days is outside 7..31.
  static Result<PayPeriodCalendar> create(const PayPeriodConfig& config);
  // The biweekly calendar of PayPeriodConfig's defaults.
  PayPeriodCalendar() = default;

  const PayPeriodConfig& config() const { return config_; }

  // The period containing `d` (always exists).
  PayPeriod containing(Date d) const;
  // Every period that overlaps the closed range [first, last], in order; empty
  // if last < first.
  std::vector<PayPeriod> in_range(Date first, Date last) const;
  // The periods of payroll year `year` (those ending in it), numbered 1..N.
  std::vector<PayPeriod> in_year(int year) const;
  // Period `number` of payroll year `year`; NOT_FOUND if the year has fewer.
  Result<PayPeriod> numbered(int year, int number) const;

  // 4.010-POL-7 furlough deadline. "The last full pay period in December" is
  // the latest period whose first AND last days are both in December of
  // `year`; a period that starts in December and ends in January is not full.
  // Furloughs must be used by its last day (end). For periods of up to 16 days
  // one always exists; NOT_FOUND otherwise (a long configured period may not
  // fit in December).
  Result<PayPeriod> last_full_in_december(int year) const;

 private:
  explicit PayPeriodCalendar(PayPeriodConfig config) : config_(config) {}
  PayPeriod at_start(Date start) const;

  PayPeriodConfig config_;
};

}  // namespace rollcall
