// Unit tests for the request side of the 4.010 records: comp time (POL-10),
// release time (POL-11, PRO-2), circle furloughs (POL-12), special duty
// (POL-13) and guild days (POL-14).
#include <gtest/gtest.h>

#include <vector>

#include "domain/timeoff/records/circle_furlough.h"
#include "domain/timeoff/records/comp_time.h"
#include "domain/timeoff/records/guild_day.h"
#include "domain/timeoff/records/release_time.h"
#include "domain/timeoff/records/special_duty.h"

namespace rollcall::timeoff::records {
namespace {

using access::Role;
using std::chrono::hours;
using std::chrono::seconds;

Date d(int y, unsigned m, unsigned day) { return Date::from_ymd(y, m, day); }

const Actor kOfficer{100, {Role::kEmployee}, false};
const Actor kSergeant{500, {Role::kEmployee, Role::kSupervisor}, true};
const Actor kPayroll{800, {Role::kEmployee, Role::kPayroll}, false};

// For every worked/balance pair: the comp banked is never less than time and
// a half of the worked minutes banked, never takes the balance over the cap,
// and one more worked minute would not have fit.
TEST(CompTime, BanksTimeAndAHalfUpToTheCapAndPaysTheRest) {
  const std::int64_t cap = std::int64_t{240} * 60;
  for (std::int64_t balance :
       std::vector<std::int64_t>{0, 100, cap - 181, cap - 2, cap - 1, cap, cap + 30}) {
    for (std::int64_t worked = 0; worked <= 300; worked += 7) {
      const auto e = earn_comp(worked, balance, cap, true);
      ASSERT_TRUE(e.is_ok());
      EXPECT_EQ(e->banked_worked_minutes + e->paid_worked_minutes, worked);
      EXPECT_GE(2 * e->banked_minutes, 3 * e->banked_worked_minutes);
      EXPECT_LT(2 * e->banked_minutes, 3 * e->banked_worked_minutes + 2);
      EXPECT_EQ(e->balance_after, balance + e->banked_minutes);
      if (e->banked_minutes > 0) {
        EXPECT_LE(e->balance_after, cap);
      }
      if (e->paid_worked_minutes > 0) {
        const std::int64_t one_more = (3 * (e->banked_worked_minutes + 1) + 1) / 2;
        EXPECT_GT(balance + one_more, cap) << worked << " " << balance;
      }
    }
  }
}

TEST(CompTime, TheCeilingDependsOnTheWorkAndTheRateIsData) {
  EXPECT_EQ(comp_cap_minutes(std::int64_t{1000} * 60, true), std::int64_t{480} * 60);
  EXPECT_EQ(comp_cap_minutes(std::int64_t{1000} * 60, false), std::int64_t{240} * 60);
  CompTimeRules double_time;
  double_time.rate_numerator = 2;
  double_time.rate_denominator = 1;
  EXPECT_EQ(earn_comp(60, 0, 6000, true, double_time)->banked_minutes, 120);
  CompTimeRules below_one;
  below_one.rate_numerator = 1;
  below_one.rate_denominator = 2;
  EXPECT_EQ(earn_comp(60, 0, 6000, true, below_one).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(earn_comp(-1, 0, 6000, true).status().code(), StatusCode::kInvalidArgument);
}

TEST(CompTime, CashOutStatesRoundTrip) {
  for (auto s : {CashOutState::kRequested, CashOutState::kPaid, CashOutState::kRefused}) {
    EXPECT_EQ(parse_cash_out_state(to_string(s)), s);
  }
  const auto c = request_cash_out(1, 100, 60, 60, kOfficer, Instant());
  ASSERT_TRUE(c.is_ok());
  const auto paid = pay_cash_out(*c, 60, kPayroll, Instant() + hours(1));
  ASSERT_TRUE(paid.is_ok());
  EXPECT_EQ(paid->decided_by, 800);
  EXPECT_EQ(paid->decided_at, Instant() + hours(1));
  EXPECT_EQ(c->state, CashOutState::kRequested);  // the input is untouched
}

ReleaseInput release(Date first, Date last, std::int64_t minutes) {
  return {true, "child", "son in hospital", true, first, last, minutes};
}

TEST(ReleaseTime, ChargedAsSickUnlessPayrollHadTheFormByTheCutoff) {
  const Instant t0 = Instant(d(2026, 3, 2).sys_days()) + hours(18);
  auto rt = request_release(1, 100, release(d(2026, 3, 2), d(2026, 3, 2), 360), kOfficer, t0);
  ASSERT_TRUE(rt.is_ok());
  EXPECT_EQ(charge(*rt, t0).charge, ReleaseCharge::kUndecided);
  rt = approve_release(*rt, true, kSergeant, t0);
  rt = complete_form(*rt, kSergeant, t0);
  rt = forward_form(*rt, {800, {{600, "bureau chief", {}}}, 0}, kSergeant, t0);
  ASSERT_TRUE(rt.is_ok()) << rt.status().to_string();
  const Instant received = t0 + hours(24);
  rt = receive_form(*rt, kPayroll, received);
  ASSERT_TRUE(rt.is_ok());
  EXPECT_EQ(charge(*rt, received).charge, ReleaseCharge::kReleaseTime);
  EXPECT_EQ(charge(*rt, received - seconds(1)).charge, ReleaseCharge::kSickLeave);
  EXPECT_EQ(rt->consecutive_days(), 1);
  ASSERT_EQ(rt->history.size(), 5u);
  EXPECT_EQ(rt->history.back().what, "receive");
}

TEST(ReleaseTime, TheSupervisorLimitAndFmlThresholdAreData) {
  ReleaseTimeRules rules;
  rules.supervisor_limit_minutes = 120;
  rules.fml_copy_after_days = 1;
  const Instant t0;
  auto rt = request_release(1, 100, release(d(2026, 3, 2), d(2026, 3, 3), 180), kOfficer, t0);
  EXPECT_EQ(approve_release(*rt, true, kSergeant, t0, rules).status().code(),
            StatusCode::kInvalidArgument);
  rt = request_release(1, 100, release(d(2026, 3, 2), d(2026, 3, 3), 120), kOfficer, t0);
  rt = approve_release(*rt, true, kSergeant, t0, rules);
  rt = complete_form(*rt, kSergeant, t0);
  ASSERT_TRUE(rt.is_ok());
  // Two days is over a threshold of one: the FML coordinator is required.
  EXPECT_EQ(forward_form(*rt, {800, {{600, "bc", {}}}, 0}, kSergeant, t0, rules).status().code(),
            StatusCode::kInvalidArgument);
  const auto fwd = forward_form(*rt, {800, {{600, "bc", {}}}, 710}, kSergeant, t0, rules);
  ASSERT_TRUE(fwd.is_ok());
  ASSERT_TRUE(fwd->fml);
  EXPECT_EQ(fwd->fml->coordinator, 710);
  EXPECT_FALSE(fwd->fml->informed_at);
}

TEST(ReleaseTime, StatesRoundTrip) {
  for (auto s : {ReleaseState::kRequested, ReleaseState::kApproved, ReleaseState::kDenied,
                 ReleaseState::kFormCompleted, ReleaseState::kForwarded, ReleaseState::kReceived}) {
    EXPECT_EQ(parse_release_state(to_string(s)), s);
  }
}

FurloughWorkInput furlough(ScheduleKind k, bool overtime) {
  return {
      k, d(2026, 3, 13), 480, overtime, {d(2026, 3, 1), d(2026, 3, 28), std::int64_t{171} * 60}};
}

TEST(CircleFurlough, ErrorsComeInOrderPermissionStateContent) {
  auto w =
      request_furlough_work(1, 100, furlough(ScheduleKind::kFiveEight, false), kOfficer, Instant());
  ASSERT_TRUE(w.is_ok());
  // Payroll approving over the limit: permission first.
  EXPECT_EQ(approve_furlough_work(*w, std::int64_t{171} * 60, kPayroll, Instant()).status().code(),
            StatusCode::kPermissionDenied);
  // Recording a day off outside the period before approval: state first.
  EXPECT_EQ(record_day_off(*w, d(2026, 4, 1), 480, kSergeant, Instant()).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(
      approve_furlough_work(*w, std::int64_t{163} * 60 + 1, kSergeant, Instant()).status().code(),
      StatusCode::kInvalidArgument);
  const auto ok = approve_furlough_work(*w, std::int64_t{163} * 60, kSergeant, Instant());
  ASSERT_TRUE(ok.is_ok());
  EXPECT_EQ(ok->worked_before_minutes, std::int64_t{163} * 60);
  EXPECT_EQ(day_off_status(*ok, d(2026, 3, 28)), DayOffStatus::kOwed);
  EXPECT_EQ(day_off_status(*ok, d(2026, 3, 29)), DayOffStatus::kOverdue);
  // The day off is a normal work day: one the schedule has minutes on.
  EXPECT_EQ(record_day_off(*ok, d(2026, 3, 14), 0, kSergeant, Instant()).status().code(),
            StatusCode::kInvalidArgument);
  const auto off = record_day_off(*ok, d(2026, 3, 16), 480, kSergeant, Instant() + hours(1));
  ASSERT_TRUE(off.is_ok());
  EXPECT_EQ(off->day_off_recorded_at, Instant() + hours(1));
  ASSERT_EQ(off->history.size(), 3u);
  EXPECT_EQ(off->history[1].what, "approve");
  EXPECT_EQ(off->history[2].what, "day-off");
}

TEST(CircleFurlough, FlsaRoomIsWhatIsLeftOfTheLimit) {
  const FlsaPeriodRef p{d(2026, 3, 1), d(2026, 3, 7), std::int64_t{43} * 60};
  EXPECT_EQ(flsa_room_minutes(p, std::int64_t{40} * 60), 180);
  EXPECT_EQ(flsa_room_minutes(p, std::int64_t{43} * 60), 0);
  EXPECT_EQ(flsa_room_minutes(p, std::int64_t{50} * 60), 0);
}

TEST(CircleFurlough, NineEightyNeedsApprovedOvertime) {
  EXPECT_EQ(
      request_furlough_work(1, 100, furlough(ScheduleKind::kNineEighty, false), kOfficer, Instant())
          .status()
          .code(),
      StatusCode::kInvalidArgument);
  EXPECT_TRUE(
      request_furlough_work(1, 100, furlough(ScheduleKind::kNineEighty, true), kOfficer, Instant())
          .is_ok());
  for (auto s :
       {FurloughWorkState::kRequested, FurloughWorkState::kApproved, FurloughWorkState::kDenied}) {
    EXPECT_EQ(parse_furlough_work_state(to_string(s)), s);
  }
}

TEST(SpecialDuty, ApprovedDaysBecomeDutyLinesNotLeave) {
  const Actor captain{300, {Role::kEmployee, Role::kCaptain}, true};
  auto r = request_special_duty(
      1, 100, {{d(2026, 2, 25), d(2026, 2, 24)}, 600, SpecialDutyPurpose::kBusinessMeeting, ""},
      kOfficer, Instant());
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  EXPECT_EQ(r->days.front(), d(2026, 2, 24));  // sorted
  EXPECT_TRUE(special_duty_lines(*r).empty());
  r = decide_special_duty(*r, true, captain, Instant(), "");
  ASSERT_TRUE(r.is_ok());
  const auto lines = special_duty_lines(*r);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].code, TimeCode::kSpecialDuty);
  EXPECT_TRUE(is_hours_worked(lines[0].code));
  EXPECT_TRUE(lines[0].leave_type.empty());
  for (auto p : {SpecialDutyPurpose::kBusinessMeeting, SpecialDutyPurpose::kExtradition,
                 SpecialDutyPurpose::kOutsideTestimony, SpecialDutyPurpose::kOther}) {
    EXPECT_EQ(parse_special_duty_purpose(to_string(p)), p);
  }
  for (auto s : {AuthorizationState::kRequested, AuthorizationState::kApproved,
                 AuthorizationState::kDisapproved}) {
    EXPECT_EQ(parse_authorization_state(to_string(s)), s);
  }
}

TEST(GuildDay, EligibilityIsSwornOfficersAndSergeantsInTheGuild) {
  org::Employee e;
  e.id = 100;
  e.category = org::Category::kSworn;
  e.rank = "Police Officer";
  e.bargaining_unit = "spog";
  EXPECT_TRUE(guild_eligible(e));  // case-insensitive
  e.rank = "Sergeant";
  EXPECT_TRUE(guild_eligible(e));
  e.rank = "Lieutenant";
  EXPECT_FALSE(guild_eligible(e));
  e.rank = "Sergeant";
  e.bargaining_unit = "SPMA";
  EXPECT_FALSE(guild_eligible(e));
  e.bargaining_unit = "SPOG";
  e.category = org::Category::kCivilian;
  EXPECT_FALSE(guild_eligible(e));
  GuildRules rules;
  rules.eligible_ranks = {"detective"};
  e.category = org::Category::kSworn;
  e.rank = "Detective";
  EXPECT_TRUE(guild_eligible(e, rules));
}

}  // namespace
}  // namespace rollcall::timeoff::records
