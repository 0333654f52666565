// Tamper tests: edit the stored audit log behind the application's back, on
// each engine, and check verification names the first bad record.
#include <gtest/gtest.h>

#include "support/test_databases.h"
#include "time/instant.h"

namespace rollcall {
namespace {

using testing::raw_sql;

class AuditTamperTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    target_ = testing::make_test_database(
        GetParam(), ::testing::UnitTest::GetInstance()->current_test_info()->name());
    if (target_.url.empty()) GTEST_SKIP();
    db_ = target_.open(clock_);
    ASSERT_NE(db_, nullptr);
    ASSERT_TRUE(db_->migrate().is_ok());
    // Six audited writes in two transactions.
    for (int batch = 0; batch < 2; ++batch) {
      auto tx = db_->begin("test:setup");
      ASSERT_TRUE(tx.is_ok());
      for (int i = 0; i < 3; ++i) {
        const std::string code = "U" + std::to_string(batch * 3 + i + 1);
        ASSERT_TRUE(
            (*tx)->insert_unit({0, code, code, org::UnitKind::kUnit, std::nullopt}).is_ok());
        clock_.advance(std::chrono::seconds(1));
      }
      ASSERT_TRUE((*tx)->commit().is_ok());
    }
  }

  storage::AuditVerdict verify() {
    auto records = db_->audit_records();
    auto head = db_->audit_head();
    EXPECT_TRUE(records.is_ok() && head.is_ok());
    return storage::verify_chain(*records, *head);
  }
  void sql(const std::string& statement) { raw_sql(target_.url, statement); }

  SimulatedClock clock_{parse_utc("2026-11-23T09:00:00Z").value()};
  testing::TestDatabase target_;
  std::unique_ptr<storage::Database> db_;
};

TEST_P(AuditTamperTest, IntactLogVerifies) {
  const auto v = verify();
  EXPECT_TRUE(v.ok) << v.reason;
  EXPECT_EQ(v.records_checked, 6);
}

TEST_P(AuditTamperTest, ChangedValueIsNamed) {
  sql("UPDATE audit_log SET after_json = REPLACE(after_json, 'U3', 'U9') WHERE seq = 3");
  const auto v = verify();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_seq, 3);
  EXPECT_NE(v.reason.find("altered"), std::string::npos) << v.reason;
}

TEST_P(AuditTamperTest, DeletedRecordIsNamed) {
  sql("DELETE FROM audit_log WHERE seq = 2");
  const auto v = verify();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_seq, 2);
  EXPECT_NE(v.reason.find("removed"), std::string::npos) << v.reason;
}

TEST_P(AuditTamperTest, DeletedLastRecordIsNamed) {
  sql("DELETE FROM audit_log WHERE seq = 6");
  const auto v = verify();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_seq, 6);
}

TEST_P(AuditTamperTest, InsertedRecordIsNamed) {
  // Make room at 4 and forge a record there that chains from record 3.
  sql("UPDATE audit_log SET seq = seq + 100 WHERE seq >= 4");
  sql("UPDATE audit_log SET seq = seq - 99 WHERE seq >= 100");
  const std::string prev = raw_sql(target_.url, "SELECT hash FROM audit_log WHERE seq = 3");
  sql("INSERT INTO audit_log (seq, recorded_at, actor, action, entity, entity_key, before_json, "
      "after_json, prev_hash, hash) VALUES (4, '2026-11-23T09:00:02Z', 'mallory', 'create', "
      "'unit', 'FAKE', '', '{}', '" +
      prev + "', '" + std::string(64, 'a') + "')");
  const auto v = verify();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_seq, 4);
}

TEST_P(AuditTamperTest, RecordAppendedAfterTheHeadIsNamed) {
  const std::string prev = raw_sql(target_.url, "SELECT hash FROM audit_log WHERE seq = 6");
  sql("INSERT INTO audit_log (seq, recorded_at, actor, action, entity, entity_key, before_json, "
      "after_json, prev_hash, hash) VALUES (7, '2026-11-23T09:00:09Z', 'mallory', 'create', "
      "'unit', 'FAKE', '', '{}', '" +
      prev + "', '" + std::string(64, 'b') + "')");
  const auto v = verify();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_seq, 7);
}

TEST_P(AuditTamperTest, ReorderedRecordsAreNamed) {
  sql("UPDATE audit_log SET seq = -2 WHERE seq = 2");
  sql("UPDATE audit_log SET seq = 2 WHERE seq = 3");
  sql("UPDATE audit_log SET seq = 3 WHERE seq = -2");
  const auto v = verify();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_seq, 2);
  EXPECT_NE(v.reason.find("reordered"), std::string::npos) << v.reason;
}

TEST_P(AuditTamperTest, AppendingAfterVerificationKeepsTheChain) {
  auto tx = db_->begin("test:later");
  ASSERT_TRUE((*tx)->audit_event("sign-in", "session", "alice", "{}").is_ok());
  ASSERT_TRUE((*tx)->commit().is_ok());
  const auto v = verify();
  EXPECT_TRUE(v.ok) << v.reason;
  EXPECT_EQ(v.records_checked, 7);
}

INSTANTIATE_TEST_SUITE_P(Engines, AuditTamperTest, ::testing::ValuesIn(testing::test_engines()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace rollcall
