// Requests: states as text, the work schedule, the consecutive-days block of
// 4.010-POL-2 / PRO-1, availability with pending requests (ARCHITECTURE.md).
// The clause-by-clause behaviour is in the scenarios.
#include <gtest/gtest.h>

#include "domain/timeoff/leave/availability.h"
#include "domain/timeoff/leave/consecutive_days.h"
#include "domain/timeoff/leave/request_workflow.h"

namespace rollcall::timeoff::leave {
namespace {

Date d(int y, unsigned m, unsigned day) { return Date::from_ymd(y, m, day); }

// Monday to Friday, 480 minutes, March–April 2026 (2026-03-02 is a Monday).
WorkSchedule weekdays() {
  std::vector<WorkSchedule::Day> days;
  for (Date x = d(2026, 3, 1); x <= d(2026, 4, 30); x = x.plus_days(1)) {
    const unsigned wd = std::chrono::weekday(x.sys_days()).c_encoding();
    if (wd >= 1 && wd <= 5) days.push_back({x, 480});
  }
  return WorkSchedule(days);
}

LeaveRequest req(std::int64_t id, Date first, Date last,
                 RequestState s = RequestState::kSubmitted) {
  LeaveRequest r;
  r.id = id;
  r.first = first;
  r.last = last;
  r.state = s;
  r.charge = LeaveType::kVacation;
  for (Date x = first; x <= last; x = x.plus_days(1)) r.days.push_back({x, 480});
  return r;
}

TEST(RequestState, TextRoundTrips) {
  for (auto s : {RequestState::kSubmitted, RequestState::kSergeantApproved,
                 RequestState::kCaptainReview, RequestState::kApproved, RequestState::kRecorded,
                 RequestState::kDenied, RequestState::kCancelled}) {
    EXPECT_EQ(parse_request_state(to_string(s)), s);
  }
  EXPECT_FALSE(is_live(RequestState::kDenied));
  EXPECT_TRUE(is_pending(RequestState::kCaptainReview));
  EXPECT_FALSE(is_pending(RequestState::kRecorded));
  for (auto k :
       {StepKind::kApprove, StepKind::kDeny, StepKind::kForwardToCaptain, StepKind::kCaptainApprove,
        StepKind::kCaptainDeny, StepKind::kRecord, StepKind::kCancel}) {
    EXPECT_EQ(parse_step_kind(to_string(k)), k);
  }
}

TEST(WorkSchedule, MinutesAndWholeDays) {
  const WorkSchedule w = weekdays();
  EXPECT_EQ(w.minutes_on(d(2026, 3, 2)), 480);
  EXPECT_EQ(w.minutes_on(d(2026, 3, 7)), 0);
  const auto days = w.whole_days(d(2026, 3, 6), d(2026, 3, 9));  // Fri .. Mon
  ASSERT_EQ(days.size(), 2u);
  EXPECT_EQ(days[0], (LeaveDay{d(2026, 3, 6), 480}));
  EXPECT_EQ(days[1], (LeaveDay{d(2026, 3, 9), 480}));
  // A repeated date keeps the last.
  const WorkSchedule twice({{d(2026, 3, 2), 480}, {d(2026, 3, 2), 600}});
  EXPECT_EQ(twice.minutes_on(d(2026, 3, 2)), 600);
}

TEST(ConsecutiveBlock, JoinsOverlappingAdjacentAndAcrossDaysOff) {
  const WorkSchedule w = weekdays();
  // Mon–Wed + Thu–Fri: five.
  std::vector<LeaveRequest> others{req(1, d(2026, 3, 16), d(2026, 3, 18))};
  auto b = consecutive_block(d(2026, 3, 19), d(2026, 3, 20), 2, others, w);
  EXPECT_EQ(b.days, 5);
  EXPECT_EQ(b.joined_with, std::vector<std::int64_t>{1});
  // Fri + Mon across the weekend: four (Fri, Sat, Sun, Mon).
  others = {req(1, d(2026, 3, 20), d(2026, 3, 20))};
  EXPECT_EQ(consecutive_block(d(2026, 3, 23), d(2026, 3, 23), 2, others, w).days, 4);
  // A worked Wednesday between: not joined.
  others = {req(1, d(2026, 3, 16), d(2026, 3, 17))};
  b = consecutive_block(d(2026, 3, 19), d(2026, 3, 20), 2, others, w);
  EXPECT_EQ(b.days, 2);
  EXPECT_TRUE(b.joined_with.empty());
  // Denied and cancelled requests are not absences; the request itself is skipped.
  others = {req(1, d(2026, 3, 16), d(2026, 3, 18), RequestState::kDenied),
            req(2, d(2026, 3, 16), d(2026, 3, 18), RequestState::kCancelled),
            req(3, d(2026, 3, 16), d(2026, 3, 18))};
  EXPECT_EQ(consecutive_block(d(2026, 3, 19), d(2026, 3, 20), 3, others, w).days, 2);
  // Chains: a joins b joins c, whatever the order given.
  others = {req(5, d(2026, 3, 26), d(2026, 3, 27)), req(4, d(2026, 3, 23), d(2026, 3, 25))};
  b = consecutive_block(d(2026, 3, 19), d(2026, 3, 20), 6, others, w);
  EXPECT_EQ(b.first, d(2026, 3, 19));
  EXPECT_EQ(b.last, d(2026, 3, 27));
  EXPECT_EQ(b.days, 9);
  EXPECT_EQ(b.joined_with, (std::vector<std::int64_t>{4, 5}));
}

TEST(Availability, PendingRequestsReduceWhatIsAvailable) {
  LedgerEntry accrual;
  accrual.bank = LeaveType::kVacation;
  accrual.date = d(2026, 1, 1);
  accrual.minutes = 2000;
  LedgerEntry future_use = accrual;
  future_use.date = d(2026, 5, 1);
  future_use.minutes = -480;
  future_use.kind = EntryKind::kUsage;
  const std::vector<LedgerEntry> ledger{accrual, future_use};
  std::vector<LeaveRequest> requests{req(1, d(2026, 4, 6), d(2026, 4, 6)),
                                     req(2, d(2026, 4, 7), d(2026, 4, 7), RequestState::kDenied),
                                     req(3, d(2026, 4, 8), d(2026, 4, 8), RequestState::kRecorded)};
  requests.push_back(req(4, d(2026, 4, 9), d(2026, 4, 9)));
  requests.back().charge = LeaveType::kSick;
  EXPECT_EQ(pending_minutes(requests, LeaveType::kVacation), 480);
  EXPECT_EQ(available(ledger, requests, LeaveType::kVacation, d(2026, 3, 2)), 2000 - 480 - 480);
  EXPECT_EQ(available(ledger, requests, LeaveType::kVacation, d(2026, 3, 2), 1), 2000 - 480);
}

TEST(Availability, UnearnedAllowanceOnlyWhereThePolicyGivesIt) {
  UnitLeaveRules u;
  u.holiday_credit_minutes = 600;
  u.furlough_grant_minutes = 1000;
  const UpcomingCredits up{{d(2026, 1, 1), d(2026, 7, 3), d(2026, 11, 26), d(2027, 1, 1)},
                           {d(2026, 6, 1), d(2026, 9, 1), d(2027, 1, 5)}};
  const Date today = d(2026, 3, 2);
  EXPECT_EQ(unearned_allowance(u, ScheduleKind::kFiveEight, LeaveType::kHoliday, up, today,
                               d(2026, 4, 1)),
            1200);
  // Leave next year counts next year's holidays up to its Dec 31.
  EXPECT_EQ(unearned_allowance(u, ScheduleKind::kFiveEight, LeaveType::kHoliday, up, today,
                               d(2027, 1, 2)),
            1800);
  EXPECT_EQ(
      unearned_allowance(u, ScheduleKind::kFourTwo, LeaveType::kFurlough, up, today, d(2026, 4, 1)),
      2000);
  EXPECT_EQ(unearned_allowance(u, ScheduleKind::kFiveEight, LeaveType::kFurlough, up, today,
                               d(2026, 4, 1)),
            0);
  EXPECT_EQ(
      unearned_allowance(u, ScheduleKind::kFourTwo, LeaveType::kVacation, up, today, d(2026, 4, 1)),
      0);
  u.furlough_grant_minutes = 1500;  // 3000 to come, capped at 36 hours
  EXPECT_EQ(unearned_allowance(u, ScheduleKind::kTwentyFour, LeaveType::kFurlough, up, today,
                               d(2026, 4, 1)),
            2160);
  u.unearned_holiday = false;
  EXPECT_EQ(unearned_allowance(u, ScheduleKind::kFiveEight, LeaveType::kHoliday, up, today,
                               d(2026, 4, 1)),
            0);
}

}  // namespace
}  // namespace rollcall::timeoff::leave
