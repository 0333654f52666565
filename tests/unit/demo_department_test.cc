#include "app/demo/demo_department.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/org/org_snapshot.h"
#include "domain/org/org_validation.h"

namespace rollcall::app {
namespace {

using org::AssignmentRole;
using org::Category;
using org::EmployeeId;
using org::EmployeeStatus;
using org::OrgData;
using org::OrgSnapshot;
using org::SpecialRole;
using org::UnitId;
using org::UnitKind;

const Date kToday = Date::from_ymd(2026, 3, 1);
const Date kHistoryStart = kToday.minus_months(120);

OrgData build(std::uint64_t seed) {
  DemoOptions options;
  options.seed = seed;
  options.today = kToday;
  options.years_of_history = 10;
  return build_demo_department(options);
}

// Built once: the department for seed 1 and its snapshot.
const OrgData& demo() {
  static const OrgData data = build(1);
  return data;
}

const OrgSnapshot& snapshot() {
  static const OrgSnapshot snap(demo());
  return snap;
}

bool employed_on(EmployeeId e, Date d) {
  const auto status = snapshot().status_on(e, d);
  return status && *status != EmployeeStatus::kSeparated;
}

std::vector<const org::Employee*> current_employees() {
  std::vector<const org::Employee*> out;
  for (const auto& e : demo().employees) {
    if (employed_on(e.id, kToday)) out.push_back(&e);
  }
  return out;
}

const org::Unit* unit_by_code(std::string_view code) { return snapshot().unit_by_code(code); }

// Every field of every row, in order: equal strings mean equal data.
std::string fingerprint(const OrgData& d) {
  std::string s;
  auto span = [](const DateSpan& x) {
    return x.start.to_string() + ".." + (x.end_exclusive ? x.end_exclusive->to_string() : "");
  };
  for (const auto& u : d.units) {
    s += std::to_string(u.id) + u.code + u.name + std::string(to_string(u.kind)) +
         (u.parent ? std::to_string(*u.parent) : "-") + ";";
  }
  for (const auto& e : d.employees) {
    s += std::to_string(e.id) + e.serial + e.last_name + e.first_name +
         std::string(to_string(e.category)) + e.rank + e.bargaining_unit +
         std::string(to_string(e.schedule)) + e.hire_date.to_string() + ";";
  }
  for (const auto& a : d.assignments) {
    s += std::to_string(a.id) + "/" + std::to_string(a.employee) + "/" + std::to_string(a.unit) +
         std::string(to_string(a.role)) + (a.acting ? "A" : "P") + span(a.span) + ";";
  }
  for (const auto& x : d.statuses) {
    s += std::to_string(x.id) + "/" + std::to_string(x.employee) +
         std::string(to_string(x.status)) + span(x.span) + ";";
  }
  for (const auto& r : d.roles) {
    s += std::to_string(r.id) + "/" + std::to_string(r.employee) + std::string(to_string(r.role)) +
         span(r.span) + ";";
  }
  return s;
}

TEST(DemoDepartment, ValidatesWithoutProblemsForSeveralSeeds) {
  for (std::uint64_t seed : {1, 2, 99}) {
    const auto problems = org::validate(seed == 1 ? demo() : build(seed));
    EXPECT_TRUE(problems.empty())
        << "seed " << seed << ": " << problems.size() << " problems, first: "
        << (problems.empty() ? "" : problems.front().field + " " + problems.front().message);
  }
}

TEST(DemoDepartment, HeadcountOnTodayIsSeattleSized) {
  int sworn = 0;
  int civilian = 0;
  for (const auto* e : current_employees()) {
    (e->category == Category::kSworn ? sworn : civilian) += 1;
  }
  EXPECT_GE(sworn, 1710);
  EXPECT_LE(sworn, 1890);
  EXPECT_GE(civilian, 665);
  EXPECT_LE(civilian, 735);
  // Former employees are kept in the history.
  EXPECT_GT(demo().employees.size(), static_cast<std::size_t>(sworn + civilian));
}

TEST(DemoDepartment, SwornRankMixIsRealistic) {
  std::map<std::string, int> ranks;
  for (const auto* e : current_employees()) {
    if (e->category == Category::kSworn) ++ranks[e->rank];
  }
  EXPECT_EQ(ranks["chief of police"], 1);
  EXPECT_EQ(ranks["assistant chief"], 4);
  EXPECT_GE(ranks["captain"], 15);
  EXPECT_LE(ranks["captain"], 25);
  EXPECT_GE(ranks["lieutenant"], 45);
  EXPECT_LE(ranks["lieutenant"], 65);
  EXPECT_GE(ranks["sergeant"], 200);
  EXPECT_LE(ranks["sergeant"], 240);
  EXPECT_GE(ranks["officer"] + ranks["detective"], 1400);
  EXPECT_GT(ranks["detective"], 150);
  const std::set<std::string> known{"chief of police", "assistant chief", "captain", "lieutenant",
                                    "sergeant",        "detective",       "officer"};
  for (const auto& [rank, n] : ranks) EXPECT_TRUE(known.count(rank)) << rank;
}

TEST(DemoDepartment, HasOneRootAndFourBureaus) {
  const org::Unit* root = unit_by_code("SPD");
  ASSERT_NE(root, nullptr);
  EXPECT_EQ(root->kind, UnitKind::kDepartment);
  EXPECT_FALSE(root->parent.has_value());
  std::set<std::string> bureaus;
  int roots = 0;
  for (const auto& u : demo().units) {
    if (!u.parent) ++roots;
    if (u.kind == UnitKind::kBureau) {
      EXPECT_EQ(u.parent, root->id) << u.code;
      bureaus.insert(u.code);
    }
  }
  EXPECT_EQ(roots, 1);
  EXPECT_EQ(bureaus, (std::set<std::string>{"PATROL", "INV", "SPECOPS", "ADMIN"}));
}

TEST(DemoDepartment, HasFiveNamedPrecinctsUnderPatrolWithThreeWatchesEach) {
  const org::Unit* patrol = unit_by_code("PATROL");
  ASSERT_NE(patrol, nullptr);
  std::set<std::string> names;
  for (const auto& u : demo().units) {
    if (u.kind != UnitKind::kPrecinct) continue;
    names.insert(u.name);
    EXPECT_EQ(u.parent, patrol->id) << u.code;
    int watches = 0;
    for (UnitId child : snapshot().children(u.id)) {
      if (snapshot().unit(child)->kind == UnitKind::kWatch) ++watches;
    }
    EXPECT_EQ(watches, 3) << u.code;
  }
  EXPECT_EQ(names, (std::set<std::string>{"North Precinct", "East Precinct", "South Precinct",
                                          "West Precinct", "Southwest Precinct"}));
  const org::Unit* squad = unit_by_code("N-1W-A");
  ASSERT_NE(squad, nullptr);
  EXPECT_EQ(squad->kind, UnitKind::kSquad);
  EXPECT_EQ(squad->name, "North Precinct First Watch Squad A");
  ASSERT_NE(unit_by_code("N-1W"), nullptr);
  EXPECT_EQ(squad->parent, unit_by_code("N-1W")->id);
}

TEST(DemoDepartment, EverySquadOnTodayHasSixToTenMembersAndAHolder) {
  int squads = 0;
  for (const auto& u : demo().units) {
    if (u.kind != UnitKind::kSquad) continue;
    ++squads;
    const auto members = snapshot().members_of(u.id, kToday, false);
    EXPECT_GE(members.size(), 6u) << u.code;
    EXPECT_LE(members.size(), 10u) << u.code;
    EXPECT_TRUE(snapshot().holder_on(u.id, kToday).has_value()) << u.code;
  }
  EXPECT_GT(squads, 150);
}

TEST(DemoDepartment, SameSeedGivesIdenticalDataAndAnotherSeedDiffers) {
  const std::string first = fingerprint(demo());
  EXPECT_EQ(fingerprint(build(1)), first);
  EXPECT_NE(fingerprint(build(2)), first);
}

TEST(DemoDepartment, HistoryHasAnActingSupervisor) {
  int acting = 0;
  for (const auto& a : demo().assignments) {
    if (!a.acting) continue;
    EXPECT_EQ(a.role, AssignmentRole::kSupervisor);
    const auto holder = snapshot().holder_on(a.unit, a.span.start);
    ASSERT_TRUE(holder.has_value());
    EXPECT_TRUE(holder->acting);
    EXPECT_EQ(holder->employee, a.employee);
    // The acting holder stays a member of their own team meanwhile.
    EXPECT_TRUE(snapshot().member_assignment_on(a.employee, a.span.start).has_value());
    if (a.span.start >= kHistoryStart && a.span.start < kToday) ++acting;
  }
  EXPECT_GT(acting, 0);
}

TEST(DemoDepartment, HistoryHasAVacancy) {
  int vacancies = 0;
  for (const auto& a : demo().assignments) {
    if (a.role != AssignmentRole::kSupervisor || a.acting || !a.span.end_exclusive) continue;
    const Date gone = *a.span.end_exclusive;
    if (gone < kToday && !snapshot().holder_on(a.unit, gone)) ++vacancies;
  }
  EXPECT_GT(vacancies, 0);
}

// Pairs (earlier, later) of one employee's assignments where `later` starts
// the day `earlier` ends.
template <typename Fn>
void for_each_handover(Fn fn) {
  std::map<EmployeeId, std::vector<const org::Assignment*>> by_employee;
  for (const auto& a : demo().assignments) {
    if (!a.acting) by_employee[a.employee].push_back(&a);
  }
  for (const auto& [e, list] : by_employee) {
    for (const auto* earlier : list) {
      for (const auto* later : list) {
        if (earlier->span.end_exclusive && *earlier->span.end_exclusive == later->span.start) {
          fn(*earlier, *later);
        }
      }
    }
  }
}

TEST(DemoDepartment, HistoryHasATransferBetweenPrecinctSquads) {
  // Patrol squads hold only officers, so a squad-to-squad handover is a
  // transfer, not a promotion.
  auto precinct_of_squad = [](UnitId u) -> std::optional<UnitId> {
    const org::Unit* squad = snapshot().unit(u);
    if (squad->kind != UnitKind::kSquad) return std::nullopt;
    const org::Unit* watch = snapshot().unit(*squad->parent);
    if (watch->kind != UnitKind::kWatch) return std::nullopt;
    return watch->parent;
  };
  int within_precinct = 0;
  int across_precincts = 0;
  for_each_handover([&](const org::Assignment& from, const org::Assignment& to) {
    if (from.role != AssignmentRole::kMember || to.role != AssignmentRole::kMember) return;
    if (from.unit == to.unit || to.span.start < kHistoryStart) return;
    const auto a = precinct_of_squad(from.unit);
    const auto b = precinct_of_squad(to.unit);
    if (!a || !b) return;
    (*a == *b ? within_precinct : across_precincts) += 1;
  });
  EXPECT_GT(within_precinct, 0);
  EXPECT_GT(across_precincts, 0);
}

TEST(DemoDepartment, HistoryHasAPromotionFromSquadToSergeant) {
  int promotions = 0;
  for_each_handover([&](const org::Assignment& from, const org::Assignment& to) {
    const bool from_squad = from.role == AssignmentRole::kMember &&
                            snapshot().unit(from.unit)->kind == UnitKind::kSquad;
    if (!from_squad || to.role != AssignmentRole::kSupervisor || to.span.start < kHistoryStart) {
      return;
    }
    const std::string& rank = snapshot().employee(to.employee)->rank;
    EXPECT_NE(rank, "officer");
    EXPECT_NE(rank, "detective");
    ++promotions;
  });
  EXPECT_GT(promotions, 0);
}

TEST(DemoDepartment, HistoryHasASeparationEndingEveryAssignment) {
  int separations = 0;
  for (const auto& s : demo().statuses) {
    if (s.status != EmployeeStatus::kSeparated) continue;
    EXPECT_FALSE(s.span.end_exclusive.has_value());
    for (const auto& a : demo().assignments) {
      if (a.employee != s.employee || a.acting) continue;
      ASSERT_TRUE(a.span.end_exclusive.has_value());
      EXPECT_LE(*a.span.end_exclusive, s.span.start);
    }
    EXPECT_FALSE(snapshot().chain_of(s.employee, kToday).is_ok());
    if (s.span.start >= kHistoryStart && s.span.start < kToday) ++separations;
  }
  EXPECT_GT(separations, 0);
}

TEST(DemoDepartment, HistoryHasNewHires) {
  int new_hires = 0;
  for (const auto* e : current_employees()) {
    if (e->hire_date > kHistoryStart) {
      ++new_hires;
      const auto& a = demo().assignments;
      const bool placed = std::any_of(a.begin(), a.end(), [&](const org::Assignment& x) {
        return x.employee == e->id && x.span.start == e->hire_date;
      });
      EXPECT_TRUE(placed) << e->serial << " has no assignment from the hire date";
    }
  }
  EXPECT_GT(new_hires, 100);
}

TEST(DemoDepartment, HistoryHasExtendedAbsencesOfMembersAndOfCoveredSupervisors) {
  int members_away = 0;
  int supervisors_covered = 0;
  for (const auto& s : demo().statuses) {
    if (s.status != EmployeeStatus::kExtendedAbsence) continue;
    ASSERT_TRUE(s.span.end_exclusive.has_value());
    if (snapshot().member_assignment_on(s.employee, s.span.start)) ++members_away;
    for (UnitId u : snapshot().units_led_on(s.employee, s.span.start)) {
      const auto holder = snapshot().holder_on(u, s.span.start);
      if (holder && holder->acting && holder->employee != s.employee) ++supervisors_covered;
    }
  }
  EXPECT_GT(members_away, 0);
  EXPECT_GT(supervisors_covered, 0);
}

TEST(DemoDepartment, HireDatesSpreadOverDecadesFavouringRecentHires) {
  int last_decade = 0;
  int third_decade = 0;
  Date earliest = kToday;
  for (const auto* e : current_employees()) {
    const auto years = days_between(e->hire_date, kToday) / 365;
    if (years < 10) ++last_decade;
    if (years >= 20 && years < 30) ++third_decade;
    earliest = std::min(earliest, e->hire_date);
  }
  EXPECT_GT(last_decade, third_decade);
  EXPECT_GT(third_decade, 0);
  EXPECT_LE(earliest, kToday.minus_months(12 * 28));
}

TEST(DemoDepartment, EveryCurrentEmployeeHasAChainOfCommandWithABureauChief) {
  for (const auto* e : current_employees()) {
    const auto chain = snapshot().chain_of(e->id, kToday);
    ASSERT_TRUE(chain.is_ok()) << e->serial << ": " << chain.status().to_string();
    const UnitKind home = snapshot().unit(chain->home_unit)->kind;
    if (home == UnitKind::kDepartment) {
      EXPECT_EQ(e->rank, "chief of police");
      continue;
    }
    if (home == UnitKind::kBureau && !snapshot().units_led_on(e->id, kToday).empty()) {
      EXPECT_EQ(e->rank, "assistant chief");  // the bureau chief leads the bureau itself
      continue;
    }
    const auto chief = chain->bureau_chief();
    ASSERT_TRUE(chief.has_value()) << e->serial;
    ASSERT_TRUE(chief->holder.has_value()) << e->serial;
    EXPECT_EQ(snapshot().employee(chief->holder->employee)->rank, "assistant chief");
  }
}

TEST(DemoDepartment, CiviliansAreMostlySupervisedByCivilians) {
  int civilians = 0;
  int civilian_supervised = 0;
  for (const auto* e : current_employees()) {
    if (e->category != Category::kCivilian) continue;
    const auto chain = snapshot().chain_of(e->id, kToday);
    ASSERT_TRUE(chain.is_ok());
    const auto boss = chain->immediate_supervisor();
    ASSERT_TRUE(boss.has_value()) << e->serial;
    ++civilians;
    if (snapshot().employee(boss->employee)->category == Category::kCivilian) {
      ++civilian_supervised;
    }
  }
  EXPECT_GT(civilian_supervised * 10, civilians * 8);
}

TEST(DemoDepartment, BargainingUnitsAndSchedulesFollowRankAndPost) {
  int patrol_officers = 0;
  int on_4_2 = 0;
  for (const auto* e : current_employees()) {
    if (e->rank == "officer" || e->rank == "detective" || e->rank == "sergeant") {
      EXPECT_EQ(e->bargaining_unit, "SPOG") << e->serial;
    } else if (e->rank == "lieutenant" || e->rank == "captain") {
      EXPECT_EQ(e->bargaining_unit, "SPMA") << e->serial;
    } else if (e->rank == "dispatcher") {
      EXPECT_TRUE(e->schedule == org::ScheduleType::k24Hour ||
                  e->schedule == org::ScheduleType::k4_10)
          << e->serial;
    }
    const auto m = snapshot().member_assignment_on(e->id, kToday);
    if (e->rank == "officer" && m && snapshot().unit(m->unit)->kind == UnitKind::kSquad &&
        snapshot().unit(*snapshot().unit(m->unit)->parent)->kind == UnitKind::kWatch) {
      ++patrol_officers;
      if (e->schedule == org::ScheduleType::k4_2) ++on_4_2;
    }
  }
  EXPECT_GT(patrol_officers, 500);
  EXPECT_GT(on_4_2 * 10, patrol_officers * 8);
}

TEST(DemoDepartment, SpecialRolesAreGrantedOnToday) {
  std::map<SpecialRole, std::set<EmployeeId>> holders;
  for (const auto& g : demo().roles) {
    if (g.span.contains(kToday)) holders[g.role].insert(g.employee);
  }
  auto rank_of = [](EmployeeId e) { return snapshot().employee(e)->rank; };
  EXPECT_EQ(holders[SpecialRole::kPerformanceMentoringCoordinator].size(), 1u);
  EXPECT_EQ(holders[SpecialRole::kPmpCommittee].size(), 6u);
  EXPECT_EQ(holders[SpecialRole::kHrDirector].size(), 1u);
  EXPECT_EQ(holders[SpecialRole::kFmlCoordinator].size(), 1u);
  EXPECT_EQ(holders[SpecialRole::kGuildPresident].size(), 1u);
  EXPECT_GE(holders[SpecialRole::kPayroll].size(), 2u);
  EXPECT_GE(holders[SpecialRole::kAdministrator].size(), 1u);
  EXPECT_LE(holders[SpecialRole::kAdministrator].size(), 2u);
  for (EmployeeId e : holders[SpecialRole::kPayroll]) {
    EXPECT_EQ(snapshot().employee(e)->category, Category::kCivilian);
  }
  for (EmployeeId e : holders[SpecialRole::kGuildPresident]) {
    EXPECT_TRUE(rank_of(e) == "officer" || rank_of(e) == "sergeant") << rank_of(e);
  }
  // Policy 3.070 §3: the committee includes the operations and investigations
  // bureau chiefs and the coordinator.
  const auto& committee = holders[SpecialRole::kPmpCommittee];
  for (const char* bureau : {"PATROL", "INV"}) {
    const auto chief = snapshot().holder_on(unit_by_code(bureau)->id, kToday);
    ASSERT_TRUE(chief.has_value());
    EXPECT_TRUE(committee.count(chief->employee)) << bureau;
  }
  const auto opa = snapshot().holder_on(unit_by_code("OPA")->id, kToday);
  ASSERT_TRUE(opa.has_value());
  EXPECT_TRUE(committee.count(opa->employee));
  EXPECT_EQ(rank_of(opa->employee), "OPA director");
  for (EmployeeId e : holders[SpecialRole::kPerformanceMentoringCoordinator]) {
    EXPECT_TRUE(committee.count(e));
  }
  for (const auto& [role, people] : holders) {
    for (EmployeeId e : people) EXPECT_TRUE(employed_on(e, kToday)) << to_string(role);
  }
}

}  // namespace
}  // namespace rollcall::app
