// src/time: local wall-clock times to instants (zone.h) and the 4.010-POL-3
// deadline (timesheet_deadline.h).
#include <gtest/gtest.h>

#include "time/instant.h"
#include "time/timesheet_deadline.h"
#include "time/zone.h"

namespace rollcall {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

Date d(const char* text) { return Date::parse(text).value(); }
std::string utc(const Result<Instant>& t) {
  return t.is_ok() ? format_utc(*t) : t.status().to_string();
}

TEST(LocalTime, OrdinaryTimesUseTheOffsetInForce) {
  EXPECT_EQ(utc(local_instant(d("2026-01-15"), hours(12), "America/Los_Angeles")),
            "2026-01-15T20:00:00Z");
  EXPECT_EQ(utc(local_instant(d("2026-07-15"), hours(12), "America/Los_Angeles")),
            "2026-07-15T19:00:00Z");
  EXPECT_EQ(utc(local_instant(d("2026-07-15"), hours(30), "America/Los_Angeles")),
            "2026-07-16T13:00:00Z");  // 30h = 06:00 next day
  EXPECT_EQ(utc(local_instant(d("2026-07-15"), hours(12), "UTC")), "2026-07-15T12:00:00Z");
}

TEST(LocalTime, GapMovesForwardAndOverlapTakesTheEarlierInstant) {
  // 2026-03-08 02:30 does not exist in Los Angeles: read as 03:30 PDT.
  EXPECT_EQ(utc(local_instant(d("2026-03-08"), minutes(150), "America/Los_Angeles")),
            "2026-03-08T10:30:00Z");
  // 03:30 does exist and is the same instant.
  EXPECT_EQ(utc(local_instant(d("2026-03-08"), minutes(210), "America/Los_Angeles")),
            "2026-03-08T10:30:00Z");
  // 2026-11-01 01:30 happens twice: the PDT one.
  EXPECT_EQ(utc(local_instant(d("2026-11-01"), minutes(90), "America/Los_Angeles")),
            "2026-11-01T08:30:00Z");
}

TEST(LocalTime, ElapsedMinutesAcrossDaylightSaving) {
  const char* la = "America/Los_Angeles";
  EXPECT_EQ(*elapsed_local_minutes(d("2026-03-07"), hours(22), hours(30), la), 420);
  EXPECT_EQ(*elapsed_local_minutes(d("2026-10-31"), hours(22), hours(30), la), 540);
  EXPECT_EQ(*elapsed_local_minutes(d("2026-06-01"), hours(22), hours(30), la), 480);
  EXPECT_EQ(*elapsed_local_minutes(d("2026-03-07"), hours(7), hours(31), la), 23 * 60);
  EXPECT_EQ(elapsed_local_minutes(d("2026-03-07"), hours(8), hours(7), la).status().code(),
            StatusCode::kInvalidArgument);
}

TEST(LocalTime, ErrorsAreValues) {
  EXPECT_EQ(check_zone("Mars/Olympus_Mons").code(), StatusCode::kNotFound);
  EXPECT_TRUE(check_zone("America/Los_Angeles").is_ok());
  EXPECT_EQ(local_instant(d("2026-01-01"), hours(1), "Mars/Olympus_Mons").status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(local_instant(d("2026-01-01"), minutes(-1), "UTC").status().code(),
            StatusCode::kInvalidArgument);
}

TEST(TimesheetDeadline, IsTheFollowingWednesdayForEveryEndDay) {
  // Ends Wednesday 2026-01-07 through Tuesday 2026-01-13.
  const char* want[] = {"2026-01-14", "2026-01-14", "2026-01-14", "2026-01-14",
                        "2026-01-14", "2026-01-14", "2026-01-14"};
  for (int i = 0; i < 7; ++i) {
    EXPECT_EQ(timesheet_deadline_date(d("2026-01-07").plus_days(i)), d(want[i])) << i;
  }
  EXPECT_EQ(timesheet_deadline_date(d("2026-01-14")), d("2026-01-21"));
}

TEST(TimesheetDeadline, RuleIsData) {
  TimesheetDeadlineRule rule;
  rule.weekday = std::chrono::Monday;
  rule.local_time = hours(17);
  EXPECT_EQ(timesheet_deadline_date(d("2026-01-13"), rule), d("2026-01-19"));
  EXPECT_EQ(utc(timesheet_deadline(d("2026-01-13"), "America/Los_Angeles", rule)),
            "2026-01-20T01:00:00Z");
  rule.local_time = hours(24);
  EXPECT_EQ(timesheet_deadline(d("2026-01-13"), "America/Los_Angeles", rule).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(timesheet_deadline(d("2026-01-13"), "Nowhere/City").status().code(),
            StatusCode::kNotFound);
}

}  // namespace
}  // namespace rollcall
