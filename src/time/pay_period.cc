#include "time/pay_period.h"

#include <string>

#include "time/repeating_period.h"

namespace rollcall {

Result<PayPeriodCalendar> PayPeriodCalendar::create(const PayPeriodConfig& config) {
  if (config.length_days < 7 || config.length_days > 31) {
    return invalid_argument("a pay period is 7 to 31 days long, not " +
                            std::to_string(config.length_days));
  }
  return PayPeriodCalendar(config);
}

PayPeriod PayPeriodCalendar::at_start(Date start) const {
  PayPeriod p;
  p.start = start;
  p.end = start.plus_days(config_.length_days - 1);
  p.year = p.end.year();
  // Number: how many periods end in p.year up to and including this one. The
  // first period ending in the year ends on Jan 1 .. Jan length_days.
  const Date jan1 = Date::from_ymd(p.year, 1, 1);
  p.number = static_cast<int>(days_between(jan1, p.end) / config_.length_days) + 1;
  return p;
}

PayPeriod PayPeriodCalendar::containing(Date d) const {
  return at_start(period_start_containing(config_.anchor, config_.length_days, d));
}

std::vector<PayPeriod> PayPeriodCalendar::in_range(Date first, Date last) const {
  std::vector<PayPeriod> out;
  if (last < first) return out;
  for (PayPeriod p = containing(first); p.start <= last; p = containing(p.end.plus_days(1))) {
    out.push_back(p);
  }
  return out;
}

std::vector<PayPeriod> PayPeriodCalendar::in_year(int year) const {
  std::vector<PayPeriod> out;
  for (const PayPeriod& p : in_range(Date::from_ymd(year, 1, 1), Date::from_ymd(year, 12, 31))) {
    if (p.year == year) out.push_back(p);
  }
  return out;
}

Result<PayPeriod> PayPeriodCalendar::numbered(int year, int number) const {
  const auto periods = in_year(year);
  if (number < 1 || number > static_cast<int>(periods.size())) {
    return not_found("payroll year " + std::to_string(year) + " has " +
                     std::to_string(periods.size()) + " pay periods, not a number " +
                     std::to_string(number));
  }
  return periods[number - 1];
}

Result<PayPeriod> PayPeriodCalendar::last_full_in_december(int year) const {
  const Date dec1 = Date::from_ymd(year, 12, 1);
  const Date dec31 = Date::from_ymd(year, 12, 31);
  // The period containing Dec 31 is full only if it ends on Dec 31; otherwise
  // the one before it is the candidate.
  PayPeriod p = containing(dec31);
  if (p.end != dec31) p = containing(p.start.plus_days(-1));
  if (p.start < dec1) {
    return not_found("no pay period of " + std::to_string(config_.length_days) +
                     " days lies wholly within December " + std::to_string(year));
  }
  return p;
}

}  // namespace rollcall
