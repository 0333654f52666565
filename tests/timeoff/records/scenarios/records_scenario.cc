// Runs every tests/timeoff/records/scenarios/*.scenario file (the language is
// in README.md beside them): people and their roles, then dated steps by
// named people, each followed by what should be true afterwards.
#include "timeoff/records/scenarios/records_scenario.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "time/instant.h"

namespace rollcall::timeoff::records::scenario {
namespace {

namespace fs = std::filesystem;
using access::Role;

fs::path dir() {
  return fs::path(ROLLCALL_SOURCE_DIR) / "tests" / "timeoff" / "records" / "scenarios";
}

std::optional<Role> parse_role(const std::string& s) {
  if (s == "sergeant") return Role::kSupervisor;
  for (int i = 0; i <= static_cast<int>(Role::kAdministrator); ++i) {
    if (access::to_string(static_cast<Role>(i)) == s) return static_cast<Role>(i);
  }
  return std::nullopt;
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string item; std::getline(in, item, sep);) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

std::string title_of(const Person& p) {
  for (Role r : {Role::kBureauChief, Role::kCaptain, Role::kLieutenant, Role::kSupervisor}) {
    if (std::find(p.roles.begin(), p.roles.end(), r) != p.roles.end()) {
      return std::string(access::to_string(r));
    }
  }
  return "employee";
}

}  // namespace

RecordsScenario::RecordsScenario(std::string name) : ScenarioRunner(dir(), std::move(name)) {}

void RecordsScenario::finish() const {
  EXPECT_TRUE(pending_.is_ok()) << "unexpected " << pending_.to_string();
}

const Person& RecordsScenario::person(const std::string& name) {
  auto it = people_.find(name);
  if (it == people_.end()) {
    ADD_FAILURE() << where() << ": no person named " << name;
    static const Person kNobody;
    return kNobody;
  }
  return it->second;
}

Actor RecordsScenario::actor(const std::string& name, org::EmployeeId subject) {
  const Person& p = person(name);
  const bool in_chain =
      p.employee.id != subject && (p.chain_of_all || std::find(p.chain_of.begin(), p.chain_of.end(),
                                                               subject) != p.chain_of.end());
  return {p.employee.id, p.roles, in_chain};
}

Instant RecordsScenario::instant(const std::string& word) const {
  if (word.size() == 10) return Instant(date(word).sys_days()) + std::chrono::hours(17);
  auto t = parse_utc(word + ":00Z");
  EXPECT_TRUE(t.is_ok()) << where() << ": instant " << word << " (YYYY-MM-DDTHH:MM)";
  return t.is_ok() ? *t : Instant();
}

Date RecordsScenario::day_of(const std::string& word) const { return date(word.substr(0, 10)); }

std::int64_t RecordsScenario::minutes(const std::string& word) const {
  std::int64_t total = 0;
  std::int64_t n = 0;
  bool digits = false;
  for (char c : word) {
    if (c >= '0' && c <= '9') {
      n = n * 10 + (c - '0');
      digits = true;
    } else if (c == 'h' || c == 'm') {
      total += c == 'h' ? n * 60 : n;
      n = 0;
      digits = false;
    } else {
      ADD_FAILURE() << where() << ": duration " << word;
      return 0;
    }
  }
  return digits ? total + n : total;
}

std::optional<std::string> RecordsScenario::option(const Words& w, std::size_t from,
                                                   const std::string& key) {
  for (std::size_t i = from; i < w.size(); ++i) {
    if (w[i].rfind(key + "=", 0) == 0) return w[i].substr(key.size() + 1);
  }
  return std::nullopt;
}

bool RecordsScenario::flag(const Words& w, std::size_t from, const std::string& word) {
  return std::find(w.begin() + static_cast<std::ptrdiff_t>(std::min(from, w.size())), w.end(),
                   word) != w.end();
}

std::string RecordsScenario::text(const Words& w, std::size_t from,
                                  const std::vector<std::string>& flags) {
  std::string out;
  for (std::size_t i = from; i < w.size(); ++i) {
    if (w[i].find('=') != std::string::npos) continue;
    if (std::find(flags.begin(), flags.end(), w[i]) != flags.end()) continue;
    out += (out.empty() ? "" : " ") + w[i];
  }
  return out;
}

std::vector<Hop> RecordsScenario::chain() {
  std::vector<Hop> hops;
  for (const std::string& name : chain_) {
    const Person& p = person(name);
    hops.push_back({p.employee.id, title_of(p), std::nullopt});
  }
  return hops;
}

void RecordsScenario::statement(const Words& w) {
  if (!pending_.is_ok()) {
    ADD_FAILURE() << where() << ": the previous step failed unexpectedly: " << pending_.to_string();
    pending_ = Status::ok();
  }
  const std::string& kw = w[0];
  if (kw == "person") {
    // person NAME ID ROLE,ROLE [in-chain] [chain-of=A,B] [civilian] [rank=R] [unit=U]
    ASSERT_GE(w.size(), 4u) << where();
    Person p;
    p.employee.id = std::stoll(w[2]);
    p.employee.last_name = w[1];
    p.employee.rank = "police officer";
    p.employee.bargaining_unit = "SPOG";
    for (const std::string& r : split(w[3], ',')) {
      auto role = parse_role(r);
      EXPECT_TRUE(role) << where() << ": role " << r;
      if (role) p.roles.push_back(*role);
    }
    p.chain_of_all = flag(w, 4, "in-chain");
    if (auto c = option(w, 4, "chain-of")) {
      for (const std::string& n : split(*c, ',')) p.chain_of.push_back(person(n).employee.id);
    }
    if (flag(w, 4, "civilian")) p.employee.category = org::Category::kCivilian;
    if (auto r = option(w, 4, "rank")) {
      std::string rank = *r;
      std::replace(rank.begin(), rank.end(), '-', ' ');
      p.employee.rank = rank;
    }
    if (auto u = option(w, 4, "unit")) p.employee.bargaining_unit = *u;
    people_[w[1]] = p;
    return;
  }
  if (kw == "chain") {  // chain NAME,NAME,…  the next link up to the bureau chief
    ASSERT_EQ(w.size(), 2u) << where();
    chain_ = split(w[1], ',');
    return;
  }
  if (kw == "period") {  // period NAME FIRST LAST due INSTANT
    ASSERT_EQ(w.size(), 6u) << where() << ": period NAME FIRST LAST due INSTANT";
    periods_[w[1]] = {date(w[2]), date(w[3]), instant(w[5])};
    return;
  }
  if (kw == "flsa") {  // flsa NAME FIRST LAST LIMIT
    ASSERT_EQ(w.size(), 5u) << where() << ": flsa NAME FIRST LAST LIMIT";
    flsa_[w[1]] = {date(w[2]), date(w[3]), minutes(w[4])};
    return;
  }
  if (kw == "squad") {  // squad SUPERVISOR EMPLOYEE,EMPLOYEE
    ASSERT_EQ(w.size(), 3u) << where();
    auto& squad = squads_[w[1]];
    for (const std::string& n : split(w[2], ',')) squad.push_back(person(n).employee.id);
    return;
  }
  if (kw == "absence") {  // absence EMPLOYEE STARTED [RETURNED]
    ASSERT_GE(w.size(), 3u) << where();
    ExtendedAbsence a{date(w[2]), std::nullopt};
    if (w.size() > 3) a.returned = date(w[3]);
    absences_[person(w[1]).employee.id] = a;
    return;
  }
  if (kw == "rules") {  // rules KEY=VALUE…
    if (auto v = option(w, 1, "correction-days")) window_.days = std::stoi(*v);
    if (auto v = option(w, 1, "release-limit")) {
      release_rules_.supervisor_limit_minutes = minutes(*v);
    }
    if (auto v = option(w, 1, "fml-after-days")) release_rules_.fml_copy_after_days = std::stoi(*v);
    if (auto v = option(w, 1, "family")) release_rules_.immediate_family = split(*v, ',');
    if (auto v = option(w, 1, "guild-president")) guild_rules_.president = person(*v).employee.id;
    return;
  }
  ASSERT_GE(w.size(), 3u) << where() << ": WHEN ACTOR VERB …";
  const Instant at = instant(w[0]);
  const Date on = day_of(w[0]);
  if (timesheet_step(w, at, on) || request_step(w, at, on)) return;
  ADD_FAILURE() << where() << ": unknown step " << w[2];
}

void RecordsScenario::expect_error(StatusCode code, const Words& w) {
  EXPECT_EQ(pending_.code(), code) << where() << ": expected " << to_string(code) << ", got "
                                   << (pending_.is_ok() ? "success" : pending_.to_string());
  if (w.size() > 1) {
    const std::string mention = text(w, 1, {});
    EXPECT_NE(pending_.message().find(mention), std::string::npos)
        << where() << ": the message should name '" << mention << "': " << pending_.to_string();
  }
  pending_ = Status::ok();
}

void RecordsScenario::expect(const Words& w) {
  const std::string& kw = w[0];
  if (kw == "expect-denied") return expect_error(StatusCode::kPermissionDenied, w);
  if (kw == "expect-refused") return expect_error(StatusCode::kFailedPrecondition, w);
  if (kw == "expect-invalid") return expect_error(StatusCode::kInvalidArgument, w);
  if (kw == "expect-exists") return expect_error(StatusCode::kAlreadyExists, w);
  ASSERT_TRUE(pending_.is_ok()) << where() << ": the step failed: " << pending_.to_string();
  if (kw == "expect-received") return expect_received(w);
  if (timesheet_expect(w) || request_expect(w)) return;
  ADD_FAILURE() << where() << ": unknown expectation " << kw;
}

// expect-received THING NAME INSTANT|no: when NAME received THING's document
// (a correction exception, an AWOL memo or its copy, form 2.27 or its copy).
void RecordsScenario::expect_received(const Words& w) {
  ASSERT_EQ(w.size(), 4u) << where() << ": expect-received THING NAME INSTANT|no";
  const org::EmployeeId who = person(w[2]).employee.id;
  std::optional<Instant> got;
  if (auto c = corrections_.find(w[1]); c != corrections_.end()) {
    got = c->second.routing.received_by(who);
  } else if (auto a = awols_.find(w[1]); a != awols_.end()) {
    got = who == a->second.memo.hr_director ? std::optional(a->second.memo.sent)
                                            : a->second.memo.copy.received_by(who);
  } else if (auto r = releases_.find(w[1]); r != releases_.end()) {
    if (who == r->second.payroll) {
      got = r->second.payroll_received;
    } else if (r->second.fml && who == r->second.fml->coordinator) {
      got = r->second.fml->copied_at;
    } else {
      got = r->second.copy.received_by(who);
    }
  } else {
    ADD_FAILURE() << where() << ": nothing named " << w[1] << " has a routing";
    return;
  }
  if (w[3] == "no") {
    EXPECT_FALSE(got) << where() << ": " << w[2] << " received it at "
                      << format_utc(got.value_or(Instant()));
  } else {
    ASSERT_TRUE(got) << where() << ": " << w[2] << " has not received it";
    EXPECT_EQ(format_utc(*got), format_utc(instant(w[3]))) << where();
  }
}

class RecordsScenarioTest : public ::testing::TestWithParam<std::string> {};

TEST_P(RecordsScenarioTest, Holds) {
  RecordsScenario s(GetParam());
  s.run();
  s.finish();
}

INSTANTIATE_TEST_SUITE_P(Files, RecordsScenarioTest,
                         ::testing::ValuesIn(testing::scenario_names(dir())),
                         [](const auto& info) { return testing::scenario_test_name(info.param); });

}  // namespace rollcall::timeoff::records::scenario
