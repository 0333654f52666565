// Runs every tests/scenarios/org/*.scenario file: a small organisation written
// line by line, then expectations about chains of command, squads and
// validation on given dates. The format (one statement per line, # comments):
//
//   unit CODE KIND [PARENT]
//   employee SERIAL RANK [civilian] [hired=DATE]        (default hired 2000-01-01)
//   member|supervisor|acting SERIAL UNIT FROM..[TO]      (TO exclusive, empty = open)
//   status SERIAL STATUS FROM..[TO]
//   expect-chain SERIAL DATE level=WHO ...   levels: sergeant lieutenant captain bureau;
//                WHO: a serial, SERIAL* (acting), vacant, or none (no unit at that level)
//   expect-home SERIAL DATE UNIT
//   expect-supervisor SERIAL DATE WHO        (nearest filled position)
//   expect-no-chain SERIAL DATE
//   expect-squad SERIAL DATE [SERIAL ...]    (empty: leads no one that day)
//   expect-in-chain SUPERVISOR SERIAL DATE yes|no
//   expect-status SERIAL DATE STATUS
//   expect-problem TEXT...                   (validate() reports a message containing TEXT)
//   expect-valid
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "domain/org/org_snapshot.h"
#include "domain/org/org_validation.h"
#include "support/scenario_file.h"

namespace rollcall::org {
namespace {

namespace fs = std::filesystem;

fs::path dir() { return fs::path(ROLLCALL_SOURCE_DIR) / "tests" / "scenarios" / "org"; }

class Scenario final : public testing::ScenarioRunner {
 public:
  explicit Scenario(std::string name) : ScenarioRunner(dir(), std::move(name)) {}

 private:
  DateSpan span(const std::string& s) {
    const auto dots = s.find("..");
    EXPECT_NE(dots, std::string::npos) << where() << ": expected FROM..TO";
    DateSpan out{date(s.substr(0, dots)), std::nullopt};
    if (dots + 2 < s.size()) out.end_exclusive = date(s.substr(dots + 2));
    return out;
  }
  EmployeeId emp(const std::string& serial) {
    auto it = employees_.find(serial);
    EXPECT_NE(it, employees_.end()) << where() << ": unknown serial " << serial;
    return it == employees_.end() ? -1 : it->second;
  }
  UnitId unit(const std::string& code) {
    auto it = units_.find(code);
    EXPECT_NE(it, units_.end()) << where() << ": unknown unit " << code;
    return it == units_.end() ? -1 : it->second;
  }

  void statement(const std::vector<std::string>& w) override {
    snapshot_.reset();
    const std::string& kw = w[0];
    if (kw == "unit") {
      ASSERT_GE(w.size(), 3u) << where();
      auto kind = parse_unit_kind(w[2]);
      ASSERT_TRUE(kind) << where() << ": kind " << w[2];
      Unit u{static_cast<UnitId>(data_.units.size() + 1), w[1], w[1], *kind, std::nullopt};
      units_[u.code] = u.id;  // registered first, so a unit can name itself as parent
      if (w.size() > 3) u.parent = unit(w[3]);
      data_.units.push_back(u);
    } else if (kw == "employee") {
      ASSERT_GE(w.size(), 3u) << where();
      Employee e;
      e.id = static_cast<EmployeeId>(data_.employees.size() + 1);
      e.serial = w[1];
      e.last_name = "Employee" + w[1];
      e.rank = w[2];
      e.hire_date = Date::from_ymd(2000, 1, 1);
      for (std::size_t i = 3; i < w.size(); ++i) {
        if (w[i] == "civilian")
          e.category = Category::kCivilian;
        else if (w[i].rfind("hired=", 0) == 0)
          e.hire_date = date(w[i].substr(6));
        else
          ADD_FAILURE() << where() << ": unknown employee option " << w[i];
      }
      employees_[e.serial] = e.id;
      data_.employees.push_back(e);
    } else if (kw == "member" || kw == "supervisor" || kw == "acting") {
      ASSERT_EQ(w.size(), 4u) << where();
      data_.assignments.push_back(
          Assignment{static_cast<std::int64_t>(data_.assignments.size() + 1), emp(w[1]), unit(w[2]),
                     kw == "member" ? AssignmentRole::kMember : AssignmentRole::kSupervisor,
                     kw == "acting", span(w[3])});
    } else if (kw == "status") {
      ASSERT_EQ(w.size(), 4u) << where();
      auto st = parse_status(w[2]);
      ASSERT_TRUE(st) << where();
      data_.statuses.push_back(
          {static_cast<std::int64_t>(data_.statuses.size() + 1), emp(w[1]), *st, span(w[3])});
    } else {
      ADD_FAILURE() << where() << ": unknown statement " << kw;
    }
  }

  const OrgSnapshot& snap() {
    if (!snapshot_) snapshot_ = std::make_unique<OrgSnapshot>(data_);
    return *snapshot_;
  }

  std::string who(const std::optional<ChainLink>& link) {
    if (!link) return "none";
    if (!link->holder) return "vacant";
    return snap().employee(link->holder->employee)->serial + (link->holder->acting ? "*" : "");
  }

  void expect(const std::vector<std::string>& w) override {
    const std::string& kw = w[0];
    if (kw == "expect-valid") {
      auto problems = validate(data_);
      EXPECT_TRUE(problems.empty()) << where() << ": " << problems.front().message;
      return;
    }
    if (kw == "expect-problem") {
      std::string text;
      for (std::size_t i = 1; i < w.size(); ++i) text += (i > 1 ? " " : "") + w[i];
      bool found = false;
      std::string all;
      for (const auto& p : validate(data_)) {
        all += "\n  " + p.field + ": " + p.message;
        found = found || p.message.find(text) != std::string::npos;
      }
      EXPECT_TRUE(found) << where() << ": no problem containing '" << text << "'; got:" << all;
      return;
    }
    ASSERT_GE(w.size(), 3u) << where();
    const EmployeeId e = emp(w[1]);
    if (kw == "expect-chain") {
      auto chain = snap().chain_of(e, date(w[2]));
      ASSERT_TRUE(chain.is_ok()) << where() << ": " << chain.status().to_string();
      for (std::size_t i = 3; i < w.size(); ++i) {
        const auto eq = w[i].find('=');
        const std::string level = w[i].substr(0, eq), want = w[i].substr(eq + 1);
        std::string got;
        if (level == "sergeant")
          got = who(chain->sergeant());
        else if (level == "lieutenant")
          got = who(chain->lieutenant());
        else if (level == "captain")
          got = who(chain->captain());
        else if (level == "bureau")
          got = who(chain->bureau_chief());
        else
          ADD_FAILURE() << where() << ": unknown level " << level;
        EXPECT_EQ(got, want) << where() << ": " << level;
      }
    } else if (kw == "expect-home") {
      auto chain = snap().chain_of(e, date(w[2]));
      ASSERT_TRUE(chain.is_ok()) << where() << ": " << chain.status().to_string();
      EXPECT_EQ(snap().unit(chain->home_unit)->code, w.at(3)) << where();
    } else if (kw == "expect-supervisor") {
      auto chain = snap().chain_of(e, date(w[2]));
      ASSERT_TRUE(chain.is_ok()) << where() << ": " << chain.status().to_string();
      auto sup = chain->immediate_supervisor();
      EXPECT_EQ(sup ? snap().employee(sup->employee)->serial : "none", w.at(3)) << where();
    } else if (kw == "expect-no-chain") {
      EXPECT_FALSE(snap().chain_of(e, date(w[2])).is_ok()) << where();
    } else if (kw == "expect-squad") {
      std::vector<std::string> got, want(w.begin() + 3, w.end());
      for (EmployeeId m : snap().squad_of(e, date(w[2]))) got.push_back(snap().employee(m)->serial);
      std::sort(got.begin(), got.end());
      std::sort(want.begin(), want.end());
      EXPECT_EQ(got, want) << where();
    } else if (kw == "expect-in-chain") {
      ASSERT_EQ(w.size(), 5u) << where();
      EXPECT_EQ(snap().in_chain_of(e, emp(w[2]), date(w[3])), w[4] == "yes") << where();
    } else if (kw == "expect-status") {
      auto st = snap().status_on(e, date(w[2]));
      EXPECT_EQ(st ? std::string(to_string(*st)) : "none", w.at(3)) << where();
    } else {
      ADD_FAILURE() << where() << ": unknown expectation " << kw;
    }
  }

  OrgData data_;
  std::map<std::string, EmployeeId> employees_;
  std::map<std::string, UnitId> units_;
  std::unique_ptr<OrgSnapshot> snapshot_;
};

class OrgScenario : public ::testing::TestWithParam<std::string> {};

TEST_P(OrgScenario, Holds) { Scenario(GetParam()).run(); }

INSTANTIATE_TEST_SUITE_P(Files, OrgScenario, ::testing::ValuesIn(testing::scenario_names(dir())),
                         [](const auto& info) { return testing::scenario_test_name(info.param); });

}  // namespace
}  // namespace rollcall::org
