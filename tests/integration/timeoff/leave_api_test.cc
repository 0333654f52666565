// 4.010 leave over the API on both engines: balances and their scope, the
// ledger and its CSV, requests through the sergeant (4.010-POL-2, POL-5,
// POL-6) and through the captain (4.010-PRO-1), bad input (422, nothing
// written), call-ins, the unit leave calendar, Payroll's accrual run and year
// end (4.010-POL-7) with extensions, the iCalendar feed and the inbox.
#include <gtest/gtest.h>

#include <set>

#include "support/api_fixture.h"

namespace rollcall::testing {
namespace {

using nlohmann::json;

class LeaveApiTest : public ApiTest {
 protected:
  std::string serial(const std::string& who) const { return server->who(who).serial; }

  // Payroll posts what is due through today to `who` (idempotent).
  void accrue(const std::string& who = "officer") {
    ApiClient payroll = signed_in("payroll");
    Reply r = payroll.post(
        "/api/v1/leave/accruals?through=" + server->today.to_string() + "&employee=" + serial(who),
        json{});
    ASSERT_EQ(r.status, 200) << r.raw;
  }
  // The employee's scheduled dates from `from` for `days` days.
  std::vector<std::string> shifts(ApiClient& c, const std::string& who, Date from, int days) {
    Reply r = c.get("/api/v1/employees/" + serial(who) + "/schedule?from=" + from.to_string() +
                    "&to=" + from.plus_days(days - 1).to_string());
    EXPECT_EQ(r.status, 200) << r.raw;
    std::vector<std::string> out;
    for (const auto& s : r.body["shifts"]) out.push_back(s["date"].get<std::string>());
    return out;
  }
  // The minutes of `bank` in the employee's balances as of today.
  json bank(ApiClient& c, const std::string& who, const std::string& name) {
    Reply r = c.get("/api/v1/employees/" + serial(who) + "/leave");
    EXPECT_EQ(r.status, 200) << r.raw;
    for (const auto& b : r.body["banks"]) {
      if (b["bank"] == name) return b;
    }
    ADD_FAILURE() << "no bank " << name << " in " << r.raw;
    return json{};
  }
  Reply step(ApiClient& c, std::int64_t id, json body) {
    Reply now = c.get("/api/v1/leave-requests/" + std::to_string(id));
    body["version"] = now.body.value("version", 0);
    return c.post("/api/v1/leave-requests/" + std::to_string(id) + "/steps", body);
  }
  // A first-day-free window: dates far enough ahead that demo requests do not overlap.
  Date window() const { return server->today.plus_days(150); }
  int request_count() {
    ApiClient payroll = signed_in("payroll");
    Reply r = payroll.get("/api/v1/leave-requests?scope=all");
    EXPECT_EQ(r.status, 200) << r.raw;
    return static_cast<int>(r.body["requests"].size());
  }
  std::vector<std::int64_t> inbox_ids(ApiClient& c, const std::string& kind) {
    Reply r = c.get("/api/v1/leave-requests?scope=queue");
    EXPECT_EQ(r.status, 200) << r.raw;
    std::vector<std::int64_t> ids;
    if (kind == "leave-request") {
      for (const auto& x : r.body["requests"]) ids.push_back(x["id"].get<std::int64_t>());
    }
    return ids;
  }
  static bool contains(const std::vector<std::int64_t>& v, std::int64_t x) {
    return std::find(v.begin(), v.end(), x) != v.end();
  }
};

TEST_P(LeaveApiTest, BalancesAreReadByTheEmployeeTheChainPayrollAndHrOnly) {
  accrue();
  for (const char* who : {"officer", "sergeant", "captain", "payroll", "hr"}) {
    ApiClient c = signed_in(who);
    Reply r = c.get("/api/v1/employees/" + serial("officer") +
                    "/leave?as_of=" + server->today.to_string());
    ASSERT_EQ(r.status, 200) << who << " " << r.raw;
    EXPECT_EQ(r.body["bargaining_unit"], "SPOG");
    std::vector<std::string> banks;
    for (const auto& b : r.body["banks"]) banks.push_back(b["bank"]);
    EXPECT_NE(std::find(banks.begin(), banks.end(), "vacation"), banks.end());
    EXPECT_NE(std::find(banks.begin(), banks.end(), "furlough"), banks.end());
  }
  ApiClient committee = signed_in("committee");
  EXPECT_EQ(committee.get("/api/v1/employees/" + serial("officer") + "/leave").status, 403);
  ApiClient officer = signed_in("officer");
  EXPECT_EQ(officer.get("/api/v1/employees/" + serial("sergeant") + "/leave").status, 403);
  EXPECT_EQ(
      officer.get("/api/v1/employees/" + serial("officer") + "/leave?as_of=2026-02-30").status,
      422);
  // The ledger: accruals posted per pay period; the CSV has the same rows.
  Reply ledger = officer.get("/api/v1/employees/" + serial("officer") +
                             "/leave/ledger?from=2026-01-01&to=" + server->today.to_string());
  ASSERT_EQ(ledger.status, 200) << ledger.raw;
  int accruals = 0;
  for (const auto& e : ledger.body["entries"]) accruals += e["kind"] == "accrual" ? 1 : 0;
  EXPECT_GT(accruals, 0);
  Reply csv = officer.get("/api/v1/employees/" + serial("officer") +
                          "/leave/ledger?from=2026-01-01&format=csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_NE(csv.header("Content-Type").find("text/csv"), std::string::npos);
  EXPECT_EQ(csv.raw.rfind("entry_id,serial,date,bank", 0), 0u) << csv.raw.substr(0, 80);
}

// 4.010-POL-2, POL-6, PRO-1.5: request -> sergeant approves seeing staffing ->
// the time recorded -> the balance falls by the hours; pending reduces what
// is available meanwhile.
TEST_P(LeaveApiTest, Pol2RequestApprovedWithStaffingThenRecordedChangesTheBalance) {
  accrue();
  ApiClient officer = signed_in("officer");
  ApiClient sergeant = signed_in("sergeant");
  const auto days = shifts(officer, "officer", window(), 14);
  ASSERT_GE(days.size(), 2u);
  const json before = bank(officer, "officer", "vacation");
  Reply sub = officer.post(
      "/api/v1/leave-requests",
      {{"type", "vacation"}, {"first", days[0]}, {"last", days[0]}, {"note", "family visit"}});
  ASSERT_EQ(sub.status, 201) << sub.raw;
  const std::int64_t id = sub.body["id"];
  EXPECT_EQ(sub.body["state"], "submitted");
  EXPECT_FALSE(sub.body["captain_path"].get<bool>());
  const std::int64_t minutes = sub.body["total"]["minutes"];
  EXPECT_GT(minutes, 0);
  const json pending = bank(officer, "officer", "vacation");
  EXPECT_EQ(pending["pending"]["minutes"].get<std::int64_t>() -
                before["pending"]["minutes"].get<std::int64_t>(),
            minutes);
  EXPECT_EQ(before["available"]["minutes"].get<std::int64_t>() -
                pending["available"]["minutes"].get<std::int64_t>(),
            minutes);
  // The employee may not approve their own request.
  EXPECT_EQ(step(officer, id, {{"action", "approve"}}).status, 403);
  // The sergeant's queue holds it with the squad's staffing for that day.
  Reply queue = sergeant.get("/api/v1/leave-requests?scope=queue");
  ASSERT_EQ(queue.status, 200) << queue.raw;
  const auto it = std::find_if(queue.body["requests"].begin(), queue.body["requests"].end(),
                               [&](const json& x) { return x["id"] == id; });
  ASSERT_NE(it, queue.body["requests"].end()) << queue.raw;
  ASSERT_FALSE((*it)["staffing"].empty());
  EXPECT_EQ((*it)["staffing"][0]["date"], days[0]);
  EXPECT_GE((*it)["staffing"][0]["on_duty"].get<int>(), 1);
  Reply approved = step(sergeant, id, {{"action", "approve"}});
  ASSERT_EQ(approved.status, 200) << approved.raw;
  EXPECT_EQ(approved.body["state"], "approved");
  // A stale version is refused.
  EXPECT_EQ(sergeant
                .post("/api/v1/leave-requests/" + std::to_string(id) + "/steps",
                      {{"action", "record"}, {"version", 1}})
                .status,
            409);
  Reply recorded = step(sergeant, id, {{"action", "record"}});
  ASSERT_EQ(recorded.status, 200) << recorded.raw;
  EXPECT_EQ(recorded.body["state"], "recorded");
  // Usage is posted for the day: as of that day the balance is lower by the hours.
  Reply after = officer.get("/api/v1/employees/" + serial("officer") + "/leave?as_of=" + days[0]);
  Reply before_day = officer.get("/api/v1/employees/" + serial("officer") +
                                 "/leave?as_of=" + Date::parse(days[0])->plus_days(-1).to_string());
  auto vac = [](const Reply& r) {
    for (const auto& b : r.body["banks"]) {
      if (b["bank"] == "vacation") return b["balance"]["minutes"].get<std::int64_t>();
    }
    return std::int64_t{-1};
  };
  EXPECT_EQ(vac(before_day) - vac(after), minutes);
  EXPECT_EQ(bank(officer, "officer", "vacation")["pending"]["minutes"],
            before["pending"]["minutes"]);
  // The iCalendar feed shows it as an all-day event with a stable UID.
  Reply ics = officer.get("/api/v1/employees/" + serial("officer") + "/leave.ics");
  ASSERT_EQ(ics.status, 200);
  EXPECT_NE(ics.header("Content-Type").find("text/calendar"), std::string::npos);
  EXPECT_EQ(ics.raw.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", 0), 0u);
  const std::string uid = "UID:leave-request-" + std::to_string(id) + "@rollcall\r\n";
  EXPECT_NE(ics.raw.find(uid), std::string::npos) << ics.raw;
  std::string compact = days[0];
  compact.erase(std::remove(compact.begin(), compact.end(), '-'), compact.end());
  EXPECT_NE(ics.raw.find("DTSTART;VALUE=DATE:" + compact), std::string::npos);
  EXPECT_NE(ics.raw.find("END:VCALENDAR\r\n"), std::string::npos);
}

// 4.010-PRO-1: over four consecutive calendar days -> sergeant -> captain ->
// back to the sergeant, who records; no step skipped, each by its role.
TEST_P(LeaveApiTest, Pro1OverFourDaysGoesThroughTheSectionCaptain) {
  accrue();
  ApiClient officer = signed_in("officer");
  ApiClient sergeant = signed_in("sergeant");
  ApiClient lieutenant = signed_in("lieutenant");
  ApiClient captain = signed_in("captain");
  const Date first = window().plus_days(20);
  const Date last = first.plus_days(6);
  // Partial days: two hours on each scheduled day keeps the balance small.
  json days = json::array();
  for (const auto& d : shifts(officer, "officer", first, 7)) {
    days.push_back({{"date", d}, {"hours", 2}});
  }
  ASSERT_GE(days.size(), 2u);
  Reply sub = officer.post("/api/v1/leave-requests", {{"type", "vacation"},
                                                      {"first", days.front()["date"]},
                                                      {"last", days.back()["date"]},
                                                      {"days", days}});
  ASSERT_EQ(sub.status, 201) << sub.raw;
  const std::int64_t id = sub.body["id"];
  (void)last;
  EXPECT_TRUE(sub.body["captain_path"].get<bool>()) << sub.raw;
  EXPECT_EQ(sub.body["awaiting"]["step"], "4.010-PRO-1.2");
  EXPECT_EQ(step(captain, id, {{"action", "captain-approve"}}).status, 409);
  ASSERT_EQ(step(sergeant, id, {{"action", "approve"}}).body["state"], "sergeant-approved");
  EXPECT_EQ(step(sergeant, id, {{"action", "captain-approve"}}).status, 403);
  Reply fwd = step(sergeant, id, {{"action", "forward-to-captain"}});
  ASSERT_EQ(fwd.status, 200) << fwd.raw;
  EXPECT_EQ(fwd.body["state"], "captain-review");
  // PRO-1.3 "through the chain of command": the form goes link by link, first
  // to the lieutenant over the sergeant, then to the section captain.
  ASSERT_EQ(fwd.body["to_captain"]["hops"].size(), 2u) << fwd.raw;
  EXPECT_EQ(fwd.body["to_captain"]["hops"][0]["recipient"]["serial"], serial("lieutenant"));
  EXPECT_EQ(fwd.body["to_captain"]["hops"][1]["recipient"]["serial"], serial("captain"));
  EXPECT_FALSE(fwd.body["to_captain"]["delivered"].get<bool>());
  EXPECT_TRUE(contains(inbox_ids(lieutenant, "leave-request"), id));
  EXPECT_FALSE(contains(inbox_ids(captain, "leave-request"), id));
  EXPECT_FALSE(contains(inbox_ids(sergeant, "leave-request"), id));
  EXPECT_EQ(step(captain, id, {{"action", "captain-approve"}}).status, 409);  // not there yet
  EXPECT_EQ(step(captain, id, {{"action", "forward"}}).status, 403);          // not the holder
  Reply up = step(lieutenant, id, {{"action", "forward"}});
  ASSERT_EQ(up.status, 200) << up.raw;
  EXPECT_TRUE(up.body["to_captain"]["delivered"].get<bool>());
  EXPECT_FALSE(contains(inbox_ids(lieutenant, "leave-request"), id));
  EXPECT_TRUE(contains(inbox_ids(captain, "leave-request"), id));
  Reply cap = step(captain, id, {{"action", "captain-approve"}});
  ASSERT_EQ(cap.status, 200) << cap.raw;
  EXPECT_EQ(cap.body["state"], "approved");
  // PRO-1.4 "sends the form back through the chain of command": the
  // lieutenant, then the sergeant, who records the time only once it is back.
  ASSERT_EQ(cap.body["back_to_sergeant"]["hops"].size(), 2u) << cap.raw;
  EXPECT_EQ(cap.body["back_to_sergeant"]["hops"][0]["recipient"]["serial"], serial("lieutenant"));
  EXPECT_EQ(cap.body["back_to_sergeant"]["hops"][1]["recipient"]["serial"], serial("sergeant"));
  EXPECT_EQ(step(sergeant, id, {{"action", "record"}}).status, 409);
  EXPECT_FALSE(contains(inbox_ids(sergeant, "leave-request"), id));
  ASSERT_EQ(step(lieutenant, id, {{"action", "forward"}}).status, 200);
  EXPECT_TRUE(contains(inbox_ids(sergeant, "leave-request"), id));
  Reply rec = step(sergeant, id, {{"action", "record"}});
  ASSERT_EQ(rec.status, 200) << rec.raw;
  EXPECT_EQ(rec.body["state"], "recorded");
  std::vector<std::string> clauses;
  for (const auto& h : rec.body["history"]) clauses.push_back(h["step"]);
  EXPECT_EQ(clauses, (std::vector<std::string>{"4.010-PRO-1.1", "4.010-PRO-1.2", "4.010-PRO-1.3",
                                               "4.010-PRO-1.3", "4.010-PRO-1.4", "4.010-PRO-1.4",
                                               "4.010-PRO-1.5"}));
}

// Bad input: overlapping, reversed or out-of-range dates, hours beyond a day,
// a type the employee's unit does not have -> 422 naming the field; nothing written.
TEST_P(LeaveApiTest, Pol2BadInputIs422WithTheFieldAndWritesNothing) {
  accrue();
  ApiClient officer = signed_in("officer");
  const auto days = shifts(officer, "officer", window().plus_days(40), 10);
  ASSERT_GE(days.size(), 2u);
  Reply ok = officer.post("/api/v1/leave-requests",
                          {{"type", "sick"}, {"first", days[0]}, {"last", days[0]}});
  ASSERT_EQ(ok.status, 201) << ok.raw;
  const int count = request_count();
  auto field_of = [](const Reply& r) {
    return r.body["error"]["details"].empty()
               ? std::string()
               : r.body["error"]["details"][0]["field"].get<std::string>();
  };
  // Overlapping an existing request.
  Reply overlap = officer.post("/api/v1/leave-requests",
                               {{"type", "vacation"}, {"first", days[0]}, {"last", days[1]}});
  EXPECT_EQ(overlap.status, 422) << overlap.raw;
  EXPECT_EQ(field_of(overlap).rfind("days", 0), 0u) << overlap.raw;
  // Reversed.
  Reply reversed = officer.post("/api/v1/leave-requests",
                                {{"type", "vacation"}, {"first", days[1]}, {"last", days[0]}});
  EXPECT_EQ(reversed.status, 422);
  EXPECT_EQ(field_of(reversed), "last") << reversed.raw;
  // Out of range: beyond the horizon, and an impossible date.
  Reply far =
      officer.post("/api/v1/leave-requests", {{"type", "vacation"},
                                              {"first", server->today.plus_days(400).to_string()},
                                              {"last", server->today.plus_days(400).to_string()}});
  EXPECT_EQ(far.status, 422);
  EXPECT_EQ(field_of(far), "last") << far.raw;
  Reply impossible = officer.post(
      "/api/v1/leave-requests", {{"type", "vacation"}, {"first", "2026-13-01"}, {"last", days[1]}});
  EXPECT_EQ(impossible.status, 422);
  EXPECT_EQ(field_of(impossible), "first");
  // Hours beyond a day.
  Reply long_day = officer.post("/api/v1/leave-requests",
                                {{"type", "vacation"},
                                 {"first", days[1]},
                                 {"last", days[1]},
                                 {"days", json::array({{{"date", days[1]}, {"hours", 25}}})}});
  EXPECT_EQ(long_day.status, 422);
  EXPECT_EQ(field_of(long_day).rfind("days", 0), 0u) << long_day.raw;
  // A type the unit does not have: civilians have no furlough.
  ApiClient payroll = signed_in("payroll");
  const auto pdays = shifts(payroll, "payroll", window().plus_days(40), 10);
  ASSERT_FALSE(pdays.empty());
  Reply no_type = payroll.post("/api/v1/leave-requests",
                               {{"type", "furlough"}, {"first", pdays[0]}, {"last", pdays[0]}});
  EXPECT_EQ(no_type.status, 422) << no_type.raw;
  EXPECT_EQ(field_of(no_type), "type");
  Reply unknown = officer.post("/api/v1/leave-requests",
                               {{"type", "nap"}, {"first", days[1]}, {"last", days[1]}});
  EXPECT_EQ(unknown.status, 422);
  EXPECT_EQ(field_of(unknown), "type");
  EXPECT_EQ(request_count(), count);
}

// 4.010-POL-5: no request beyond the balance (comp time starts empty).
TEST_P(LeaveApiTest, Pol5RequestBeyondTheBalanceIsRefused) {
  ApiClient officer = signed_in("officer");
  const auto days = shifts(officer, "officer", window().plus_days(60), 10);
  ASSERT_FALSE(days.empty());
  const json comp = bank(officer, "officer", "comp-time");
  const std::int64_t avail = comp["available"]["minutes"];
  json body{{"type", "comp-time"}, {"first", days[0]}, {"last", days[0]}};
  // Ask for one minute more than available (when the shift is long enough).
  const std::int64_t ask = std::max<std::int64_t>(avail + 1, 1);
  if (ask <= 600) {
    body["days"] = json::array({{{"date", days[0]}, {"minutes", ask}}});
  }
  Reply r = officer.post("/api/v1/leave-requests", body);
  EXPECT_EQ(r.status, 422) << r.raw;
  EXPECT_NE(r.body["error"]["message"].get<std::string>().find("4.010-POL-5"), std::string::npos);
}

// 4.010-POL-2: a denial needs a reason; the employee reports as scheduled.
TEST_P(LeaveApiTest, Pol2DenialNeedsAReason) {
  accrue();
  ApiClient officer = signed_in("officer");
  ApiClient sergeant = signed_in("sergeant");
  const auto days = shifts(officer, "officer", window().plus_days(80), 10);
  Reply sub = officer.post("/api/v1/leave-requests",
                           {{"type", "vacation"}, {"first", days[0]}, {"last", days[0]}});
  ASSERT_EQ(sub.status, 201) << sub.raw;
  const std::int64_t id = sub.body["id"];
  Reply no_reason = step(sergeant, id, {{"action", "deny"}});
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_EQ(no_reason.body["error"]["details"][0]["field"], "comments");
  Reply denied = step(sergeant, id, {{"action", "deny"}, {"comments", "minimum staffing"}});
  ASSERT_EQ(denied.status, 200) << denied.raw;
  EXPECT_EQ(denied.body["state"], "denied");
  EXPECT_EQ(denied.body["denial_reason"], "minimum staffing");
  // Another employee (out of the chain) cannot even see it.
  ApiClient committee = signed_in("committee");
  EXPECT_EQ(committee.get("/api/v1/leave-requests/" + std::to_string(id)).status, 404);
}

// 4.010-POL-2: an unscheduled absence called in before the shift is recorded
// by the supervisor at once; the employee may not record their own.
TEST_P(LeaveApiTest, Pol2CalledInAbsenceIsRecordedBySupervisor) {
  accrue();
  ApiClient officer = signed_in("officer");
  ApiClient sergeant = signed_in("sergeant");
  const auto days = shifts(sergeant, "officer", server->today.plus_days(1), 10);
  ASSERT_FALSE(days.empty());
  const json call{{"employee_serial", serial("officer")},
                  {"type", "sick"},
                  {"first", days[0]},
                  {"last", days[0]},
                  {"called_in_at", "2026-11-23T18:00:00Z"}};
  Reply self = officer.post("/api/v1/leave-requests", call);
  EXPECT_EQ(self.status, 403) << self.raw;
  Reply r = sergeant.post("/api/v1/leave-requests", call);
  ASSERT_EQ(r.status, 201) << r.raw;
  EXPECT_EQ(r.body["state"], "recorded");
  EXPECT_TRUE(r.body["called_in_before_shift"].get<bool>());
  Reply ledger = officer.get("/api/v1/employees/" + serial("officer") +
                             "/leave/ledger?from=" + days[0] + "&to=" + days[0]);
  ASSERT_EQ(ledger.status, 200);
  bool usage = false;
  for (const auto& e : ledger.body["entries"]) {
    usage = usage || (e["kind"] == "usage" &&
                      e["source"] == "request " + std::to_string(r.body["id"].get<std::int64_t>()));
  }
  EXPECT_TRUE(usage) << ledger.raw;
}

// 4.010-PRO-1.2: the team calendar for sergeants and up, who is off per day.
TEST_P(LeaveApiTest, Pro1UnitLeaveCalendarForSergeantsAndUp) {
  ApiClient sergeant = signed_in("sergeant");
  const std::string unit = server->who("sergeant").unit;
  Reply r =
      sergeant.get("/api/v1/units/" + unit + "/leave-calendar?from=" + server->today.to_string() +
                   "&to=" + server->today.plus_days(6).to_string());
  ASSERT_EQ(r.status, 200) << r.raw;
  ASSERT_FALSE(r.body["days"].empty());
  EXPECT_EQ(r.body["minimum_on_duty"], 2);
  for (const auto& d : r.body["days"]) {
    EXPECT_EQ(d["on_duty"].get<int>(), static_cast<int>(d["scheduled"].size() - d["off"].size()));
  }
  ApiClient captain = signed_in("captain");
  EXPECT_EQ(captain.get("/api/v1/units/" + unit + "/leave-calendar").status, 200);
  ApiClient officer = signed_in("officer");
  EXPECT_EQ(officer.get("/api/v1/units/" + unit + "/leave-calendar").status, 404);
  EXPECT_EQ(sergeant.get("/api/v1/units/" + unit + "/leave-calendar?from=2026-11-30&to=2026-11-01")
                .status,
            422);
}

// Payroll's accrual run posts per pay period once; others may not run it.
// Payroll places an employee's 4-2 rotation (anchor rule 1); leave and the
// timesheet prefill then see the same shifts. Only Payroll; a bad date is 422.
TEST_P(LeaveApiTest, PayrollSetsTheScheduleAnchorAndTimeRecordsAgree) {
  ApiClient officer = signed_in("officer");
  ApiClient payroll = signed_in("payroll");
  const std::string path = "/api/v1/employees/" + serial("officer") + "/schedule";
  const Date anchor = server->today.plus_days(1);
  EXPECT_EQ(officer.post(path, {{"anchor", anchor.to_string()}}).status, 403);
  Reply bad = payroll.post(path, {{"anchor", "2026-02-30"}});
  EXPECT_EQ(bad.status, 422) << bad.raw;
  EXPECT_EQ(bad.body["error"]["details"][0]["field"], "anchor");
  Reply set = payroll.post(path, {{"anchor", anchor.to_string()}});
  ASSERT_EQ(set.status, 200) << set.raw;
  EXPECT_EQ(set.body["anchor"], anchor.to_string());
  // 4-2: four days on from the anchor, two off.
  std::vector<std::string> expected;
  for (int i = 0; i < 4; ++i) expected.push_back(anchor.plus_days(i).to_string());
  EXPECT_EQ(shifts(officer, "officer", anchor, 6), expected);
  // A later anchor moves the rotation; the earlier one stays as a version.
  ASSERT_EQ(payroll.post(path, {{"anchor", anchor.plus_days(2).to_string()}}).status, 200);
  const auto moved = shifts(officer, "officer", anchor, 6);
  ASSERT_FALSE(moved.empty());
  EXPECT_EQ(moved.front(), anchor.plus_days(2).to_string());
  // The timesheet of that pay period is prefilled with the same shifts.
  Reply sheet = officer.post("/api/v1/timesheets",
                             {{"employee", serial("officer")}, {"period", anchor.to_string()}});
  ASSERT_EQ(sheet.status, 201) << sheet.raw;
  const Date first = Date::parse(sheet.body["period"]["first"].get<std::string>()).value();
  const Date last = Date::parse(sheet.body["period"]["last"].get<std::string>()).value();
  std::set<std::string> worked;  // regular time, or posted leave in its place
  for (const auto& l : sheet.body["draft"]) {
    if (l["code"] == "regular" || l["code"] == "leave") worked.insert(l["date"]);
  }
  const auto scheduled =
      shifts(officer, "officer", first, static_cast<int>(days_between(first, last)) + 1);
  EXPECT_EQ(std::vector<std::string>(worked.begin(), worked.end()), scheduled);
}

TEST_P(LeaveApiTest, AccrualRunIsPayrollsAndIdempotent) {
  ApiClient payroll = signed_in("payroll");
  ApiClient sergeant = signed_in("sergeant");
  const std::string path = "/api/v1/leave/accruals?through=" + server->today.to_string();
  EXPECT_EQ(sergeant.post(path, json{}).status, 403);
  // The department-wide dry run reports what is due and writes nothing.
  Reply dry = payroll.post(path + "&dry_run=1", json{});
  ASSERT_EQ(dry.status, 200) << dry.raw;
  EXPECT_GT(dry.body["employees"].get<int>(), 100);
  EXPECT_TRUE(dry.body["skipped"].empty()) << "every demo bargaining unit has rules";
  EXPECT_GT(dry.body["accrual_entries"].get<int>(), 0);
  // For one employee: vacation and sick per pay period since January 1, the
  // holidays (10 observed by Nov 23 2026) and the four furlough grants (SPOG).
  const std::string one = path + "&employee=" + serial("officer");
  Reply first = payroll.post(one, json{});
  ASSERT_EQ(first.status, 200) << first.raw;
  EXPECT_EQ(first.body["employees"], 1);
  EXPECT_EQ(first.body["accrual_entries"], 2 * 23);  // periods ending 2026-01-13 .. 11-17
  EXPECT_EQ(first.body["holiday_credits"], 8);
  EXPECT_EQ(first.body["furlough_grants"], 4);
  Reply again = payroll.post(one, json{});
  ASSERT_EQ(again.status, 200);
  EXPECT_EQ(again.body["accrual_entries"], 0);
  EXPECT_EQ(again.body["holiday_credits"], 0);
  EXPECT_EQ(again.body["furlough_grants"], 0);
  EXPECT_EQ(payroll.post("/api/v1/leave/accruals?through=2027-06-01", json{}).status, 422);
  EXPECT_EQ(payroll.post(path + "&employee=NOPE", json{}).status, 422);
}

// 4.010-POL-7: extension employee -> bureau chief -> Payroll; the year-end dry
// run reports, the run applies once, after December 31 only.
TEST_P(LeaveApiTest, Pol7ExtensionAndYearEndDryRunThenApplyOnce) {
  accrue();
  ApiClient officer = signed_in("officer");
  ApiClient chief = signed_in("bureau-chief");
  ApiClient payroll = signed_in("payroll");
  Reply ext = officer.post("/api/v1/leave-extensions", {{"year", 2026},
                                                        {"banks", {"holiday"}},
                                                        {"until", "2027-03-31"},
                                                        {"reason", "deployed in December"}});
  ASSERT_EQ(ext.status, 201) << ext.raw;
  const std::int64_t id = ext.body["id"];
  EXPECT_EQ(officer
                .post("/api/v1/leave-extensions/" + std::to_string(id) + "/steps",
                      {{"action", "grant"}, {"version", 1}})
                .status,
            403);
  // "through their chain of command to their Bureau Chief": sergeant,
  // lieutenant, captain, then the bureau chief, each forwarding in turn.
  const std::string steps = "/api/v1/leave-extensions/" + std::to_string(id) + "/steps";
  ASSERT_EQ(ext.body["route"]["hops"].size(), 4u) << ext.raw;
  EXPECT_EQ(ext.body["route"]["hops"][0]["recipient"]["serial"], serial("sergeant"));
  EXPECT_EQ(ext.body["route"]["hops"][3]["recipient"]["serial"], serial("bureau-chief"));
  EXPECT_EQ(chief.post(steps, {{"action", "grant"}, {"version", 1}, {"comments", "early"}}).status,
            409);  // still with the sergeant
  EXPECT_EQ(chief.post(steps, {{"action", "forward"}, {"version", 1}}).status, 403);
  int version = 1;
  for (const char* link : {"sergeant", "lieutenant", "captain"}) {
    ApiClient holder = signed_in(link);
    Reply inbox = holder.get("/api/v1/inbox");
    bool listed = false;
    for (const auto& item : inbox.body["items"]) {
      listed = listed || (item["kind"] == "leave-extension" && item["id"] == id &&
                          item["actions"] == json::array({"forward"}));
    }
    EXPECT_TRUE(listed) << link << " should have the extension to forward: " << inbox.raw;
    Reply fwd = holder.post(steps, {{"action", "forward"}, {"version", version}});
    ASSERT_EQ(fwd.status, 200) << link << ": " << fwd.raw;
    ++version;
  }
  Reply granted =
      chief.post(steps, {{"action", "grant"}, {"version", version}, {"comments", "approved"}});
  ASSERT_EQ(granted.status, 200) << granted.raw;
  EXPECT_EQ(granted.body["state"], "granted");
  EXPECT_TRUE(granted.body["route"]["delivered"].get<bool>());
  Reply sent = chief.post(steps, {{"action", "send-to-payroll"}, {"version", version + 1}});
  ASSERT_EQ(sent.status, 200) << sent.raw;
  EXPECT_EQ(sent.body["state"], "sent-to-payroll");
  EXPECT_EQ(officer.post("/api/v1/leave/year-end?year=2026&dry_run=1", json{}).status, 403);
  Reply dry = payroll.post("/api/v1/leave/year-end?year=2026&dry_run=1", json{});
  ASSERT_EQ(dry.status, 200) << dry.raw;
  EXPECT_FALSE(dry.body["applied"].get<bool>());
  EXPECT_EQ(dry.body["furlough_deadline"], "2026-12-29");
  bool carried = false;
  for (const auto& i : dry.body["items"]) {
    carried = carried || (i["kind"] == "carry" && i["employee"]["serial"] == serial("officer"));
  }
  EXPECT_TRUE(carried) << "the officer's holiday balance is carried by the extension";
  Reply early = payroll.post("/api/v1/leave/year-end?year=2026&dry_run=0", json{});
  EXPECT_EQ(early.status, 409) << early.raw;
  server->clock.set(
      Instant(std::chrono::sys_days(std::chrono::year(2027) / 1 / 6) + std::chrono::hours(18)));
  ApiClient payroll2 = signed_in("payroll");
  Reply applied = payroll2.post("/api/v1/leave/year-end?year=2026&dry_run=0", json{});
  ASSERT_EQ(applied.status, 200) << applied.raw;
  EXPECT_TRUE(applied.body["applied"].get<bool>());
  EXPECT_EQ(applied.body["entries_posted"].get<int>() > 0, !applied.body["items"].empty());
  EXPECT_EQ(payroll2.post("/api/v1/leave/year-end?year=2026&dry_run=0", json{}).status, 409);
}

// The supervisor's pending leave steps reach GET /api/v1/inbox through
// append_leave_inbox (wired by review_api.cc); here through scope=queue.
TEST_P(LeaveApiTest, CancelBeforeTheLeaveReturnsThePendingHours) {
  accrue();
  ApiClient officer = signed_in("officer");
  const auto days = shifts(officer, "officer", window().plus_days(100), 10);
  const json before = bank(officer, "officer", "vacation");
  Reply sub = officer.post("/api/v1/leave-requests",
                           {{"type", "vacation"}, {"first", days[0]}, {"last", days[0]}});
  ASSERT_EQ(sub.status, 201) << sub.raw;
  Reply cancelled = step(officer, sub.body["id"], {{"action", "cancel"}});
  ASSERT_EQ(cancelled.status, 200) << cancelled.raw;
  EXPECT_EQ(cancelled.body["state"], "cancelled");
  EXPECT_EQ(bank(officer, "officer", "vacation")["available"], before["available"]);
}

INSTANTIATE_TEST_SUITE_P(Engines, LeaveApiTest, ::testing::ValuesIn(test_engines()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace rollcall::testing
