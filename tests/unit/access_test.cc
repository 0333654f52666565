// The authorisation rules: roles from positions on the day, scope from the
// chain of command on the day, PMP confidentiality.
#include "domain/access/access.h"

#include <gtest/gtest.h>

#include "app/demo/demo_department.h"

namespace rollcall::access {
namespace {

using org::AssignmentRole;
using org::UnitKind;

Date d(const char* s) { return Date::parse(s).value(); }

// Watch W with squads A and B. Ids: 1 lieutenant, 2 sergeant A, 3 sergeant B,
// 4 officer in A, 5 officer in B, 6 coordinator, 7 committee member,
// 8 administrator, 9 officer in A acting as sergeant of B in March 2026,
// 10 officer separated at the end of 2025.
org::OrgSnapshot small_org() {
  org::OrgData o;
  o.units = {{1, "SPD", "SPD", UnitKind::kDepartment, std::nullopt},
             {2, "W", "Watch", UnitKind::kWatch, 1},
             {3, "A", "Squad A", UnitKind::kSquad, 2},
             {4, "B", "Squad B", UnitKind::kSquad, 2},
             {5, "HR", "HR", UnitKind::kSection, 1}};
  for (org::EmployeeId id = 1; id <= 10; ++id) {
    org::Employee e;
    e.id = id;
    e.serial = std::to_string(100 + id);
    e.last_name = "E" + e.serial;
    e.rank = "officer";
    e.hire_date = d("2010-01-01");
    o.employees.push_back(e);
  }
  const DateSpan always{d("2010-01-01"), std::nullopt};
  o.assignments = {
      {1, 1, 2, AssignmentRole::kSupervisor, false, always},
      {2, 2, 3, AssignmentRole::kSupervisor, false, always},
      {3, 3, 4, AssignmentRole::kSupervisor, false, always},
      {4, 4, 3, AssignmentRole::kMember, false, always},
      {5, 5, 4, AssignmentRole::kMember, false, always},
      {6, 6, 5, AssignmentRole::kMember, false, always},
      {7, 7, 5, AssignmentRole::kMember, false, always},
      {8, 8, 5, AssignmentRole::kMember, false, always},
      {9, 9, 3, AssignmentRole::kMember, false, always},
      {10, 9, 4, AssignmentRole::kSupervisor, true, {d("2026-03-01"), d("2026-04-01")}},
      {11, 10, 3, AssignmentRole::kMember, false, {d("2010-01-01"), d("2026-01-01")}},
  };
  o.statuses = {{1, 10, org::EmployeeStatus::kSeparated, {d("2026-01-01"), std::nullopt}}};
  o.roles = {{1, 6, org::SpecialRole::kPerformanceMentoringCoordinator, always},
             {2, 7, org::SpecialRole::kPmpCommittee, always},
             {3, 8, org::SpecialRole::kAdministrator, always}};
  return org::OrgSnapshot(std::move(o));
}

bool can(const org::OrgSnapshot& s, org::EmployeeId caller, Action a, Resource r,
         std::optional<org::EmployeeId> subject, const char* on = "2026-06-01") {
  return authorize(s, caller, a, r, subject, d(on)).allowed;
}

TEST(Access, RolesComeFromPositionsAndGrantsOnTheDay) {
  const auto s = small_org();
  EXPECT_EQ(roles_on(s, 2, d("2026-06-01")),
            (std::vector<Role>{Role::kEmployee, Role::kSupervisor}));
  EXPECT_EQ(roles_on(s, 1, d("2026-06-01")),
            (std::vector<Role>{Role::kEmployee, Role::kLieutenant}));
  EXPECT_EQ(roles_on(s, 6, d("2026-06-01")),
            (std::vector<Role>{Role::kEmployee, Role::kCoordinator}));
  EXPECT_EQ(roles_on(s, 9, d("2026-03-15")),
            (std::vector<Role>{Role::kEmployee, Role::kSupervisor}));
  EXPECT_EQ(roles_on(s, 9, d("2026-04-01")), std::vector<Role>{Role::kEmployee});
  EXPECT_TRUE(roles_on(s, 10, d("2026-01-01")).empty());
}

// The matrix: who may read officer 4's (squad A) and officer 5's (squad B) PMP record.
TEST(Access, PmpRecordsAreConfidentialToTheChainTheCoordinatorAndTheEmployee) {
  const auto s = small_org();
  struct Row {
    org::EmployeeId caller;
    bool squad_a;
    bool squad_b;
  };
  for (const Row& row : {Row{1, true, true},                       // lieutenant of both squads
                         Row{2, true, false},                      // sergeant A: never squad B
                         Row{3, false, true},                      // sergeant B: never squad A
                         Row{4, true, false},                      // officer: own plan only
                         Row{5, false, true}, Row{6, true, true},  // Coordinator
                         Row{7, false, false},                     // Committee: aggregates only
                         Row{8, false, false},                     // administrator: not PMP content
                         Row{10, false, false}}) {                 // separated
    EXPECT_EQ(can(s, row.caller, Action::kRead, Resource::kPmpRecord, 4), row.squad_a)
        << "caller " << row.caller;
    EXPECT_EQ(can(s, row.caller, Action::kRead, Resource::kPmpRecord, 5), row.squad_b)
        << "caller " << row.caller;
  }
  EXPECT_FALSE(can(s, 4, Action::kWrite, Resource::kPmpRecord, 4));  // reads own plan only
  EXPECT_TRUE(can(s, 2, Action::kWrite, Resource::kPmpRecord, 4));
  EXPECT_FALSE(can(s, 2, Action::kWrite, Resource::kPmpRecord, 5));
}

TEST(Access, ScopeFollowsTheDayIncludingActingAssignments) {
  const auto s = small_org();
  // Officer 9 acts as sergeant of squad B in March 2026 only; sergeant 3 is
  // displaced those days.
  EXPECT_TRUE(can(s, 9, Action::kRead, Resource::kPmpRecord, 5, "2026-03-15"));
  EXPECT_FALSE(can(s, 9, Action::kRead, Resource::kPmpRecord, 5, "2026-04-01"));
  EXPECT_FALSE(can(s, 3, Action::kRead, Resource::kPmpRecord, 5, "2026-03-15"));
  EXPECT_TRUE(can(s, 3, Action::kRead, Resource::kPmpRecord, 5, "2026-04-01"));
}

TEST(Access, AggregatesThresholdsRecordsAndAudit) {
  const auto s = small_org();
  EXPECT_TRUE(can(s, 7, Action::kRead, Resource::kPmpAggregate, std::nullopt));
  EXPECT_FALSE(can(s, 4, Action::kRead, Resource::kPmpAggregate, std::nullopt));
  EXPECT_TRUE(can(s, 7, Action::kRead, Resource::kThresholds, std::nullopt));
  EXPECT_FALSE(can(s, 7, Action::kWrite, Resource::kThresholds, std::nullopt));
  EXPECT_TRUE(can(s, 6, Action::kWrite, Resource::kThresholds, std::nullopt));
  EXPECT_TRUE(can(s, 4, Action::kRead, Resource::kEmployeeRecord, 4));
  EXPECT_FALSE(can(s, 4, Action::kRead, Resource::kEmployeeRecord, 5));
  EXPECT_FALSE(can(s, 2, Action::kRead, Resource::kEmployeeRecord, 5));
  EXPECT_TRUE(can(s, 8, Action::kRead, Resource::kAuditLog, std::nullopt));
  EXPECT_FALSE(can(s, 8, Action::kWrite, Resource::kAuditLog, std::nullopt));
  EXPECT_FALSE(can(s, 1, Action::kRead, Resource::kAuditLog, std::nullopt));
  EXPECT_TRUE(can(s, 5, Action::kRead, Resource::kOrgDirectory, std::nullopt));
  EXPECT_FALSE(can(s, 5, Action::kWrite, Resource::kOrgDirectory, std::nullopt));
  EXPECT_FALSE(can(s, 99, Action::kRead, Resource::kOrgDirectory, std::nullopt));
  EXPECT_FALSE(can(s, 2, Action::kRead, Resource::kPmpRecord, 99));
  EXPECT_NE(authorize(s, 2, Action::kRead, Resource::kPmpRecord, 5, d("2026-06-01"))
                .reason.find("confidential"),
            std::string::npos);
}

// Across the whole demo department: no squad sergeant may read the PMP record
// of anyone in another squad, and each may read every member of their own.
TEST(Access, InTheDemoDepartmentNoSergeantSeesAnotherSquad) {
  app::DemoOptions options;
  options.today = d("2026-11-01");
  const org::OrgSnapshot s(app::build_demo_department(options));
  std::vector<std::pair<org::EmployeeId, std::vector<org::EmployeeId>>> squads;
  for (const auto& u : s.data().units) {
    if (u.kind != UnitKind::kSquad) continue;
    auto holder = s.holder_on(u.id, options.today);
    if (!holder) continue;
    squads.emplace_back(holder->employee, s.members_of(u.id, options.today, false));
  }
  ASSERT_GT(squads.size(), 100u);
  std::size_t checks = 0;
  for (std::size_t i = 0; i < squads.size(); ++i) {
    const auto& [sergeant, own] = squads[i];
    for (org::EmployeeId m : own) {
      EXPECT_TRUE(
          authorize(s, sergeant, Action::kRead, Resource::kPmpRecord, m, options.today).allowed);
    }
    const auto& other = squads[(i + 1) % squads.size()].second;
    for (org::EmployeeId m : other) {
      if (s.in_chain_of(sergeant, m, options.today)) continue;  // also leads that unit's parent
      EXPECT_FALSE(
          authorize(s, sergeant, Action::kRead, Resource::kPmpRecord, m, options.today).allowed)
          << "sergeant " << s.employee(sergeant)->serial << " employee " << s.employee(m)->serial;
      ++checks;
    }
  }
  EXPECT_GT(checks, 1000u);
}

}  // namespace
}  // namespace rollcall::access
