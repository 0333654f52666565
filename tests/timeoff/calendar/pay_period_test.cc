#include "time/pay_period.h"

#include <gtest/gtest.h>

#include "time/repeating_period.h"

namespace rollcall {
namespace {

Date d(const char* text) { return Date::parse(text).value(); }

TEST(RepeatingPeriod, FloorsBeforeTheAnchor) {
  EXPECT_EQ(floor_div(-1, 14), -1);
  EXPECT_EQ(floor_div(-14, 14), -1);
  EXPECT_EQ(floor_div(-15, 14), -2);
  EXPECT_EQ(floor_div(13, 14), 0);
  EXPECT_EQ(period_start_containing(d("2026-01-01"), 14, d("2025-12-31")), d("2025-12-18"));
  EXPECT_EQ(day_in_period(d("2026-01-01"), 6, d("2025-12-31")), 5);
  EXPECT_EQ(day_in_period(d("2026-01-01"), 6, d("2026-01-07")), 0);
}

TEST(PayPeriod, EveryDayOfAPeriodMapsToIt) {
  const PayPeriodCalendar cal;  // defaults: 2025-12-31, 14 days
  const PayPeriod p = cal.containing(d("2026-01-14"));
  for (Date x = p.start; x <= p.end; x = x.plus_days(1)) EXPECT_EQ(cal.containing(x), p);
  EXPECT_EQ(cal.containing(p.end.plus_days(1)).start, p.end.plus_days(1));
  EXPECT_EQ(cal.containing(p.start.plus_days(-1)).end, p.start.plus_days(-1));
}

TEST(PayPeriod, YearsAreNumberedConsecutivelyFromOne) {
  const PayPeriodCalendar cal;
  for (int year = 2020; year <= 2035; ++year) {
    const auto periods = cal.in_year(year);
    ASSERT_TRUE(periods.size() == 26 || periods.size() == 27) << year;
    for (std::size_t i = 0; i < periods.size(); ++i) {
      EXPECT_EQ(periods[i].number, static_cast<int>(i) + 1) << year;
      EXPECT_EQ(periods[i].year, year);
      EXPECT_EQ(periods[i].end.year(), year);
      if (i > 0) {
        EXPECT_EQ(periods[i].start, periods[i - 1].end.plus_days(1));
      }
    }
  }
}

TEST(PayPeriod, NumberedRefusesPeriodsTheYearLacks) {
  const PayPeriodCalendar cal;
  EXPECT_EQ(cal.numbered(2026, 27).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(cal.numbered(2026, 0).status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(cal.numbered(2024, 27).is_ok());
}

TEST(PayPeriod, InRangeCoversTheRangeWithoutGaps) {
  const PayPeriodCalendar cal;
  const auto ps = cal.in_range(d("2026-01-10"), d("2026-03-01"));
  ASSERT_EQ(ps.size(), 5u);
  EXPECT_TRUE(ps.front().contains(d("2026-01-10")));
  EXPECT_TRUE(ps.back().contains(d("2026-03-01")));
  EXPECT_TRUE(cal.in_range(d("2026-03-01"), d("2026-01-10")).empty());
  EXPECT_EQ(cal.in_range(d("2026-01-14"), d("2026-01-14")).size(), 1u);
}

TEST(PayPeriod, LastFullDecemberPeriodLiesInDecember) {
  for (const char* anchor : {"2025-12-31", "2026-01-01", "2026-01-05", "2026-12-18"}) {
    auto cal = PayPeriodCalendar::create({d(anchor), 14});
    ASSERT_TRUE(cal.is_ok());
    for (int year = 2020; year <= 2040; ++year) {
      auto p = cal->last_full_in_december(year);
      ASSERT_TRUE(p.is_ok()) << anchor << " " << year;
      EXPECT_EQ(p->start.month(), 12u);
      EXPECT_EQ(p->end.month(), 12u);
      EXPECT_EQ(p->end.year(), year);
      // The next period does not end in December.
      EXPECT_NE(cal->containing(p->end.plus_days(1)).end.month(), 12u) << anchor << " " << year;
    }
  }
}

TEST(PayPeriod, LongPeriodsMayHaveNoFullDecemberPeriod) {
  auto cal = PayPeriodCalendar::create({d("2026-11-20"), 31});
  ASSERT_TRUE(cal.is_ok());
  EXPECT_EQ(cal->last_full_in_december(2026).status().code(), StatusCode::kNotFound);
}

TEST(PayPeriod, RefusesLengthsOutsideAWeekToAMonth) {
  EXPECT_EQ(PayPeriodCalendar::create({d("2026-01-01"), 0}).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(PayPeriodCalendar::create({d("2026-01-01"), 32}).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_TRUE(PayPeriodCalendar::create({d("2026-01-01"), 7}).is_ok());
}

}  // namespace
}  // namespace rollcall
