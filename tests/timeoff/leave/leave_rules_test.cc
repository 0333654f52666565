// Leave types, the rules as data, and reading them from TOML (4.010-POL-1,
// POL-5, POL-10, POL-14; PRO-2 note on release time).
#include <gtest/gtest.h>

#include "domain/timeoff/leave/default_leave_rules.h"
#include "domain/timeoff/leave/leave_rules_toml.h"

namespace rollcall::timeoff::leave {
namespace {

const LeaveRules& defaults() {
  static const LeaveRules kRules = [] {
    auto r = parse_leave_rules(default_leave_rules_toml(), "default");
    EXPECT_TRUE(r.is_ok()) << r.status().to_string();
    return r.is_ok() ? std::move(r).value() : LeaveRules{};
  }();
  return kRules;
}

Status parse_error(std::string_view text) {
  auto r = parse_leave_rules(text, "t.toml");
  EXPECT_FALSE(r.is_ok());
  return r.status();
}

TEST(LeaveType, TextRoundTripsAndSpecialDutyIsNotLeave) {
  for (LeaveType t : kAllLeaveTypes) EXPECT_EQ(parse_leave_type(to_string(t)), t);
  EXPECT_EQ(parse_leave_type("special-duty"), std::nullopt);
  EXPECT_EQ(parse_leave_type("Vacation"), std::nullopt);
  EXPECT_TRUE(is_bank(LeaveType::kCompTime));
  EXPECT_FALSE(is_bank(LeaveType::kFamilyMedical));
  EXPECT_FALSE(is_bank(LeaveType::kAwol));
}

TEST(DefaultRules, ParseAndDifferByUnit) {
  const LeaveRules& rules = defaults();
  ASSERT_NE(rules.unit("SPOG"), nullptr);
  ASSERT_NE(rules.unit("SPMA"), nullptr);
  ASSERT_NE(rules.unit("civilian"), nullptr);
  EXPECT_EQ(rules.unit("nobody"), nullptr);
  // 4.010-POL-14: guild days are SPOG's.
  EXPECT_NE(rules.unit("SPOG")->find(LeaveType::kGuildDay), nullptr);
  EXPECT_EQ(rules.unit("SPMA")->find(LeaveType::kGuildDay), nullptr);
  EXPECT_EQ(rules.unit("civilian")->find(LeaveType::kFurlough), nullptr);
  // 4.010-POL-5: 36 hours of unearned furlough on 4-2 and 24-hour schedules.
  EXPECT_EQ(rules.unit("SPOG")->unearned_furlough_limit, 36 * 60);
  EXPECT_EQ(rules.unit("SPOG")->unearned_furlough_schedules,
            (std::vector<ScheduleKind>{ScheduleKind::kFourTwo, ScheduleKind::kTwentyFour}));
  // 4.010-POL-7 and the PRO-1 threshold.
  EXPECT_EQ(rules.requests.captain_review_over_days, 4);
  EXPECT_EQ(rules.year_end.use_or_lose,
            (std::vector<LeaveType>{LeaveType::kHoliday, LeaveType::kFurlough}));
}

TEST(DefaultRules, TypesDrawFromTheirBanks) {
  const UnitLeaveRules& spog = *defaults().unit("SPOG");
  const LeaveTypeRule* fml = spog.find(LeaveType::kFamilyMedical);
  ASSERT_NE(fml, nullptr);
  EXPECT_EQ(fml->draws_from, (std::vector<LeaveType>{LeaveType::kSick, LeaveType::kVacation}));
  EXPECT_TRUE(fml->unpaid_allowed);
  const LeaveTypeRule* rt = spog.find(LeaveType::kReleaseTime);
  ASSERT_NE(rt, nullptr);
  EXPECT_EQ(rt->charged_as_if_not_qualifying, LeaveType::kSick);
  EXPECT_FALSE(rt->requestable);
  EXPECT_FALSE(spog.find(LeaveType::kAwol)->paid);
  EXPECT_FALSE(spog.find(LeaveType::kAwol)->requestable);
  EXPECT_FALSE(spog.find(LeaveType::kWithoutPay)->paid);
  EXPECT_TRUE(spog.find(LeaveType::kJuryDuty)->draws_from.empty());
  EXPECT_EQ(spog.find(LeaveType::kVacation)->draws_from,
            std::vector<LeaveType>{LeaveType::kVacation});
  // 4.010-POL-10: a comp-time cap per unit.
  EXPECT_EQ(spog.comp_time_cap, 480 * 60);
}

TEST(AccrualRule, TierBySeniority) {
  const AccrualRule& a = *defaults().unit("SPOG")->find(LeaveType::kVacation)->accrual;
  EXPECT_EQ(a.rate_for(0), 222);
  EXPECT_EQ(a.rate_for(4), 222);
  EXPECT_EQ(a.rate_for(5), 277);
  EXPECT_EQ(a.rate_for(40), 443);
  EXPECT_EQ(a.cap, 28800);
}

TEST(YearsOfService, CountsFullYearsFromTheAnniversary) {
  const Date hire = Date::from_ymd(2020, 3, 15);
  EXPECT_EQ(years_of_service(hire, Date::from_ymd(2020, 1, 1)), 0);
  EXPECT_EQ(years_of_service(hire, Date::from_ymd(2025, 3, 14)), 4);
  EXPECT_EQ(years_of_service(hire, Date::from_ymd(2025, 3, 15)), 5);
  EXPECT_EQ(years_of_service(Date::from_ymd(2020, 2, 29), Date::from_ymd(2021, 2, 28)), 0);
  EXPECT_EQ(years_of_service(Date::from_ymd(2020, 2, 29), Date::from_ymd(2021, 3, 1)), 1);
}

TEST(LeaveRulesToml, ReadsAUnit) {
  auto r = parse_leave_rules(R"(
[requests]
captain_review_over_days = 3
[year_end]
cover_order = ["comp-time", "vacation"]
[units.X]
holiday_credit_minutes = 480
unearned_furlough_schedules = ["5-8"]
[units.X.types.vacation]
accrual = [{ years = 0, minutes = 100 }, { years = 3, minutes = 150 }]
accrual_cap_minutes = 1000
[units.X.types.comp-time]
)");
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  EXPECT_EQ(r->requests.captain_review_over_days, 3);
  EXPECT_EQ(r->year_end.cover_order,
            (std::vector<LeaveType>{LeaveType::kCompTime, LeaveType::kVacation}));
  const UnitLeaveRules& x = *r->unit("X");
  EXPECT_EQ(x.holiday_credit_minutes, 480);
  EXPECT_EQ(x.unearned_furlough_schedules, std::vector<ScheduleKind>{ScheduleKind::kFiveEight});
  EXPECT_EQ(x.find(LeaveType::kVacation)->accrual->rate_for(3), 150);
  EXPECT_EQ(x.find(LeaveType::kVacation)->accrual->cap, 1000);
}

struct BadCase {
  const char* text;
  const char* says;
};

class LeaveRulesTomlBad : public ::testing::TestWithParam<BadCase> {};

TEST_P(LeaveRulesTomlBad, NamesTheKeyAndWhy) {
  const Status s = parse_error(GetParam().text);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find(GetParam().says), std::string::npos) << s.message();
}

INSTANTIATE_TEST_SUITE_P(
    Cases, LeaveRulesTomlBad,
    ::testing::Values(
        BadCase{"units = 3", "units: expected a table"},
        BadCase{"[requests]\nhorizon = 3\n[units.X.types.sick]", "requests.horizon: unknown key"},
        BadCase{"[units.X]\nname = \"x\"", "units.X.types: a unit needs at least one leave type"},
        BadCase{"[units.X.types.holidays]", "units.X.types.holidays: unknown leave type holidays"},
        BadCase{"[units.X.types.family-medical]\ndraws_from = [\"jury-duty\"]",
                "units.X.types.family-medical.draws_from[0]: jury-duty has no balance"},
        BadCase{"[units.X.types.family-medical]\ndraws_from = [\"sick\"]",
                "units.X.types.family-medical.draws_from: sick is not a leave type of unit X"},
        BadCase{"[units.X.types.vacation]\naccrual = [{ years = 0, minutes = 1 }, "
                "{ years = 0, minutes = 2 }]",
                "units.X.types.vacation.accrual[1].years: tiers must ascend, 0 is not after 0"},
        BadCase{"[units.X.types.vacation]\naccrual = [{ years = 1, minutes = 1 }]",
                "accrual[0].years: the first tier starts at 0 years, not 1"},
        BadCase{"[units.X.types.vacation]\naccrual = [{ years = 0, minutes = -5 }]",
                "accrual[0].minutes: must be from 0"},
        BadCase{"[units.X.types.jury-duty]\naccrual = [{ years = 0, minutes = 5 }]",
                "jury-duty has no balance to accrue"},
        BadCase{"[units.X]\nunearned_furlough_schedules = [\"4/2\"]\n[units.X.types.sick]",
                "unearned_furlough_schedules[0]: unknown schedule 4/2"},
        BadCase{"[units.X.types.without-pay]\ndraws_from = [\"without-pay\"]",
                "without-pay has no balance"},
        BadCase{"[year_end]\ncover_order = [\"vacation\", \"vacation\"]\n[units.X.types.sick]",
                "year_end.cover_order[1]: vacation is listed twice"},
        BadCase{"[units.X.types.sick\n", "TOML syntax"},
        BadCase{"[requests]\nlookback_days = 14", "units: at least one bargaining unit"}));

TEST(LeaveRulesToml, ReportsEveryProblemWithItsLine) {
  const Status s = parse_error("[units.X]\nfoo = 1\n[units.X.types.bar]\n");
  EXPECT_NE(s.message().find("t.toml:2:1: units.X.foo: unknown key"), std::string::npos)
      << s.message();
  EXPECT_NE(s.message().find("units.X.types.bar: unknown leave type"), std::string::npos);
}

}  // namespace
}  // namespace rollcall::timeoff::leave
