// 3.070-PRO-2 and 3.070-POL-6 over the API (issue 5): a Mentoring Plan opened
// from a concurred review, the lieutenant's review with the employee, the
// sergeant's coaching log and progress report with the lieutenant's
// concurrence; and the §6 debrief restrictions enforced by the server for a
// sergeant, lifted only after the OPA interview.
#include <gtest/gtest.h>

#include "support/api_fixture.h"

namespace rollcall::testing {
namespace {

using nlohmann::json;

class ApiPlanTest : public ApiTest {
 protected:
  Reply step(ApiClient& c, const std::string& what, std::int64_t id, json body) {
    Reply now = c.get("/api/v1/" + what + "/" + std::to_string(id));
    body["version"] = now.body.value("version", 0);
    return c.post("/api/v1/" + what + "/" + std::to_string(id) + "/steps", body);
  }
  // Walks a review of the demo officer to the bureau chief's concurrence with
  // a 30-day plan; returns its id.
  std::int64_t concurred_review() {
    ApiClient co = signed_in("coordinator");
    ApiClient cap = signed_in("captain");
    ApiClient lt = signed_in("lieutenant");
    ApiClient sgt = signed_in("sergeant");
    ApiClient bc = signed_in("bureau-chief");
    Reply r = co.post("/api/v1/reviews", {{"employee_serial", server->who("officer").serial},
                                          {"indicator", "B"},
                                          {"trigger_date", server->today.to_string()}});
    EXPECT_EQ(r.status, 201) << r.raw;
    const std::int64_t id = r.body.value("id", std::int64_t{0});
    const std::vector<std::pair<ApiClient*, json>> steps{
        {&co, {{"action", "notify-captain"}, {"assignee_serial", server->who("captain").serial}}},
        {&cap,
         {{"action", "assign-lieutenant"}, {"assignee_serial", server->who("lieutenant").serial}}},
        {&lt, {{"action", "review-circumstances"}, {"comments", "three uses of force"}}},
        {&lt,
         {{"action", "assign-sergeant"},
          {"assignee_serial", server->who("sergeant").serial},
          {"items", {"ride-alongs"}}}},
        {&sgt, {{"action", "review-incidents"}}},
        {&sgt, {{"action", "recommend"}, {"recommendation", "plan"}}},
        {&sgt, {{"action", "develop-plan"}, {"items", {"ride-alongs", "de-escalation"}}}},
        {&sgt, {{"action", "submit"}}},
        {&lt, {{"action", "lieutenant-recommend"}, {"recommendation", "plan"}}},
        {&cap, {{"action", "designate"}, {"designation", {{"plan", true}, {"period", "30"}}}}},
        {&cap, {{"action", "forward-to-coordinator"}}},
        {&co, {{"action", "receive"}}},
        {&co,
         {{"action", "forward-to-bureau-chief"},
          {"assignee_serial", server->who("bureau-chief").serial}}},
        {&bc, {{"action", "concur"}}},
    };
    for (const auto& [client, body] : steps) {
      Reply s = step(*client, "reviews", id, body);
      EXPECT_EQ(s.status, 200) << body.dump() << " " << s.raw;
    }
    return id;
  }
  std::int64_t create_event(ApiClient& co, json fields) {
    fields["employee_serial"] = server->who("officer").serial;
    fields["date"] = server->today.plus_days(-5).to_string();
    Reply r = co.post("/api/v1/events", fields);
    EXPECT_EQ(r.status, 201) << r.raw;
    return r.body.value("id", std::int64_t{0});
  }
  static json find_event(const Reply& r, std::int64_t id) {
    for (const auto& e : r.body["events"]) {
      if (e["event_id"] == id) return e;
    }
    return nullptr;
  }
};

TEST_P(ApiPlanTest, APlanIsOpenedCoachedAndReportedOnByItsPeopleOnly) {
  const std::int64_t review = concurred_review();
  ApiClient co = signed_in("coordinator");
  ApiClient lt = signed_in("lieutenant");
  ApiClient sgt = signed_in("sergeant");

  // The Coordinator's inbox holds the plan to open (PRO-2.1); only a Coordinator opens it.
  Reply inbox = co.get("/api/v1/inbox");
  bool listed = false;
  for (const auto& item : inbox.body["items"]) {
    listed |= item["kind"] == "pmp-plan-to-open" && item["review_id"] == review;
  }
  EXPECT_TRUE(listed) << inbox.raw;
  EXPECT_EQ(sgt.post("/api/v1/plans", {{"review_id", review}}).status, 403);
  Reply opened = co.post("/api/v1/plans", {{"review_id", review}});
  ASSERT_EQ(opened.status, 201) << opened.raw;
  EXPECT_EQ(co.post("/api/v1/plans", {{"review_id", review}}).status, 409);
  const std::int64_t id = opened.body["id"];
  EXPECT_EQ(opened.body["state"], "form-sent");
  EXPECT_EQ(opened.body["period_end"], server->today.plus_days(29).to_string());

  // PRO-2.2 the lieutenant first; the sergeant cannot coach before it.
  json ride{{"action", "log-coaching"},
            {"entry",
             {{"kind", "ride-along"},
              {"date", server->today.to_string()},
              {"minutes", 90},
              {"notes", "patrol, discussed de-escalation"}}}};
  EXPECT_EQ(step(sgt, "plans", id, ride).status, 409);
  EXPECT_EQ(step(sgt, "plans", id, {{"action", "review-with-employee"}, {"comments", "x"}}).status,
            403);
  ASSERT_EQ(
      step(lt, "plans", id, {{"action", "review-with-employee"}, {"comments", "met with both"}})
          .status,
      200);
  Reply logged = step(sgt, "plans", id, ride);
  ASSERT_EQ(logged.status, 200) << logged.raw;
  EXPECT_EQ(logged.body["coaching"].size(), 1u);
  EXPECT_TRUE(logged.body["weekly_compliance"].empty());  // the first week is under way

  // PRO-2.7–2.8 a report needs its PAS entry; the lieutenant concurs (PRO-2.3).
  const std::string due = logged.body["reports"][0]["due"];
  Reply no_pas = step(
      sgt, "plans", id,
      {{"action", "submit-report"}, {"report_due", due}, {"items", {"ride-along 90 minutes"}}});
  EXPECT_EQ(no_pas.status, 400) << no_pas.raw;
  ASSERT_EQ(step(sgt, "plans", id,
                 {{"action", "submit-report"},
                  {"report_due", due},
                  {"items", {"ride-along 90 minutes"}},
                  {"pas_reference", "PAS-2026-1123"}})
                .status,
            200);
  EXPECT_EQ(step(sgt, "plans", id, {{"action", "concur-report"}, {"report_due", due}}).status, 403);
  Reply concurred = step(lt, "plans", id, {{"action", "concur-report"}, {"report_due", due}});
  ASSERT_EQ(concurred.status, 200) << concurred.raw;
  EXPECT_EQ(concurred.body["reports"][0]["status"], "concurred");
  EXPECT_EQ(concurred.body["reports"][0]["pas_reference"], "PAS-2026-1123");

  // §6 weekly compliance once the first work week (Sunday–Saturday) is over:
  // the plan started on a Monday, so 6 of 7 days: ceil(2 × 6/7) = 2 ride-alongs
  // and ceil(4 × 6/7) = 4 accompaniments were owed; one ride-along was logged.
  server->clock.advance(std::chrono::hours(24 * 6));
  Reply week = signed_in("sergeant").get("/api/v1/plans/" + std::to_string(id));
  ASSERT_EQ(week.status, 200) << week.raw;
  ASSERT_EQ(week.body["weekly_compliance"].size(), 1u) << week.raw;
  const json& w = week.body["weekly_compliance"][0];
  EXPECT_EQ(w["ride_alongs"]["required"], 2);
  EXPECT_EQ(w["ride_alongs"]["done"], 1);
  EXPECT_EQ(w["accompaniments"]["required"], 4);
  EXPECT_EQ(w["accompaniments"]["done"], 0);
  EXPECT_FALSE(w["compliant"].get<bool>());
  EXPECT_EQ(w["missing"].size(), 2u) << w.dump();

  // Outsiders: the plan does not exist for them.
  ApiClient payroll = signed_in("payroll");
  co = signed_in("coordinator");
  EXPECT_EQ(payroll.get("/api/v1/plans/" + std::to_string(id)).status, 404);
  EXPECT_EQ(payroll.get("/api/v1/plans/" + std::to_string(id) + "/debriefs").status, 404);
  Reply csv = co.get("/api/v1/plans?format=csv&state=all");
  ASSERT_EQ(csv.status, 200);
  EXPECT_NE(csv.raw.find(std::to_string(id) + "," + std::to_string(review)), std::string::npos)
      << csv.raw;
}

TEST_P(ApiPlanTest, DebriefViewsWithholdTypeThreeAndOpenOpaComplaintsUntilTheInterview) {
  ApiClient co = signed_in("coordinator");
  const std::int64_t type3 = create_event(co, {{"kind", "use-of-force"},
                                               {"incident_number", "2026-T3-1"},
                                               {"force_type", "III"},
                                               {"firearm_discharge", false}});
  const std::int64_t type2 = create_event(co, {{"kind", "use-of-force"},
                                               {"incident_number", "2026-T2-1"},
                                               {"force_type", "II"},
                                               {"firearm_discharge", false}});
  const std::int64_t complaint = create_event(co, {{"kind", "complaint"},
                                                   {"incident_number", "2026OPA-0042"},
                                                   {"complaint_source", "OPA"},
                                                   {"complaint_open", true},
                                                   {"text", "alleged discourtesy at a stop"}});
  const std::int64_t review = concurred_review();
  Reply opened = co.post("/api/v1/plans", {{"review_id", review}});
  ASSERT_EQ(opened.status, 201) << opened.raw;
  const std::int64_t id = opened.body["id"];
  ApiClient lt = signed_in("lieutenant");
  ASSERT_EQ(step(lt, "plans", id, {{"action", "review-with-employee"}, {"comments", "met"}}).status,
            200);
  ApiClient sgt = signed_in("sergeant");
  const std::string path = "/api/v1/plans/" + std::to_string(id) + "/debriefs";

  Reply before = sgt.get(path);
  ASSERT_EQ(before.status, 200) << before.raw;
  const json t3 = find_event(before, type3);
  ASSERT_FALSE(t3.is_null()) << before.raw;
  EXPECT_EQ(t3["detail"], "existence-only");
  EXPECT_FALSE(t3.contains("event"));  // no incident number, no narrative: kind and date only
  EXPECT_EQ(before.raw.find("2026-T3-1"), std::string::npos);
  const json open_opa = find_event(before, complaint);
  EXPECT_EQ(open_opa["detail"], "existence-only");
  EXPECT_EQ(before.raw.find("discourtesy"), std::string::npos);
  EXPECT_EQ(find_event(before, type2)["detail"], "full");
  EXPECT_EQ(find_event(before, type2)["event"]["incident_number"], "2026-T2-1");

  // The sergeant cannot log a debrief of either.
  auto debrief = [&](std::int64_t event) {
    return step(sgt, "plans", id,
                {{"action", "log-coaching"},
                 {"entry",
                  {{"kind", "debrief"},
                   {"date", server->today.to_string()},
                   {"subject", "indicator-event"},
                   {"event_id", event},
                   {"notes", "after-action debrief"}}}});
  };
  EXPECT_EQ(debrief(type3).status, 400);
  EXPECT_EQ(debrief(complaint).status, 400);

  // After the OPA interview: general issues and best practices only.
  Reply corrected =
      co.post("/api/v1/events/" + std::to_string(complaint) + "/corrections",
              {{"opa_interview_given", true}, {"note", "OPA interviewed the officer"}});
  ASSERT_EQ(corrected.status, 200) << corrected.raw;
  Reply after = sgt.get(path);
  EXPECT_EQ(find_event(after, complaint)["detail"], "general-issues-only");
  EXPECT_EQ(after.raw.find("discourtesy"), std::string::npos);
  EXPECT_EQ(find_event(after, type3)["detail"], "existence-only");  // never lifted
  Reply held = debrief(complaint);
  ASSERT_EQ(held.status, 200) << held.raw;
  EXPECT_EQ(held.body["coaching"].back()["detail"], "general-issues-only");
  EXPECT_EQ(debrief(type3).status, 400);
}

INSTANTIATE_TEST_SUITE_P(Engines, ApiPlanTest, ::testing::ValuesIn(test_engines()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace rollcall::testing
