// Runs every tests/scenarios/pmp/*.scenario file against the threshold engine
// (3.070 §1). Files are named after the clause they prove. Format, one
// statement per line, # comments:
//
//   thresholds ID EFFECTIVE_DATE [recent_months=12]
//   initial IND COUNT/MONTHS ...           rules of the last `thresholds` set
//   recent IND COUNT/MONTHS ...
//   options review_days=N                  (before the first event)
//   event ID EMPLOYEE KIND DATE [v=N] [force=I|II|III] [firearm] [preventable|
//         pending|not-preventable] [withdrawn]     — fed to the evaluator in order
//   expect-last [EMP IND DATE count=N new|attached] ...  triggers the last event caused
//   expect-last-none
//   expect-trigger EMP IND DATE count=N [new|attached] [table=initial|recent] [events=1,2]
//   expect-no-trigger EMP IND DATE
//   expect-total N                          triggers in all
//   expect-standing EMP DATE IND COUNT
#include <gtest/gtest.h>

#include <filesystem>

#include "domain/pmp/evaluator.h"
#include "support/scenario_file.h"

namespace rollcall::pmp {
namespace {

namespace fs = std::filesystem;

fs::path dir() { return fs::path(ROLLCALL_SOURCE_DIR) / "tests" / "scenarios" / "pmp"; }

class Scenario final : public testing::ScenarioRunner {
 public:
  explicit Scenario(std::string name) : ScenarioRunner(dir(), std::move(name)) {}

 private:
  Indicator indicator(const std::string& s) {
    auto i = parse_indicator(s);
    EXPECT_TRUE(i.has_value()) << where() << ": indicator " << s;
    return i.value_or(Indicator::kA);
  }

  Evaluator& evaluator() {
    if (!evaluator_) evaluator_ = std::make_unique<Evaluator>(ThresholdHistory(sets_), options_);
    return *evaluator_;
  }

  void statement(const std::vector<std::string>& w) override {
    const std::string& kw = w[0];
    if (kw == "thresholds") {
      ASSERT_GE(w.size(), 3u) << where();
      ThresholdSet s;
      s.id = std::stoll(w[1]);
      s.effective_from = date(w[2]);
      for (std::size_t i = 3; i < w.size(); ++i) {
        if (w[i].rfind("recent_months=", 0) == 0)
          s.recent_review_months = std::stoi(w[i].substr(14));
      }
      sets_.push_back(s);
    } else if (kw == "initial" || kw == "recent") {
      ASSERT_FALSE(sets_.empty()) << where() << ": rules before thresholds";
      auto& table = kw == "initial" ? sets_.back().initial : sets_.back().recent_review;
      for (std::size_t i = 1; i + 1 < w.size(); i += 2) {
        const auto slash = w[i + 1].find('/');
        table[indicator(w[i])] = {std::stoi(w[i + 1].substr(0, slash)),
                                  std::stoi(w[i + 1].substr(slash + 1))};
      }
    } else if (kw == "options") {
      for (std::size_t i = 1; i < w.size(); ++i) {
        if (w[i].rfind("review_days=", 0) == 0)
          options_.assumed_review_days = std::stoi(w[i].substr(12));
      }
    } else if (kw == "event") {
      ASSERT_GE(w.size(), 5u) << where();
      IndicatorEvent e;
      e.id = std::stoll(w[1]);
      e.employee = std::stoll(w[2]);
      auto kind = parse_event_kind(w[3]);
      ASSERT_TRUE(kind) << where() << ": kind " << w[3];
      e.kind = *kind;
      e.date = date(w[4]);
      if (e.kind == EventKind::kUseOfForce) e.force_type = ForceType::kII;
      if (e.kind == EventKind::kVehicleCollision) e.preventability = Preventability::kPreventable;
      for (std::size_t i = 5; i < w.size(); ++i) {
        const std::string& o = w[i];
        if (o.rfind("v=", 0) == 0)
          e.version = std::stoi(o.substr(2));
        else if (o.rfind("force=", 0) == 0)
          e.force_type = parse_force_type(o.substr(6));
        else if (o == "firearm")
          e.firearm_discharge = true;
        else if (auto p = parse_preventability(o))
          e.preventability = *p;
        else if (o == "withdrawn")
          e.withdrawn = true;
        else
          ADD_FAILURE() << where() << ": unknown event option " << o;
      }
      last_ = evaluator().add(e);
    } else {
      ADD_FAILURE() << where() << ": unknown statement " << kw;
    }
  }

  // Matches "EMP IND DATE count=N [new|attached] [table=..] [events=..]" at w[from..].
  bool matches(const Trigger& t, const std::vector<std::string>& w, std::size_t from,
               std::size_t to) {
    if (t.employee != std::stoll(w[from]) || t.indicator != indicator(w[from + 1]) ||
        t.date != date(w[from + 2])) {
      return false;
    }
    for (std::size_t i = from + 3; i < to; ++i) {
      const std::string& o = w[i];
      if (o.rfind("count=", 0) == 0 && t.count != std::stoi(o.substr(6))) return false;
      if (o == "new" && t.outcome != TriggerOutcome::kNewReview) return false;
      if (o == "attached" && t.outcome != TriggerOutcome::kAttachedToOpenReview) return false;
      if (o == "table=recent" && !t.recent_review_table) return false;
      if (o == "table=initial" && t.recent_review_table) return false;
      if (o.rfind("events=", 0) == 0) {
        std::string ids;
        for (auto id : t.event_ids) ids += (ids.empty() ? "" : ",") + std::to_string(id);
        if (ids != o.substr(7)) return false;
      }
    }
    return true;
  }

  static std::string describe(const std::vector<Trigger>& ts) {
    std::string out;
    for (const auto& t : ts) {
      std::string ids;
      for (auto id : t.event_ids) ids += (ids.empty() ? "" : ",") + std::to_string(id);
      out += "\n  " + std::to_string(t.employee) + " " + std::string(to_string(t.indicator)) + " " +
             t.date.to_string() + " count=" + std::to_string(t.count) + " " +
             std::string(to_string(t.outcome)) +
             " table=" + (t.recent_review_table ? "recent" : "initial") + " events=" + ids;
    }
    return out.empty() ? " (none)" : out;
  }

  void expect(const std::vector<std::string>& w) override {
    const std::string& kw = w[0];
    if (kw == "expect-last-none") {
      EXPECT_TRUE(last_.empty()) << where() << ": got" << describe(last_);
    } else if (kw == "expect-last") {
      ASSERT_GE(w.size(), 4u) << where();
      ASSERT_EQ(last_.size(), 1u) << where() << ": got" << describe(last_);
      EXPECT_TRUE(matches(last_[0], w, 1, w.size())) << where() << ": got" << describe(last_);
    } else if (kw == "expect-trigger" || kw == "expect-no-trigger") {
      ASSERT_GE(w.size(), 4u) << where();
      const auto all = evaluator().triggers();
      const bool found = std::any_of(all.begin(), all.end(),
                                     [&](const Trigger& t) { return matches(t, w, 1, w.size()); });
      EXPECT_EQ(found, kw == "expect-trigger") << where() << ": triggers are" << describe(all);
    } else if (kw == "expect-total") {
      EXPECT_EQ(evaluator().triggers().size(), std::stoul(w.at(1)))
          << where() << ": triggers are" << describe(evaluator().triggers());
    } else if (kw == "expect-standing") {
      ASSERT_EQ(w.size(), 5u) << where();
      int count = 0;
      for (const Standing& s : evaluator().standing(std::stoll(w[1]), date(w[2]))) {
        if (s.indicator == indicator(w[3])) count = s.count;
      }
      EXPECT_EQ(count, std::stoi(w[4])) << where();
    } else {
      ADD_FAILURE() << where() << ": unknown expectation " << kw;
    }
  }

  std::vector<ThresholdSet> sets_;
  EvaluatorOptions options_;
  std::unique_ptr<Evaluator> evaluator_;
  std::vector<Trigger> last_;
};

class PmpScenario : public ::testing::TestWithParam<std::string> {};

TEST_P(PmpScenario, Holds) { Scenario(GetParam()).run(); }

INSTANTIATE_TEST_SUITE_P(Files, PmpScenario, ::testing::ValuesIn(testing::scenario_names(dir())),
                         [](const auto& info) { return testing::scenario_test_name(info.param); });

}  // namespace
}  // namespace rollcall::pmp
