// 4.010-POL-7 year end across many employees: one plan, entries only on apply.
#include <gtest/gtest.h>

#include "domain/timeoff/leave/year_end.h"

namespace rollcall::timeoff::leave {
namespace {

Date d(int y, unsigned m, unsigned day) { return Date::from_ymd(y, m, day); }

LedgerEntry e(org::EmployeeId who, LeaveType bank, Date on, Minutes m) {
  LedgerEntry x;
  x.employee = who;
  x.bank = bank;
  x.taken_as = bank;
  x.date = on;
  x.minutes = m;
  return x;
}

TEST(YearEnd, SettlesEachEmployeeOnItsOwn) {
  const std::vector<LedgerEntry> a{e(1, LeaveType::kHoliday, d(2026, 7, 3), 600)};
  const std::vector<LedgerEntry> b{e(2, LeaveType::kHoliday, d(2026, 7, 3), -600)};
  const std::vector<LedgerEntry> c{e(3, LeaveType::kHoliday, d(2026, 7, 3), 0)};
  const std::vector<EmployeeYearEnd> all{{1, a, {}}, {2, b, {}}, {3, c, {}}};
  auto plan = plan_year_end(YearEndRules{}, 2026, d(2026, 12, 26), all);
  ASSERT_TRUE(plan.is_ok());
  ASSERT_EQ(plan->items.size(), 2u);
  EXPECT_EQ(plan->items[0], (PlanItem{1, PlanItemKind::kForfeit, LeaveType::kHoliday, std::nullopt,
                                      600, d(2026, 12, 31), plan->items[0].reason}));
  EXPECT_EQ(plan->items[1].employee, 2);
  EXPECT_EQ(plan->items[1].kind, PlanItemKind::kPayAdjustment);
  const auto entries = ledger_entries(*plan);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].kind, EntryKind::kForfeiture);
  EXPECT_EQ(entries[0].minutes, -600);
  EXPECT_EQ(entries[0].source, "year-end 2026");
  EXPECT_EQ(entries[1].kind, EntryKind::kAdjustment);
  EXPECT_EQ(entries[1].minutes, 600);
}

TEST(YearEnd, CoverPostsAPairOfTransfers) {
  const std::vector<LedgerEntry> l{e(1, LeaveType::kFurlough, d(2026, 3, 1), -300),
                                   e(1, LeaveType::kVacation, d(2026, 1, 1), 1000)};
  const std::vector<EmployeeYearEnd> all{{1, l, {}}};
  auto plan = plan_year_end(YearEndRules{}, 2026, d(2026, 12, 26), all);
  ASSERT_TRUE(plan.is_ok());
  const auto entries = ledger_entries(*plan);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].bank, LeaveType::kVacation);
  EXPECT_EQ(entries[0].minutes, -300);
  EXPECT_EQ(entries[1].bank, LeaveType::kFurlough);
  EXPECT_EQ(entries[1].minutes, 300);
  EXPECT_EQ(entries[1].kind, EntryKind::kYearEndTransfer);
}

// The issue benchmarks 50,000 employees; here a scale check of the same shape
// (counts, not timing): every employee with a positive holiday is planned once.
TEST(YearEnd, ManyEmployees) {
  constexpr int kEmployees = 50000;
  std::vector<std::vector<LedgerEntry>> ledgers(kEmployees);
  std::vector<EmployeeYearEnd> all;
  all.reserve(kEmployees);
  for (int i = 0; i < kEmployees; ++i) {
    for (int m = 1; m <= 12; ++m) {
      ledgers[i].push_back(e(i, LeaveType::kVacation, d(2026, m, 1), 300));
    }
    ledgers[i].push_back(e(i, LeaveType::kHoliday, d(2026, 11, 26), i % 2 == 0 ? 600 : 0));
    all.push_back({i, ledgers[i], {}});
  }
  auto plan = plan_year_end(YearEndRules{}, 2026, d(2026, 12, 26), all);
  ASSERT_TRUE(plan.is_ok());
  EXPECT_EQ(plan->items.size(), static_cast<std::size_t>(kEmployees / 2));
}

}  // namespace
}  // namespace rollcall::timeoff::leave
