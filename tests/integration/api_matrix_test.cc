// The authorisation matrix (issue 4, "Must show"): every endpoint × every
// role of the demo cast × a target in and out of scope, over real HTTP on
// both engines, each cell asserted allowed (its 2xx) or denied (exactly 403).
// "A sergeant never sees another squad's employee; an officer never sees a
// PMP record but their own plan."
//
// The expected answers are written out below as data, from the policy
// (ARCHITECTURE.md, "Privacy") and the rules documented in
// domain/access/access.cc, never by asking access::authorize: that is what is
// under test. The organisation model (OrgSnapshot::in_chain_of) is used only
// to pick the targets, to check the table's assumptions about them, and to
// say which employees a list may hold.
#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "domain/org/org_snapshot.h"
#include "support/api_fixture.h"

namespace rollcall::testing {
namespace {

using nlohmann::json;
using org::EmployeeId;

// The demo cast (app/demo/demo_accounts.h), in the order of the columns of
// the expected strings below: six positional people, then five grant holders.
const std::vector<std::string> kCast = {"officer",      "sergeant", "lieutenant",  "captain",
                                        "bureau-chief", "chief",    "coordinator", "committee",
                                        "payroll",      "hr",       "admin"};

// The roles each sign-in holds on the day (what /session reports); the table
// below assumes exactly these. The demo's grant holders are real people of
// the department, and some of them also hold a position: the table says what
// each position adds.
const std::map<std::string, std::set<std::string>> kRolesOf = {
    {"officer", {"employee"}},
    {"sergeant", {"employee", "supervisor"}},
    {"lieutenant", {"employee", "lieutenant"}},
    {"captain", {"employee", "captain"}},
    // The demo's bureau chief also sits on the PMP Committee: that adds
    // nothing a bureau chief may not already do (statistics, thresholds).
    {"bureau-chief", {"employee", "bureau-chief", "pmp-committee"}},
    {"chief", {"employee", "chief-of-police"}},
    // A Committee member too: nothing the Coordinator may not already do.
    {"coordinator", {"employee", "pm-coordinator", "pmp-committee"}},
    // Leads a squad or unit: their own team's records (none of the targets).
    {"committee", {"employee", "pmp-committee", "supervisor"}},
    {"payroll", {"employee", "payroll"}},
    // Commands a section: PMP statistics, and their own section's records.
    {"hr", {"employee", "hr-director", "captain"}},
    // Leads a unit: their own team's records (none of the targets).
    {"admin", {"employee", "administrator", "supervisor"}},
};

enum class Target {
  kNone,   // the route names no employee
  kIn,     // the demo officer: in the chain of sergeant … chief
  kOther,  // an officer of another squad of the same watch: out of the sergeant's scope only
  kOut,    // a sworn officer outside the Patrol bureau: in the chief's chain only
};

std::string to_string(Target t) {
  switch (t) {
    case Target::kNone:
      return "no employee";
    case Target::kIn:
      return "in-scope officer";
    case Target::kOther:
      return "other-squad officer";
    case Target::kOut:
      return "out-of-scope officer";
  }
  return "?";
}

// Who is in each target's chain of command on the day (the table's assumption,
// checked against the organisation before the matrix runs).
const std::map<Target, std::set<std::string>> kChainOf = {
    {Target::kIn, {"sergeant", "lieutenant", "captain", "bureau-chief", "chief"}},
    {Target::kOther, {"lieutenant", "captain", "bureau-chief", "chief"}},
    {Target::kOut, {"chief"}},
};

struct Row {
  std::string method;
  std::string route;  // the pattern as registered in src/api/*_api.cc
  Target target;
  int success;  // the status of an allowed call (valid bodies throughout)
  // One letter per member of kCast, grouped "positional grant-holders":
  // Y allowed (`success`), . denied (exactly 403).
  std::string expected;
};

// clang-format off
const std::vector<Row> kMatrix = {
  // Columns: officer, sergeant, lieutenant, captain, bureau chief, Chief;
  // coordinator, committee, payroll, hr, admin.
  //                                                                  "oslcbC cmpha"
  // The directory: every employee.
  {"GET",  "/api/v1/units",                      Target::kNone,  200, "YYYYYY YYYYY"},
  // Lists: every caller gets 200 with what they may see (the second test
  // checks what the lists hold).
  {"GET",  "/api/v1/employees",                  Target::kNone,  200, "YYYYYY YYYYY"},
  {"GET",  "/api/v1/triggers",                   Target::kNone,  200, "YYYYYY YYYYY"},
  // Employee records: self, the chain of command, and HR, Payroll, the
  // administrator and the Coordinator; never the Committee.
  {"GET",  "/api/v1/employees/{serial}",         Target::kIn,    200, "YYYYYY Y.YYY"},
  {"GET",  "/api/v1/employees/{serial}",         Target::kOther, 200, "..YYYY Y.YYY"},
  {"GET",  "/api/v1/employees/{serial}",         Target::kOut,   200, ".....Y Y.YYY"},
  // PMP records (3.070-POL-0, confidential): the chain of command, the
  // Coordinator, and the employee reading their own plan; nobody else.
  {"GET",  "/api/v1/employees/{serial}/pmp",     Target::kIn,    200, "YYYYYY Y...."},
  {"GET",  "/api/v1/employees/{serial}/pmp",     Target::kOther, 200, "..YYYY Y...."},
  {"GET",  "/api/v1/employees/{serial}/pmp",     Target::kOut,   200, ".....Y Y...."},
  {"GET",  "/api/v1/events/{id}",                Target::kIn,    200, "YYYYYY Y...."},
  {"GET",  "/api/v1/events/{id}",                Target::kOther, 200, "..YYYY Y...."},
  {"GET",  "/api/v1/events/{id}",                Target::kOut,   200, ".....Y Y...."},
  // Writing a PMP record: the chain of command and the Coordinator; the
  // employee never writes their own.
  {"POST", "/api/v1/events",                     Target::kIn,    201, ".YYYYY Y...."},
  {"POST", "/api/v1/events",                     Target::kOther, 201, "..YYYY Y...."},
  {"POST", "/api/v1/events",                     Target::kOut,   201, ".....Y Y...."},
  {"POST", "/api/v1/events/{id}/corrections",    Target::kIn,    200, ".YYYYY Y...."},
  {"POST", "/api/v1/events/{id}/corrections",    Target::kOther, 200, "..YYYY Y...."},
  {"POST", "/api/v1/events/{id}/corrections",    Target::kOut,   200, ".....Y Y...."},
  {"POST", "/api/v1/events/{id}/withdrawal",     Target::kIn,    200, ".YYYYY Y...."},
  {"POST", "/api/v1/events/{id}/withdrawal",     Target::kOther, 200, "..YYYY Y...."},
  {"POST", "/api/v1/events/{id}/withdrawal",     Target::kOut,   200, ".....Y Y...."},
  // Bulk import: the Coordinator only (3.070-PRO-1).
  {"POST", "/api/v1/events/import",              Target::kNone,  200, "...... Y...."},
  // Aggregates (3.070 §3, §5): the Coordinator, the Committee and commanders
  // from captain up (the HR director commands a section).
  {"GET",  "/api/v1/stats",                      Target::kNone,  200, "...YYY YY.Y."},
  // Thresholds: read by the Coordinator, the Committee and the chiefs;
  // recorded by the Coordinator or the Chief; approved by the Chief alone
  // (3.070-POL-3).
  {"GET",  "/api/v1/thresholds",                 Target::kNone,  200, "....YY YY..."},
  {"GET",  "/api/v1/thresholds/{id}",            Target::kNone,  200, "....YY YY..."},
  {"POST", "/api/v1/thresholds",                 Target::kNone,  201, ".....Y Y...."},
  {"POST", "/api/v1/thresholds/{id}/approval",   Target::kNone,  200, ".....Y ....."},
  // The administrator's tools.
  {"GET",  "/api/v1/audit",                      Target::kNone,  200, "...... ....Y"},
  {"GET",  "/api/v1/access-log",                 Target::kNone,  200, "...... ....Y"},
  {"POST", "/api/v1/accounts",                   Target::kNone,  201, "...... ....Y"},
  {"POST", "/api/v1/role-grants",                Target::kNone,  201, "...... ....Y"},
};
// clang-format on

// Every route registered in src/api/*_api.cc but the caller's own sign-in,
// session and token self-service (covered in api_security_test.cc).
const std::set<std::string> kRoutes = {
    "GET /api/v1/units",
    "GET /api/v1/employees",
    "GET /api/v1/employees/{serial}",
    "GET /api/v1/employees/{serial}/pmp",
    "GET /api/v1/triggers",
    "GET /api/v1/stats",
    "POST /api/v1/events",
    "POST /api/v1/events/import",
    "GET /api/v1/events/{id}",
    "POST /api/v1/events/{id}/corrections",
    "POST /api/v1/events/{id}/withdrawal",
    "GET /api/v1/thresholds",
    "GET /api/v1/thresholds/{id}",
    "POST /api/v1/thresholds",
    "POST /api/v1/thresholds/{id}/approval",
    "GET /api/v1/audit",
    "GET /api/v1/access-log",
    "POST /api/v1/accounts",
    "POST /api/v1/role-grants",
};

bool allowed_in(const Row& row, std::size_t role) {
  std::string letters;
  for (char c : row.expected) {
    if (c != ' ') letters += c;
  }
  return letters.at(role) == 'Y';
}

std::string replace(std::string s, const std::string& from, const std::string& to) {
  const auto at = s.find(from);
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

class ApiMatrixTest : public ApiTest {
 protected:
  // The organisation as stored, for picking targets and computing chains.
  void load_org() {
    auto data = server->open_db()->load_org();
    ASSERT_TRUE(data.is_ok()) << data.status().to_string();
    org_ = std::make_unique<org::OrgSnapshot>(std::move(data).value());
    for (const std::string& u : kCast) {
      const org::Employee* e = org_->employee_by_serial(server->who(u).serial);
      ASSERT_NE(e, nullptr) << u;
      cast_[u] = e->id;
    }
  }

  bool employed(EmployeeId e) const {
    const auto s = org_->status_on(e, server->today);
    return s && *s != org::EmployeeStatus::kSeparated;
  }

  bool in_chain(const std::string& who, EmployeeId e) const {
    return org_->in_chain_of(cast_.at(who), e, server->today);
  }

  // The cast members (other than the officer) in e's chain of command.
  std::set<std::string> chain_members(EmployeeId e) const {
    std::set<std::string> out;
    for (const std::string& u : kCast) {
      if (in_chain(u, e)) out.insert(u);
    }
    return out;
  }

  // A sworn officer, active today, leading nothing, whose chain holds exactly
  // `chain` of the cast.
  std::optional<EmployeeId> officer_with_chain(const std::set<std::string>& chain) const {
    for (const org::Employee& e : org_->data().employees) {
      if (e.category != org::Category::kSworn) continue;
      const auto s = org_->status_on(e.id, server->today);
      if (!s || *s != org::EmployeeStatus::kActive) continue;
      if (!org_->units_led_on(e.id, server->today).empty()) continue;
      if (!org_->member_assignment_on(e.id, server->today)) continue;
      if (cast_ids().count(e.id) != 0) continue;
      if (chain_members(e.id) == chain) return e.id;
    }
    return std::nullopt;
  }

  std::set<EmployeeId> cast_ids() const {
    std::set<EmployeeId> ids;
    for (const auto& [u, id] : cast_) ids.insert(id);
    return ids;
  }

  std::string serial_of(EmployeeId e) const { return org_->employee(e)->serial; }

  // Signs in the whole cast, checking each holds the roles the table assumes.
  void sign_in_cast() {
    for (const std::string& u : kCast) {
      ApiClient c = signed_in(u);
      Reply session = c.get("/api/v1/session");
      ASSERT_EQ(session.status, 200) << u << ": " << session.raw;
      std::set<std::string> roles;
      for (const auto& r : session.body["user"]["roles"]) roles.insert(r.get<std::string>());
      EXPECT_EQ(roles, kRolesOf.at(u)) << u << " holds other roles than the matrix assumes";
      clients_.emplace(u, std::move(c));
    }
    ASSERT_FALSE(HasFailure());
  }

  // Picks the three targets and checks the table's assumptions about them.
  void pick_targets() {
    target_[Target::kIn] = cast_.at("officer");
    const auto other = officer_with_chain(kChainOf.at(Target::kOther));
    ASSERT_TRUE(other) << "no officer of another squad in the lieutenant's watch";
    target_[Target::kOther] = *other;
    const auto out = officer_with_chain(kChainOf.at(Target::kOut));
    ASSERT_TRUE(out) << "no sworn officer outside the Patrol bureau";
    target_[Target::kOut] = *out;
    for (const auto& [t, id] : target_) {
      ASSERT_TRUE(employed(id)) << to_string(t);
      EXPECT_EQ(chain_members(id), kChainOf.at(t)) << to_string(t) << " " << serial_of(id);
    }
    // The out-of-scope officer is outside the bureau the demo bureau chief leads.
    EXPECT_FALSE(in_chain("bureau-chief", target_[Target::kOut]));
  }

  // An event for `e` recorded by the Coordinator; its id.
  std::int64_t record_event(EmployeeId e, const std::string& incident) {
    Reply r = clients_.at("coordinator")
                  .post("/api/v1/events", {{"employee_serial", serial_of(e)},
                                           {"kind", "pursuit"},
                                           {"date", server->today.to_string()},
                                           {"incident_number", incident}});
    EXPECT_EQ(r.status, 201) << incident << ": " << r.raw;
    return r.status == 201 ? r.body["id"].get<std::int64_t>() : 0;
  }

  Reply call(ApiClient& c, const Row& row, const std::string& role) {
    const std::string tag = role + "-" + std::to_string(static_cast<int>(row.target));
    std::string path = row.route;
    if (row.target != Target::kNone) {
      path = replace(path, "{serial}", serial_of(target_.at(row.target)));
    }
    if (row.route == "/api/v1/events/{id}/withdrawal") {
      path = replace(path, "{id}", std::to_string(withdrawable_.at({row.target, role})));
    } else if (row.route.rfind("/api/v1/events/{id}", 0) == 0) {
      path = replace(path, "{id}", std::to_string(event_.at(row.target)));
    } else if (row.route.rfind("/api/v1/thresholds/{id}", 0) == 0) {
      path = replace(path, "{id}", std::to_string(proposal_));
    }
    if (row.route == "/api/v1/employees" || row.route == "/api/v1/triggers") path += "?limit=5";
    if (row.route == "/api/v1/audit" || row.route == "/api/v1/access-log") path += "?limit=5";
    if (row.method == "GET") return c.get(path);

    const std::string today = server->today.to_string();
    if (row.route == "/api/v1/events") {
      return c.post(path, {{"employee_serial", serial_of(target_.at(row.target))},
                           {"kind", "pursuit"},
                           {"date", today},
                           {"incident_number", "MATRIX-NEW-" + tag}});
    }
    if (row.route == "/api/v1/events/{id}/corrections") {
      return c.post(path, {{"note", "matrix: corrected by " + role},
                           {"date", server->today.plus_days(-1).to_string()}});
    }
    if (row.route == "/api/v1/events/{id}/withdrawal") {
      return c.post(path, {{"note", "matrix: a duplicate, withdrawn by " + role}});
    }
    if (row.route == "/api/v1/events/import") {
      const std::string csv = "employee,kind,date,incident_number\n" +
                              serial_of(target_.at(Target::kIn)) + ",pursuit," + today +
                              ",MATRIX-IMPORT-" + tag + "\n";
      return c.post_raw(path + "?mapping=native&source=matrix.csv", csv, "text/csv");
    }
    if (row.route == "/api/v1/thresholds") {
      // A distinct effective date per caller: sets are never replaced.
      const auto index = std::find(kCast.begin(), kCast.end(), role) - kCast.begin();
      const std::string month = (index < 9 ? "0" : "") + std::to_string(index + 1);
      std::string toml = "name = \"matrix proposal by " + role + "\"\n";
      toml += "effective_from = 2027-" + month + "-01\n";
      toml += "[initial]\nB = { count = 3, months = 6 }\n";
      toml += "[recent_review]\nB = { count = 2, months = 6 }\n";
      return c.post_raw(path, toml, "application/toml");
    }
    if (row.route == "/api/v1/thresholds/{id}/approval") return c.post(path, json::object());
    if (row.route == "/api/v1/accounts") {
      return c.post(path, {{"serial", serial_of(target_.at(Target::kOut))},
                           {"username", "matrix-" + role},
                           {"password", "a matrix passphrase for " + role}});
    }
    if (row.route == "/api/v1/role-grants") {
      return c.post(path, {{"serial", serial_of(target_.at(Target::kOut))},
                           {"role", "guild-president"},
                           {"from", today}});
    }
    ADD_FAILURE() << "no request for " << row.method << " " << row.route;
    return {};
  }

  std::unique_ptr<org::OrgSnapshot> org_;
  std::map<std::string, EmployeeId> cast_;
  std::map<std::string, ApiClient> clients_;
  std::map<Target, EmployeeId> target_;
  std::map<Target, std::int64_t> event_;  // each target's indicator event
  std::map<std::pair<Target, std::string>, std::int64_t> withdrawable_;  // one per cell
  std::int64_t proposal_ = 0;  // a threshold set proposed by the Coordinator
};

TEST_P(ApiMatrixTest, EveryEndpointRoleAndTargetIsAllowedOrDeniedAsThePolicySays) {
  ASSERT_NO_FATAL_FAILURE(load_org());
  ASSERT_NO_FATAL_FAILURE(sign_in_cast());
  ASSERT_NO_FATAL_FAILURE(pick_targets());

  // The table covers every route but the caller's own session and tokens.
  std::set<std::string> covered;
  for (const Row& row : kMatrix) {
    covered.insert(row.method + " " + row.route);
    std::string letters = row.expected;
    letters.erase(std::remove(letters.begin(), letters.end(), ' '), letters.end());
    ASSERT_EQ(letters.size(), kCast.size()) << row.method << " " << row.route;
  }
  EXPECT_EQ(covered, kRoutes);

  // Something for the id routes to name: an indicator event per target, one
  // more per (target, caller) to withdraw, and a proposed threshold set.
  for (Target t : {Target::kIn, Target::kOther, Target::kOut}) {
    event_[t] = record_event(target_[t], "MATRIX-EVENT-" + std::to_string(static_cast<int>(t)));
    for (const std::string& u : kCast) {
      withdrawable_[{t, u}] = record_event(
          target_[t], "MATRIX-WITHDRAW-" + std::to_string(static_cast<int>(t)) + "-" + u);
    }
  }
  Reply proposal = clients_.at("coordinator")
                       .post_raw("/api/v1/thresholds",
                                 "name = \"matrix: to approve\"\neffective_from = 2028-01-01\n"
                                 "[initial]\nB = { count = 3, months = 6 }\n"
                                 "[recent_review]\nB = { count = 2, months = 6 }\n",
                                 "application/toml");
  ASSERT_EQ(proposal.status, 201) << proposal.raw;
  proposal_ = proposal.body["id"].get<std::int64_t>();

  int cells = 0;
  std::vector<std::string> wrong;
  for (const Row& row : kMatrix) {
    for (std::size_t i = 0; i < kCast.size(); ++i) {
      const std::string& role = kCast[i];
      const bool allowed = allowed_in(row, i);
      const std::string cell = row.method + " " + row.route + " as " + role + " on " +
                               to_string(row.target) + ": expected " +
                               (allowed ? std::to_string(row.success) : std::string("403"));
      SCOPED_TRACE(cell);
      Reply r = call(clients_.at(role), row, role);
      ++cells;
      const bool ok = allowed ? r.status == row.success
                              : r.status == 403 && r.body.is_object() &&
                                    r.body["error"].value("code", "") == "permission_denied";
      if (!ok)
        wrong.push_back(cell + ", got " + std::to_string(r.status) + " " + r.raw.substr(0, 200));
    }
  }

  // No cookie: 401 on every route of the table, before anything else.
  ApiClient anonymous = client();
  for (const Row& row : kMatrix) {
    const std::string& role = kCast[6];  // the bodies of the Coordinator's calls
    Reply r = call(anonymous, row, role);
    ++cells;
    if (r.status != 401) {
      wrong.push_back(row.method + " " + row.route + " without a cookie on " +
                      to_string(row.target) + ": expected 401, got " + std::to_string(r.status));
    }
  }

  // Unknown ids are 404 for a caller who could otherwise read them.
  ApiClient& coordinator = clients_.at("coordinator");
  const std::vector<std::pair<std::string, Reply>> unknown = {
      {"GET /employees/NO-SUCH-SERIAL", coordinator.get("/api/v1/employees/NO-SUCH-SERIAL")},
      {"GET /employees/NO-SUCH-SERIAL/pmp",
       coordinator.get("/api/v1/employees/NO-SUCH-SERIAL/pmp")},
      {"GET /events/987654321", coordinator.get("/api/v1/events/987654321")},
      {"POST /events/987654321/corrections",
       coordinator.post("/api/v1/events/987654321/corrections", {{"note", "none"}})},
      {"GET /thresholds/987654321", coordinator.get("/api/v1/thresholds/987654321")},
      {"POST /thresholds/987654321/approval",
       clients_.at("chief").post("/api/v1/thresholds/987654321/approval", json::object())},
  };
  for (const auto& [what, r] : unknown) {
    ++cells;
    if (r.status != 404) {
      wrong.push_back(what + ": expected 404, got " + std::to_string(r.status) + " " + r.raw);
    }
  }

  std::ostringstream report;
  for (const std::string& w : wrong) report << "\n  " << w;
  EXPECT_TRUE(wrong.empty()) << wrong.size() << " of " << cells << " cells wrong:" << report.str();
  std::cout << "[ matrix   ] " << GetParam() << ": " << cells << " cells checked, " << wrong.size()
            << " wrong\n";
}

// Every serial a list route holds, page by page ("employees" or "triggers").
std::vector<std::string> list_serials(ApiClient& c, const std::string& route, long long* total) {
  std::vector<std::string> out;
  for (long long offset = 0;; offset += 500) {
    Reply r = c.get(route + "?limit=500&offset=" + std::to_string(offset));
    if (r.status != 200) {
      ADD_FAILURE() << route << " answered " << r.status << " " << r.raw;
      return out;
    }
    const bool triggers = route == "/api/v1/triggers";
    for (const auto& item : r.body[triggers ? "triggers" : "employees"]) {
      out.push_back(triggers ? item["employee"]["serial"].get<std::string>()
                             : item["serial"].get<std::string>());
    }
    *total = r.body["total"].get<long long>();
    if (offset + 500 >= *total) return out;
  }
}

TEST_P(ApiMatrixTest, ListsHoldOnlyWhatTheCallerMaySeeAndAnOfficerOnlyTheirOwnPlan) {
  ASSERT_NO_FATAL_FAILURE(load_org());
  ASSERT_NO_FATAL_FAILURE(sign_in_cast());
  ASSERT_NO_FATAL_FAILURE(pick_targets());
  const Date today = server->today;

  // The rules, as the policy states them (not access::authorize): employee
  // records for self, the chain of command, HR, Payroll, the administrator
  // and the Coordinator; PMP records for self, the chain and the Coordinator.
  const std::set<std::string> record_readers = {"coordinator", "payroll", "hr", "admin"};
  auto may_read_record = [&](const std::string& u, EmployeeId e) {
    return e == cast_.at(u) || in_chain(u, e) || record_readers.count(u) != 0;
  };
  auto may_read_pmp = [&](const std::string& u, EmployeeId e) {
    return e == cast_.at(u) || in_chain(u, e) || u == "coordinator";
  };
  auto id_of = [&](const std::string& serial) -> EmployeeId {
    const org::Employee* e = org_->employee_by_serial(serial);
    return e == nullptr ? 0 : e->id;
  };

  int checks = 0;
  // /employees: exactly the employees employed today the caller may read.
  std::map<std::string, std::vector<std::string>> employees_of;
  for (const std::string& u : kCast) {
    SCOPED_TRACE("GET /api/v1/employees as " + u);
    long long total = 0;
    const auto got = list_serials(clients_.at(u), "/api/v1/employees", &total);
    std::set<std::string> expected;
    for (const org::Employee& e : org_->data().employees) {
      if (employed(e.id) && may_read_record(u, e.id)) expected.insert(e.serial);
    }
    const std::set<std::string> seen(got.begin(), got.end());
    EXPECT_EQ(got.size(), seen.size()) << "a serial listed twice";
    EXPECT_EQ(total, static_cast<long long>(expected.size()));
    std::vector<std::string> extra, missing;
    std::set_difference(seen.begin(), seen.end(), expected.begin(), expected.end(),
                        std::back_inserter(extra));
    std::set_difference(expected.begin(), expected.end(), seen.begin(), seen.end(),
                        std::back_inserter(missing));
    EXPECT_TRUE(extra.empty()) << extra.size() << " listed the caller may not read, e.g. "
                               << extra.front();
    EXPECT_TRUE(missing.empty()) << missing.size() << " the caller may read missing, e.g. "
                                 << missing.front();
    checks += static_cast<int>(got.size()) + 1;
    employees_of[u] = got;
  }

  // /triggers: the Coordinator sees every trigger; everyone else exactly
  // those of the employees whose PMP record they may read.
  std::map<std::string, std::vector<std::string>> triggers_of;
  for (const std::string& u : kCast) {
    long long total = 0;
    triggers_of[u] = list_serials(clients_.at(u), "/api/v1/triggers", &total);
    EXPECT_EQ(total, static_cast<long long>(triggers_of[u].size())) << u;
  }
  ASSERT_FALSE(triggers_of["coordinator"].empty());
  for (const std::string& u : kCast) {
    SCOPED_TRACE("GET /api/v1/triggers as " + u);
    std::map<std::string, int> expected, got;
    for (const std::string& s : triggers_of["coordinator"]) {
      if (may_read_pmp(u, id_of(s))) ++expected[s];
    }
    for (const std::string& s : triggers_of[u]) {
      ++got[s];
      ++checks;
      EXPECT_TRUE(may_read_pmp(u, id_of(s))) << u << " sees a trigger of " << s;
    }
    EXPECT_EQ(got, expected);
    ++checks;
  }

  // "A sergeant never sees another squad's employee."
  const std::string other = serial_of(target_[Target::kOther]);
  const std::string out = serial_of(target_[Target::kOut]);
  const std::string own = serial_of(target_[Target::kIn]);
  const EmployeeId sergeant = cast_.at("sergeant");
  const auto members = org_->squad_of(sergeant, today);
  const std::set<EmployeeId> squad(members.begin(), members.end());
  for (const auto* list : {&employees_of["sergeant"], &triggers_of["sergeant"]}) {
    for (const std::string& s : *list) {
      const EmployeeId e = id_of(s);
      EXPECT_TRUE(e == sergeant || squad.count(e) != 0)
          << "the sergeant's list holds " << s << ", outside their squad";
    }
    EXPECT_EQ(std::count(list->begin(), list->end(), other), 0);
    EXPECT_EQ(std::count(list->begin(), list->end(), out), 0);
  }
  EXPECT_FALSE(triggers_of["sergeant"].empty()) << "the demo puts a trigger in the squad";
  EXPECT_NE(std::count(employees_of["sergeant"].begin(), employees_of["sergeant"].end(), own), 0);
  for (const std::string& target : {other, out}) {
    ApiClient& c = clients_.at("sergeant");
    EXPECT_EQ(c.get("/api/v1/employees/" + target).status, 403) << target;
    EXPECT_EQ(c.get("/api/v1/employees/" + target + "/pmp").status, 403) << target;
    checks += 2;
  }

  // "An officer never sees a PMP record but their own plan."
  EXPECT_EQ(employees_of["officer"], std::vector<std::string>{own});
  for (const std::string& s : triggers_of["officer"]) EXPECT_EQ(s, own);
  // The Committee, Payroll, HR and the administrator have no PMP role: they
  // see no trigger but those of people they command themselves (the demo's
  // HR director commands a section, its committee member and administrator
  // lead a team), and Payroll, who commands no one, sees none.
  for (const std::string u : {"committee", "payroll", "hr", "admin"}) {
    for (const std::string& s : triggers_of[u]) {
      EXPECT_TRUE(in_chain(u, id_of(s))) << u << " sees a trigger of " << s;
    }
  }
  EXPECT_TRUE(triggers_of["payroll"].empty()) << triggers_of["payroll"].size();
  ApiClient& officer = clients_.at("officer");
  Reply mine = officer.get("/api/v1/employees/" + own + "/pmp");
  EXPECT_EQ(mine.status, 200) << mine.raw;
  EXPECT_EQ(mine.body["employee"]["serial"], own);
  ++checks;
  const std::string sergeant_serial = server->who("sergeant").serial;
  for (const std::string& s : {other, out, sergeant_serial}) {
    Reply r = officer.get("/api/v1/employees/" + s + "/pmp");
    EXPECT_EQ(r.status, 403) << s << ": " << r.raw;
    ++checks;
  }
  // Their own events, yes; another's, no (one of each recorded by the Coordinator).
  const std::int64_t own_event = record_event(target_[Target::kIn], "MATRIX-OWN-1");
  const std::int64_t sergeants_event = record_event(sergeant, "MATRIX-SGT-1");
  const std::int64_t others_event = record_event(target_[Target::kOther], "MATRIX-OTHER-1");
  const std::int64_t outs_event = record_event(target_[Target::kOut], "MATRIX-OUT-1");
  EXPECT_EQ(officer.get("/api/v1/events/" + std::to_string(own_event)).status, 200);
  for (std::int64_t id : {sergeants_event, others_event, outs_event}) {
    Reply r = officer.get("/api/v1/events/" + std::to_string(id));
    EXPECT_EQ(r.status, 403) << "event " << id << ": " << r.raw;
  }
  // Nor do they write their own.
  EXPECT_EQ(officer
                .post("/api/v1/events/" + std::to_string(own_event) + "/withdrawal",
                      {{"note", "not mine to withdraw"}})
                .status,
            403);
  checks += 5;
  std::cout << "[ matrix   ] " << GetParam() << ": " << checks << " list and plan checks\n";
}

INSTANTIATE_TEST_SUITE_P(Engines, ApiMatrixTest, ::testing::ValuesIn(test_engines()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace rollcall::testing
