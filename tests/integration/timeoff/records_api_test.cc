// 4.010 time records over the API on both engines, each step by its role:
// timesheets and the noon-Wednesday deadline across daylight saving
// (4.010-POL-3, POL-4), corrections inside and beyond 45 days (POL-8), AWOL
// (POL-9), comp time earned and cashed out (POL-10), release time (POL-11,
// PRO-2), circle furloughs (POL-12), special duty (POL-13) and guild days
// (POL-14). Wrong roles get 403, people out of scope 404, bad fields 422,
// and a refused step writes nothing.
#include <gtest/gtest.h>

#include "support/api_fixture.h"
#include "time/instant.h"

namespace rollcall::testing {
namespace {

using nlohmann::json;

class RecordsApiTest : public ApiTest {
 protected:
  std::string serial(const std::string& who) { return server->who(who).serial; }

  // Opens `who`'s timesheet for the pay period containing `day` as `c`.
  json open_sheet(ApiClient& c, const std::string& who, const std::string& day) {
    Reply r = c.post("/api/v1/timesheets", {{"employee", serial(who)}, {"period", day}});
    EXPECT_EQ(r.status, 201) << r.raw;
    return r.body;
  }
  Reply step(ApiClient& c, const std::string& path, json body) {
    return c.post(path + "/steps", body);
  }
  // The first date the timesheet's prefill has regular (scheduled) time on.
  static std::string first_scheduled(const json& sheet) {
    for (const auto& l : sheet["draft"]) {
      if (l["code"] == "regular") return l["date"];
    }
    return "";
  }
  // Moves the clock to `utc` and signs `who` in again (sessions idle out).
  ApiClient at(const std::string& utc, const std::string& who) {
    server->clock.set(parse_utc(utc).value());
    return signed_in(who);
  }
};

TEST_P(RecordsApiTest, TimesheetOpenedPrefilledSubmittedApprovedAndCompBanked) {
  ApiClient officer = signed_in("officer");
  ApiClient sergeant = signed_in("sergeant");
  ApiClient committee = signed_in("committee");
  const std::string today = server->today.to_string();  // 2026-11-23

  // 4.010-POL-4: one timesheet per employee per pay period, prefilled.
  json sheet = open_sheet(officer, "officer", today);
  const std::string id = std::to_string(sheet["id"].get<std::int64_t>());
  EXPECT_EQ(sheet["period"]["first"], "2026-11-18");
  EXPECT_EQ(sheet["period"]["last"], "2026-12-01");
  // POL-3: noon on the Wednesday after the period, Pacific standard time.
  EXPECT_EQ(sheet["due"], "2026-12-02T20:00:00Z");
  EXPECT_EQ(sheet["state"], "open");
  ASSERT_FALSE(first_scheduled(sheet).empty()) << sheet.dump();
  EXPECT_EQ(officer.post("/api/v1/timesheets", {{"employee", serial("officer")}, {"period", today}})
                .status,
            409);
  // Out of scope: someone outside the chain, HR and Payroll learns nothing.
  EXPECT_EQ(committee.get("/api/v1/timesheets/" + id).status, 404);
  EXPECT_EQ(committee.get("/api/v1/timesheets?employee=" + serial("officer")).status, 404);
  EXPECT_EQ(officer.get("/api/v1/timesheets?employee=" + serial("officer") + "&period=" + today)
                .body["id"],
            sheet["id"]);

  // A day's lines: field errors are 422 and write nothing.
  const std::string day = first_scheduled(sheet);
  Reply bad = officer.post("/api/v1/timesheets/" + id + "/lines",
                           {{"date", day}, {"lines", {{{"code", "regular"}, {"hours", 30}}}}});
  EXPECT_EQ(bad.status, 422) << bad.raw;
  EXPECT_EQ(officer
                .post("/api/v1/timesheets/" + id + "/lines",
                      {{"date", day}, {"lines", {{{"code", "nap"}, {"minutes", 60}}}}})
                .status,
            422);
  // POL-9: only a supervisor puts AWOL on a timesheet.
  EXPECT_EQ(officer
                .post("/api/v1/timesheets/" + id + "/lines",
                      {{"date", day}, {"lines", {{{"code", "awol"}, {"minutes", 60}}}}})
                .status,
            403);
  EXPECT_EQ(officer.get("/api/v1/timesheets/" + id).body["version"], 1);
  Reply lines = officer.post(
      "/api/v1/timesheets/" + id + "/lines",
      {{"date", day},
       {"version", 1},
       {"lines",
        {{{"code", "regular"}, {"hours", 8}}, {{"code", "overtime-comp"}, {"hours", 2}}}}});
  ASSERT_EQ(lines.status, 200) << lines.raw;
  EXPECT_EQ(lines.body["version"], 2);
  // A stale version is refused.
  EXPECT_EQ(
      officer
          .post("/api/v1/timesheets/" + id + "/lines",
                {{"date", day}, {"version", 1}, {"lines", {{{"code", "regular"}, {"hours", 8}}}}})
          .status,
      409);

  // POL-3: the employee submits; only the supervisor approves.
  EXPECT_EQ(step(sergeant, "/api/v1/timesheets/" + id, {{"action", "approve"}}).status, 409);
  ASSERT_EQ(step(officer, "/api/v1/timesheets/" + id, {{"action", "submit"}}).status, 200);
  EXPECT_EQ(step(officer, "/api/v1/timesheets/" + id, {{"action", "approve"}}).status, 403);
  EXPECT_EQ(step(sergeant, "/api/v1/timesheets/" + id, {{"action", "return"}}).status, 422);
  Reply approved = step(sergeant, "/api/v1/timesheets/" + id, {{"action", "approve"}});
  ASSERT_EQ(approved.status, 200) << approved.raw;
  EXPECT_EQ(approved.body["state"], "approved");
  EXPECT_FALSE(approved.body["approved_late"].get<bool>());
  // POL-10: two elected overtime hours bank three hours of comp time.
  EXPECT_EQ(approved.body["comp_earned"]["banked"]["minutes"], 180);
  Reply comp = officer.get("/api/v1/comp-time?employee=" + serial("officer"));
  ASSERT_EQ(comp.status, 200) << comp.raw;
  EXPECT_EQ(comp.body["available"]["minutes"], 180);
  EXPECT_EQ(comp.body["cap"]["hours"], 480.0);
}

TEST_P(RecordsApiTest, DeadlineIsNoonWednesdayInADaylightSavingWeek) {
  // 4.010-POL-3: the pay period 2027-03-10..23 spans the spring-forward change
  // (2027-03-14); its deadline is Wednesday 2027-03-24 at noon PDT = 19:00Z,
  // an hour earlier in UTC than the winter deadlines.
  ApiClient officer = signed_in("officer");
  json sheet = open_sheet(officer, "officer", "2027-03-15");
  EXPECT_EQ(sheet["period"]["first"], "2027-03-10");
  EXPECT_EQ(sheet["due"], "2027-03-24T19:00:00Z");
  json winter = open_sheet(officer, "officer", "2027-03-01");
  EXPECT_EQ(winter["due"], "2027-03-10T20:00:00Z");
  const auto id = sheet["id"].get<std::int64_t>();
  auto listed = [&](ApiClient& c) {
    Reply r = c.get("/api/v1/timesheets/overdue");
    EXPECT_EQ(r.status, 200) << r.raw;
    for (const auto& row : r.body["overdue"]) {
      if (row["timesheet"] == id) return true;
    }
    return false;
  };
  ApiClient payroll = at("2027-03-24T19:00:00Z", "payroll");  // noon exactly: on time
  EXPECT_FALSE(listed(payroll));
  ApiClient sergeant = at("2027-03-24T19:00:01Z", "sergeant");
  payroll = signed_in("payroll");
  EXPECT_TRUE(listed(payroll));
  EXPECT_TRUE(listed(sergeant));  // the officer is in the sergeant's squad
  Reply csv = payroll.get("/api/v1/timesheets/overdue?format=csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_NE(csv.raw.find(serial("officer")), std::string::npos);
  EXPECT_NE(csv.raw.find("2027-03-24T19:00:00Z"), std::string::npos);
  // An employee has no overdue list.
  ApiClient officer_now = signed_in("officer");
  EXPECT_EQ(officer_now.get("/api/v1/timesheets/overdue").status, 403);
  // Approved after the deadline: approved, flagged late.
  ASSERT_EQ(
      step(officer_now, "/api/v1/timesheets/" + std::to_string(id), {{"action", "submit"}}).status,
      200);
  Reply late = step(sergeant, "/api/v1/timesheets/" + std::to_string(id), {{"action", "approve"}});
  ASSERT_EQ(late.status, 200) << late.raw;
  EXPECT_TRUE(late.body["approved_late"].get<bool>());
  EXPECT_FALSE(listed(payroll));
}

TEST_P(RecordsApiTest, CorrectionsWithinFortyFiveDaysThenThroughTheChain) {
  ApiClient officer = signed_in("officer");
  ApiClient sergeant = signed_in("sergeant");
  json sheet = open_sheet(officer, "officer", server->today.to_string());
  const std::string id = std::to_string(sheet["id"].get<std::int64_t>());
  const std::string day = first_scheduled(sheet);
  ASSERT_EQ(step(officer, "/api/v1/timesheets/" + id, {{"action", "submit"}}).status, 200);
  ASSERT_EQ(step(sergeant, "/api/v1/timesheets/" + id, {{"action", "approve"}}).status, 200);
  const json fix = {
      {"day", day},
      {"reason", "court overtime missed"},
      {"lines", {{{"code", "regular"}, {"hours", 8}}, {{"code", "overtime"}, {"hours", 1}}}}};
  // 4.010-POL-8: the supervisor asks; the employee may not.
  EXPECT_EQ(officer.post("/api/v1/timesheets/" + id + "/corrections", fix).status, 403);
  EXPECT_EQ(sergeant
                .post("/api/v1/timesheets/" + id + "/corrections",
                      {{"day", day}, {"lines", fix["lines"]}})
                .status,
            422);
  Reply on_time = sergeant.post("/api/v1/timesheets/" + id + "/corrections", fix);
  ASSERT_EQ(on_time.status, 201) << on_time.raw;
  EXPECT_EQ(on_time.body["state"], "with-payroll");
  EXPECT_FALSE(on_time.body["exception"].get<bool>());
  const std::string cid = "/api/v1/corrections/" + std::to_string(on_time.body["id"].get<int>());
  ApiClient payroll = signed_in("payroll");
  EXPECT_EQ(step(sergeant, cid, {{"action", "approve"}}).status, 403);
  EXPECT_EQ(step(payroll, cid, {{"action", "refuse"}}).status, 422);
  ASSERT_EQ(step(payroll, cid, {{"action", "approve"}}).status, 200);
  Reply applied = step(payroll, cid, {{"action", "apply"}});
  ASSERT_EQ(applied.status, 200) << applied.raw;
  EXPECT_EQ(applied.body["state"], "applied");
  EXPECT_EQ(applied.body["applied_version"], 2);
  Reply corrected = payroll.get("/api/v1/timesheets/" + id);
  EXPECT_EQ(corrected.body["versions"].size(), 2u);
  int day_minutes = 0;
  for (const auto& l : corrected.body["lines"]) {
    if (l["date"] == day) day_minutes += l["minutes"].get<int>();
  }
  EXPECT_EQ(day_minutes, 540);  // the day's lines replaced: 8 regular + 1 overtime

  // Beyond 45 days from the day in question: an exception through the chain
  // (lieutenant, captain) to the bureau chief, then Payroll.
  const Date d = Date::parse(day).value();
  const std::string late_at =
      format_utc(std::chrono::sys_days(std::chrono::days(d.plus_days(46).days_since_epoch())) +
                 std::chrono::hours(20));
  sergeant = at(late_at, "sergeant");
  Reply late = sergeant.post("/api/v1/timesheets/" + id + "/corrections", fix);
  ASSERT_EQ(late.status, 201) << late.raw;
  EXPECT_TRUE(late.body["exception"].get<bool>());
  EXPECT_EQ(late.body["state"], "with-bureau-chief");
  const json& hops = late.body["routing"]["hops"];
  ASSERT_GE(hops.size(), 2u);
  EXPECT_EQ(hops.back()["recipient"]["serial"], serial("bureau-chief"));
  const std::string lid = "/api/v1/corrections/" + std::to_string(late.body["id"].get<int>());
  ApiClient chief = signed_in("bureau-chief");
  // Not delivered yet: the bureau chief cannot decide before the chain forwards it.
  EXPECT_EQ(step(chief, lid, {{"action", "grant"}}).status, 409);
  // Each link forwards in turn until the bureau chief holds it.
  for (int guard = 0; guard < 6; ++guard) {
    Reply now = chief.get(lid);
    if (now.body["routing"]["delivered"].get<bool>()) break;
    const std::string holder = now.body["routing"]["holder"]["serial"];
    std::string who;
    for (const auto& c : server->cast) {
      if (c.serial == holder) who = c.username;
    }
    ASSERT_FALSE(who.empty()) << "the holder " << holder << " has no demo sign-in";
    ApiClient link = signed_in(who);
    ASSERT_EQ(step(link, lid, {{"action", "forward"}}).status, 200);
  }
  Reply granted = step(chief, lid, {{"action", "grant"}, {"comments", "court records were late"}});
  ASSERT_EQ(granted.status, 200) << granted.raw;
  EXPECT_EQ(granted.body["state"], "with-payroll");
}

// 4.010-POL-8 with POL-10: a correction Payroll applies that changes elected
// overtime re-posts the comp time the timesheet banked (up and down).
TEST_P(RecordsApiTest, AppliedCorrectionRepostsCompTime) {
  ApiClient officer = signed_in("officer");
  ApiClient sergeant = signed_in("sergeant");
  ApiClient payroll = signed_in("payroll");
  auto comp = [&]() {
    Reply r = officer.get("/api/v1/comp-time");
    EXPECT_EQ(r.status, 200) << r.raw;
    return r.body["balance"]["minutes"].get<std::int64_t>();
  };
  const std::int64_t before = comp();
  json sheet = open_sheet(officer, "officer", server->today.to_string());
  const std::string id = std::to_string(sheet["id"].get<std::int64_t>());
  const std::string day = first_scheduled(sheet);
  ASSERT_EQ(
      officer
          .post(
              "/api/v1/timesheets/" + id + "/lines",
              {{"date", day},
               {"lines",
                {{{"code", "regular"}, {"hours", 8}}, {{"code", "overtime-comp"}, {"hours", 2}}}}})
          .status,
      200);
  ASSERT_EQ(step(officer, "/api/v1/timesheets/" + id, {{"action", "submit"}}).status, 200);
  ASSERT_EQ(step(sergeant, "/api/v1/timesheets/" + id, {{"action", "approve"}}).status, 200);
  EXPECT_EQ(comp(), before + 180);  // 2 h at time and a half
  auto correct = [&](int comp_hours) {
    json lines = {{{"code", "regular"}, {"hours", 8}}};
    if (comp_hours > 0) lines.push_back({{"code", "overtime-comp"}, {"hours", comp_hours}});
    Reply c = sergeant.post("/api/v1/timesheets/" + id + "/corrections",
                            {{"day", day}, {"reason", "court overtime"}, {"lines", lines}});
    ASSERT_EQ(c.status, 201) << c.raw;
    const std::string cid = "/api/v1/corrections/" + std::to_string(c.body["id"].get<int>());
    ASSERT_EQ(step(payroll, cid, {{"action", "approve"}}).status, 200);
    Reply applied = step(payroll, cid, {{"action", "apply"}});
    ASSERT_EQ(applied.status, 200) << applied.raw;
  };
  correct(4);
  EXPECT_EQ(comp(), before + 360);  // re-posted: 4 h at time and a half
  correct(0);
  EXPECT_EQ(comp(), before);  // no elected overtime left: nothing banked
  Reply ledger = officer.get("/api/v1/employees/" + serial("officer") + "/leave/ledger");
  int adjustments = 0;
  for (const auto& e : ledger.body["entries"]) {
    if (e["source"] == "timesheet " + id && e["kind"] == "adjustment") ++adjustments;
  }
  EXPECT_EQ(adjustments, 2) << ledger.raw;
}

TEST_P(RecordsApiTest, AwolIsUnpaidWithTheMemoToHrAndACopyUpTheChain) {
  ApiClient officer = signed_in("officer");
  ApiClient sergeant = signed_in("sergeant");
  ApiClient hr = signed_in("hr");
  ApiClient committee = signed_in("committee");
  json sheet = open_sheet(officer, "officer", server->today.to_string());
  const std::string day = first_scheduled(sheet);
  const json body = {{"employee", serial("officer")},
                     {"date", day},
                     {"hours", 2},
                     {"circumstances", "did not report for the shift, no call"}};
  // 4.010-POL-9: only the supervisor records AWOL.
  EXPECT_EQ(officer.post("/api/v1/awol", body).status, 403);
  EXPECT_EQ(committee.post("/api/v1/awol", body).status, 404);
  json no_memo = body;
  no_memo.erase("circumstances");
  EXPECT_EQ(sergeant.post("/api/v1/awol", no_memo).status, 422);
  json too_long = body;
  too_long["hours"] = 30;
  EXPECT_EQ(sergeant.post("/api/v1/awol", too_long).status, 422);
  EXPECT_EQ(hr.get("/api/v1/awol").body["awol"].size(), 0u);

  Reply rec = sergeant.post("/api/v1/awol", body);
  ASSERT_EQ(rec.status, 201) << rec.raw;
  EXPECT_FALSE(rec.body["paid"].get<bool>());
  EXPECT_EQ(rec.body["minutes"], 120);
  EXPECT_EQ(rec.body["memo"]["hr_director"]["serial"], serial("hr"));
  EXPECT_EQ(rec.body["memo"]["copy"]["hops"].back()["recipient"]["serial"], serial("bureau-chief"));
  // The unpaid line is on the timesheet.
  Reply ts = officer.get("/api/v1/timesheets/" + std::to_string(rec.body["timesheet"].get<int>()));
  bool awol_line = false;
  for (const auto& l : ts.body["draft"]) awol_line |= l["code"] == "awol" && l["date"] == day;
  EXPECT_TRUE(awol_line) << ts.raw;
  EXPECT_EQ(ts.body["totals"]["unpaid"]["minutes"], 120);
  // Kept and listed: HR sees every record; others out of scope see nothing.
  EXPECT_EQ(hr.get("/api/v1/awol").body["awol"].size(), 1u);
  EXPECT_EQ(committee.get("/api/v1/awol").body["awol"].size(), 0u);
  const std::string aid = "/api/v1/awol/" + std::to_string(rec.body["id"].get<int>());
  EXPECT_EQ(committee.get(aid).status, 404);
  // The copy moves up one holder at a time; the sergeant does not hold it.
  EXPECT_EQ(sergeant.post(aid + "/forward", json::object()).status, 403);
}

TEST_P(RecordsApiTest, CompTimeCashOutGoesToPayrollAndPostsTheLedger) {
  ApiClient officer = signed_in("officer");
  ApiClient sergeant = signed_in("sergeant");
  ApiClient payroll = signed_in("payroll");
  json sheet = open_sheet(officer, "officer", server->today.to_string());
  const std::string id = std::to_string(sheet["id"].get<std::int64_t>());
  ASSERT_EQ(officer
                .post("/api/v1/timesheets/" + id + "/lines",
                      {{"date", first_scheduled(sheet)},
                       {"lines", {{{"code", "overtime-comp"}, {"hours", 4}}}}})
                .status,
            200);
  ASSERT_EQ(step(officer, "/api/v1/timesheets/" + id, {{"action", "submit"}}).status, 200);
  ASSERT_EQ(step(sergeant, "/api/v1/timesheets/" + id, {{"action", "approve"}}).status, 200);
  // 4.010-POL-10: 4 elected hours bank 6; no more than that can be cashed out.
  Reply too_much = officer.post("/api/v1/comp-time/cash-outs", {{"hours", 7}});
  EXPECT_EQ(too_much.status, 422);
  EXPECT_EQ(too_much.body["error"]["details"][0]["field"], "hours") << too_much.raw;
  EXPECT_EQ(
      sergeant.post("/api/v1/comp-time/cash-outs", {{"employee", serial("officer")}, {"hours", 1}})
          .status,
      403);
  Reply req = officer.post("/api/v1/comp-time/cash-outs", {{"hours", 5}});
  ASSERT_EQ(req.status, 201) << req.raw;
  EXPECT_EQ(req.body["state"], "requested");
  // A pending cash-out reduces what is available.
  EXPECT_EQ(officer.get("/api/v1/comp-time").body["available"]["minutes"], 60);
  const std::string cid =
      "/api/v1/comp-time/cash-outs/" + std::to_string(req.body["id"].get<int>());
  EXPECT_EQ(step(sergeant, cid, {{"action", "pay"}}).status, 403);
  EXPECT_EQ(step(officer, cid, {{"action", "pay"}}).status, 403);
  // Lists: the caller's own (scope=mine) and by state; Payroll sees them all.
  EXPECT_EQ(officer.get("/api/v1/comp-time/cash-outs?scope=mine").body["cash_outs"].size(), 1u);
  EXPECT_EQ(payroll.get("/api/v1/comp-time/cash-outs?scope=mine").body["cash_outs"].size(), 0u);
  EXPECT_EQ(payroll.get("/api/v1/comp-time/cash-outs?state=requested").body["cash_outs"].size(),
            1u);
  EXPECT_EQ(payroll.get("/api/v1/comp-time/cash-outs?state=paid").body["cash_outs"].size(), 0u);
  EXPECT_EQ(officer.get("/api/v1/comp-time/cash-outs?scope=everyone").status, 422);
  Reply paid = step(payroll, cid, {{"action", "pay"}});
  ASSERT_EQ(paid.status, 200) << paid.raw;
  EXPECT_EQ(paid.body["state"], "paid");
  Reply after = officer.get("/api/v1/comp-time");
  EXPECT_EQ(after.body["balance"]["minutes"], 60);
  EXPECT_EQ(step(payroll, cid, {{"action", "pay"}}).status, 409);
}

TEST_P(RecordsApiTest, ReleaseTimeFormGoesToPayrollTheChainAndTheFmlCoordinator) {
  ApiClient admin = signed_in("admin");
  // The FML coordinator (4.010-PRO-2.5–6): the HR director also holds it here.
  ASSERT_EQ(
      admin.post("/api/v1/role-grants", {{"serial", serial("hr")}, {"role", "fml-coordinator"}})
          .status,
      201);
  ApiClient officer = signed_in("officer");
  ApiClient sergeant = signed_in("sergeant");
  ApiClient payroll = signed_in("payroll");
  ApiClient fml = signed_in("hr");
  const Date t = server->today;
  json body = {{"relationship", "child"},
               {"emergency", "daughter admitted to hospital"},
               {"first_day", t.to_string()},
               {"last_day", t.plus_days(3).to_string()},
               {"hours", 10}};
  // POL-11: sworn only (Payroll's clerk is civilian).
  EXPECT_EQ(payroll.post("/api/v1/release-time", body).status, 422);
  Reply req = officer.post("/api/v1/release-time", body);
  ASSERT_EQ(req.status, 201) << req.raw;
  EXPECT_EQ(req.body["state"], "requested");
  const std::string rid = "/api/v1/release-time/" + std::to_string(req.body["id"].get<int>());
  // PRO-2.2: the supervisor approves an unforeseen family medical emergency.
  EXPECT_EQ(
      step(officer, rid, {{"action", "approve"}, {"unforeseen_medical_emergency", true}}).status,
      403);
  EXPECT_EQ(step(sergeant, rid, {{"action", "approve"}}).status, 422);  // not unforeseen
  ASSERT_EQ(
      step(sergeant, rid, {{"action", "approve"}, {"unforeseen_medical_emergency", true}}).status,
      200);
  ASSERT_EQ(step(sergeant, rid, {{"action", "complete-form"}}).status, 200);  // PRO-2.3
  Reply fwd = step(sergeant, rid, {{"action", "forward"}});                   // PRO-2.4–5
  ASSERT_EQ(fwd.status, 200) << fwd.raw;
  EXPECT_EQ(fwd.body["state"], "forwarded");
  EXPECT_EQ(fwd.body["payroll"]["serial"], serial("payroll"));
  EXPECT_EQ(fwd.body["copy"]["hops"].back()["recipient"]["serial"], serial("bureau-chief"));
  ASSERT_TRUE(fwd.body["fml"].is_object()) << "four consecutive days: the FML coordinator's task";
  EXPECT_EQ(fwd.body["fml"]["coordinator"]["serial"], serial("hr"));
  // A bureau commander may authorise more; a sergeant may not.
  EXPECT_EQ(step(sergeant, rid, {{"action", "authorize-additional"}, {"extra_hours", 2}}).status,
            403);
  ApiClient chief = signed_in("bureau-chief");
  Reply more = step(chief, rid, {{"action", "authorize-additional"}, {"extra_hours", 2}});
  ASSERT_EQ(more.status, 200) << more.raw;
  EXPECT_EQ(more.body["total"]["minutes"], 720);
  // Payroll receives the form in time: charged as release time.
  EXPECT_EQ(step(sergeant, rid, {{"action", "receive"}}).status, 403);
  Reply rec = step(payroll, rid, {{"action", "receive"}});
  ASSERT_EQ(rec.status, 200) << rec.raw;
  EXPECT_EQ(rec.body["charge"]["as"], "release-time");
  // PRO-2.6: the FML coordinator informs the employee.
  EXPECT_EQ(step(sergeant, rid, {{"action", "inform-fml"}}).status, 403);
  Reply informed = step(fml, rid, {{"action", "inform-fml"}});
  ASSERT_EQ(informed.status, 200) << informed.raw;
  EXPECT_FALSE(informed.body["fml"]["informed_at"].is_null());

  // A request that does not qualify is denied and charged as sick leave.
  json one_day = body;
  one_day["last_day"] = t.to_string();
  Reply second = officer.post("/api/v1/release-time", one_day);
  ASSERT_EQ(second.status, 201);
  const std::string sid = "/api/v1/release-time/" + std::to_string(second.body["id"].get<int>());
  Reply denied = step(sergeant, sid, {{"action", "deny"}, {"comments", "not a medical emergency"}});
  ASSERT_EQ(denied.status, 200) << denied.raw;
  EXPECT_EQ(denied.body["charge"]["as"], "sick-leave");
  EXPECT_TRUE(denied.body["fml"].is_null());
}

TEST_P(RecordsApiTest, CircleFurloughWithinFlsaAndTheDayOffTracked) {
  ApiClient officer = signed_in("officer");
  ApiClient sergeant = signed_in("sergeant");
  json sheet = open_sheet(officer, "officer", server->today.to_string());
  Reply req =
      officer.post("/api/v1/furlough-work",
                   {{"furlough_day", server->today.plus_days(1).to_string()}, {"hours", 10}});
  ASSERT_EQ(req.status, 201) << req.raw;
  EXPECT_EQ(req.body["flsa_period"]["limit"]["hours"], 171.0);  // 28-day sworn period
  EXPECT_EQ(req.body["day_off_status"], "not-owed");
  const std::string fid = "/api/v1/furlough-work/" + std::to_string(req.body["id"].get<int>());
  // 4.010-POL-12: the supervisor approves; not the employee.
  EXPECT_EQ(step(officer, fid, {{"action", "approve"}}).status, 403);
  EXPECT_EQ(step(sergeant, fid, {{"action", "deny"}}).status, 422);  // needs a reason
  Reply ok = step(sergeant, fid, {{"action", "approve"}});
  ASSERT_EQ(ok.status, 200) << ok.raw;
  EXPECT_EQ(ok.body["day_off_status"], "owed");
  // The normal work day off: a scheduled day in the same FLSA period
  // (2026-11-18..12-15), not the furlough day; an unscheduled day is refused.
  const std::string furlough_day = server->today.plus_days(1).to_string();
  std::string day_off;
  for (const auto& l : sheet["draft"]) {
    if (l["code"] == "regular" && l["date"] != furlough_day) {
      day_off = l["date"];
      break;
    }
  }
  ASSERT_FALSE(day_off.empty());
  EXPECT_EQ(step(sergeant, fid, {{"action", "day-off"}, {"day", furlough_day}}).status, 422);
  Reply off = step(sergeant, fid, {{"action", "day-off"}, {"day", day_off}});
  ASSERT_EQ(off.status, 200) << off.raw;
  EXPECT_EQ(off.body["day_off_status"], "taken");
  EXPECT_EQ(off.body["day_off"], day_off);
  EXPECT_EQ(step(sergeant, fid, {{"action", "day-off"}, {"day", day_off}}).status, 409);
}

TEST_P(RecordsApiTest, SpecialDutyByTheCaptainAndGuildDaysByTheGuildPresident) {
  ApiClient admin = signed_in("admin");
  ASSERT_EQ(admin
                .post("/api/v1/role-grants",
                      {{"serial", serial("lieutenant")}, {"role", "guild-president"}})
                .status,
            201);
  ApiClient officer = signed_in("officer");
  ApiClient sergeant = signed_in("sergeant");
  ApiClient captain = signed_in("captain");
  ApiClient president = signed_in("lieutenant");
  ApiClient payroll = signed_in("payroll");
  const std::string d1 = server->today.plus_days(7).to_string();
  // 4.010-POL-13: form 15.8; "other" needs a description.
  EXPECT_EQ(
      officer.post("/api/v1/special-duty", {{"days", {d1}}, {"hours", 8}, {"purpose", "other"}})
          .status,
      422);
  Reply sd = officer.post("/api/v1/special-duty",
                          {{"days", {d1}}, {"hours", 8}, {"purpose", "outside-testimony"}});
  ASSERT_EQ(sd.status, 201) << sd.raw;
  const std::string sid = "/api/v1/special-duty/" + std::to_string(sd.body["id"].get<int>());
  EXPECT_EQ(step(sergeant, sid, {{"action", "approve"}}).status, 403);
  Reply sd_ok = step(captain, sid, {{"action", "approve"}});
  ASSERT_EQ(sd_ok.status, 200) << sd_ok.raw;
  EXPECT_EQ(sd_ok.body["state"], "approved");
  EXPECT_EQ(step(captain, sid, {{"action", "disapprove"}, {"comments", "x"}}).status, 409);

  // 4.010-POL-14: SPOG officers and sergeants; the Guild president decides.
  EXPECT_EQ(payroll
                .post("/api/v1/guild-days",
                      {{"days", {d1}}, {"hours", 8}, {"business", "contract talks"}})
                .status,
            422);
  Reply gd = officer.post("/api/v1/guild-days",
                          {{"days", {d1}}, {"hours", 8}, {"business", "contract talks"}});
  ASSERT_EQ(gd.status, 201) << gd.raw;
  const std::string gid = "/api/v1/guild-days/" + std::to_string(gd.body["id"].get<int>());
  EXPECT_EQ(step(sergeant, gid, {{"action", "approve"}}).status, 403);
  EXPECT_EQ(step(captain, gid, {{"action", "approve"}}).status, 403);
  Reply gd_ok = step(president, gid, {{"action", "approve"}});
  ASSERT_EQ(gd_ok.status, 200) << gd_ok.raw;
  EXPECT_EQ(gd_ok.body["state"], "approved");
  EXPECT_EQ(gd_ok.body["decided_by"]["serial"], serial("lieutenant"));
}

INSTANTIATE_TEST_SUITE_P(Engines, RecordsApiTest, ::testing::ValuesIn(test_engines()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace rollcall::testing
