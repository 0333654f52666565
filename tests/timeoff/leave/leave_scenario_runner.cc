// Runs every tests/timeoff/leave/scenarios/*.scenario file against the leave
// rules of 4.010 (POL-2, POL-5, POL-6, POL-7, PRO-1). Files are named after
// the clause they prove. Each reads as a log of employees' leave: the
// setup, then dated actions by named people, each followed by what should be
// true. One statement per line, # comments. Rules: the shipped default
// (default_leave_rules.h) unless a `rules` line changes them.
//
// Setup:
//   unit CODE                         bargaining unit (SPOG, SPMA, civilian)
//   schedule KIND                     4-2, 5-8, 9-80, 4-10, 24-hour
//   person NAME ID ROLE[,ROLE…] [in-chain] [first-line]
//       ROLE: employee, sergeant, lieutenant, captain, bureau-chief, payroll…
//   employee NAME                     whose leave the lines below follow (each
//                                     employee keeps their own unit, schedule,
//                                     ledger, requests; switch back and forth)
//   works FROM TO MINUTES weekdays=mon,tue,…   scheduled days (others are off)
//   works FROM TO MINUTES cycle=ON/OFF         ON days on, OFF off, from FROM
//   ledger DATE BANK MINUTES [KIND]   an entry (default kind adjustment)
//   holidays DATE,DATE…               upcoming holiday credits (POL-5 a)
//   furlough-grants DATE,DATE…        upcoming furlough grants (POL-5 b)
//   limits horizon=N lookback=N over=N    RequestRules
//   cover-order BANK,BANK…            YearEndRules::cover_order
// Actions (DATE is "today" for the rules; the instant is 17:00 UTC that day):
//   DATE NAME requests R TYPE FIRST LAST [minutes=M] [day=DATE:M…] [charge=BANK] [unpaid]
//       minutes=M: M on every scheduled day; day=…: only those days
//   DATE NAME approves|forwards-to-captain|captain-approves|records|cancels R
//   DATE NAME denies|captain-denies R [route=NAME,…] [REASON…]
//   DATE NAME forwards-to-captain|captain-approves R route=NAME,NAME…
//       the links the form is sent along, in order (PRO-1.3 up to the
//       captain, PRO-1.4 back down ending with the sergeant)
//   DATE NAME forwards R              the link holding the form passes it on
//   DATE NAME records-call-in R TYPE DAY called=HH:MM shift=HH:MM [minutes=M]
//   DATE NAME requests-extension X YEAR BANK,BANK UNTIL [route=NAME,…] REASON…
//   DATE NAME forwards-extension X    the link holding it passes it on
//   DATE NAME grants-extension|refuses-extension X [COMMENTS…]
//   DATE NAME sends-extension X
//   year-end YEAR FURLOUGH_DEADLINE   plan (dry run); apply-year-end posts it
// A step that fails changes nothing and must be followed by expect-denied,
// expect-refused or expect-invalid.
// Expectations:
//   expect-denied [TEXT]       PERMISSION_DENIED; the message contains TEXT
//   expect-refused [TEXT]      FAILED_PRECONDITION; the message contains TEXT
//   expect-invalid [FIELD]     INVALID_ARGUMENT; the message starts with FIELD
//   expect-state R|X STATE     a request's or an extension's state
//   expect-path R captain|sergeant
//   expect-holder R NAME|nobody         who holds the travelling form (PRO-1.3/1.4)
//   expect-consecutive R N
//   expect-balance BANK DATE MINUTES
//   expect-available BANK MINUTES       as of the last action's date
//   expect-requests N                   requests on file (refused ones are not)
//   expect-ledger N                     ledger entries
//   expect-plan KIND BANK MINUTES [from=BANK]   an item of the last plan
//   expect-plan-items N
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <sstream>

#include "domain/timeoff/leave/default_leave_rules.h"
#include "domain/timeoff/leave/leave_rules_toml.h"
#include "domain/timeoff/leave/request_workflow.h"
#include "domain/timeoff/leave/year_end.h"
#include "support/scenario_file.h"

namespace rollcall::timeoff::leave {
namespace {

namespace fs = std::filesystem;
using access::Role;

fs::path dir() {
  return fs::path(ROLLCALL_SOURCE_DIR) / "tests" / "timeoff" / "leave" / "scenarios";
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string item; std::getline(in, item, sep);) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

std::optional<Role> parse_role(const std::string& s) {
  if (s == "sergeant") return Role::kSupervisor;
  for (int i = 0; i <= static_cast<int>(Role::kAdministrator); ++i) {
    if (access::to_string(static_cast<Role>(i)) == s) return static_cast<Role>(i);
  }
  return std::nullopt;
}

// The value of "key=value" among words, or "".
std::string option(const std::vector<std::string>& w, std::size_t from, const std::string& key) {
  for (std::size_t i = from; i < w.size(); ++i) {
    if (w[i].rfind(key + "=", 0) == 0) return w[i].substr(key.size() + 1);
  }
  return "";
}

std::string rest(const std::vector<std::string>& w, std::size_t from) {
  std::string out;
  for (std::size_t i = from; i < w.size(); ++i) out += (out.empty() ? "" : " ") + w[i];
  return out;
}

Instant at_time(Date d, const std::string& hhmm) {
  const int h = std::stoi(hhmm.substr(0, 2)), m = std::stoi(hhmm.substr(3, 2));
  return Instant(d.sys_days()) + std::chrono::hours(h) + std::chrono::minutes(m);
}

class Scenario final : public testing::ScenarioRunner {
 public:
  explicit Scenario(std::string name) : ScenarioRunner(dir(), std::move(name)) {
    auto parsed = parse_leave_rules(default_leave_rules_toml(), "default");
    EXPECT_TRUE(parsed.is_ok()) << parsed.status().to_string();
    if (parsed) rules_ = std::move(parsed).value();
  }
  void finish() const { EXPECT_TRUE(pending_.is_ok()) << "unexpected " << pending_.to_string(); }

 private:
  struct Person {
    org::EmployeeId id = 0;
    ActorContext actor;
  };

  const Person& person(const std::string& name) {
    auto it = people_.find(name);
    if (it == people_.end()) {
      ADD_FAILURE() << where() << ": no person named " << name;
      static const Person kNobody;
      return kNobody;
    }
    return it->second;
  }

  // "route=NAME,NAME…" as hops, each titled by the person's first role past "employee".
  std::vector<records::Hop> route_of(const std::string& token) {
    std::vector<records::Hop> hops;
    std::stringstream names(token.substr(6));
    for (std::string name; std::getline(names, name, ',');) {
      const Person& hop = person(name);
      std::string title = name;
      for (Role role : hop.actor.roles) {
        if (role != Role::kEmployee) {
          title = std::string(access::to_string(role));
          break;
        }
      }
      hops.push_back(records::Hop{hop.id, title, std::nullopt});
    }
    return hops;
  }

  LeaveType type(const std::string& s) {
    auto t = parse_leave_type(s);
    EXPECT_TRUE(t) << where() << ": leave type " << s;
    return t.value_or(LeaveType::kVacation);
  }

  const UnitLeaveRules& unit() {
    const UnitLeaveRules* u = rules_.unit(states_[employee_].unit);
    EXPECT_NE(u, nullptr) << where() << ": no unit " << states_[employee_].unit;
    static const UnitLeaveRules kNone;
    return u != nullptr ? *u : kNone;
  }

  LeaveRequest* find_request(const std::string& label) {
    auto it = labels_.find(label);
    if (it == labels_.end()) return nullptr;
    for (auto& [e, state] : states_) {
      for (LeaveRequest& r : state.requests) {
        if (r.id == it->second) return &r;
      }
    }
    return nullptr;
  }

  std::int64_t id_for(const std::string& label) {
    auto [it, fresh] = labels_.try_emplace(label, static_cast<std::int64_t>(labels_.size()) + 1);
    return it->second;
  }

  void replace(const LeaveRequest& r) {
    for (LeaveRequest& x : states_[r.employee].requests) {
      if (x.id == r.id) {
        x = r;
        return;
      }
    }
    states_[r.employee].requests.push_back(r);
  }

  void statement(const std::vector<std::string>& w) override {
    if (!pending_.is_ok()) {
      ADD_FAILURE() << where()
                    << ": the previous step failed unexpectedly: " << pending_.to_string();
      pending_ = Status::ok();
    }
    const std::string& kw = w[0];
    if (kw == "unit") {
      ASSERT_EQ(w.size(), 2u) << where();
      st().unit = w[1];
    } else if (kw == "schedule") {
      ASSERT_EQ(w.size(), 2u) << where();
      auto k = parse_schedule_kind(w[1]);
      ASSERT_TRUE(k) << where() << ": schedule " << w[1];
      st().schedule = *k;
    } else if (kw == "person") {
      ASSERT_GE(w.size(), 4u) << where();
      Person p;
      p.id = std::stoll(w[2]);
      p.actor.employee = p.id;
      for (const std::string& r : split(w[3], ',')) {
        auto role = parse_role(r);
        EXPECT_TRUE(role) << where() << ": role " << r;
        if (role) p.actor.roles.push_back(*role);
      }
      for (std::size_t i = 4; i < w.size(); ++i) {
        if (w[i] == "in-chain") {
          p.actor.in_chain = true;
        } else if (w[i] == "first-line") {
          p.actor.first_line = true;
        } else {
          ADD_FAILURE() << where() << ": person option " << w[i];
        }
      }
      people_[w[1]] = p;
    } else if (kw == "employee") {
      ASSERT_EQ(w.size(), 2u) << where();
      employee_ = person(w[1]).id;
    } else if (kw == "works") {
      ASSERT_GE(w.size(), 5u) << where();
      const Date from = date(w[1]), to = date(w[2]);
      const Minutes minutes = std::stoll(w[3]);
      const std::string weekdays = option(w, 4, "weekdays"), cycle = option(w, 4, "cycle");
      static const std::vector<std::string> kDays{"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
      int on = 0, off = 0;
      if (!cycle.empty()) {
        on = std::stoi(cycle.substr(0, cycle.find('/')));
        off = std::stoi(cycle.substr(cycle.find('/') + 1));
      }
      for (Date d = from; d <= to; d = d.plus_days(1)) {
        bool works = false;
        if (!cycle.empty()) {
          works = days_between(from, d) % (on + off) < on;
        } else {
          const unsigned wd = std::chrono::weekday(d.sys_days()).c_encoding();
          for (const std::string& name : split(weekdays, ',')) works = works || kDays[wd] == name;
        }
        if (works) st().work_days.push_back({d, minutes});
      }
      st().work = WorkSchedule(st().work_days);
    } else if (kw == "ledger") {
      ASSERT_GE(w.size(), 4u) << where();
      LedgerEntry e;
      e.employee = employee_;
      e.bank = type(w[2]);
      e.taken_as = e.bank;
      e.date = date(w[1]);
      e.minutes = std::stoll(w[3]);
      e.kind = w.size() > 4 ? parse_entry_kind(w[4]).value_or(EntryKind::kAdjustment)
                            : EntryKind::kAdjustment;
      e.source = "scenario";
      st().ledger.push_back(e);
    } else if (kw == "holidays" || kw == "furlough-grants") {
      ASSERT_EQ(w.size(), 2u) << where();
      auto& dates = kw == "holidays" ? upcoming_.holidays : upcoming_.furlough_grants;
      for (const std::string& d : split(w[1], ',')) dates.push_back(date(d));
    } else if (kw == "limits") {
      for (std::size_t i = 1; i < w.size(); ++i) {
        const auto eq = w[i].find('=');
        const std::string k = w[i].substr(0, eq);
        const int v = std::stoi(w[i].substr(eq + 1));
        if (k == "horizon")
          rules_.requests.horizon_days = v;
        else if (k == "lookback")
          rules_.requests.lookback_days = v;
        else if (k == "over")
          rules_.requests.captain_review_over_days = v;
        else
          ADD_FAILURE() << where() << ": limit " << k;
      }
    } else if (kw == "cover-order") {
      ASSERT_EQ(w.size(), 2u) << where();
      rules_.year_end.cover_order.clear();
      for (const std::string& b : split(w[1], ',')) rules_.year_end.cover_order.push_back(type(b));
    } else if (kw == "year-end") {
      ASSERT_EQ(w.size(), 3u) << where();
      EmployeeYearEnd e{employee_, st().ledger, st().extensions};
      auto plan = plan_year_end(rules_.year_end, std::stoi(w[1]), date(w[2]), {&e, 1});
      if (plan) {
        plan_ = std::move(plan).value();
      } else {
        pending_ = plan.status();
      }
    } else if (kw == "apply-year-end") {
      ASSERT_TRUE(plan_) << where() << ": no plan";
      for (const LedgerEntry& e : ledger_entries(*plan_)) states_[e.employee].ledger.push_back(e);
    } else {
      action(w);
    }
  }

  void action(const std::vector<std::string>& w) {
    ASSERT_GE(w.size(), 4u) << where() << ": DATE ACTOR VERB LABEL …";
    today_ = date(w[0]);
    const Person& actor = person(w[1]);
    const std::string& verb = w[2];
    const std::string& label = w[3];
    const Instant at = Instant(today_.sys_days()) + std::chrono::hours(17);
    ASSERT_NE(employee_, 0) << where() << ": name the employee first";
    const UnitLeaveRules& u = unit();
    State& me = st();
    LeaveContext ctx{u,         rules_.requests, me.schedule, me.work,
                     me.ledger, me.requests,     upcoming_,   today_};

    if (verb == "requests" || verb == "records-call-in") {
      RequestDraft d;
      std::size_t i = 4;
      ASSERT_GE(w.size(), 6u) << where();
      d.type = type(w[i++]);
      d.first = date(w[i++]);
      d.last = verb == "requests" ? date(w[i++]) : d.first;
      const std::string minutes = option(w, i, "minutes");
      for (std::size_t j = i; j < w.size(); ++j) {
        if (w[j].rfind("day=", 0) == 0) {
          const auto parts = split(w[j].substr(4), ':');
          d.days.push_back({date(parts.at(0)), std::stoll(parts.at(1))});
        } else if (w[j] == "unpaid") {
          d.unpaid = true;
        }
      }
      if (!minutes.empty()) {
        for (Date x = d.first; x <= d.last; x = x.plus_days(1)) {
          if (me.work.scheduled(x)) d.days.push_back({x, std::stoll(minutes)});
        }
      }
      if (const std::string c = option(w, i, "charge"); !c.empty()) d.charge = type(c);
      if (verb == "requests") {
        record(submit(id_for(label), employee_, d, actor.actor, ctx, at));
      } else {
        const CallIn call{at_time(d.first, option(w, i, "called")),
                          at_time(d.first, option(w, i, "shift"))};
        record(record_unscheduled(id_for(label), employee_, d, call, actor.actor, ctx, at));
      }
      return;
    }
    if (verb == "requests-extension") {
      ASSERT_GE(w.size(), 7u) << where();
      std::vector<LeaveType> banks;
      for (const std::string& b : split(w[5], ',')) banks.push_back(type(b));
      const bool routed = w.size() > 7 && w[7].rfind("route=", 0) == 0;
      record(request_extension(id_for(label), employee_, std::stoi(w[4]), banks, date(w[6]),
                               rest(w, routed ? 8 : 7), rules_.year_end, actor.actor, today_, at,
                               routed ? route_of(w[7]) : std::vector<records::Hop>{}));
      return;
    }
    if (verb == "grants-extension" || verb == "refuses-extension" || verb == "sends-extension" ||
        verb == "forwards-extension") {
      ExtensionRequest* x = find_extension(label);
      ASSERT_NE(x, nullptr) << where() << ": no extension " << label;
      if (verb == "forwards-extension") {
        record(forward_extension(*x, actor.actor, today_, at));
      } else if (verb == "sends-extension") {
        record(send_to_payroll(*x, actor.actor, today_, at));
      } else {
        record(
            decide_extension(*x, verb == "grants-extension", rest(w, 4), actor.actor, today_, at));
      }
      return;
    }
    static const std::map<std::string, StepKind> kSteps{
        {"approves", StepKind::kApprove},
        {"denies", StepKind::kDeny},
        {"forwards-to-captain", StepKind::kForwardToCaptain},
        {"captain-approves", StepKind::kCaptainApprove},
        {"captain-denies", StepKind::kCaptainDeny},
        {"records", StepKind::kRecord},
        {"cancels", StepKind::kCancel},
        {"forwards", StepKind::kForward},
    };
    auto it = kSteps.find(verb);
    ASSERT_NE(it, kSteps.end()) << where() << ": unknown verb " << verb;
    LeaveRequest* r = find_request(label);
    ASSERT_NE(r, nullptr) << where() << ": no request " << label;
    // route=NAME,NAME…: the links the form is sent along (PRO-1.3 up, PRO-1.4 down).
    Step step{it->second, at, rest(w, 4), {}};
    if (w.size() > 4 && w[4].rfind("route=", 0) == 0) {
      step.route = route_of(w[4]);
      step.comments = rest(w, 5);
    }
    record(apply(*r, step, actor.actor, ctx));
  }

  ExtensionRequest* find_extension(const std::string& label) {
    auto it = labels_.find(label);
    if (it == labels_.end()) return nullptr;
    for (auto& [e, state] : states_) {
      for (ExtensionRequest& x : state.extensions) {
        if (x.id == it->second) return &x;
      }
    }
    return nullptr;
  }

  void record(Result<LeaveRequest> r) {
    if (!r) {
      pending_ = r.status();
      return;
    }
    replace(*r);
  }
  void record(Result<StepResult> r) {
    if (!r) {
      pending_ = r.status();
      return;
    }
    replace(r->request);
    for (const LedgerEntry& e : r->entries) states_[e.employee].ledger.push_back(e);
  }
  void record(Result<ExtensionRequest> r) {
    if (!r) {
      pending_ = r.status();
      return;
    }
    for (ExtensionRequest& e : states_[r->employee].extensions) {
      if (e.id == r->id) {
        e = *r;
        return;
      }
    }
    states_[r->employee].extensions.push_back(*r);
  }

  void expect_error(StatusCode code, const std::vector<std::string>& w, bool prefix) {
    EXPECT_EQ(pending_.code(), code) << where() << ": expected " << to_string(code) << ", got "
                                     << (pending_.is_ok() ? "success" : pending_.to_string());
    if (w.size() > 1) {
      const std::string text = rest(w, 1);
      const auto pos = pending_.message().find(text);
      EXPECT_TRUE(prefix ? pos == 0 : pos != std::string::npos)
          << where() << ": the message should " << (prefix ? "start with " : "name ") << text
          << ": " << pending_.to_string();
    }
    pending_ = Status::ok();
  }

  void expect(const std::vector<std::string>& w) override {
    const std::string& kw = w[0];
    if (kw == "expect-denied") return expect_error(StatusCode::kPermissionDenied, w, false);
    if (kw == "expect-refused") return expect_error(StatusCode::kFailedPrecondition, w, false);
    if (kw == "expect-invalid") return expect_error(StatusCode::kInvalidArgument, w, true);
    ASSERT_TRUE(pending_.is_ok()) << where() << ": the step failed: " << pending_.to_string();
    if (kw == "expect-holder") {
      ASSERT_EQ(w.size(), 3u) << where();
      const LeaveRequest* r = find_request(w[1]);
      ASSERT_NE(r, nullptr) << where() << ": no request " << w[1];
      const records::Routing* transit = form_in_transit(*r);
      if (w[2] == "nobody") {
        EXPECT_EQ(transit, nullptr) << where() << ": the form is still travelling";
      } else {
        ASSERT_NE(transit, nullptr) << where() << ": the form is not travelling";
        EXPECT_EQ(transit->holder(), std::optional<org::EmployeeId>(person(w[2]).id)) << where();
      }
      return;
    }
    if (kw == "expect-state") {
      ASSERT_EQ(w.size(), 3u) << where();
      if (const LeaveRequest* r = find_request(w[1])) {
        EXPECT_TRUE(parse_request_state(w[2])) << where() << ": no state " << w[2];
        EXPECT_EQ(to_string(r->state), w[2]) << where();
      } else if (const ExtensionRequest* x = find_extension(w[1])) {
        EXPECT_EQ(to_string(x->state), w[2]) << where();
      } else {
        ADD_FAILURE() << where() << ": no request or extension " << w[1];
      }
    } else if (kw == "expect-path") {
      ASSERT_EQ(w.size(), 3u) << where();
      const LeaveRequest* r = find_request(w[1]);
      ASSERT_NE(r, nullptr) << where();
      EXPECT_EQ(r->captain_path ? "captain" : "sergeant", w[2]) << where();
    } else if (kw == "expect-consecutive") {
      ASSERT_EQ(w.size(), 3u) << where();
      const LeaveRequest* r = find_request(w[1]);
      ASSERT_NE(r, nullptr) << where();
      EXPECT_EQ(r->consecutive_days, std::stoi(w[2])) << where();
    } else if (kw == "expect-balance") {
      ASSERT_EQ(w.size(), 4u) << where();
      EXPECT_EQ(balance(st().ledger, type(w[1]), date(w[2])), std::stoll(w[3])) << where();
    } else if (kw == "expect-available") {
      ASSERT_EQ(w.size(), 3u) << where();
      EXPECT_EQ(available(st().ledger, st().requests, type(w[1]), today_), std::stoll(w[2]))
          << where();
    } else if (kw == "expect-requests") {
      ASSERT_EQ(w.size(), 2u) << where();
      EXPECT_EQ(st().requests.size(), std::stoul(w[1])) << where();
    } else if (kw == "expect-ledger") {
      ASSERT_EQ(w.size(), 2u) << where();
      EXPECT_EQ(st().ledger.size(), std::stoul(w[1])) << where();
    } else if (kw == "expect-plan") {
      ASSERT_GE(w.size(), 4u) << where();
      ASSERT_TRUE(plan_) << where() << ": no plan";
      const std::string from = option(w, 4, "from");
      bool found = false;
      std::string items;
      for (const PlanItem& p : plan_->items) {
        items += " " + std::string(to_string(p.kind)) + "/" + std::string(to_string(p.bank)) + "/" +
                 std::to_string(p.minutes) +
                 (p.from ? "/from=" + std::string(to_string(*p.from)) : "");
        found = found || (to_string(p.kind) == w[1] && to_string(p.bank) == w[2] &&
                          p.minutes == std::stoll(w[3]) &&
                          (from.empty() || (p.from && to_string(*p.from) == from)));
      }
      EXPECT_TRUE(found) << where() << ": plan items:" << items;
    } else if (kw == "expect-plan-items") {
      ASSERT_EQ(w.size(), 2u) << where();
      ASSERT_TRUE(plan_) << where() << ": no plan";
      EXPECT_EQ(plan_->items.size(), std::stoul(w[1])) << where();
    } else {
      ADD_FAILURE() << where() << ": unknown expectation " << kw;
    }
  }

  // What the file knows about one employee.
  struct State {
    std::string unit = "SPOG";
    ScheduleKind schedule = ScheduleKind::kFiveEight;
    std::vector<WorkSchedule::Day> work_days;
    WorkSchedule work;
    std::vector<LedgerEntry> ledger;
    std::vector<LeaveRequest> requests;
    std::vector<ExtensionRequest> extensions;
  };
  State& st() { return states_[employee_]; }

  LeaveRules rules_;
  std::map<std::string, Person> people_;
  org::EmployeeId employee_ = 0;
  std::map<org::EmployeeId, State> states_;
  UpcomingCredits upcoming_;
  std::map<std::string, std::int64_t> labels_;
  std::optional<YearEndPlan> plan_;
  Date today_;
  Status pending_;
};

class LeaveScenario : public ::testing::TestWithParam<std::string> {};

TEST_P(LeaveScenario, Holds) {
  Scenario s(GetParam());
  s.run();
  s.finish();
}

INSTANTIATE_TEST_SUITE_P(Files, LeaveScenario, ::testing::ValuesIn(testing::scenario_names(dir())),
                         [](const auto& info) { return testing::scenario_test_name(info.param); });

}  // namespace
}  // namespace rollcall::timeoff::leave
