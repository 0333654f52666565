#include "domain/timeoff/calendar/holidays.h"

#include <gtest/gtest.h>

namespace rollcall::timeoff {
namespace {

Date d(const char* text) { return Date::parse(text).value(); }

TEST(Holidays, ObservedDaysAreWeekdaysWithinADay) {
  const auto rules = seattle_paid_holidays();
  for (int year = 2021; year <= 2040; ++year) {
    const auto hs = holidays_in_year(rules, year);
    ASSERT_TRUE(hs.is_ok());
    EXPECT_EQ(hs->size(), 11u) << year;
    for (const Holiday& h : *hs) {
      const std::chrono::weekday wd{h.observed.sys_days()};
      EXPECT_NE(wd, std::chrono::Saturday) << h.name << " " << year;
      EXPECT_NE(wd, std::chrono::Sunday) << h.name << " " << year;
      EXPECT_LE(std::abs(days_between(h.actual, h.observed)), 1);
      EXPECT_EQ(h.actual.year(), year);
    }
  }
}

TEST(Holidays, RangeByObservedDateMatchesTheYears) {
  const auto rules = seattle_paid_holidays();
  const auto all = holidays_observed_in(rules, d("2026-01-01"), d("2030-12-31"));
  ASSERT_TRUE(all.is_ok());
  // Eleven a year for 2026..2030 (New Year's 2028, observed 2027-12-31, is inside
  // the range; New Year's 2031 is a Wednesday, outside it).
  EXPECT_EQ(all->size(), 55u);
  for (std::size_t i = 1; i < all->size(); ++i) {
    EXPECT_LT((*all)[i - 1].observed, (*all)[i].observed);
  }
}

TEST(Holidays, RuleKindsHaveReadableText) {
  for (auto k : {HolidayRuleKind::kFixedDate, HolidayRuleKind::kNthWeekday,
                 HolidayRuleKind::kLastWeekday, HolidayRuleKind::kDaysAfter}) {
    EXPECT_EQ(parse_holiday_rule_kind(to_string(k)), k);
  }
  EXPECT_EQ(parse_holiday_rule_kind("easter"), std::nullopt);
}

TEST(Holidays, MalformedRulesAreRefusedByName) {
  auto rules = seattle_paid_holidays();
  rules.push_back(rules.front());  // duplicate name
  auto r = holidays_in_year(rules, 2026);
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("new-years-day"), std::string::npos);

  HolidayRule bad;
  bad.name = "feb-30";
  bad.month = 2;
  bad.day = 30;
  EXPECT_EQ(validate({bad}).code(), StatusCode::kInvalidArgument);
  bad = HolidayRule{};
  bad.name = "orphan";
  bad.kind = HolidayRuleKind::kDaysAfter;
  bad.after = "thanksgiving";
  EXPECT_EQ(validate({bad}).code(), StatusCode::kInvalidArgument);
  bad = HolidayRule{};
  bad.name = "sixth-monday";
  bad.kind = HolidayRuleKind::kNthWeekday;
  bad.nth = 6;
  EXPECT_EQ(validate({bad}).code(), StatusCode::kInvalidArgument);
  bad.nth = 5;
  bad.month = 13;
  EXPECT_EQ(validate({bad}).code(), StatusCode::kInvalidArgument);
}

TEST(Holidays, AFifthWeekdayOnlyInSomeYears) {
  HolidayRule r;
  r.name = "fifth-monday-of-march";
  r.kind = HolidayRuleKind::kNthWeekday;
  r.month = 3;
  r.weekday = std::chrono::Monday;
  r.nth = 5;
  EXPECT_EQ(holidays_in_year({r}, 2026)->size(), 1u);  // 2026-03-30
  EXPECT_EQ(holidays_in_year({r}, 2028)->size(), 0u);  // March 2028 has four Mondays
  EXPECT_EQ(holidays_in_year({r}, 2026)->front().actual, d("2026-03-30"));
}

TEST(Holidays, ObservanceIsPerRule) {
  HolidayRule r;
  r.name = "shift-workers-july-4";
  r.month = 7;
  r.day = 4;
  r.weekend_observance = false;
  const auto hs = holidays_in_year({r}, 2026);
  ASSERT_TRUE(hs.is_ok());
  EXPECT_EQ(hs->front().observed, d("2026-07-04"));
}

}  // namespace
}  // namespace rollcall::timeoff
