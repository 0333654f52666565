#include "time/flsa.h"

#include <gtest/gtest.h>

namespace rollcall {
namespace {

Date d(const char* text) { return Date::parse(text).value(); }

TEST(Flsa, TableNeverDecreasesAndStaysNearTheRatio) {
  int previous = 0;
  for (int days = kFlsaMinWorkPeriodDays; days <= kFlsaMaxWorkPeriodDays; ++days) {
    const auto h = flsa_law_enforcement_max_hours(days);
    ASSERT_TRUE(h.is_ok()) << days;
    EXPECT_GT(*h, previous) << days;
    EXPECT_NEAR(*h, 171.0 * days / 28.0, 1.0) << days;  // the table rounds 171/28 per day
    previous = *h;
  }
}

TEST(Flsa, ErrorMessagesNameTheGroup) {
  auto p = FlsaWorkPeriods::create({"detectives", d("2026-01-01"), 30});
  ASSERT_FALSE(p.is_ok());
  EXPECT_EQ(p.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(p.status().message().find("detectives"), std::string::npos);
}

TEST(Flsa, WorkPeriodsTileTime) {
  auto p = FlsaWorkPeriods::create({"sworn", d("2026-01-04"), 21});
  ASSERT_TRUE(p.is_ok());
  EXPECT_EQ(p->max_hours(), 128);
  const auto periods = p->in_range(d("2025-11-01"), d("2026-06-30"));
  ASSERT_FALSE(periods.empty());
  for (std::size_t i = 0; i < periods.size(); ++i) {
    EXPECT_EQ(periods[i].length_days, 21);
    EXPECT_EQ(days_between(periods[i].start, periods[i].end), 20);
    EXPECT_EQ(periods[i].max_minutes(), 128 * 60);
    if (i > 0) {
      EXPECT_EQ(periods[i].start, periods[i - 1].end.plus_days(1));
    }
    EXPECT_EQ(p->containing(periods[i].start), periods[i]);
    EXPECT_EQ(p->containing(periods[i].end), periods[i]);
  }
  EXPECT_EQ(p->containing(d("2026-01-04")).start, d("2026-01-04"));
  EXPECT_EQ(p->containing(d("2026-01-03")).end, d("2026-01-03"));
}

TEST(Flsa, CompTimeCeilings) {
  EXPECT_EQ(kPublicSafetyCompTimeCeilingHours, 480);
  EXPECT_EQ(kOtherCompTimeCeilingHours, 240);
}

}  // namespace
}  // namespace rollcall
