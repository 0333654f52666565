// 3.070-PRO-1 over the API (issue 5): one review walked from trigger to the
// bureau chief's concurrence by the demo cast, each step by its named role
// only; everyone's inbox; the Coordinator's pipeline and its CSV export;
// overdue deadlines as the simulated clock moves; versions and the audit.
#include <gtest/gtest.h>

#include "support/api_fixture.h"

namespace rollcall::testing {
namespace {

using nlohmann::json;

class ApiReviewTest : public ApiTest {
 protected:
  // Opens a review of the demo officer as the Coordinator; returns its id.
  std::int64_t open_review(ApiClient& coordinator) {
    Reply r = coordinator.post("/api/v1/reviews",
                               {{"employee_serial", server->who("officer").serial},
                                {"indicator", "B"},
                                {"trigger_date", server->today.plus_days(-2).to_string()},
                                {"event_ids", json::array()}});
    EXPECT_EQ(r.status, 201) << r.raw;
    return r.body.value("id", std::int64_t{0});
  }
  // Takes a step at the review's current version.
  Reply step(ApiClient& c, std::int64_t id, json body) {
    Reply now = c.get("/api/v1/reviews/" + std::to_string(id));
    body["version"] = now.body.value("version", 0);
    return c.post("/api/v1/reviews/" + std::to_string(id) + "/steps", body);
  }
  std::vector<std::int64_t> inbox_ids(ApiClient& c) {
    Reply r = c.get("/api/v1/inbox");
    EXPECT_EQ(r.status, 200) << r.raw;
    std::vector<std::int64_t> ids;
    for (const auto& item : r.body["items"]) ids.push_back(item["id"].get<std::int64_t>());
    return ids;
  }
  static bool contains(const std::vector<std::int64_t>& v, std::int64_t x) {
    return std::find(v.begin(), v.end(), x) != v.end();
  }
};

TEST_P(ApiReviewTest, OneReviewWalksTheChainEachStepByItsRoleOnly) {
  ApiClient coordinator = signed_in("coordinator");
  ApiClient captain = signed_in("captain");
  ApiClient lieutenant = signed_in("lieutenant");
  ApiClient sergeant = signed_in("sergeant");
  ApiClient chief = signed_in("bureau-chief");
  ApiClient officer = signed_in("officer");

  // PRO-1.1 only the Coordinator opens a review.
  Reply refused =
      sergeant.post("/api/v1/reviews", {{"employee_serial", server->who("officer").serial},
                                        {"indicator", "B"},
                                        {"trigger_date", server->today.to_string()}});
  EXPECT_EQ(refused.status, 403) << refused.raw;
  const std::int64_t id = open_review(coordinator);
  ASSERT_GT(id, 0);
  // A second review of the same employee while this one is open is refused.
  Reply twice =
      coordinator.post("/api/v1/reviews", {{"employee_serial", server->who("officer").serial},
                                           {"indicator", "D"},
                                           {"trigger_date", server->today.to_string()}});
  EXPECT_EQ(twice.status, 409) << twice.raw;

  // PRO-1.2 the captain may not notify themself; the Coordinator does.
  EXPECT_EQ(step(captain, id,
                 {{"action", "notify-captain"}, {"assignee_serial", server->who("captain").serial}})
                .status,
            403);
  EXPECT_TRUE(contains(inbox_ids(coordinator), id));
  Reply inbox_csv = coordinator.get("/api/v1/inbox?format=csv");
  EXPECT_NE(
      inbox_csv.raw.find("pmp-review," + std::to_string(id) + "," + server->who("officer").serial),
      std::string::npos)
      << inbox_csv.raw;
  Reply notified =
      step(coordinator, id,
           {{"action", "notify-captain"}, {"assignee_serial", server->who("captain").serial}});
  ASSERT_EQ(notified.status, 200) << notified.raw;
  EXPECT_EQ(notified.body["state"], "captain-notified");
  EXPECT_FALSE(contains(inbox_ids(coordinator), id));
  EXPECT_TRUE(contains(inbox_ids(captain), id));

  // A stale version is refused: someone acted first.
  Reply stale = captain.post("/api/v1/reviews/" + std::to_string(id) + "/steps",
                             {{"action", "assign-lieutenant"},
                              {"version", 1},
                              {"assignee_serial", server->who("lieutenant").serial}});
  EXPECT_EQ(stale.status, 409) << stale.raw;

  // PRO-1.3 … 1.6
  EXPECT_EQ(
      step(lieutenant, id,
           {{"action", "assign-lieutenant"}, {"assignee_serial", server->who("lieutenant").serial}})
          .status,
      403);
  ASSERT_EQ(
      step(captain, id,
           {{"action", "assign-lieutenant"}, {"assignee_serial", server->who("lieutenant").serial}})
          .status,
      200);
  // Skipping PRO-1.4 is refused.
  Reply skip = step(lieutenant, id,
                    {{"action", "assign-sergeant"},
                     {"assignee_serial", server->who("sergeant").serial},
                     {"items", {"ride-alongs"}}});
  EXPECT_EQ(skip.status, 409) << skip.raw;
  Reply no_comment = step(lieutenant, id, {{"action", "review-circumstances"}});
  EXPECT_EQ(no_comment.status, 400) << no_comment.raw;  // the domain's content rule
  ASSERT_EQ(step(lieutenant, id,
                 {{"action", "review-circumstances"}, {"comments", "three Type II uses of force"}})
                .status,
            200);
  ASSERT_EQ(step(lieutenant, id,
                 {{"action", "assign-sergeant"},
                  {"assignee_serial", server->who("sergeant").serial},
                  {"items", {"ride-alongs", "assigned-reading"}}})
                .status,
            200);
  EXPECT_TRUE(contains(inbox_ids(sergeant), id));

  // PRO-1.7 … 1.10 the sergeant.
  EXPECT_EQ(step(lieutenant, id, {{"action", "review-incidents"}}).status, 403);
  ASSERT_EQ(step(sergeant, id, {{"action", "review-incidents"}}).status, 200);
  ASSERT_EQ(step(sergeant, id, {{"action", "recommend"}, {"recommendation", "plan"}}).status, 200);
  ASSERT_EQ(step(sergeant, id,
                 {{"action", "develop-plan"}, {"items", {"de-escalation training", "ride-alongs"}}})
                .status,
            200);
  ASSERT_EQ(step(sergeant, id, {{"action", "submit"}}).status, 200);

  // PRO-1.11–1.13 the lieutenant returns it once, then recommends.
  ASSERT_EQ(
      step(lieutenant, id, {{"action", "return-to-sergeant"}, {"comments", "name the root cause"}})
          .status,
      200);
  ASSERT_EQ(step(sergeant, id, {{"action", "recommend"}, {"recommendation", "plan"}}).status, 200);
  ASSERT_EQ(step(sergeant, id,
                 {{"action", "develop-plan"}, {"items", {"root cause meeting", "ride-alongs"}}})
                .status,
            200);
  ASSERT_EQ(step(sergeant, id, {{"action", "submit"}}).status, 200);
  ASSERT_EQ(
      step(lieutenant, id, {{"action", "lieutenant-recommend"}, {"recommendation", "plan"}}).status,
      200);

  // PRO-1.15–1.16 the captain designates a 60-day plan and forwards it.
  Reply bad_period = step(
      captain, id, {{"action", "designate"}, {"designation", {{"plan", true}, {"period", "45"}}}});
  EXPECT_EQ(bad_period.status, 422) << bad_period.raw;
  ASSERT_EQ(step(captain, id,
                 {{"action", "designate"}, {"designation", {{"plan", true}, {"period", "60"}}}})
                .status,
            200);
  ASSERT_EQ(step(captain, id, {{"action", "forward-to-coordinator"}}).status, 200);

  // PRO-1.17–1.18 the Coordinator, then the bureau chief concurs.
  ASSERT_EQ(step(coordinator, id, {{"action", "receive"}}).status, 200);
  ASSERT_EQ(step(coordinator, id,
                 {{"action", "forward-to-bureau-chief"},
                  {"assignee_serial", server->who("bureau-chief").serial}})
                .status,
            200);
  EXPECT_TRUE(contains(inbox_ids(chief), id));
  EXPECT_EQ(step(coordinator, id, {{"action", "concur"}}).status, 403);
  Reply concurred = step(chief, id, {{"action", "concur"}});
  ASSERT_EQ(concurred.status, 200) << concurred.raw;
  EXPECT_EQ(concurred.body["state"], "plan-designated");
  EXPECT_EQ(concurred.body["designation"]["days"], 60);
  EXPECT_EQ(concurred.body["returns"], 1);
  EXPECT_EQ(concurred.body["history"].size(), 19u);
  EXPECT_TRUE(concurred.body["my_actions"].empty());
  EXPECT_FALSE(contains(inbox_ids(chief), id));

  // The employee sees their own review; every step is a stored version.
  Reply own = officer.get("/api/v1/reviews/" + std::to_string(id) + "?versions=1");
  ASSERT_EQ(own.status, 200) << own.raw;
  EXPECT_EQ(own.body["versions"].size(), 19u);
  EXPECT_EQ(own.body["versions"][0]["state"], "identified");
  EXPECT_EQ(own.body["versions"][18]["recorded_by"], "user:bureau-chief");

  // Every step wrote an audit record with the review's before and after.
  auto db = server->open_db();
  int audited = 0;
  const auto records = db->audit_records();  // kept: a loop over .value() of a temporary dangles
  ASSERT_TRUE(records.is_ok());
  for (const auto& rec : records.value()) {
    if (rec.entity == "pmp-review" && rec.entity_key == std::to_string(id)) ++audited;
  }
  EXPECT_EQ(audited, 19);
}

TEST_P(ApiReviewTest, OutsidersCannotSeeOrActAndTheListAndCsvShowOnlyWhatTheCallerMayRead) {
  ApiClient coordinator = signed_in("coordinator");
  const std::int64_t id = open_review(coordinator);
  ASSERT_GT(id, 0);
  // Payroll and the Committee are not in the chain: the review does not exist
  // for them, and a step is answered the same way.
  for (const char* who : {"payroll", "committee", "hr"}) {
    ApiClient c = signed_in(who);
    EXPECT_EQ(c.get("/api/v1/reviews/" + std::to_string(id)).status, 404) << who;
    EXPECT_EQ(c.post("/api/v1/reviews/" + std::to_string(id) + "/steps",
                     {{"action", "notify-captain"}, {"version", 1}})
                  .status,
              404)
        << who;
    Reply list = c.get("/api/v1/reviews?state=all");
    ASSERT_EQ(list.status, 200) << list.raw;
    EXPECT_TRUE(list.body["reviews"].empty()) << who;
  }
  Reply csv = coordinator.get("/api/v1/reviews?format=csv");
  ASSERT_EQ(csv.status, 200) << csv.raw;
  EXPECT_NE(csv.header("Content-Type").find("text/csv"), std::string::npos);
  EXPECT_EQ(csv.raw.rfind("review_id,serial,name,precinct,indicator", 0), 0u) << csv.raw;
  EXPECT_NE(csv.raw.find(std::to_string(id) + "," + server->who("officer").serial),
            std::string::npos)
      << csv.raw;
  EXPECT_EQ(coordinator.get("/api/v1/reviews?state=bogus").status, 422);
}

TEST_P(ApiReviewTest, AStepNotTakenByItsDueDateShowsOverdueInTheInboxAndThePipeline) {
  ApiClient coordinator = signed_in("coordinator");
  const std::int64_t id = open_review(coordinator);
  ASSERT_GT(id, 0);
  Reply fresh = coordinator.get("/api/v1/reviews/" + std::to_string(id));
  const std::string due = fresh.body["due"];
  EXPECT_EQ(due, server->today.plus_days(3).to_string());  // notify the captain: 3 days
  EXPECT_FALSE(fresh.body["overdue"].get<bool>());
  // Due on the day is not late; the day after is.
  server->clock.advance(std::chrono::hours(24 * 3));  // sessions expire: sign in again
  Reply on_the_day = signed_in("coordinator").get("/api/v1/inbox");
  ASSERT_EQ(on_the_day.status, 200) << on_the_day.raw;
  EXPECT_EQ(on_the_day.body["overdue"], 0);
  server->clock.advance(std::chrono::hours(24));
  ApiClient later = signed_in("coordinator");
  Reply inbox = later.get("/api/v1/inbox");
  EXPECT_EQ(inbox.body["overdue"], 1) << inbox.raw;
  Reply pipeline = later.get("/api/v1/reviews?overdue=1");
  ASSERT_EQ(pipeline.body["reviews"].size(), 1u) << pipeline.raw;
  EXPECT_EQ(pipeline.body["reviews"][0]["id"], id);
}

// 3.070 §5: a review opened for the demo officer is counted for their
// precinct and their sergeant, and nowhere else; the Committee sees the
// supervisor numbered, the Coordinator by name; nobody else reads it.
TEST_P(ApiReviewTest, ProgramStatisticsCountAReviewForItsPrecinctAndSupervisor) {
  ApiClient coordinator = signed_in("coordinator");
  const std::string path =
      "/api/v1/pmp-statistics?from=" + server->today.plus_days(-30).to_string() +
      "&to=" + server->today.to_string();
  Reply before = coordinator.get(path);
  ASSERT_EQ(before.status, 200) << before.raw;
  const std::int64_t id = open_review(coordinator);
  ASSERT_GT(id, 0);
  Reply after = coordinator.get(path);
  ASSERT_EQ(after.status, 200) << after.raw;
  const std::string sergeant = server->who("sergeant").serial;
  // Totals per precinct and per supervisor, before and after.
  auto totals = [&](const Reply& r, std::string& precinct_of_sergeant, int& sergeant_reviews) {
    int reviews = 0, officers = 0;
    for (const auto& p : r.body["precincts"]) {
      reviews += p["reviews"].get<int>();
      officers += p["officers_with_reviews"].get<int>();
      for (const auto& s : p["supervisors"]) {
        if (s["supervisor"].value("serial", "") == sergeant) {
          precinct_of_sergeant = p["precinct"]["code"];
          sergeant_reviews = s["reviews"];
        }
      }
    }
    return std::pair{reviews, officers};
  };
  std::string p0, p1;
  int s0 = -1, s1 = -1;
  const auto [r0, o0] = totals(before, p0, s0);
  const auto [r1, o1] = totals(after, p1, s1);
  EXPECT_EQ(r1, r0 + 1);
  EXPECT_EQ(o1, o0 + 1);
  EXPECT_EQ(s1, s0 + 1) << "the sergeant supervising the officer";
  EXPECT_EQ(p1, server->who("officer").unit.substr(0, p1.size()));
  EXPECT_GT(after.body["department_rate"].get<double>(),
            before.body["department_rate"].get<double>());

  // The Committee: the same numbers, supervisors numbered, no names.
  Reply committee = signed_in("committee").get(path);
  ASSERT_EQ(committee.status, 200) << committee.raw;
  EXPECT_EQ(committee.raw.find(server->who("sergeant").name), std::string::npos);
  EXPECT_NE(committee.raw.find("supervisor 1"), std::string::npos);
  std::string pc;
  int sc = -1;
  EXPECT_EQ(totals(committee, pc, sc).first, r1);
  // Payroll and officers do not read program statistics; bad periods are 422.
  EXPECT_EQ(signed_in("payroll").get(path).status, 403);
  EXPECT_EQ(signed_in("officer").get(path).status, 403);
  EXPECT_EQ(coordinator.get("/api/v1/pmp-statistics?from=2026-11-23&to=2026-01-01").status, 422);
  Reply csv = coordinator.get(path + "&format=supervisors-csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_NE(csv.raw.find(sergeant), std::string::npos);
}

// 3.070-POL-3: the Coordinator schedules the Committee's semi-annual
// meeting (it is in their inbox until scheduled), records it with the
// stakeholders present and the recommendations, and forwards them to the
// Chief; members read the record; nobody else schedules or reads it.
TEST_P(ApiReviewTest, TheCommitteesSemiAnnualMeetingIsScheduledHeldAndForwarded) {
  ApiClient coordinator = signed_in("coordinator");
  auto kinds = [&](ApiClient& c) {
    std::vector<std::string> k;
    const Reply inbox = c.get("/api/v1/inbox");  // kept: a loop over a temporary's member dangles
    for (const auto& item : inbox.body["items"]) k.push_back(item["kind"]);
    return k;
  };
  auto has = [](const std::vector<std::string>& v, const char* x) {
    return std::find(v.begin(), v.end(), x) != v.end();
  };
  EXPECT_TRUE(has(kinds(coordinator), "pmp-committee-schedule"));
  ApiClient member = signed_in("committee");
  EXPECT_EQ(member
                .post("/api/v1/committee/meetings",
                      {{"scheduled_for", server->today.to_string()}, {"agenda", "x"}})
                .status,
            403);
  Reply made = coordinator.post("/api/v1/committee/meetings",
                                {{"scheduled_for", server->today.to_string()},
                                 {"agenda", "semi-annual review of thresholds"}});
  ASSERT_EQ(made.status, 201) << made.raw;
  EXPECT_FALSE(has(kinds(coordinator), "pmp-committee-schedule"));
  const std::string steps =
      "/api/v1/committee/meetings/" + std::to_string(made.body["id"].get<int>()) + "/steps";
  Reply held = coordinator.post(
      steps, {{"action", "hold"},
              {"version", 1},
              {"held_on", server->today.to_string()},
              {"seats_present", {"opa-director", "pm-coordinator", "operations-bureau-chief"}},
              {"minutes", "Reviewed B and D."},
              {"recommendations", {{{"text", "use of force: 3 in 6 months"}}}}});
  ASSERT_EQ(held.status, 200) << held.raw;
  EXPECT_TRUE(has(kinds(coordinator), "pmp-committee-meeting"));
  Reply bad_seat = coordinator.post(
      steps, {{"action", "forward"}, {"version", 2}, {"seats_present", {"mayor"}}});
  EXPECT_EQ(bad_seat.status, 422);
  Reply forwarded = coordinator.post(steps, {{"action", "forward"}, {"version", 2}});
  ASSERT_EQ(forwarded.status, 200) << forwarded.raw;
  EXPECT_EQ(forwarded.body["state"], "forwarded");
  EXPECT_FALSE(has(kinds(coordinator), "pmp-committee-meeting"));
  Reply list = member.get("/api/v1/committee/meetings");
  ASSERT_EQ(list.status, 200) << list.raw;
  EXPECT_EQ(list.body["meetings"].size(), 1u);
  EXPECT_EQ(list.body["next_meeting_due"], server->today.plus_months(6).to_string());
  EXPECT_EQ(signed_in("officer").get("/api/v1/committee/meetings").status, 403);
  Reply csv = member.get("/api/v1/committee/meetings?format=csv");
  EXPECT_EQ(csv.raw.rfind("id,scheduled_for,state", 0), 0u) << csv.raw;
  EXPECT_NE(csv.raw.find(",forwarded,"), std::string::npos) << csv.raw;
}

// 3.070-POL-4: the Coordinator maintains the Supervisor's Toolkit; each edit
// is a new version (stale edits refused), retired resources drop out of the
// list; sergeants read it; officers and Payroll do not.
TEST_P(ApiReviewTest, TheCoordinatorMaintainsTheToolkitThatSupervisorsRead) {
  ApiClient coordinator = signed_in("coordinator");
  ApiClient sergeant = signed_in("sergeant");
  const json resource{{"title", "De-escalation coaching guide"},
                      {"category", "strategy"},
                      {"body", "Questions for a ride-along debrief."},
                      {"link", "https://example.org/guide.pdf"}};
  EXPECT_EQ(sergeant.post("/api/v1/toolkit", resource).status, 403);
  json bad = resource;
  bad["link"] = "javascript:alert(1)";
  Reply refused = coordinator.post("/api/v1/toolkit", bad);
  EXPECT_EQ(refused.status, 422) << refused.raw;
  Reply made = coordinator.post("/api/v1/toolkit", resource);
  ASSERT_EQ(made.status, 201) << made.raw;
  const std::string path = "/api/v1/toolkit/" + std::to_string(made.body["id"].get<int>());
  Reply listed = sergeant.get("/api/v1/toolkit");
  ASSERT_EQ(listed.status, 200) << listed.raw;
  ASSERT_EQ(listed.body["resources"].size(), 1u);
  EXPECT_EQ(listed.body["resources"][0]["title"], "De-escalation coaching guide");
  json retire = resource;
  retire["retired"] = true;
  retire["version"] = 1;
  ASSERT_EQ(coordinator.post(path, retire).status, 200);
  EXPECT_EQ(coordinator.post(path, retire).status, 409);  // version 1 is no longer current
  EXPECT_TRUE(sergeant.get("/api/v1/toolkit").body["resources"].empty());
  EXPECT_EQ(sergeant.get("/api/v1/toolkit?retired=1").body["resources"].size(), 1u);
  EXPECT_EQ(signed_in("officer").get("/api/v1/toolkit").status, 403);
  EXPECT_EQ(signed_in("payroll").get("/api/v1/toolkit").status, 403);
}

INSTANTIATE_TEST_SUITE_P(Engines, ApiReviewTest, ::testing::ValuesIn(test_engines()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace rollcall::testing
