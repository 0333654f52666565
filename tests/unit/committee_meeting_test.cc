// 3.070-POL-3: the PMP Committee's meetings — only the Coordinator schedules
// and records them; recommendations are forwarded to the Chief only once the
// meeting is held; the next meeting is due six months after the last.
#include <gtest/gtest.h>

#include "domain/pmp/committee/committee_meeting.h"

namespace rollcall::pmp::committee {
namespace {

const Date kToday = Date::from_ymd(2026, 11, 23);
const Instant kNow{};
const Actor kCoordinator{900, {access::Role::kEmployee, access::Role::kCoordinator}};
const Actor kMember{901, {access::Role::kEmployee, access::Role::kCommittee}};

TEST(CommitteeMeeting, OnlyTheCoordinatorSchedulesAndRecords) {
  EXPECT_EQ(schedule(kMember, kToday, "thresholds", kNow, kToday).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(schedule(kCoordinator, kToday.plus_days(-1), "x", kNow, kToday).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(schedule(kCoordinator, kToday, "", kNow, kToday).status().code(),
            StatusCode::kInvalidArgument);
  auto m =
      schedule(kCoordinator, kToday.plus_days(10), "semi-annual threshold review", kNow, kToday);
  ASSERT_TRUE(m.is_ok());
  EXPECT_EQ(m->state, MeetingState::kScheduled);
  const Date held = kToday.plus_days(10);
  EXPECT_EQ(
      hold(*m, kMember, held, {Seat::kOpaDirector}, {}, "minutes", {}, kNow, held).status().code(),
      StatusCode::kPermissionDenied);
  // Not in the future, minutes and a stakeholder required.
  EXPECT_EQ(
      hold(*m, kCoordinator, held, {Seat::kOpaDirector}, {}, "m", {}, kNow, kToday).status().code(),
      StatusCode::kInvalidArgument);
  EXPECT_EQ(
      hold(*m, kCoordinator, held, {Seat::kOpaDirector}, {}, "", {}, kNow, held).status().code(),
      StatusCode::kInvalidArgument);
  EXPECT_EQ(hold(*m, kCoordinator, held, {}, {}, "m", {}, kNow, held).status().code(),
            StatusCode::kInvalidArgument);
  // Forwarding before it is held is out of order.
  EXPECT_EQ(forward_to_chief(*m, kCoordinator, kNow, held).status().code(),
            StatusCode::kFailedPrecondition);
  auto h = hold(*m, kCoordinator, held,
                {Seat::kOpaDirector, Seat::kCoordinator, Seat::kOpaDirector}, {"A. Director"},
                "reviewed B and D", {{"lower use of force to 3 in 6 months", 7}}, kNow, held);
  ASSERT_TRUE(h.is_ok()) << h.status().to_string();
  EXPECT_EQ(h->seats_present.size(), 2u);  // duplicates collapse
  EXPECT_FALSE(is_final(h->state, true));
  auto f = forward_to_chief(*h, kCoordinator, kNow, held.plus_days(1));
  ASSERT_TRUE(f.is_ok());
  EXPECT_EQ(f->state, MeetingState::kForwarded);
  EXPECT_EQ(f->forwarded_on, held.plus_days(1));
  EXPECT_EQ(f->history.size(), 3u);
  EXPECT_EQ(cancel(*f, kCoordinator, "late", kNow, held).status().code(),
            StatusCode::kFailedPrecondition);
}

TEST(CommitteeMeeting, AHeldMeetingWithoutRecommendationsHasNothingToForward) {
  auto m = schedule(kCoordinator, kToday, "review", kNow, kToday);
  auto h = hold(*m, kCoordinator, kToday, {Seat::kCoordinator}, {}, "no change", {}, kNow, kToday);
  ASSERT_TRUE(h.is_ok());
  EXPECT_TRUE(is_final(h->state, false));
  EXPECT_EQ(forward_to_chief(*h, kCoordinator, kNow, kToday).status().code(),
            StatusCode::kFailedPrecondition);
}

TEST(CommitteeMeeting, TheNextMeetingIsDueSixMonthsAfterTheLastHeld) {
  EXPECT_EQ(next_meeting_due({}, kToday), kToday);
  Meeting a, b, c;
  a.held_on = Date::from_ymd(2026, 2, 28);
  b.held_on = Date::from_ymd(2026, 8, 31);
  c.state = MeetingState::kScheduled;  // not held: does not count
  EXPECT_EQ(next_meeting_due({a, b, c}, kToday), Date::from_ymd(2027, 2, 28));
  EXPECT_EQ(next_meeting_due({a}, kToday), Date::from_ymd(2026, 8, 28));
}

TEST(CommitteeMeeting, SeatsAndStatesRoundTripAsText) {
  for (auto s :
       {Seat::kOperationsBureauChief, Seat::kInvestigationsBureauChief, Seat::kOpaDirector,
        Seat::kForceInvestigationsTeam, Seat::kEmployeeServicesLieutenant, Seat::kCoordinator}) {
    EXPECT_EQ(parse_seat(to_string(s)), s);
  }
  EXPECT_FALSE(parse_seat("mayor").has_value());
  EXPECT_EQ(parse_meeting_state("forwarded"), MeetingState::kForwarded);
}

}  // namespace
}  // namespace rollcall::pmp::committee
