// The 4.010 leave demo data (app/demo/demo_leave.h) on both engines: anchors,
// opening balances and accruals, requests in each state, an extension — so
// the leave screens have data on the demo day.
#include <gtest/gtest.h>

#include <set>

#include "app/demo/build_demo.h"
#include "app/demo/demo_events.h"
#include "app/demo/demo_leave.h"
#include "app/timeoff/leave_payroll.h"
#include "support/test_databases.h"
#include "time/zone.h"

namespace rollcall::testing {
namespace {

namespace tsvc = app::timeoff;

class LeaveDemoTest : public ::testing::TestWithParam<std::string> {};

TEST_P(LeaveDemoTest, EveryLeaveScreenHasDataOnTheDemoDay) {
  // 2026-11-23 10:00 in Seattle, as the API tests' day.
  SimulatedClock clock(
      Instant(std::chrono::sys_days(std::chrono::year(2026) / 11 / 23) + std::chrono::hours(18)));
  const Date today = Date::from_ymd(2026, 11, 23);
  TestDatabase tdb = make_test_database(GetParam(), "leave_demo");
  if (tdb.url.empty()) GTEST_SKIP() << "no " << GetParam() << " server";
  auto db = tdb.open(clock);
  ASSERT_TRUE(db->migrate().is_ok());
  app::DemoOptions demo;
  demo.today = today;
  ASSERT_TRUE(app::store_demo_department(*db, demo, "test").is_ok());
  auto counts = app::store_demo_leave(*db, today, clock.now(), "test");
  ASSERT_TRUE(counts.is_ok()) << counts.status().to_string();
  EXPECT_GT(counts->anchors, 0);
  EXPECT_GT(counts->employees, 10);
  EXPECT_GT(counts->ledger_entries, counts->employees * 40);
  EXPECT_GE(counts->requests, 6);
  EXPECT_EQ(counts->extensions, 1);

  auto requests = tsvc::load_requests(*db, std::nullopt);
  ASSERT_TRUE(requests.is_ok());
  std::set<std::string> states;
  for (const auto& s : *requests)
    states.insert(std::string(rollcall::timeoff::leave::to_string(s.request.state)));
  for (const char* s :
       {"submitted", "captain-review", "approved", "recorded", "denied", "cancelled"}) {
    EXPECT_TRUE(states.count(s)) << "no demo request in state " << s;
  }
  // The demo officer has positive balances as of the demo day.
  auto data = db->load_org();
  ASSERT_TRUE(data.is_ok());
  const org::OrgSnapshot org(std::move(*data));
  const auto cast = app::choose_demo_cast(org, today);
  ASSERT_TRUE(cast.has_value());
  auto ctx = tsvc::TimeoffContext::shipped(kDefaultAgencyZone);
  ASSERT_TRUE(ctx.is_ok());
  auto summary = tsvc::leave_summary(*db, **ctx, org, cast->officer, today);
  ASSERT_TRUE(summary.is_ok()) << summary.status().to_string();
  ASSERT_FALSE(summary->banks.empty());
  EXPECT_GT(summary->banks.front().balance, 0);  // vacation
  EXPECT_FALSE(summary->pending.empty());
  // Running the accruals again posts nothing new for them (idempotent).
  auto again = tsvc::run_accruals(*db, **ctx, org, "test", today, true, cast->officer);
  ASSERT_TRUE(again.is_ok());
  EXPECT_EQ(again->accrual_entries + again->holiday_credits + again->furlough_grants, 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, LeaveDemoTest, ::testing::ValuesIn(test_engines()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace rollcall::testing
