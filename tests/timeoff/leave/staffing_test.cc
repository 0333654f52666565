// The sergeant's staffing view for 4.010-PRO-1.2 ("based on staffing needs").
#include <gtest/gtest.h>

#include "domain/timeoff/leave/staffing.h"

namespace rollcall::timeoff::leave {
namespace {

Date d(int y, unsigned m, unsigned day) { return Date::from_ymd(y, m, day); }

LeaveRequest leave(std::int64_t id, org::EmployeeId who, Date on, Minutes m, RequestState s) {
  LeaveRequest r;
  r.id = id;
  r.employee = who;
  r.first = r.last = on;
  r.days = {{on, m}};
  r.state = s;
  return r;
}

TEST(Staffing, WhoIsOffAndHowManyRemain) {
  const Date mon = d(2026, 3, 2), tue = d(2026, 3, 3);
  std::vector<ScheduledShift> shifts;
  for (org::EmployeeId e : {1, 2, 3, 4}) shifts.push_back({mon, e, 600});
  for (org::EmployeeId e : {1, 2, 3}) shifts.push_back({tue, e, 600});
  const std::vector<LeaveRequest> requests{
      leave(1, 1, mon, 600, RequestState::kApproved),
      leave(2, 2, mon, 300, RequestState::kRecorded),       // partial: still on duty
      leave(3, 3, mon, 600, RequestState::kSubmitted),      // pending
      leave(4, 4, mon, 600, RequestState::kDenied),         // reports as scheduled
      leave(5, 1, tue, 600, RequestState::kCaptainReview),  // pending, long path
      leave(6, 9, tue, 600, RequestState::kApproved),       // not scheduled: ignored
  };
  const auto days = staffing(shifts, requests, StaffingRules{3});
  ASSERT_EQ(days.size(), 2u);
  EXPECT_EQ(days[0].date, mon);
  EXPECT_EQ(days[0].scheduled, (std::vector<org::EmployeeId>{1, 2, 3, 4}));
  EXPECT_EQ(days[0].off, std::vector<org::EmployeeId>{1});
  EXPECT_EQ(days[0].partial, std::vector<org::EmployeeId>{2});
  EXPECT_EQ(days[0].pending, std::vector<org::EmployeeId>{3});
  EXPECT_EQ(days[0].on_duty, 3);
  EXPECT_EQ(days[0].if_pending_approved, 2);
  EXPECT_FALSE(days[0].short_staffed);
  EXPECT_EQ(days[1].off.size(), 0u);
  EXPECT_EQ(days[1].on_duty, 3);
  EXPECT_EQ(days[1].if_pending_approved, 2);
  EXPECT_EQ(days[1].minimum, 3);
}

TEST(Staffing, ShortStaffedBelowTheMinimum) {
  const Date mon = d(2026, 3, 2);
  const std::vector<ScheduledShift> shifts{{mon, 1, 480}, {mon, 2, 480}};
  const std::vector<LeaveRequest> requests{leave(1, 1, mon, 480, RequestState::kApproved)};
  const auto days = staffing(shifts, requests, StaffingRules{2});
  ASSERT_EQ(days.size(), 1u);
  EXPECT_EQ(days[0].on_duty, 1);
  EXPECT_TRUE(days[0].short_staffed);
}

}  // namespace
}  // namespace rollcall::timeoff::leave
