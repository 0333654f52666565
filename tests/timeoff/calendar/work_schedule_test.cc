#include "domain/timeoff/calendar/work_schedule.h"

#include <gtest/gtest.h>

namespace rollcall::timeoff {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

Date d(const char* text) { return Date::parse(text).value(); }

WorkSchedule make(ScheduleKind kind, const char* anchor) {
  auto s = WorkSchedule::create(default_schedule_spec(kind, d(anchor)));
  EXPECT_TRUE(s.is_ok()) << s.status().to_string();
  return std::move(s).value();
}

TEST(WorkSchedule, DefaultsAverageTheirNominalWeek) {
  // Over a year of whole cycles away from DST, hours per week match the kind.
  struct Case {
    ScheduleKind kind;
    int days;              // a whole number of cycles
    std::int64_t minutes;  // scheduled in it
  };
  const Case cases[] = {
      {ScheduleKind::kFiveEight, 14, 80 * 60},  {ScheduleKind::kNineEighty, 14, 80 * 60},
      {ScheduleKind::kFourTen, 14, 80 * 60},    {ScheduleKind::kFourTwo, 12, 80 * 60},
      {ScheduleKind::kTwentyFour, 12, 96 * 60},
  };
  for (const Case& c : cases) {
    const WorkSchedule s = make(c.kind, "2026-01-05");  // a Monday
    EXPECT_EQ(s.scheduled_minutes(d("2026-01-05"), d("2026-01-05").plus_days(c.days - 1)),
              c.minutes)
        << to_string(c.kind);
  }
}

TEST(WorkSchedule, RangeTotalsAreSumsOfDays) {
  for (auto kind : {ScheduleKind::kFourTwo, ScheduleKind::kFiveEight, ScheduleKind::kNineEighty,
                    ScheduleKind::kFourTen, ScheduleKind::kTwentyFour}) {
    const WorkSchedule s = make(kind, "2026-02-02");
    std::int64_t sum = 0;
    int days = 0;
    for (Date x = d("2026-02-20"); x <= d("2026-04-10"); x = x.plus_days(1)) {
      sum += s.scheduled_minutes(x);
      days += s.is_scheduled(x) ? 1 : 0;
      EXPECT_EQ(s.shift_on(x).has_value(), s.is_scheduled(x));
    }
    EXPECT_EQ(s.scheduled_minutes(d("2026-02-20"), d("2026-04-10")), sum) << to_string(kind);
    EXPECT_EQ(s.scheduled_days(d("2026-02-20"), d("2026-04-10")), days) << to_string(kind);
    EXPECT_EQ(s.scheduled_dates(d("2026-02-20"), d("2026-04-10")).size(),
              static_cast<std::size_t>(days));
  }
}

TEST(WorkSchedule, NominalMinutesIgnoreDaylightSaving) {
  auto spec = default_schedule_spec(ScheduleKind::kTwentyFour, d("2026-03-07"));
  auto s = WorkSchedule::create(spec);
  ASSERT_TRUE(s.is_ok());
  EXPECT_EQ(s->nominal_minutes(d("2026-03-07")), hours(24));
  EXPECT_EQ(s->scheduled_minutes(d("2026-03-07")), 23 * 60);
  EXPECT_EQ(s->nominal_minutes(d("2026-03-08")), minutes(0));
}

TEST(WorkSchedule, NineEightySplitAddsUpToTheDay) {
  const WorkSchedule s = make(ScheduleKind::kNineEighty, "2026-01-05");
  for (Date x = d("2026-01-05"); x <= d("2026-03-31"); x = x.plus_days(1)) {
    const auto split = s.split_at_week_boundary(x);
    EXPECT_EQ(split.before + split.after, s.scheduled_minutes(x)) << x.to_string();
  }
  // Other kinds never split.
  const WorkSchedule five = make(ScheduleKind::kFiveEight, "2026-01-05");
  EXPECT_EQ(five.split_at_week_boundary(d("2026-01-09")).after, 0);
}

TEST(WorkSchedule, RefusesAnUnknownZone) {
  auto spec = default_schedule_spec(ScheduleKind::kFiveEight, d("2026-01-05"));
  spec.zone = "Atlantis/Capital";
  EXPECT_EQ(WorkSchedule::create(spec).status().code(), StatusCode::kNotFound);
}

TEST(WorkSchedule, RefusesBadShiftTimes) {
  auto spec = default_schedule_spec(ScheduleKind::kFiveEight, d("2026-01-05"));
  spec.shift_start = hours(24);
  EXPECT_EQ(WorkSchedule::create(spec).status().code(), StatusCode::kInvalidArgument);
  spec.shift_start = minutes(-1);
  EXPECT_EQ(WorkSchedule::create(spec).status().code(), StatusCode::kInvalidArgument);
  spec = default_schedule_spec(ScheduleKind::kTwentyFour, d("2026-01-05"));
  spec.days_off = -1;
  EXPECT_EQ(WorkSchedule::create(spec).status().code(), StatusCode::kInvalidArgument);
  spec = default_schedule_spec(ScheduleKind::kNineEighty, d("2026-01-05"));
  spec.nine_eighty.short_day_length = minutes(0);
  EXPECT_EQ(WorkSchedule::create(spec).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace rollcall::timeoff
