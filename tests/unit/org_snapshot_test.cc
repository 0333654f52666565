// Snapshot queries not covered by the chain-of-command scenarios.
#include "domain/org/org_snapshot.h"

#include <gtest/gtest.h>

namespace rollcall::org {
namespace {

Date d(const char* s) { return Date::parse(s).value(); }

OrgData small_org() {
  OrgData o;
  o.units = {{1, "SPD", "Police", UnitKind::kDepartment, std::nullopt},
             {2, "NORTH", "North", UnitKind::kPrecinct, 1},
             {3, "N1", "North 1st watch", UnitKind::kWatch, 2},
             {4, "N1A", "Squad A", UnitKind::kSquad, 3},
             {5, "N1B", "Squad B", UnitKind::kSquad, 3}};
  for (EmployeeId id = 1; id <= 5; ++id) {
    Employee e;
    e.id = id;
    e.serial = std::to_string(1000 + id);
    e.last_name = "E" + e.serial;
    e.rank = "officer";
    e.hire_date = d("2010-01-01");
    o.employees.push_back(e);
  }
  o.assignments = {{1, 1, 4, AssignmentRole::kMember, false, {d("2010-01-01"), std::nullopt}},
                   {2, 2, 4, AssignmentRole::kMember, false, {d("2010-01-01"), std::nullopt}},
                   {3, 3, 5, AssignmentRole::kMember, false, {d("2010-01-01"), d("2020-01-01")}},
                   {4, 4, 4, AssignmentRole::kSupervisor, false, {d("2010-01-01"), std::nullopt}}};
  o.roles = {{1, 5, SpecialRole::kPayroll, {d("2020-01-01"), d("2021-01-01")}},
             {2, 5, SpecialRole::kAdministrator, {d("2020-06-01"), std::nullopt}}};
  return o;
}

TEST(OrgSnapshot, LooksUpByIdCodeAndSerial) {
  const OrgSnapshot s(small_org());
  EXPECT_EQ(s.unit_by_code("N1B")->id, 5);
  EXPECT_EQ(s.unit(3)->code, "N1");
  EXPECT_EQ(s.employee_by_serial("1002")->id, 2);
  EXPECT_EQ(s.unit_by_code("nope"), nullptr);
  EXPECT_EQ(s.employee(99), nullptr);
  EXPECT_EQ(s.children(3), (std::vector<UnitId>{4, 5}));
}

TEST(OrgSnapshot, MembersOfUnitAndSubtreeOnADate) {
  const OrgSnapshot s(small_org());
  EXPECT_EQ(s.members_of(4, d("2015-01-01"), false), (std::vector<EmployeeId>{1, 2}));
  EXPECT_EQ(s.members_of(3, d("2015-01-01"), false), std::vector<EmployeeId>{});
  EXPECT_EQ(s.members_of(3, d("2015-01-01"), true), (std::vector<EmployeeId>{1, 2, 3}));
  EXPECT_EQ(s.members_of(3, d("2020-01-01"), true), (std::vector<EmployeeId>{1, 2}));
}

TEST(OrgSnapshot, ChainOfUnknownEmployeeIsNotFound) {
  const OrgSnapshot s(small_org());
  EXPECT_EQ(s.chain_of(42, d("2015-01-01")).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(s.chain_of(5, d("2015-01-01")).status().code(), StatusCode::kFailedPrecondition);
}

TEST(OrgSnapshot, ChainListsEveryLevelNearestFirst) {
  const OrgSnapshot s(small_org());
  auto c = s.chain_of(1, d("2015-01-01"));
  ASSERT_TRUE(c.is_ok());
  ASSERT_EQ(c->links.size(), 4u);
  EXPECT_EQ(c->links[0].unit, 4);
  EXPECT_EQ(c->links[0].title(), "sergeant/supervisor");
  EXPECT_EQ(c->links[1].title(), "lieutenant");
  EXPECT_EQ(c->links[2].title(), "section captain");
  EXPECT_EQ(c->links[3].title(), "chief of police");
  EXPECT_EQ(c->sergeant()->holder->employee, 4);
  EXPECT_FALSE(c->lieutenant()->holder.has_value());  // vacant
  EXPECT_FALSE(c->bureau_chief().has_value());        // no bureau level in this tree
}

TEST(OrgSnapshot, SpecialRolesAreEffectiveDated) {
  const OrgSnapshot s(small_org());
  EXPECT_TRUE(s.roles_on(5, d("2019-12-31")).empty());
  EXPECT_EQ(s.roles_on(5, d("2020-01-01")), std::vector<SpecialRole>{SpecialRole::kPayroll});
  EXPECT_EQ(s.roles_on(5, d("2020-07-01")),
            (std::vector<SpecialRole>{SpecialRole::kPayroll, SpecialRole::kAdministrator}));
  EXPECT_EQ(s.roles_on(5, d("2021-01-01")), std::vector<SpecialRole>{SpecialRole::kAdministrator});
}

TEST(OrgTypes, EnumsRoundTripThroughTheirStoredText) {
  for (auto k : {UnitKind::kDepartment, UnitKind::kBureau, UnitKind::kPrecinct, UnitKind::kSection,
                 UnitKind::kWatch, UnitKind::kSquad, UnitKind::kUnit}) {
    EXPECT_EQ(parse_unit_kind(to_string(k)), k);
  }
  for (auto k : {ScheduleType::k4_2, ScheduleType::k5_8, ScheduleType::k9_80, ScheduleType::k4_10,
                 ScheduleType::k24Hour}) {
    EXPECT_EQ(parse_schedule(to_string(k)), k);
  }
  EXPECT_EQ(to_string(ScheduleType::k24Hour), "24-hour");
  EXPECT_FALSE(parse_schedule("4/2").has_value());
  EXPECT_EQ(parse_special_role("pm-coordinator"), SpecialRole::kPerformanceMentoringCoordinator);
  EXPECT_EQ(schedule_choices(), "4-2|5-8|9-80|4-10|24-hour");
}

}  // namespace
}  // namespace rollcall::org
