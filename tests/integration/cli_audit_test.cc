// `rollcall demo` and `rollcall audit verify` end to end, on each engine.
#include <gtest/gtest.h>

#include <filesystem>

#include "support/run_command.h"
#include "support/test_databases.h"

namespace rollcall {
namespace {

using testing::raw_sql;
using testing::run_rollcall;

class CliDemoAuditTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    target_ = testing::make_test_database(
        GetParam(), ::testing::UnitTest::GetInstance()->current_test_info()->name());
    if (target_.url.empty()) GTEST_SKIP();
    auto demo = run_rollcall(
        {"demo", "--no-serve", "--seed", "7", "--today", "2026-11-01", "--db", target_.url});
    ASSERT_EQ(demo.exit_code, 0) << demo.err;
    demo_out_ = demo.out;
  }
  testing::CommandResult verify() { return run_rollcall({"audit", "verify", "--db", target_.url}); }

  testing::TestDatabase target_;
  std::string demo_out_;
};

TEST_P(CliDemoAuditTest, DemoIsAuditedAndVerifies) {
  EXPECT_NE(demo_out_.find("demo department (seed 7, as of 2026-11-01)"), std::string::npos)
      << demo_out_;
  const std::string audit_rows = raw_sql(target_.url, "SELECT COUNT(*) FROM audit_log");
  const std::string written =
      raw_sql(target_.url,
              "SELECT (SELECT COUNT(*) FROM units) + (SELECT COUNT(*) FROM employees) + "
              "(SELECT COUNT(*) FROM assignments) + (SELECT COUNT(*) FROM status_periods) + "
              "(SELECT COUNT(*) FROM role_grants) + (SELECT COUNT(*) FROM threshold_sets) + "
              "(SELECT COUNT(*) FROM indicator_events) + (SELECT COUNT(*) FROM accounts) + "
              "(SELECT COUNT(*) FROM workflow_record_versions) + "
              "(SELECT COUNT(*) FROM leave_ledger)");
  EXPECT_EQ(audit_rows, written) << "one audit record per row written";
  EXPECT_NE(raw_sql(target_.url, "SELECT COUNT(*) FROM accounts"), "0") << "demo sign-ins";
  EXPECT_NE(raw_sql(target_.url, "SELECT COUNT(*) FROM workflow_records"), "0") << "demo reviews";
  auto v = verify();
  EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
  EXPECT_NE(v.out.find("OK: " + audit_rows + " audit records"), std::string::npos) << v.out;
}

TEST_P(CliDemoAuditTest, DemoRefusesADatabaseThatHoldsAnOrganisation) {
  auto again = run_rollcall({"demo", "--no-serve", "--db", target_.url});
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.err.find("already holds an organisation"), std::string::npos) << again.err;
}

TEST_P(CliDemoAuditTest, VerifyNamesTheFirstTamperedRecordAndFails) {
  raw_sql(target_.url, "UPDATE audit_log SET actor = 'mallory' WHERE seq = 1234");
  raw_sql(target_.url, "UPDATE audit_log SET actor = 'mallory' WHERE seq = 2000");
  auto v = verify();
  EXPECT_EQ(v.exit_code, 1);
  EXPECT_NE(v.out.find("TAMPERED: first bad record 1234: record 1234 does not match its hash"),
            std::string::npos)
      << v.out;
}

TEST_P(CliDemoAuditTest, VerifyNamesADeletedRecord) {
  raw_sql(target_.url, "DELETE FROM audit_log WHERE seq = 99");
  auto v = verify();
  EXPECT_EQ(v.exit_code, 1);
  EXPECT_NE(v.out.find("first bad record 99: record 99 is missing (removed)"), std::string::npos)
      << v.out;
}

TEST_P(CliDemoAuditTest, ExportedDemoReimportsIntoAFreshDatabase) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("rollcall-export-" + std::to_string(::getpid()) + "-" + GetParam());
  std::filesystem::remove_all(dir);
  auto other = testing::make_test_database(GetParam(), "reimport");
  auto demo = run_rollcall({"demo", "--no-serve", "--seed", "7", "--today", "2026-11-01",
                            "--export", dir.string(), "--db", other.url});
  ASSERT_EQ(demo.exit_code, 0) << demo.err;
  auto fresh = testing::make_test_database(GetParam(), "fresh");
  ASSERT_EQ(run_rollcall({"init", "--db", fresh.url}).exit_code, 0);
  auto imported = run_rollcall({"org", "import", "--dir", dir.string(), "--db", fresh.url});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  for (const char* table : {"units", "employees", "assignments", "status_periods", "role_grants"}) {
    const std::string q = std::string("SELECT COUNT(*) FROM ") + table;
    EXPECT_EQ(raw_sql(fresh.url, q), raw_sql(target_.url, q)) << table;
  }
  // The same person has the same chain in both.
  const std::string serial =
      raw_sql(target_.url,
              "SELECT e.serial FROM employees e JOIN assignments a ON a.employee_id = e.id "
              "WHERE a.role = 'member' AND a.end_date IS NULL ORDER BY e.serial LIMIT 1");
  auto a = run_rollcall({"org", "chain", serial, "--on", "2026-11-01", "--db", target_.url});
  auto b = run_rollcall({"org", "chain", serial, "--on", "2026-11-01", "--db", fresh.url});
  EXPECT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(a.out, b.out);
}

INSTANTIATE_TEST_SUITE_P(Engines, CliDemoAuditTest, ::testing::ValuesIn(testing::test_engines()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace rollcall
