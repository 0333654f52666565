// The shared 4.010 wiring (app/timeoff/timeoff_context.h): the shipped
// calendar parses, the anchor rule spreads rotations, deadlines and holidays
// come from configuration.
#include <gtest/gtest.h>

#include "app/timeoff/timeoff_context.h"

namespace rollcall::app::timeoff {
namespace {

Date d(int y, unsigned m, unsigned day) { return Date::from_ymd(y, m, day); }

org::Employee employee(org::EmployeeId id, org::ScheduleType s, std::string unit = "SPOG") {
  org::Employee e;
  e.id = id;
  e.serial = "S" + std::to_string(id);
  e.schedule = s;
  e.bargaining_unit = std::move(unit);
  e.hire_date = d(2015, 3, 1);
  return e;
}

TEST(LeaveContextTest, ShippedCalendarParsesAndMatchesTheCompiledDefaults) {
  auto parsed = parse_calendar_config(default_calendar_toml());
  ASSERT_TRUE(parsed.is_ok()) << parsed.status().message();
  EXPECT_EQ(parsed->pay_periods.anchor, d(2025, 12, 31));
  EXPECT_EQ(parsed->flsa_sworn.length_days, 28);
  EXPECT_EQ(parsed->flsa_civilian.length_days, 7);
  EXPECT_EQ(parsed->furlough_grant_month_days.size(), 4u);
  EXPECT_EQ(parsed->schedules.at(rollcall::timeoff::ScheduleKind::kFourTwo).platoons, 6);
  auto ctx = TimeoffContext::shipped("America/Los_Angeles");
  ASSERT_TRUE(ctx.is_ok()) << ctx.status().message();
  EXPECT_EQ((*ctx)->zone(), "America/Los_Angeles");
}

TEST(LeaveContextTest, BadCalendarNamesEveryKey) {
  auto parsed = parse_calendar_config(
      "[pay_periods]\nlength_days = 3\n[flsa.sworn]\nlength_days = 30\nbogus = 1\n"
      "[timesheet_deadline]\nlocal_time = \"25:00\"\n",
      "cal.toml");
  ASSERT_FALSE(parsed.is_ok());
  const std::string m = parsed.status().message();
  EXPECT_NE(m.find("cal.toml:2:15: pay_periods.length_days"), std::string::npos) << m;
  EXPECT_NE(m.find("flsa.sworn.length_days"), std::string::npos) << m;
  EXPECT_NE(m.find("flsa.sworn.bogus: unknown key"), std::string::npos) << m;
  EXPECT_NE(m.find("timesheet_deadline.local_time"), std::string::npos) << m;
}

// 4.010-POL-8 (45 days), PRO-2.5 (three days) and the department's choices
// where the policy is silent are configuration, not code ([records]).
TEST(LeaveContextTest, TimeRecordLimitsAreConfiguration) {
  auto shipped = parse_calendar_config(default_calendar_toml());
  ASSERT_TRUE(shipped.is_ok()) << shipped.status().message();
  EXPECT_EQ(shipped->records.correction_window.days, 45);
  EXPECT_EQ(shipped->records.release.fml_copy_after_days, 3);
  EXPECT_EQ(shipped->records.release.supervisor_limit_minutes, 600);
  EXPECT_EQ(shipped->records.guild.bargaining_unit, "SPOG");
  auto changed = parse_calendar_config(
      "[records]\ncorrection_window_days = 30\nrelease_supervisor_limit_hours = 20\n"
      "release_fml_after_days = 5\nimmediate_family = [\"spouse\", \"child\"]\n"
      "guild_eligible_ranks = [\"officer\"]\n",
      "cal.toml");
  ASSERT_TRUE(changed.is_ok()) << changed.status().message();
  EXPECT_EQ(changed->records.correction_window.days, 30);
  EXPECT_EQ(changed->records.release.supervisor_limit_minutes, 1200);
  EXPECT_EQ(changed->records.release.fml_copy_after_days, 5);
  EXPECT_EQ(changed->records.release.immediate_family,
            (std::vector<std::string>{"spouse", "child"}));
  EXPECT_EQ(changed->records.guild.eligible_ranks, (std::vector<std::string>{"officer"}));
  auto bad = parse_calendar_config(
      "[records]\ncorrection_window_days = 0\nimmediate_family = []\nwindow = 3\n", "cal.toml");
  ASSERT_FALSE(bad.is_ok());
  const std::string m = bad.status().message();
  EXPECT_NE(m.find("cal.toml:2:26: records.correction_window_days"), std::string::npos) << m;
  EXPECT_NE(m.find("records.immediate_family: expected a non-empty array"), std::string::npos) << m;
  EXPECT_NE(m.find("records.window: unknown key"), std::string::npos) << m;
}

TEST(LeaveContextTest, AnchorRuleSpreadsFourTwoPlatoonsAndStoredAnchorsWin) {
  auto shipped = TimeoffContext::shipped("America/Los_Angeles");
  ASSERT_TRUE(shipped.is_ok());
  TimeoffContext ctx = **shipped;
  // id mod 6 platoons, one day apart from 2026-01-01.
  EXPECT_EQ(ctx.anchor_of(employee(6, org::ScheduleType::k4_2)), d(2026, 1, 1));
  EXPECT_EQ(ctx.anchor_of(employee(9, org::ScheduleType::k4_2)), d(2026, 1, 4));
  // 9-80: two platoons a week apart.
  EXPECT_EQ(ctx.anchor_of(employee(3, org::ScheduleType::k9_80)), d(2026, 1, 5));
  // Six 4-2 employees, one per platoon: exactly four work each day.
  for (Date day = d(2026, 11, 1); day <= d(2026, 11, 12); day = day.plus_days(1)) {
    int working = 0;
    for (org::EmployeeId id = 1; id <= 6; ++id) {
      auto ws = ctx.schedule_of(employee(id, org::ScheduleType::k4_2));
      ASSERT_TRUE(ws.is_ok());
      working += ws->is_scheduled(day) ? 1 : 0;
    }
    EXPECT_EQ(working, 4) << day.to_string();
  }
  ctx.set_anchors({{9, d(2026, 1, 1)}});
  EXPECT_EQ(ctx.anchor_of(employee(9, org::ScheduleType::k4_2)), d(2026, 1, 1));
}

TEST(LeaveContextTest, LeaveScheduleListsScheduledDaysWithDstAwareMinutes) {
  auto ctx = TimeoffContext::shipped("America/Los_Angeles");
  ASSERT_TRUE(ctx.is_ok());
  // 5-8 Monday-Friday 08:00 for 8 hours; 2026-11-23 is a Monday.
  auto ws = (*ctx)->leave_schedule(employee(1, org::ScheduleType::k5_8, "civilian"),
                                   d(2026, 11, 21), d(2026, 11, 29));
  ASSERT_TRUE(ws.is_ok());
  EXPECT_EQ(ws->minutes_on(d(2026, 11, 21)), 0);
  EXPECT_EQ(ws->minutes_on(d(2026, 11, 23)), 480);
  EXPECT_EQ(ws->whole_days(d(2026, 11, 21), d(2026, 11, 29)).size(), 5u);
  // A 24-hour shift starting the night clocks fall back lasts 25 hours.
  org::Employee fire = employee(3, org::ScheduleType::k24Hour);
  TimeoffContext c = **ctx;
  c.set_anchors({{3, d(2026, 10, 31)}});  // 2026-11-01 is the fall-back day
  auto ws24 = c.leave_schedule(fire, d(2026, 10, 31), d(2026, 11, 3));
  ASSERT_TRUE(ws24.is_ok());
  EXPECT_EQ(ws24->minutes_on(d(2026, 10, 31)), 25 * 60);
  EXPECT_EQ(ws24->minutes_on(d(2026, 11, 3)), 24 * 60);
}

TEST(LeaveContextTest, DeadlinesHolidaysGrantsAndStaffingAreConfiguration) {
  auto ctx = TimeoffContext::shipped("America/Los_Angeles");
  ASSERT_TRUE(ctx.is_ok());
  const TimeoffContext& c = **ctx;
  // 4.010-POL-3: the period Wed 2026-11-04 .. Tue 11-17 is due Wednesday 11-18 at noon PST.
  PayPeriod p = c.pay_periods().containing(d(2026, 11, 10));
  EXPECT_EQ(p.start, d(2026, 11, 4));
  EXPECT_EQ(p.end, d(2026, 11, 17));
  auto due = c.timesheet_deadline(p);
  ASSERT_TRUE(due.is_ok());
  EXPECT_EQ(
      due->time_since_epoch().count(),
      std::chrono::sys_days(std::chrono::year(2026) / 11 / 18).time_since_epoch().count() * 86400 +
          20 * 3600);
  // 4.010-POL-7: the last full December pay period of 2026 is Dec 16 .. Dec 29.
  auto fd = c.furlough_deadline(2026);
  ASSERT_TRUE(fd.is_ok());
  EXPECT_EQ(*fd, d(2026, 12, 29));
  // Holidays: July 4 2026 is a Saturday: actual for 4-2, observed Friday for 5-8.
  auto hs = c.holidays(2026);
  ASSERT_TRUE(hs.is_ok());
  const auto july4 = std::find_if(hs->begin(), hs->end(),
                                  [](const auto& h) { return h.name == "independence-day"; });
  ASSERT_NE(july4, hs->end());
  EXPECT_EQ(c.credit_date(*july4, rollcall::timeoff::ScheduleKind::kFourTwo), d(2026, 7, 4));
  EXPECT_EQ(c.credit_date(*july4, rollcall::timeoff::ScheduleKind::kFiveEight), d(2026, 7, 3));
  EXPECT_EQ(c.furlough_grant_dates(2027).front(), d(2027, 1, 1));
  // After Nov 23 2026: Thanksgiving, the day after, Christmas (credited); no grants left.
  auto up = c.upcoming_credits(rollcall::timeoff::ScheduleKind::kFiveEight, d(2026, 11, 23), 2026);
  EXPECT_EQ(up.holidays.size(), 3u);
  EXPECT_TRUE(up.furlough_grants.empty());
  EXPECT_EQ(c.staffing_rules("ANY").minimum_on_duty, 2);
  auto unit = c.unit_rules(employee(1, org::ScheduleType::k4_2, "NOPE"));
  EXPECT_EQ(unit.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace rollcall::app::timeoff
