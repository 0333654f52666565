#include "domain/org/org_validation.h"

#include <gtest/gtest.h>

namespace rollcall::org {
namespace {

Date d(const char* s) { return Date::parse(s).value(); }

bool has(const std::vector<OrgProblem>& ps, Collection c, std::size_t index, const char* field,
         const char* text) {
  for (const auto& p : ps) {
    if (p.collection == c && p.index == index && p.field == field &&
        p.message.find(text) != std::string::npos) {
      return true;
    }
  }
  return false;
}

TEST(OrgValidation, ReportsEveryProblemWithItsRecordAndField) {
  OrgData o;
  o.units = {{1, "A", "A", UnitKind::kSection, 2},
             {2, "B", "B", UnitKind::kSection, 1},  // A <-> B cycle
             {3, "A", "dup", UnitKind::kUnit, std::nullopt},
             {4, "C", "C", UnitKind::kUnit, 99}};
  Employee e;
  e.id = 1;
  e.serial = "7";
  e.last_name = "X";
  e.hire_date = d("2020-01-01");
  o.employees = {e, e};
  o.employees[1].id = 2;
  o.assignments = {{1, 1, 1, AssignmentRole::kMember, false, {d("2020-01-01"), std::nullopt}},
                   {2, 42, 1, AssignmentRole::kSupervisor, false, {d("2020-01-01"), std::nullopt}},
                   {3, 1, 77, AssignmentRole::kMember, false, {d("2019-01-01"), d("2019-06-01")}}};
  const auto ps = validate(o);
  EXPECT_TRUE(has(ps, Collection::kUnits, 0, "parent", "cycle"));
  EXPECT_TRUE(has(ps, Collection::kUnits, 1, "parent", "cycle"));
  EXPECT_TRUE(has(ps, Collection::kUnits, 2, "code", "duplicate unit code 'A'"));
  EXPECT_TRUE(has(ps, Collection::kUnits, 3, "parent", "parent unit does not exist"));
  EXPECT_TRUE(has(ps, Collection::kEmployees, 1, "serial", "duplicate serial '7'"));
  EXPECT_TRUE(has(ps, Collection::kAssignments, 1, "serial", "employee does not exist"));
  EXPECT_TRUE(has(ps, Collection::kAssignments, 2, "unit", "unit does not exist"));
  EXPECT_TRUE(has(ps, Collection::kAssignments, 2, "start", "before the hire date"));
}

TEST(OrgValidation, BackToBackAssignmentsAreValid) {
  OrgData o;
  o.units = {{1, "A", "A", UnitKind::kUnit, std::nullopt},
             {2, "B", "B", UnitKind::kUnit, std::nullopt}};
  Employee e;
  e.id = 1;
  e.serial = "7";
  e.last_name = "X";
  e.hire_date = d("2020-01-01");
  o.employees = {e};
  o.assignments = {
      {1, 1, 1, AssignmentRole::kMember, false, {d("2020-01-01"), d("2021-01-01")}},
      {2, 1, 2, AssignmentRole::kMember, false, {d("2021-01-01"), std::nullopt}},
      // an acting and a permanent holder may overlap; two acting may not
      {3, 1, 1, AssignmentRole::kSupervisor, true, {d("2020-03-01"), d("2020-04-01")}}};
  EXPECT_TRUE(validate(o).empty());
}

}  // namespace
}  // namespace rollcall::org
