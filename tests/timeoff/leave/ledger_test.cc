// The ledger and earning leave: balances as sums as of a date, accruals by
// seniority tier up to a cap (the reduction visible), holiday credits,
// furlough grants, the comp-time cap (4.010-POL-10).
#include <gtest/gtest.h>

#include "domain/timeoff/leave/accrual.h"
#include "domain/timeoff/leave/default_leave_rules.h"
#include "domain/timeoff/leave/leave_rules_toml.h"

namespace rollcall::timeoff::leave {
namespace {

Date d(int y, unsigned m, unsigned day) { return Date::from_ymd(y, m, day); }

LedgerEntry e(LeaveType bank, Date on, Minutes m, EntryKind kind = EntryKind::kAdjustment) {
  LedgerEntry x;
  x.employee = 7;
  x.bank = bank;
  x.taken_as = bank;
  x.date = on;
  x.minutes = m;
  x.kind = kind;
  return x;
}

UnitLeaveRules unit_with_cap(std::optional<Minutes> cap) {
  UnitLeaveRules u;
  u.unit = "T";
  LeaveTypeRule v;
  v.type = LeaveType::kVacation;
  v.draws_from = {LeaveType::kVacation};
  v.accrual = AccrualRule{{{0, 100}, {5, 200}}, cap};
  u.types = {v};
  u.holiday_credit_minutes = 480;
  u.furlough_grants_per_year = 2;
  u.furlough_grant_minutes = 600;
  u.comp_time_cap = 1000;
  return u;
}

TEST(EntryKind, TextRoundTrips) {
  for (auto k : {EntryKind::kAccrual, EntryKind::kUsage, EntryKind::kAdjustment,
                 EntryKind::kHolidayCredit, EntryKind::kFurloughGrant, EntryKind::kForfeiture,
                 EntryKind::kCashOut, EntryKind::kYearEndTransfer}) {
    EXPECT_EQ(parse_entry_kind(to_string(k)), k);
  }
  EXPECT_EQ(parse_entry_kind("transfer"), std::nullopt);
}

TEST(Ledger, BalanceIsTheSumAsOfADate) {
  const std::vector<LedgerEntry> l{
      e(LeaveType::kVacation, d(2026, 1, 1), 1000), e(LeaveType::kVacation, d(2026, 2, 1), -300),
      e(LeaveType::kSick, d(2026, 1, 1), 50), e(LeaveType::kVacation, d(2026, 3, 1), -200)};
  EXPECT_EQ(balance(l, LeaveType::kVacation, d(2025, 12, 31)), 0);
  EXPECT_EQ(balance(l, LeaveType::kVacation, d(2026, 1, 31)), 1000);
  EXPECT_EQ(balance(l, LeaveType::kVacation, d(2026, 2, 1)), 700);
  EXPECT_EQ(balance(l, LeaveType::kVacation, d(2026, 3, 1)), 500);
  EXPECT_EQ(committed_after(l, LeaveType::kVacation, d(2026, 1, 15)), -500);
  const Balances b = balances(l, d(2026, 2, 15));
  EXPECT_EQ(b[LeaveType::kVacation], 700);
  EXPECT_EQ(b[LeaveType::kSick], 50);
  EXPECT_EQ(b[LeaveType::kHoliday], 0);
}

TEST(Ledger, CommittedUsageIsNetOfReversalsAndIgnoresFutureCredits) {
  const std::vector<LedgerEntry> l{
      e(LeaveType::kVacation, d(2026, 4, 6), -480, EntryKind::kUsage),
      e(LeaveType::kVacation, d(2026, 4, 7), -480, EntryKind::kUsage),
      e(LeaveType::kVacation, d(2026, 4, 7), 480, EntryKind::kUsage),  // cancelled
      e(LeaveType::kVacation, d(2026, 4, 14), 222, EntryKind::kAccrual)};
  EXPECT_EQ(committed_after(l, LeaveType::kVacation, d(2026, 3, 2)), -480);
  EXPECT_EQ(committed_after(l, LeaveType::kVacation, d(2026, 4, 6)), 0);
}

TEST(Accrual, TierChangesOnTheAnniversary) {
  const UnitLeaveRules u = unit_with_cap(std::nullopt);
  const std::vector<Date> ends{d(2026, 3, 10), d(2026, 3, 24)};
  auto run = generate_accruals(u, 7, d(2021, 3, 20), ends, {});
  ASSERT_TRUE(run.is_ok());
  ASSERT_EQ(run->postings.size(), 2u);
  EXPECT_EQ(run->postings[0].years_of_service, 4);
  EXPECT_EQ(run->postings[0].posted, 100);
  EXPECT_EQ(run->postings[1].years_of_service, 5);
  EXPECT_EQ(run->postings[1].posted, 200);
  ASSERT_EQ(run->entries.size(), 2u);
  EXPECT_EQ(run->entries[1].kind, EntryKind::kAccrual);
  EXPECT_EQ(run->entries[1].source, "pay-period 2026-03-24");
  EXPECT_EQ(run->entries[1].date, d(2026, 3, 24));
}

TEST(Accrual, TheCapReducesAnAccrualVisibly) {
  const UnitLeaveRules u = unit_with_cap(1000);
  const std::vector<LedgerEntry> existing{e(LeaveType::kVacation, d(2026, 1, 1), 950)};
  const std::vector<Date> ends{d(2026, 1, 13), d(2026, 1, 27)};
  auto run = generate_accruals(u, 7, d(2025, 1, 1), ends, existing);
  ASSERT_TRUE(run.is_ok());
  ASSERT_EQ(run->postings.size(), 2u);
  EXPECT_EQ(run->postings[0],
            (AccrualPosting{d(2026, 1, 13), LeaveType::kVacation, 1, 100, 50, 50}));
  EXPECT_EQ(run->postings[1].posted, 0);
  EXPECT_EQ(run->postings[1].reduced_by_cap, 100);
  ASSERT_EQ(run->entries.size(), 1u);  // nothing posted at the cap
  EXPECT_NE(run->entries[0].reason.find("reduced by 50 at the cap of 1000"), std::string::npos)
      << run->entries[0].reason;
  // Usage after the cap makes room again.
  std::vector<LedgerEntry> more = existing;
  more.push_back(run->entries[0]);
  more.push_back(e(LeaveType::kVacation, d(2026, 2, 2), -480, EntryKind::kUsage));
  auto next = generate_accruals(u, 7, d(2025, 1, 1), std::vector<Date>{d(2026, 2, 10)}, more);
  ASSERT_TRUE(next.is_ok());
  EXPECT_EQ(next->postings[0].posted, 100);
}

TEST(Accrual, ReRunPostsNothingTwiceAndNothingBeforeHire) {
  const UnitLeaveRules u = unit_with_cap(std::nullopt);
  const std::vector<Date> ends{d(2026, 1, 13), d(2026, 1, 27)};
  auto first = generate_accruals(u, 7, d(2026, 1, 20), ends, {});
  ASSERT_TRUE(first.is_ok());
  ASSERT_EQ(first->entries.size(), 1u);  // 2026-01-13 is before the hire date
  auto again = generate_accruals(u, 7, d(2026, 1, 20), ends, first->entries);
  ASSERT_TRUE(again.is_ok());
  EXPECT_TRUE(again->entries.empty());
}

TEST(Accrual, PeriodEndsMustAscend) {
  const UnitLeaveRules u = unit_with_cap(std::nullopt);
  const std::vector<Date> ends{d(2026, 1, 27), d(2026, 1, 13)};
  auto run = generate_accruals(u, 7, d(2020, 1, 1), ends, {});
  ASSERT_FALSE(run.is_ok());
  EXPECT_EQ(run.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(run.status().message().rfind("period_ends[1]", 0), 0u) << run.status().message();
}

TEST(Credits, HolidaysAndFurloughGrants) {
  const UnitLeaveRules u = unit_with_cap(std::nullopt);
  const std::vector<Date> holidays{d(2026, 1, 1), d(2026, 1, 19), d(2026, 1, 1)};
  const auto credits = holiday_credits(u, 7, holidays, {});
  ASSERT_EQ(credits.size(), 2u);
  EXPECT_EQ(credits[1].minutes, 480);
  EXPECT_EQ(credits[1].kind, EntryKind::kHolidayCredit);
  EXPECT_TRUE(holiday_credits(u, 7, holidays, credits).empty());

  const std::vector<Date> grants{d(2026, 4, 1), d(2026, 10, 1), d(2027, 4, 1)};
  auto g = furlough_grants(u, 7, grants, {});
  ASSERT_TRUE(g.is_ok());
  EXPECT_EQ(g->size(), 3u);
  const std::vector<Date> too_many{d(2026, 4, 1), d(2026, 7, 1), d(2026, 10, 1)};
  auto bad = furlough_grants(u, 7, too_many, {});
  ASSERT_FALSE(bad.is_ok());
  EXPECT_NE(bad.status().message().find("more than 2 furlough grants in 2026"), std::string::npos);
}

TEST(CompTime, RoomUnderTheCap) {
  const UnitLeaveRules u = unit_with_cap(std::nullopt);
  const std::vector<LedgerEntry> l{e(LeaveType::kCompTime, d(2026, 1, 1), 800),
                                   e(LeaveType::kCompTime, d(2026, 2, 1), 400)};
  EXPECT_EQ(comp_time_room(u, l, d(2026, 1, 15)), 200);
  EXPECT_EQ(comp_time_room(u, l, d(2026, 2, 1)), 0);
  UnitLeaveRules none = u;
  none.comp_time_cap.reset();
  EXPECT_EQ(comp_time_room(none, l, d(2026, 2, 1)), std::nullopt);
}

}  // namespace
}  // namespace rollcall::timeoff::leave
