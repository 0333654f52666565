// Runs every tests/scenarios/pmp/review/*.scenario file against the
// Performance Mentoring Review workflow (3.070-PRO-1, steps 1–19). Files are
// named after the clause they prove (3.070-PRO-1-no-plan.scenario). A file
// reads as the review's log: who is who, then each dated step by a named
// person, each followed by what should be true afterwards. One statement per
// line, # comments.
//
// Who is who (as they stand on the days of the scenario):
//   person NAME ID ROLE[,ROLE…] [in-chain]
//       ROLE: employee, sergeant (or supervisor), lieutenant, captain,
//       bureau-chief, chief-of-police, coordinator (or pm-coordinator), …
//       in-chain: the person is in the reviewed employee's chain of command.
//   deadlines NAME=DAYS …      override ReviewDeadlines (before the first step):
//       notify-captain, assign-lieutenant, assign-sergeant, sergeant-submit,
//       corrections, lieutenant-review, captain-forward, coordinator-forward,
//       bureau-chief
//
// Steps: DATE ACTOR VERB ARGUMENTS (the words after the verb's arguments, if
// it takes none or some, are comments):
//   DATE coordinator identifies EMPLOYEE INDICATOR TRIGGER_DATE [events=1,2,3]  PRO-1.1
//   DATE coordinator notifies-captain CAPTAIN                                   PRO-1.2
//   DATE captain assigns-lieutenant LIEUTENANT                                  PRO-1.3
//   DATE lieutenant reviews-circumstances COMMENTS…                             PRO-1.4
//   DATE lieutenant assigns-sergeant SERGEANT STRATEGY,STRATEGY…                PRO-1.5–6
//   DATE sergeant reviews-incidents [COMMENTS…]                                 PRO-1.7
//   DATE sergeant recommends plan|no-action [COMMENTS…]                         PRO-1.8
//   DATE sergeant develops-plan ITEM,ITEM… [COMMENTS…]                          PRO-1.9
//   DATE sergeant submits [COMMENTS…]                                           PRO-1.10
//   DATE lieutenant returns-to-sergeant COMMENTS…                               PRO-1.12
//   DATE lieutenant recommends-to-captain plan|no-action [COMMENTS…]            PRO-1.11,13
//   DATE captain returns-to-lieutenant COMMENTS…                                PRO-1.14
//   DATE captain designates plan 30|60|90|other=DAYS|no-review  or  no-plan     PRO-1.15
//   DATE captain forwards-to-coordinator                                        PRO-1.16
//   DATE coordinator receives                                                   PRO-1.17
//   DATE coordinator forwards-to-bureau-chief BUREAU_CHIEF                      PRO-1.18
//   DATE bureau-chief concurs                                                   PRO-1.18
//   DATE bureau-chief returns-for-additional-action COMMENTS…                   PRO-1.18
//   DATE coordinator assists COMMENTS…                                          PRO-1.19
// People are named by the NAME of their `person` line. A step that fails
// leaves the review as it was and must be followed by an expect-denied,
// expect-refused or expect-invalid line.
//
// Expectations, about the last step or the review as it now stands:
//   expect-state STATE                  e.g. captain-notified, closed-no-plan
//   expect-denied PRO-1.N               refused for the actor's role or person;
//                                       the message names that step
//   expect-refused STATE                refused as out of order; the message
//                                       names STATE as the one expected
//   expect-invalid                      refused for its content
//   expect-due DATE|none                when the awaited step is due
//   expect-overdue DATE yes|no          is it overdue on DATE
//   expect-assigned LEVEL NAME          LEVEL: captain, lieutenant, sergeant, bureau-chief
//   expect-designation plan 30|60|90|other=DAYS|no-review  or  no-plan
//   expect-recommendation sergeant|lieutenant plan|no-action
//   expect-history N                    steps recorded (identify included)
//   expect-returns N                    times sent back down the chain
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <memory>
#include <sstream>

#include "domain/pmp/review/review_workflow.h"
#include "support/scenario_file.h"

namespace rollcall::pmp::review {
namespace {

namespace fs = std::filesystem;
using access::Role;

fs::path dir() { return fs::path(ROLLCALL_SOURCE_DIR) / "tests" / "scenarios" / "pmp" / "review"; }

std::optional<Role> parse_role(const std::string& s) {
  if (s == "sergeant") return Role::kSupervisor;
  if (s == "coordinator") return Role::kCoordinator;
  for (int i = 0; i <= static_cast<int>(Role::kAdministrator); ++i) {
    if (access::to_string(static_cast<Role>(i)) == s) return static_cast<Role>(i);
  }
  return std::nullopt;
}

std::vector<std::string> split_commas(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string item; std::getline(in, item, ',');) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

struct Person {
  org::EmployeeId id = 0;
  std::vector<Role> roles;
  bool in_chain = false;
};

class Scenario final : public testing::ScenarioRunner {
 public:
  explicit Scenario(std::string name) : ScenarioRunner(dir(), std::move(name)) {}

  // After run(): no failed step was left unexpected.
  void finish() const { EXPECT_TRUE(pending_.is_ok()) << "unexpected " << pending_.to_string(); }

 private:
  const Person& person(const std::string& name) {
    auto it = people_.find(name);
    if (it == people_.end()) {
      ADD_FAILURE() << where() << ": no person named " << name;
      static const Person kNobody;
      return kNobody;
    }
    return it->second;
  }

  static std::string rest(const std::vector<std::string>& w, std::size_t from) {
    std::string out;
    for (std::size_t i = from; i < w.size(); ++i) out += (out.empty() ? "" : " ") + w[i];
    return out;
  }

  std::optional<Recommendation> recommendation(const std::string& s) {
    if (s == "plan") return Recommendation::kMentoringPlan;
    if (s == "no-action") return Recommendation::kNoAction;
    ADD_FAILURE() << where() << ": plan or no-action, not " << s;
    return std::nullopt;
  }

  // "no-plan" | "plan P" at w[i]; advances i past it.
  std::optional<Designation> designation(const std::vector<std::string>& w, std::size_t& i) {
    Designation d;
    if (i < w.size() && w[i] == "no-plan") {
      ++i;
      return d;
    }
    if (i + 1 >= w.size() || w[i] != "plan") {
      ADD_FAILURE() << where() << ": designation is `no-plan` or `plan PERIOD`";
      return std::nullopt;
    }
    d.plan = true;
    const std::string& p = w[i + 1];
    i += 2;
    if (p == "30") {
      d.period = ReviewPeriod::k30Days;
    } else if (p == "60") {
      d.period = ReviewPeriod::k60Days;
    } else if (p == "90") {
      d.period = ReviewPeriod::k90Days;
    } else if (p == "no-review") {
      d.period = ReviewPeriod::kNoReviewNecessary;
    } else if (p.rfind("other=", 0) == 0) {
      d.period = ReviewPeriod::kOther;
      d.other_days = std::stoi(p.substr(6));
    } else if (p == "other") {
      d.period = ReviewPeriod::kOther;  // no days: the domain refuses it
    } else {
      ADD_FAILURE() << where() << ": review period " << p;
    }
    return d;
  }

  ActorContext context(const Person& p) const { return {p.id, p.roles, p.in_chain}; }
  Assignee assignee(const Person& p) const { return {p.id, p.roles, p.in_chain}; }

  void statement(const std::vector<std::string>& w) override {
    if (!pending_.is_ok()) {
      ADD_FAILURE() << where()
                    << ": the previous step failed unexpectedly: " << pending_.to_string();
      pending_ = Status::ok();
    }
    if (w[0] == "person") {
      ASSERT_GE(w.size(), 4u) << where();
      Person p;
      p.id = std::stoll(w[2]);
      for (const std::string& r : split_commas(w[3])) {
        auto role = parse_role(r);
        EXPECT_TRUE(role) << where() << ": role " << r;
        if (role) p.roles.push_back(*role);
      }
      for (std::size_t i = 4; i < w.size(); ++i) {
        if (w[i] == "in-chain")
          p.in_chain = true;
        else
          ADD_FAILURE() << where() << ": unknown person option " << w[i];
      }
      people_[w[1]] = p;
      return;
    }
    if (w[0] == "deadlines") {
      static const std::map<std::string, int ReviewDeadlines::*> kFields{
          {"notify-captain", &ReviewDeadlines::notify_captain_days},
          {"assign-lieutenant", &ReviewDeadlines::assign_lieutenant_days},
          {"assign-sergeant", &ReviewDeadlines::assign_sergeant_days},
          {"sergeant-submit", &ReviewDeadlines::sergeant_submit_days},
          {"corrections", &ReviewDeadlines::corrections_days},
          {"lieutenant-review", &ReviewDeadlines::lieutenant_review_days},
          {"captain-forward", &ReviewDeadlines::captain_forward_days},
          {"coordinator-forward", &ReviewDeadlines::coordinator_forward_days},
          {"bureau-chief", &ReviewDeadlines::bureau_chief_days},
      };
      for (std::size_t i = 1; i < w.size(); ++i) {
        const auto eq = w[i].find('=');
        auto it = kFields.find(w[i].substr(0, eq));
        ASSERT_TRUE(eq != std::string::npos && it != kFields.end()) << where() << ": " << w[i];
        deadlines_.*(it->second) = std::stoi(w[i].substr(eq + 1));
      }
      return;
    }
    ASSERT_GE(w.size(), 3u) << where() << ": DATE ACTOR VERB …";
    const Date on = date(w[0]);
    const Person& actor = person(w[1]);
    const std::string& verb = w[2];
    const Instant at = Instant(on.sys_days()) + std::chrono::hours(17);

    if (verb == "identifies") {
      ASSERT_GE(w.size(), 6u) << where() << ": identifies EMPLOYEE INDICATOR TRIGGER_DATE";
      ReviewTrigger t;
      auto ind = parse_indicator(w[4]);
      EXPECT_TRUE(ind) << where() << ": indicator " << w[4];
      t.indicator = ind.value_or(Indicator::kA);
      t.date = date(w[5]);
      for (std::size_t i = 6; i < w.size(); ++i) {
        if (w[i].rfind("events=", 0) == 0) {
          for (const auto& id : split_commas(w[i].substr(7))) t.event_ids.push_back(std::stoll(id));
        }
      }
      record(identify(1, person(w[3]).id, t, context(actor), at, on));
      return;
    }

    ASSERT_TRUE(review_) << where() << ": no review yet (identify first)";
    Action a;
    a.at = at;
    a.on = on;
    std::size_t i = 3;
    auto need = [&](std::size_t n) {
      EXPECT_GE(w.size(), i + n) << where() << ": " << verb << " needs " << n << " argument(s)";
      return w.size() >= i + n;
    };
    if (verb == "notifies-captain" || verb == "assigns-lieutenant" ||
        verb == "forwards-to-bureau-chief") {
      if (!need(1)) return;
      a.kind = verb == "notifies-captain"     ? ActionKind::kNotifyCaptain
               : verb == "assigns-lieutenant" ? ActionKind::kAssignLieutenant
                                              : ActionKind::kForwardToBureauChief;
      a.assignee = assignee(person(w[i++]));
    } else if (verb == "reviews-circumstances") {
      a.kind = ActionKind::kReviewCircumstances;
    } else if (verb == "assigns-sergeant") {
      if (!need(1)) return;
      a.kind = ActionKind::kAssignSergeant;
      a.assignee = assignee(person(w[i++]));
      if (i < w.size()) a.items = split_commas(w[i++]);
    } else if (verb == "reviews-incidents") {
      a.kind = ActionKind::kReviewIncidents;
    } else if (verb == "recommends" || verb == "recommends-to-captain") {
      if (!need(1)) return;
      a.kind = verb == "recommends" ? ActionKind::kRecommend : ActionKind::kLieutenantRecommend;
      a.recommendation = recommendation(w[i++]);
    } else if (verb == "develops-plan") {
      a.kind = ActionKind::kDevelopPlan;
      if (i < w.size()) a.items = split_commas(w[i++]);
    } else if (verb == "submits") {
      a.kind = ActionKind::kSubmit;
    } else if (verb == "returns-to-sergeant") {
      a.kind = ActionKind::kReturnToSergeant;
    } else if (verb == "returns-to-lieutenant") {
      a.kind = ActionKind::kReturnToLieutenant;
    } else if (verb == "designates") {
      a.kind = ActionKind::kDesignate;
      a.designation = designation(w, i);
    } else if (verb == "forwards-to-coordinator") {
      a.kind = ActionKind::kForwardToCoordinator;
    } else if (verb == "receives") {
      a.kind = ActionKind::kReceive;
    } else if (verb == "concurs") {
      a.kind = ActionKind::kConcur;
    } else if (verb == "returns-for-additional-action") {
      a.kind = ActionKind::kReturnForAdditionalAction;
    } else if (verb == "assists") {
      a.kind = ActionKind::kAssist;
    } else {
      ADD_FAILURE() << where() << ": unknown step " << verb;
      return;
    }
    a.comments = rest(w, i);
    record(apply(*review_, a, context(actor)));
  }

  void record(Result<Review> r) {
    if (r) {
      review_ = std::move(r).value();
    } else {
      pending_ = r.status();
    }
  }

  void expect_error(StatusCode code, const std::string& word, const std::string& mention) {
    EXPECT_EQ(pending_.code(), code) << where() << ": expected " << word << ", got "
                                     << (pending_.is_ok() ? "success" : pending_.to_string());
    if (!mention.empty()) {
      EXPECT_NE(pending_.message().find(mention), std::string::npos)
          << where() << ": the message should name " << mention << ": " << pending_.to_string();
    }
    pending_ = Status::ok();
  }

  void expect(const std::vector<std::string>& w) override {
    const std::string& kw = w[0];
    if (kw == "expect-denied") {
      expect_error(StatusCode::kPermissionDenied, "PERMISSION_DENIED",
                   w.size() > 1 ? "3.070-" + w[1] : "");
      return;
    }
    if (kw == "expect-refused") {
      // The expected state(s) come before "; it is CURRENT" in the message.
      const std::string head = pending_.message().substr(0, pending_.message().find("; it is"));
      if (w.size() > 1) {
        EXPECT_NE(head.find(w[1]), std::string::npos)
            << where() << ": the message should name " << w[1]
            << " as expected: " << pending_.to_string();
      }
      expect_error(StatusCode::kFailedPrecondition, "FAILED_PRECONDITION", "");
      return;
    }
    if (kw == "expect-invalid") {
      expect_error(StatusCode::kInvalidArgument, "INVALID_ARGUMENT", "");
      return;
    }
    ASSERT_TRUE(pending_.is_ok()) << where() << ": the step failed: " << pending_.to_string();
    ASSERT_TRUE(review_) << where() << ": no review";
    const Review& r = *review_;
    if (kw == "expect-state") {
      ASSERT_EQ(w.size(), 2u) << where();
      EXPECT_TRUE(parse_review_state(w[1])) << where() << ": no state " << w[1];
      EXPECT_EQ(to_string(r.state), w[1]) << where();
    } else if (kw == "expect-due") {
      ASSERT_EQ(w.size(), 2u) << where();
      const auto d = due(r, deadlines_);
      EXPECT_EQ(d ? d->to_string() : "none", w[1])
          << where() << " (state " << to_string(r.state) << ")";
    } else if (kw == "expect-overdue") {
      ASSERT_EQ(w.size(), 3u) << where();
      EXPECT_EQ(overdue(r, date(w[1]), deadlines_), w[2] == "yes")
          << where() << " (state " << to_string(r.state) << ", due "
          << (due(r, deadlines_) ? due(r, deadlines_)->to_string() : "none") << ")";
    } else if (kw == "expect-assigned") {
      ASSERT_EQ(w.size(), 3u) << where();
      const org::EmployeeId want = person(w[2]).id;
      org::EmployeeId got = -1;
      if (w[1] == "captain") got = r.captain;
      if (w[1] == "lieutenant") got = r.lieutenant;
      if (w[1] == "sergeant") got = r.sergeant;
      if (w[1] == "bureau-chief") got = r.bureau_chief;
      EXPECT_EQ(got, want) << where() << ": " << w[1];
    } else if (kw == "expect-designation") {
      std::size_t i = 1;
      const auto want = designation(w, i);
      EXPECT_EQ(r.designation, want) << where();
    } else if (kw == "expect-recommendation") {
      ASSERT_EQ(w.size(), 3u) << where();
      const auto& got =
          w[1] == "sergeant" ? r.sergeant_recommendation : r.lieutenant_recommendation;
      EXPECT_EQ(got, recommendation(w[2])) << where();
    } else if (kw == "expect-history") {
      ASSERT_EQ(w.size(), 2u) << where();
      EXPECT_EQ(r.history.size(), std::stoul(w[1])) << where();
    } else if (kw == "expect-returns") {
      ASSERT_EQ(w.size(), 2u) << where();
      EXPECT_EQ(r.returns, std::stoi(w[1])) << where();
    } else {
      ADD_FAILURE() << where() << ": unknown expectation " << kw;
    }
  }

  std::map<std::string, Person> people_;
  ReviewDeadlines deadlines_;
  std::optional<Review> review_;
  Status pending_;  // the last step's error, until an expectation accounts for it
};

class ReviewScenario : public ::testing::TestWithParam<std::string> {};

TEST_P(ReviewScenario, Holds) {
  Scenario s(GetParam());
  s.run();
  s.finish();
}

INSTANTIATE_TEST_SUITE_P(Files, ReviewScenario, ::testing::ValuesIn(testing::scenario_names(dir())),
                         [](const auto& info) { return testing::scenario_test_name(info.param); });

}  // namespace
}  // namespace rollcall::pmp::review
