// 3.070-POL-5: precinct statistics on a small hand-made department whose
// answers are worked out by hand below.
#include "domain/pmp/plan/precinct_statistics.h"

#include <gtest/gtest.h>

namespace rollcall::pmp::plan {
namespace {

using org::AssignmentRole;
using org::EmployeeId;
using org::UnitKind;

Date d(const char* s) { return Date::parse(s).value(); }

// Department 1 with two precincts:
//   NORTH (2) → watch N1 (3) → squad N1A (4, Sgt 40) and squad N1B (5, Sgt 50)
//   SOUTH (6) → watch S1 (7) → squad S1A (8, Sgt 60)
// Officers 1, 2, 3 in N1A; 4 in N1B; 5 in N1A until 2026-03-15, N1B from 03-16;
// 6, 7, 8, 9 in S1A; 10 joins S1A only on 2026-04-01 (after the period).
org::OrgSnapshot department() {
  org::OrgData o;
  o.units = {{1, "SPD", "Police", UnitKind::kDepartment, std::nullopt},
             {2, "NORTH", "North", UnitKind::kPrecinct, 1},
             {3, "N1", "North 1st", UnitKind::kWatch, 2},
             {4, "N1A", "Squad A", UnitKind::kSquad, 3},
             {5, "N1B", "Squad B", UnitKind::kSquad, 3},
             {6, "SOUTH", "South", UnitKind::kPrecinct, 1},
             {7, "S1", "South 1st", UnitKind::kWatch, 6},
             {8, "S1A", "Squad A", UnitKind::kSquad, 7}};
  for (EmployeeId id : {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 40, 50, 60}) {
    org::Employee e;
    e.id = id;
    e.serial = std::to_string(1000 + id);
    e.hire_date = d("2010-01-01");
    o.employees.push_back(e);
  }
  const DateSpan always{d("2010-01-01"), std::nullopt};
  std::int64_t n = 0;
  auto member = [&](EmployeeId e, org::UnitId u, DateSpan span) {
    o.assignments.push_back({++n, e, u, AssignmentRole::kMember, false, span});
  };
  for (EmployeeId e : {1, 2, 3}) member(e, 4, always);
  member(4, 5, always);
  member(5, 4, {d("2010-01-01"), d("2026-03-16")});
  member(5, 5, {d("2026-03-16"), std::nullopt});
  for (EmployeeId e : {6, 7, 8, 9}) member(e, 8, always);
  member(10, 8, {d("2026-04-01"), std::nullopt});
  o.assignments.push_back({++n, 40, 4, AssignmentRole::kSupervisor, false, always});
  o.assignments.push_back({++n, 50, 5, AssignmentRole::kSupervisor, false, always});
  o.assignments.push_back({++n, 60, 8, AssignmentRole::kSupervisor, false, always});
  return org::OrgSnapshot(std::move(o));
}

IndicatorEvent force(std::int64_t id, EmployeeId e, const char* on, std::optional<ForceType> t,
                     bool firearm = false) {
  IndicatorEvent x;
  x.id = id;
  x.employee = e;
  x.kind = EventKind::kUseOfForce;
  x.date = d(on);
  x.force_type = t;
  x.firearm_discharge = firearm;
  return x;
}

IndicatorEvent complaint(std::int64_t id, EmployeeId e, const char* on, ComplaintSource src,
                         bool open, std::string disposition = "") {
  IndicatorEvent x;
  x.id = id;
  x.employee = e;
  x.kind = EventKind::kComplaint;
  x.date = d(on);
  x.complaint_source = src;
  x.complaint_open = open;
  x.disposition = std::move(disposition);
  return x;
}

std::vector<IndicatorEvent> events() {
  std::vector<IndicatorEvent> v{
      force(1, 1, "2026-03-02", ForceType::kII),         // NORTH: II
      force(2, 2, "2026-03-03", ForceType::kIII, true),  // NORTH: III, a firearms discharge
      force(3, 6, "2026-03-04", ForceType::kI),          // SOUTH: I
      force(4, 7, "2026-03-05", std::nullopt),           // SOUTH: undesignated
      force(5, 3, "2026-02-28", ForceType::kII),         // before the period: left out
      complaint(6, 1, "2026-03-06", ComplaintSource::kOpa, true),                     // N open
      complaint(7, 4, "2026-03-07", ComplaintSource::kOpa, false, "sustained"),       // N
      complaint(8, 5, "2026-03-20", ComplaintSource::kOpa, false),                    // N closed
      complaint(9, 6, "2026-03-08", ComplaintSource::kEeo, true),                     // EEO: out
      complaint(10, 8, "2026-03-09", ComplaintSource::kOpa, false, "not-sustained"),  // S
      force(11, 9, "2026-03-10", ForceType::kII),   // withdrawn below: left out
      force(13, 10, "2026-03-12", ForceType::kII),  // officer 10 is nowhere yet: unplaced
  };
  v[10].withdrawn = true;
  IndicatorEvent pursuit;  // not a §5 statistic
  pursuit.id = 12;
  pursuit.employee = 2;
  pursuit.kind = EventKind::kPursuit;
  pursuit.date = d("2026-03-11");
  v.push_back(pursuit);
  return v;
}

// Reviews opened, and whose they are:
//   1 on 03-05, 2 on 03-10, 1 again on 03-20, 5 on 03-10  → Sgt 40 (NORTH): 4
//   5 on 03-25 (after the move)                            → Sgt 50 (NORTH): 1
//   6 on 03-12                                             → Sgt 60 (SOUTH): 1
//   9 on 02-20: before the period; 10 on 03-15: unplaced.
std::vector<ReviewOpened> reviews() {
  return {{1, d("2026-03-05")}, {2, d("2026-03-10")}, {1, d("2026-03-20")}, {5, d("2026-03-10")},
          {5, d("2026-03-25")}, {6, d("2026-03-12")}, {9, d("2026-02-20")}, {10, d("2026-03-15")}};
}

const std::vector<EmployeeId> kOfficers{1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

Result<PrecinctReport> run(const FrequencyRules& rules) {
  static const org::OrgSnapshot org = department();
  return precinct_statistics(
      d("2026-03-01"), d("2026-03-31"), events(), reviews(), kOfficers,
      [](EmployeeId e, Date on) { return placement_on(org, e, on); }, rules);
}

TEST(PrecinctStatistics, UsesOfForceAndOpaComplaintsPerPrecinct) {
  auto r = run({});
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  ASSERT_EQ(r->precincts.size(), 2u);
  const PrecinctStatistics& north = r->precincts[0];
  const PrecinctStatistics& south = r->precincts[1];
  EXPECT_EQ(north.precinct, 2);
  EXPECT_EQ(south.precinct, 6);
  // NORTH: events 1 (II) and 2 (III, firearm); event 5 is before the period.
  EXPECT_EQ(north.uses_of_force, 2);
  EXPECT_EQ(north.uses_of_force_by_type, (std::map<std::string, int>{{"II", 1}, {"III", 1}}));
  EXPECT_EQ(north.firearm_discharges, 1);
  // SOUTH: 3 (I) and 4 (not designated); 11 is withdrawn.
  EXPECT_EQ(south.uses_of_force, 2);
  EXPECT_EQ(south.uses_of_force_by_type,
            (std::map<std::string, int>{{"I", 1}, {"undesignated", 1}}));
  EXPECT_EQ(south.firearm_discharges, 0);
  // NORTH OPA: 6 open, 7 sustained, 8 closed without a recorded disposition
  // (officer 5 had moved to N1B, still NORTH). SOUTH: 10 not sustained; 9 is EEO.
  EXPECT_EQ(north.opa_complaints, 3);
  EXPECT_EQ(north.opa_dispositions,
            (std::map<std::string, int>{{"open", 1}, {"sustained", 1}, {"closed", 1}}));
  EXPECT_EQ(south.opa_complaints, 1);
  EXPECT_EQ(south.opa_dispositions, (std::map<std::string, int>{{"not-sustained", 1}}));
  // Unplaced: event 13 and the review of officer 10.
  EXPECT_EQ(r->unplaced, 2);
}

TEST(PrecinctStatistics, OfficersWhoTriggeredReviews) {
  auto r = run({});
  ASSERT_TRUE(r.is_ok());
  // NORTH: officers 1 (twice), 2 and 5 (twice) → 3 officers, 5 reviews.
  EXPECT_EQ(r->precincts[0].officers_with_reviews, 3);
  EXPECT_EQ(r->precincts[0].reviews, 5);
  // SOUTH: officer 6 → 1 officer, 1 review (9's is before the period).
  EXPECT_EQ(r->precincts[1].officers_with_reviews, 1);
  EXPECT_EQ(r->precincts[1].reviews, 1);
}

TEST(PrecinctStatistics, ReviewFrequencyBySupervisor) {
  auto r = run({});
  ASSERT_TRUE(r.is_ok());
  // Officers assigned: Sgt 40 {1, 2, 3, 5} = 4; Sgt 50 {4, 5} = 2 (5 moved
  // mid-month and counts for both); Sgt 60 {6, 7, 8, 9} = 4 (10 only from April).
  // Reviews: 40 → 4, 50 → 1, 60 → 1. Department: 6 reviews / 10 assignments = 0.6.
  EXPECT_DOUBLE_EQ(r->department_rate, 0.6);
  const auto& n = r->precincts[0].supervisors;
  ASSERT_EQ(n.size(), 2u);
  EXPECT_EQ(n[0].sergeant, 40);
  EXPECT_EQ(n[0].officers, 4);
  EXPECT_EQ(n[0].reviews, 4);
  EXPECT_DOUBLE_EQ(n[0].rate, 1.0);
  EXPECT_EQ(n[1].sergeant, 50);
  EXPECT_EQ(n[1].officers, 2);
  EXPECT_EQ(n[1].reviews, 1);
  EXPECT_DOUBLE_EQ(n[1].rate, 0.5);
  const auto& s = r->precincts[1].supervisors;
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].sergeant, 60);
  EXPECT_EQ(s[0].officers, 4);
  EXPECT_EQ(s[0].reviews, 1);
  EXPECT_DOUBLE_EQ(s[0].rate, 0.25);
  // Default multiple 2.0: the bar is 1.2; nobody is above it.
  EXPECT_FALSE(n[0].flagged);
  EXPECT_FALSE(n[1].flagged);
  EXPECT_FALSE(s[0].flagged);
}

TEST(PrecinctStatistics, FlagsSupervisorsAboveTheMultiple) {
  // 1.5 × 0.6 = 0.9: Sgt 40 (1.0, 4 reviews) is flagged; 50 (0.5) and 60 (0.25) are not.
  auto r = run({1.5, 2});
  ASSERT_TRUE(r.is_ok());
  EXPECT_TRUE(r->precincts[0].supervisors[0].flagged);
  EXPECT_FALSE(r->precincts[0].supervisors[1].flagged);
  EXPECT_FALSE(r->precincts[1].supervisors[0].flagged);
  // 0.5 × 0.6 = 0.3: Sgt 50's 0.5 is above, but one review is below the minimum of 2.
  r = run({0.5, 2});
  ASSERT_TRUE(r.is_ok());
  EXPECT_TRUE(r->precincts[0].supervisors[0].flagged);
  EXPECT_FALSE(r->precincts[0].supervisors[1].flagged);
  EXPECT_FALSE(r->precincts[1].supervisors[0].flagged);
  // With a minimum of 1, Sgt 50 is flagged too.
  r = run({0.5, 1});
  ASSERT_TRUE(r.is_ok());
  EXPECT_TRUE(r->precincts[0].supervisors[1].flagged);
}

TEST(PrecinctStatistics, RefusesABackwardPeriodOrAZeroMultiple) {
  const auto none = [](EmployeeId, Date) -> std::optional<Placement> { return std::nullopt; };
  EXPECT_EQ(precinct_statistics(d("2026-03-31"), d("2026-03-01"), {}, {}, {}, none).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(precinct_statistics(d("2026-03-01"), d("2026-03-31"), {}, {}, {}, none, {0.0, 1})
                .status()
                .code(),
            StatusCode::kInvalidArgument);
  auto empty = precinct_statistics(d("2026-03-01"), d("2026-03-01"), {}, {}, {}, none);
  ASSERT_TRUE(empty.is_ok());
  EXPECT_TRUE(empty->precincts.empty());
  EXPECT_DOUBLE_EQ(empty->department_rate, 0.0);
}

TEST(PrecinctStatistics, PlacementFromTheOrganisation) {
  const org::OrgSnapshot org = department();
  auto p = placement_on(org, 5, d("2026-03-15"));
  ASSERT_TRUE(p);
  EXPECT_EQ(p->precinct, 2);
  EXPECT_EQ(p->sergeant, 40);
  p = placement_on(org, 5, d("2026-03-16"));
  ASSERT_TRUE(p);
  EXPECT_EQ(p->sergeant, 50);
  EXPECT_FALSE(placement_on(org, 10, d("2026-03-31")));  // not assigned yet
  EXPECT_FALSE(placement_on(org, 99, d("2026-03-31")));  // unknown
}

}  // namespace
}  // namespace rollcall::pmp::plan
