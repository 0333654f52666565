#include "app/demo/demo_events.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "app/auth/accounts.h"
#include "app/demo/build_demo.h"
#include "app/demo/demo_accounts.h"
#include "app/demo/demo_department.h"
#include "app/pmp/replay.h"
#include "app/pmp/threshold_toml.h"
#include "app/pmp/thresholds.h"
#include "domain/access/access.h"
#include "domain/org/org_snapshot.h"
#include "security/password.h"
#include "storage/sql/sql_database.h"

namespace rollcall::app {
namespace {

using org::EmployeeId;
using org::EmployeeStatus;
using org::OrgSnapshot;
using pmp::EventKind;
using pmp::IndicatorEvent;

const Date kToday = Date::from_ymd(2026, 11, 23);
const Date kWindowStart = kToday.minus_months(36).plus_days(1);

org::OrgData department(std::uint64_t seed) {
  DemoOptions options;
  options.seed = seed;
  options.today = kToday;
  return build_demo_department(options);
}

const org::OrgData& demo() {
  static const org::OrgData data = department(1);
  return data;
}

const OrgSnapshot& snapshot() {
  static const OrgSnapshot snap(demo());
  return snap;
}

const std::vector<IndicatorEvent>& events() {
  static const std::vector<IndicatorEvent> e = generate_demo_events(demo(), kToday, 1);
  return e;
}

bool same_events(const std::vector<IndicatorEvent>& a, const std::vector<IndicatorEvent>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto& x = a[i];
    const auto& y = b[i];
    if (x.employee != y.employee || x.kind != y.kind || x.date != y.date ||
        x.incident_number != y.incident_number || x.force_type != y.force_type ||
        x.firearm_discharge != y.firearm_discharge || x.preventability != y.preventability ||
        x.ruled_on != y.ruled_on || x.complaint_source != y.complaint_source ||
        x.complaint_open != y.complaint_open || x.author != y.author || x.text != y.text ||
        x.recorded_at != y.recorded_at) {
      return false;
    }
  }
  return true;
}

bool working_on(EmployeeId e, Date d) {
  const auto status = snapshot().status_on(e, d);
  if (!status || *status != EmployeeStatus::kActive) return false;
  return snapshot().member_assignment_on(e, d) || !snapshot().units_led_on(e, d).empty();
}

// Every trigger of a replay of `evs` (ids 1..N) under the shipped defaults.
std::vector<pmp::Trigger> replay_triggers(const std::vector<IndicatorEvent>& evs) {
  auto set = parse_threshold_toml(default_thresholds_toml(), "default.toml");
  EXPECT_TRUE(set.is_ok()) << set.status().message();
  set->id = 1;
  ReplayInput in;
  in.versions = evs;
  for (std::size_t i = 0; i < in.versions.size(); ++i) {
    in.versions[i].id = static_cast<std::int64_t>(i) + 1;
  }
  in.threshold_sets = {*set};
  return replay(in).triggers();
}

const std::vector<pmp::Trigger>& triggers() {
  static const std::vector<pmp::Trigger> t = replay_triggers(events());
  return t;
}

TEST(DemoEvents, DeterministicForASeedAndDifferentBetweenSeeds) {
  EXPECT_TRUE(same_events(events(), generate_demo_events(demo(), kToday, 1)));
  EXPECT_FALSE(same_events(events(), generate_demo_events(demo(), kToday, 2)));
}

TEST(DemoEvents, SizeAndMixAreRealistic) {
  const auto& evs = events();
  EXPECT_GE(evs.size(), 8000u);
  EXPECT_LE(evs.size(), 12000u);
  std::map<EventKind, double> share;
  for (const auto& e : evs) share[e.kind] += 1.0 / static_cast<double>(evs.size());
  EXPECT_NEAR(share[EventKind::kSupervisoryRecommendation], 0.03, 0.01);
  EXPECT_NEAR(share[EventKind::kUseOfForce], 0.45, 0.03);
  EXPECT_NEAR(share[EventKind::kVehicleCollision], 0.08, 0.02);
  EXPECT_NEAR(share[EventKind::kComplaint], 0.25, 0.03);
  EXPECT_NEAR(share[EventKind::kClaim], 0.04, 0.01);
  EXPECT_NEAR(share[EventKind::kPursuit], 0.15, 0.02);

  int uses = 0, type1 = 0, type3 = 0, collisions = 0, pending = 0, opa = 0, complaints = 0,
      open = 0;
  const Date ruled_by_now = kToday.plus_days(-120);  // every ruling takes at most 120 days
  for (const auto& e : evs) {
    if (e.kind == EventKind::kUseOfForce) {
      ++uses;
      type1 += *e.force_type == pmp::ForceType::kI ? 1 : 0;
      type3 += *e.force_type == pmp::ForceType::kIII ? 1 : 0;
    }
    if (e.kind == EventKind::kVehicleCollision) {
      if (e.date < ruled_by_now) {
        ++collisions;
        pending += e.preventability == pmp::Preventability::kPending ? 1 : 0;
      }
      EXPECT_EQ(e.ruled_on.has_value(), e.preventability != pmp::Preventability::kPending);
      if (e.ruled_on) {
        EXPECT_LE(*e.ruled_on, kToday);
      }
    }
    if (e.kind == EventKind::kComplaint) {
      ++complaints;
      opa += *e.complaint_source == pmp::ComplaintSource::kOpa ? 1 : 0;
      open += e.complaint_open ? 1 : 0;
    }
    if (e.kind == EventKind::kSupervisoryRecommendation) {
      EXPECT_FALSE(e.author.empty());
      EXPECT_FALSE(e.text.empty());
    }
  }
  EXPECT_NEAR(static_cast<double>(type1) / uses, 0.80, 0.03);
  EXPECT_NEAR(static_cast<double>(type3) / uses, 0.03, 0.015);
  EXPECT_NEAR(static_cast<double>(pending) / collisions, 0.15, 0.06);
  EXPECT_NEAR(static_cast<double>(opa) / complaints, 0.80, 0.04);
  EXPECT_GT(open, 0);
  EXPECT_LT(open, complaints);

  // Heavy-tailed: most officers have few or none, a few have many.
  std::map<EmployeeId, int> per_employee;
  for (const auto& e : evs) ++per_employee[e.employee];
  std::vector<int> counts;
  for (const auto& [id, n] : per_employee) counts.push_back(n);
  std::sort(counts.rbegin(), counts.rend());
  int top10 = 0;
  for (std::size_t i = 0; i < counts.size() / 10; ++i) top10 += counts[i];
  EXPECT_GT(static_cast<double>(top10) / static_cast<double>(evs.size()), 0.35);
  EXPECT_GE(counts.front(), 40);
  EXPECT_LE(counts.front(), 150);
}

TEST(DemoEvents, EveryEventIsValidAndDatedWhenItsEmployeeWorked) {
  std::set<std::string> keys;
  for (const auto& e : events()) {
    SCOPED_TRACE(e.incident_number);
    EXPECT_TRUE(pmp::event_problems(e).empty());
    EXPECT_GE(e.date, kWindowStart);
    EXPECT_LE(e.date, kToday);
    const org::Employee* emp = snapshot().employee(e.employee);
    ASSERT_NE(emp, nullptr);
    EXPECT_EQ(emp->category, org::Category::kSworn);
    EXPECT_TRUE(working_on(e.employee, e.date)) << emp->serial << " on " << e.date.to_string();
    EXPECT_EQ(e.source_system, "demo");
    EXPECT_EQ(e.incident_number.size(), 11u);
    EXPECT_EQ(
        e.incident_number.substr(0, 4),
        std::to_string(static_cast<int>(std::chrono::year_month_day(e.date.sys_days()).year())));
    EXPECT_TRUE(keys.insert(demo_event_key(e, emp->serial)).second) << "duplicate key";
    EXPECT_LE(e.recorded_at,
              Instant(std::chrono::sys_seconds(kToday.sys_days()) + std::chrono::days(1)));
  }
}

TEST(DemoEvents, ThresholdsTriggerForAShareOfOfficersInEveryPrecinct) {
  std::set<EmployeeId> sworn_today;
  for (const auto& e : demo().employees) {
    if (e.category == org::Category::kSworn && working_on(e.id, kToday)) sworn_today.insert(e.id);
  }
  std::set<EmployeeId> ever, last_year;
  std::set<org::UnitId> precincts_with_triggers;
  for (const auto& t : triggers()) {
    if (sworn_today.count(t.employee) != 0) {
      ever.insert(t.employee);
      if (t.date > kToday.minus_months(12)) last_year.insert(t.employee);
    }
    auto chain = snapshot().chain_of(t.employee, t.date);
    if (chain && chain->captain() &&
        snapshot().unit(chain->captain()->unit)->kind == org::UnitKind::kPrecinct) {
      precincts_with_triggers.insert(chain->captain()->unit);
    }
  }
  const double n = static_cast<double>(sworn_today.size());
  const double share_ever = static_cast<double>(ever.size()) / n;
  const double share_year = static_cast<double>(last_year.size()) / n;
  std::cout << "[ demo     ] " << events().size() << " events, " << triggers().size()
            << " triggers; of " << sworn_today.size() << " sworn employed today, " << ever.size()
            << " (" << share_ever * 100 << "%) crossed a threshold in three years, "
            << last_year.size() << " (" << share_year * 100 << "%) in the last twelve months\n";
  EXPECT_GE(share_ever, 0.05);
  EXPECT_LE(share_ever, 0.15);
  EXPECT_GE(share_year, 0.05);
  EXPECT_LE(share_year, 0.15);
  std::size_t precincts = 0;
  for (const auto& u : demo().units) precincts += u.kind == org::UnitKind::kPrecinct ? 1 : 0;
  EXPECT_EQ(precincts_with_triggers.size(), precincts);
}

TEST(DemoEvents, TheCastHasItsStory) {
  const auto cast = choose_demo_cast(snapshot(), kToday);
  ASSERT_TRUE(cast.has_value());
  const auto squad = snapshot().squad_of(cast->sergeant, kToday);
  EXPECT_TRUE(std::binary_search(squad.begin(), squad.end(), cast->officer));
  EXPECT_TRUE(snapshot().in_chain_of(cast->sergeant, cast->officer, kToday));
  for (EmployeeId boss : {cast->lieutenant, cast->captain, cast->bureau_chief, cast->chief}) {
    EXPECT_TRUE(snapshot().in_chain_of(boss, cast->officer, kToday));
  }
  const auto officer_events = std::count_if(
      events().begin(), events().end(), [&](const auto& e) { return e.employee == cast->officer; });
  EXPECT_GE(officer_events, 2);
  const bool squad_trigger = std::any_of(triggers().begin(), triggers().end(), [&](const auto& t) {
    return t.date > kToday.minus_months(12) &&
           std::binary_search(squad.begin(), squad.end(), t.employee);
  });
  EXPECT_TRUE(squad_trigger);
}

// A fresh SQLite file in a temporary folder, removed afterwards.
class DemoStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device rd;
    dir_ = std::filesystem::temp_directory_path() /
           ("rollcall-demo-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(dir_);
    auto db = storage::sql::open_database((dir_ / "demo.db").string(), clock_);
    ASSERT_TRUE(db.is_ok()) << db.status().message();
    db_ = std::move(db).value();
    ASSERT_TRUE(db_->migrate().is_ok());
  }
  void TearDown() override {
    db_.reset();
    std::filesystem::remove_all(dir_);
  }

  SimulatedClock clock_{std::chrono::sys_seconds(kToday.sys_days()) + std::chrono::hours(20)};
  std::filesystem::path dir_;
  std::unique_ptr<storage::Database> db_;
};

TEST_F(DemoStoreTest, StoresEventsAndOneSignInPerRole) {
  DemoOptions options;
  options.seed = 1;
  options.today = kToday;
  ASSERT_TRUE(store_demo_department(*db_, options, "test").is_ok());
  auto stored = db_->load_org();
  ASSERT_TRUE(stored.is_ok());
  const auto evs = generate_demo_events(*stored, kToday, 1);
  auto n = store_demo_events(*db_, evs, "test");
  ASSERT_TRUE(n.is_ok()) << n.status().message();
  EXPECT_EQ(static_cast<std::size_t>(*n), evs.size());
  auto versions = db_->event_versions(std::nullopt);
  ASSERT_TRUE(versions.is_ok());
  EXPECT_EQ(versions->size(), evs.size());
  auto keys = db_->event_keys();
  ASSERT_TRUE(keys.is_ok());
  ASSERT_FALSE(keys->empty());
  EXPECT_EQ(keys->front().first.rfind("demo|", 0), 0u);

  AuthPolicy policy;
  policy.password_cost = security::kTestCost;
  auto sign_ins = create_demo_accounts(*db_, policy, kToday, clock_.now(), "test");
  ASSERT_TRUE(sign_ins.is_ok()) << sign_ins.status().message();

  const std::map<std::string, access::Role> expected = {
      {"officer", access::Role::kEmployee},         {"sergeant", access::Role::kSupervisor},
      {"lieutenant", access::Role::kLieutenant},    {"captain", access::Role::kCaptain},
      {"bureau-chief", access::Role::kBureauChief}, {"chief", access::Role::kChiefOfPolice},
      {"coordinator", access::Role::kCoordinator},  {"committee", access::Role::kCommittee},
      {"payroll", access::Role::kPayroll},          {"hr", access::Role::kHrDirector},
      {"fml", access::Role::kFmlCoordinator},       {"guild", access::Role::kGuildPresident},
      {"admin", access::Role::kAdministrator},
  };
  ASSERT_EQ(sign_ins->size(), expected.size());
  auto org_now = db_->load_org();
  ASSERT_TRUE(org_now.is_ok());
  const OrgSnapshot snap(std::move(org_now).value());
  std::map<std::string, EmployeeId> employee_of;
  for (const auto& s : *sign_ins) {
    SCOPED_TRACE(s.username);
    ASSERT_EQ(expected.count(s.username), 1u);
    EXPECT_FALSE(s.serial.empty());
    EXPECT_FALSE(s.name.empty());
    EXPECT_FALSE(s.unit.empty());
    auto account = db_->account_by_username(s.username);
    ASSERT_TRUE(account.is_ok());
    ASSERT_TRUE(account->has_value());
    const EmployeeId e = (*account)->employee;
    EXPECT_EQ(snap.employee(e)->serial, s.serial);
    const auto roles = access::roles_on(snap, e, kToday);
    EXPECT_NE(std::find(roles.begin(), roles.end(), expected.at(s.username)), roles.end());
    employee_of[s.username] = e;
    auto signed_in = sign_in(*db_, policy, s.username, kDemoPassword, "", "test", clock_.now());
    ASSERT_TRUE(signed_in.is_ok());
    EXPECT_EQ(signed_in->outcome, SignInOutcome::kSignedIn);
  }
  const EmployeeId officer = employee_of.at("officer");
  const EmployeeId sergeant = employee_of.at("sergeant");
  const auto roles = access::roles_on(snap, officer, kToday);
  EXPECT_EQ(roles, std::vector<access::Role>{access::Role::kEmployee});
  const auto squad = snap.squad_of(sergeant, kToday);
  EXPECT_TRUE(std::binary_search(squad.begin(), squad.end(), officer));
  EXPECT_TRUE(snap.in_chain_of(sergeant, officer, kToday));
  for (const char* boss : {"lieutenant", "captain", "bureau-chief", "chief"}) {
    EXPECT_TRUE(snap.in_chain_of(employee_of.at(boss), officer, kToday)) << boss;
  }
  // The officer's own events are there for the browser to show.
  auto own = db_->event_versions(officer);
  ASSERT_TRUE(own.is_ok());
  EXPECT_GE(own->size(), 2u);

  // The demo never runs twice on one database.
  EXPECT_FALSE(create_demo_accounts(*db_, policy, kToday, clock_.now(), "test").is_ok());
}

}  // namespace
}  // namespace rollcall::app
