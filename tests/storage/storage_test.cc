// Storage contract tests, run on every engine in the same test run
// (SQLite always; PostgreSQL when the test command has started one).
#include <gtest/gtest.h>

#include "storage/sql/migrations.h"
#include "support/test_databases.h"
#include "time/instant.h"

namespace rollcall {
namespace {

using testing::make_test_database;
using testing::raw_sql;

class StorageTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    target_ = make_test_database(GetParam(),
                                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
    if (target_.url.empty()) GTEST_SKIP() << "no " << GetParam() << " server";
    db_ = target_.open(clock_);
    ASSERT_NE(db_, nullptr);
    auto m = db_->migrate();
    ASSERT_TRUE(m.is_ok()) << m.status().to_string();
  }

  // Stores a two-unit tree and one employee assigned to the squad.
  void store_small_org() {
    auto tx = db_->begin("test:alice");
    ASSERT_TRUE(tx.is_ok()) << tx.status().to_string();
    auto root = (*tx)->insert_unit({0, "SPD", "Police", org::UnitKind::kDepartment, std::nullopt});
    ASSERT_TRUE(root.is_ok()) << root.status().to_string();
    auto squad = (*tx)->insert_unit({0, "SQ-1", "Squad 1", org::UnitKind::kSquad, *root});
    ASSERT_TRUE(squad.is_ok()) << squad.status().to_string();
    org::Employee e;
    e.serial = "7001";
    e.last_name = "O'Brien";  // a quote, stored inert through bound parameters
    e.first_name = "Robert'); DROP TABLE employees;--";
    e.rank = "officer";
    e.bargaining_unit = "SPOG";
    e.schedule = org::ScheduleType::k4_2;
    e.hire_date = Date::from_ymd(2015, 3, 2);
    auto emp = (*tx)->insert_employee(e);
    ASSERT_TRUE(emp.is_ok()) << emp.status().to_string();
    org::Assignment a{0,      *emp,
                      *squad, org::AssignmentRole::kMember,
                      false,  DateSpan{Date::from_ymd(2015, 3, 2), std::nullopt}};
    auto as = (*tx)->insert_assignment(a);
    ASSERT_TRUE(as.is_ok()) << as.status().to_string();
    ASSERT_TRUE((*tx)->commit().is_ok());
  }

  SimulatedClock clock_{parse_utc("2026-11-23T09:00:00Z").value()};
  testing::TestDatabase target_;
  std::unique_ptr<storage::Database> db_;
};

TEST_P(StorageTest, MigrateIsIdempotentAndSchemaCheckPasses) {
  auto again = db_->migrate();
  ASSERT_TRUE(again.is_ok());
  EXPECT_EQ(again->applied, 0);
  EXPECT_EQ(again->current_version,
            storage::sql::migrations_for(GetParam()).value().back().version);
  EXPECT_TRUE(db_->check_schema().is_ok());
}

TEST_P(StorageTest, SchemaCheckFailsOnAnUnmigratedDatabase) {
  auto fresh = make_test_database(GetParam(), "unmigrated");
  auto db = fresh.open(clock_);
  ASSERT_NE(db, nullptr);
  Status s = db->check_schema();
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(s.message().find("rollcall migrate"), std::string::npos);
}

TEST_P(StorageTest, StoredOrganisationLoadsBackIdentically) {
  store_small_org();
  auto data = db_->load_org();
  ASSERT_TRUE(data.is_ok()) << data.status().to_string();
  ASSERT_EQ(data->units.size(), 2u);
  EXPECT_EQ(data->units[1].code, "SQ-1");
  EXPECT_EQ(data->units[1].parent, data->units[0].id);
  ASSERT_EQ(data->employees.size(), 1u);
  EXPECT_EQ(data->employees[0].last_name, "O'Brien");
  EXPECT_EQ(data->employees[0].first_name, "Robert'); DROP TABLE employees;--");
  EXPECT_EQ(data->employees[0].schedule, org::ScheduleType::k4_2);
  EXPECT_EQ(data->employees[0].hire_date, Date::from_ymd(2015, 3, 2));
  ASSERT_EQ(data->assignments.size(), 1u);
  EXPECT_FALSE(data->assignments[0].span.end_exclusive.has_value());
}

TEST_P(StorageTest, EveryWriteAppendsAnAuditRecordWithActorAndTime) {
  store_small_org();
  auto records = db_->audit_records();
  ASSERT_TRUE(records.is_ok());
  ASSERT_EQ(records->size(), 4u);  // 2 units, 1 employee, 1 assignment
  EXPECT_EQ((*records)[0].actor, "test:alice");
  EXPECT_EQ((*records)[0].recorded_at, "2026-11-23T09:00:00Z");
  EXPECT_EQ((*records)[2].entity, "employee");
  EXPECT_EQ((*records)[2].entity_key, "7001");
  EXPECT_NE((*records)[2].after_json.find("O'Brien"), std::string::npos);
  auto head = db_->audit_head();
  ASSERT_TRUE(head.is_ok());
  EXPECT_EQ(head->seq, 4);
  EXPECT_TRUE(storage::verify_chain(*records, *head).ok);
}

TEST_P(StorageTest, UncommittedTransactionLeavesNothingBehind) {
  store_small_org();
  {
    auto tx = db_->begin("test:bob");
    ASSERT_TRUE(tx.is_ok());
    ASSERT_TRUE(
        (*tx)->insert_unit({0, "SQ-2", "Squad 2", org::UnitKind::kSquad, std::nullopt}).is_ok());
  }  // dropped without commit
  EXPECT_EQ(db_->load_org()->units.size(), 2u);
  EXPECT_EQ(db_->audit_records()->size(), 4u);
  EXPECT_EQ(db_->audit_head()->seq, 4);
}

TEST_P(StorageTest, DuplicateKeyIsAlreadyExistsAndPoisonsTheTransaction) {
  store_small_org();
  auto tx = db_->begin("test:bob");
  ASSERT_TRUE(tx.is_ok());
  ASSERT_TRUE(
      (*tx)->insert_unit({0, "SQ-9", "Squad 9", org::UnitKind::kSquad, std::nullopt}).is_ok());
  auto dup = (*tx)->insert_unit({0, "SQ-1", "Again", org::UnitKind::kSquad, std::nullopt});
  EXPECT_EQ(dup.status().code(), StatusCode::kAlreadyExists);
  EXPECT_EQ((*tx)->commit().code(), StatusCode::kFailedPrecondition);
  tx->reset();
  EXPECT_EQ(db_->load_org()->units.size(), 2u);  // SQ-9 rolled back with it
}

TEST_P(StorageTest, CorrectionsAreNewVersionsNotOverwrites) {
  store_small_org();
  auto data = db_->load_org();
  org::Employee corrected = data->employees[0];
  corrected.rank = "sergeant";
  clock_.advance(std::chrono::hours(1));
  {
    auto tx = db_->begin("test:hr");
    ASSERT_TRUE((*tx)->add_employee_version(corrected).is_ok());
    ASSERT_TRUE((*tx)->commit().is_ok());
  }
  auto versions = db_->employee_versions(corrected.id);
  ASSERT_TRUE(versions.is_ok());
  ASSERT_EQ(versions->size(), 2u);
  EXPECT_EQ((*versions)[0].rank, "officer");
  EXPECT_EQ((*versions)[1].rank, "sergeant");
  EXPECT_EQ((*versions)[1].version, 2);
  EXPECT_EQ(db_->load_org()->employees[0].rank, "sergeant");
  const auto last = db_->audit_records()->back();
  EXPECT_EQ(last.action, "correct");
  EXPECT_NE(last.before_json.find("\"officer\""), std::string::npos);
  EXPECT_NE(last.after_json.find("\"sergeant\""), std::string::npos);
}

TEST_P(StorageTest, EndingAnAssignmentRecordsBeforeAndAfter) {
  store_small_org();
  const auto id = db_->load_org()->assignments[0].id;
  {
    auto tx = db_->begin("test:hr");
    ASSERT_TRUE((*tx)->end_assignment(id, Date::from_ymd(2020, 1, 1)).is_ok());
    ASSERT_TRUE((*tx)->commit().is_ok());
  }
  EXPECT_EQ(db_->load_org()->assignments[0].span.end_exclusive, Date::from_ymd(2020, 1, 1));
  {
    auto tx = db_->begin("test:hr");
    EXPECT_EQ((*tx)->end_assignment(id, Date::from_ymd(2021, 1, 1)).code(),
              StatusCode::kFailedPrecondition);
  }
  const auto last = db_->audit_records()->back();
  EXPECT_EQ(last.action, "end");
  EXPECT_NE(last.before_json.find("\"end\":null"), std::string::npos);
  EXPECT_NE(last.after_json.find("2020-01-01"), std::string::npos);
}

TEST_P(StorageTest, SqlInjectionStringsAreStoredInert) {
  store_small_org();
  EXPECT_EQ(raw_sql(target_.url, "SELECT COUNT(*) FROM employees"), "1");
}

TEST_P(StorageTest, EventVersionsAndThresholdSetsRoundTrip) {
  store_small_org();
  const auto emp = db_->load_org()->employees[0].id;
  pmp::IndicatorEvent e;
  e.employee = emp;
  e.kind = pmp::EventKind::kVehicleCollision;
  e.date = Date::from_ymd(2026, 1, 10);
  e.incident_number = "C-1";
  e.source_system = "fleet";
  e.recorded_at = clock_.now();
  e.recorded_by = "test:fleet";
  pmp::ThresholdSet set;
  set.name = "Test set";
  set.effective_from = Date::from_ymd(2025, 7, 1);
  set.initial[pmp::Indicator::kC] = {2, 12};
  set.recent_review[pmp::Indicator::kC] = {1, 6};
  set.chief_approved_by = "Chief";
  set.chief_approved_on = Date::from_ymd(2025, 6, 20);
  {
    auto tx = db_->begin("test:fleet");
    auto id = (*tx)->insert_event(e, "fleet|C-1|7001|vehicle-collision");
    ASSERT_TRUE(id.is_ok()) << id.status().to_string();
    e.id = *id;
    e.preventability = pmp::Preventability::kPreventable;
    e.ruled_on = Date::from_ymd(2026, 4, 2);
    ASSERT_TRUE((*tx)->add_event_version(e).is_ok());
    auto dup = (*tx)->insert_event(e, "fleet|C-1|7001|vehicle-collision");
    EXPECT_EQ(dup.status().code(), StatusCode::kAlreadyExists);
  }  // the duplicate poisoned the transaction: nothing stored
  EXPECT_TRUE(db_->event_versions(std::nullopt)->empty());
  {
    auto tx = db_->begin("test:fleet");
    auto id = (*tx)->insert_event(e, "fleet|C-1|7001|vehicle-collision");
    ASSERT_TRUE(id.is_ok());
    e.id = *id;
    e.preventability = pmp::Preventability::kPreventable;
    ASSERT_TRUE((*tx)->add_event_version(e).is_ok());
    ASSERT_TRUE((*tx)->insert_threshold_set(set).is_ok());
    ASSERT_TRUE((*tx)->commit().is_ok());
  }
  auto versions = db_->event_versions(emp);
  ASSERT_TRUE(versions.is_ok()) << versions.status().to_string();
  ASSERT_EQ(versions->size(), 2u);
  EXPECT_EQ((*versions)[0].version, 1);
  EXPECT_EQ((*versions)[1].version, 2);
  EXPECT_EQ((*versions)[1].preventability, pmp::Preventability::kPreventable);
  EXPECT_EQ((*versions)[1].ruled_on, Date::from_ymd(2026, 4, 2));
  EXPECT_EQ((*versions)[1].recorded_at, clock_.now());
  EXPECT_EQ(db_->event_keys()->at(0).first, "fleet|C-1|7001|vehicle-collision");
  auto sets = db_->threshold_sets();
  ASSERT_TRUE(sets.is_ok());
  ASSERT_EQ(sets->size(), 1u);
  EXPECT_EQ((*sets)[0].initial.at(pmp::Indicator::kC), (pmp::ThresholdRule{2, 12}));
  EXPECT_EQ((*sets)[0].recent_review.at(pmp::Indicator::kC), (pmp::ThresholdRule{1, 6}));
  EXPECT_EQ((*sets)[0].chief_approved_on, Date::from_ymd(2025, 6, 20));
  const auto last = db_->audit_records()->back();
  EXPECT_EQ(last.entity, "threshold_set");
}

// Workflow records (ADR 0008): each step is a new version with its audit
// record; the head moves only from the version the writer read.
TEST_P(StorageTest, WorkflowRecordsAreVersionedAuditedAndGuardedAgainstLostUpdates) {
  store_small_org();
  const org::EmployeeId emp = db_->load_org()->employees.front().id;
  std::int64_t id = 0;
  {
    auto tx = db_->begin("test:coordinator");
    ASSERT_TRUE(tx.is_ok());
    auto unknown = (*tx)->insert_workflow_record("pmp-review", 999999, "identified", "{}");
    EXPECT_EQ(unknown.status().code(), StatusCode::kNotFound);
  }
  {
    auto tx = db_->begin("test:coordinator");
    auto created = (*tx)->insert_workflow_record("pmp-review", emp, "identified", R"({"n":1})");
    ASSERT_TRUE(created.is_ok()) << created.status().to_string();
    id = *created;
    ASSERT_TRUE((*tx)->commit().is_ok());
  }
  {
    auto tx = db_->begin("test:captain");
    EXPECT_TRUE(
        (*tx)->add_workflow_version(id, "pmp-review", 1, "captain-notified", R"({"n":2})").is_ok());
    ASSERT_TRUE((*tx)->commit().is_ok());
  }
  {  // A writer that read version 1 is refused: someone acted first.
    auto tx = db_->begin("test:late");
    auto stale = (*tx)->add_workflow_version(id, "pmp-review", 1, "x", R"({"n":9})");
    EXPECT_EQ(stale.code(), StatusCode::kFailedPrecondition);
  }
  {
    auto tx = db_->begin("test:late");
    EXPECT_EQ((*tx)->add_workflow_version(id, "pmp-plan", 2, "x", "{}").code(),
              StatusCode::kNotFound);
  }
  auto current = db_->workflow_records("pmp-review", emp);
  ASSERT_TRUE(current.is_ok()) << current.status().to_string();
  ASSERT_EQ(current->size(), 1u);
  EXPECT_EQ((*current)[0].version, 2);
  EXPECT_EQ((*current)[0].state, "captain-notified");
  EXPECT_EQ((*current)[0].body_json, R"({"n":2})");
  EXPECT_EQ((*current)[0].recorded_by, "test:captain");
  EXPECT_TRUE(db_->workflow_records("pmp-plan", std::nullopt)->empty());
  auto versions = db_->workflow_versions(id);
  ASSERT_EQ(versions->size(), 2u);
  EXPECT_EQ((*versions)[0].body_json, R"({"n":1})");  // never overwritten
  EXPECT_EQ((*versions)[0].state, "identified");
  const auto audit = db_->audit_records().value();
  const auto& last = audit.back();
  EXPECT_EQ(last.entity, "pmp-review");
  EXPECT_EQ(last.entity_key, std::to_string(id));
  EXPECT_EQ(last.before_json, R"({"n":1})");
  EXPECT_EQ(last.after_json, R"({"n":2})");
  EXPECT_EQ(last.actor, "test:captain");
}

// The leave ledger (issue 6): rows are appended with their audit records and
// read back exactly; a bad employee or a non-balance type writes nothing.
TEST_P(StorageTest, LeaveLedgerEntriesAreAppendedAuditedAndReadBack) {
  namespace lv = timeoff::leave;
  store_small_org();
  const org::EmployeeId emp = db_->load_org()->employees.front().id;
  std::vector<lv::LedgerEntry> entries{
      {0, emp, lv::LeaveType::kVacation, lv::LeaveType::kVacation, Date::from_ymd(2026, 1, 13), 480,
       lv::EntryKind::kAccrual, "pay-period 2026-01-13", "accrued"},
      {0, emp, lv::LeaveType::kSick, lv::LeaveType::kFamilyMedical, Date::from_ymd(2026, 2, 2),
       -600, lv::EntryKind::kUsage, "request 7", "FML charged to sick"}};
  {
    auto tx = db_->begin("test:payroll");
    std::vector<lv::LedgerEntry> bad = entries;
    bad[1].employee = 999999;
    EXPECT_EQ((*tx)->insert_ledger_entries(bad).code(), StatusCode::kNotFound);
  }
  {
    auto tx = db_->begin("test:payroll");
    std::vector<lv::LedgerEntry> not_bank = entries;
    not_bank[0].bank = lv::LeaveType::kJuryDuty;
    EXPECT_EQ((*tx)->insert_ledger_entries(not_bank).code(), StatusCode::kInvalidArgument);
  }
  EXPECT_TRUE(db_->ledger_entries(std::nullopt)->empty());
  {
    auto tx = db_->begin("test:payroll");
    ASSERT_TRUE((*tx)->insert_ledger_entries(entries).is_ok());
    ASSERT_TRUE((*tx)->commit().is_ok());
  }
  EXPECT_GT(entries[0].id, 0);
  auto back = db_->ledger_entries(emp);
  ASSERT_TRUE(back.is_ok()) << back.status().to_string();
  ASSERT_EQ(back->size(), 2u);
  EXPECT_EQ((*back)[1].taken_as, lv::LeaveType::kFamilyMedical);
  EXPECT_EQ((*back)[1].minutes, -600);
  EXPECT_EQ((*back)[1].kind, lv::EntryKind::kUsage);
  EXPECT_EQ((*back)[0].source, "pay-period 2026-01-13");
  EXPECT_EQ(lv::balance(*back, lv::LeaveType::kVacation, Date::from_ymd(2026, 1, 12)), 0);
  EXPECT_EQ(lv::balance(*back, lv::LeaveType::kVacation, Date::from_ymd(2026, 1, 13)), 480);
  const auto audit = db_->audit_records().value();
  EXPECT_EQ(audit.back().entity, "leave_ledger");
  EXPECT_EQ(audit.back().actor, "test:payroll");
}

INSTANTIATE_TEST_SUITE_P(Engines, StorageTest, ::testing::ValuesIn(testing::test_engines()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace rollcall
