// 3.070-POL-3 over HTTP (issue 5): the PMP Committee's semi-annual meetings —
// scheduled by the Coordinator, recorded with the stakeholders present, the
// minutes and the recommendations on thresholds or criteria, which the
// Coordinator forwards to the Chief of Police. Readable by whoever may read
// threshold sets (the Coordinator, the Committee, the chiefs).
#include "api/committee_api.h"

#include "api/csv_response.h"
#include "api/endpoint.h"
#include "api/routes.h"
#include "app/pmp/committee/committee_service.h"

namespace rollcall::api {
namespace {

using nlohmann::json;
namespace cm = pmp::committee;
namespace svc = app::committee;

app::review::ActingAs acting(const Ctx& ctx) {
  return app::review::ActingAs{ctx.caller.account.employee, ctx.caller.actor(),
                               ctx.state.clock().now(), ctx.caller.today};
}

json meeting_json(const svc::StoredMeeting& s) {
  json j = svc::meeting_to_json(s.meeting);
  j["id"] = s.meeting.id;
  j["version"] = s.version;
  j["final"] = cm::is_final(s.meeting.state, !s.meeting.recommendations.empty());
  return j;
}

Result<std::vector<svc::StoredMeeting>> meetings(Ctx& ctx) {
  auto db = ctx.state.pool().lease();
  return svc::load_meetings(*db);
}

Result<http::Response> list(Ctx& ctx) {
  RC_RETURN_IF_ERROR(ctx.require(access::Action::kRead, access::Resource::kThresholds));
  RC_ASSIGN_OR_RETURN(auto all, meetings(ctx));
  std::vector<cm::Meeting> plain;
  json rows = json::array();
  for (const auto& s : all) {
    plain.push_back(s.meeting);
    rows.push_back(meeting_json(s));
  }
  const Date next = cm::next_meeting_due(plain, ctx.caller.today);
  if (ctx.request.query_param("format") == "csv") {
    return csv_response(rows,
                        {{"id", "/id"},
                         {"scheduled_for", "/scheduled_for"},
                         {"state", "/state"},
                         {"held_on", "/held_on"},
                         {"seats_present", "/seats_present"},
                         {"attendees", "/attendees"},
                         {"minutes", "/minutes"},
                         {"forwarded_on", "/forwarded_on"}},
                        "committee-meetings.csv");
  }
  return json_response(200, json{{"meetings", std::move(rows)},
                                 {"next_meeting_due", next.to_string()},
                                 {"overdue", next < ctx.caller.today}});
}

Result<http::Response> create(Ctx& ctx) {
  RC_ASSIGN_OR_RETURN(json body, ctx.json_body());
  auto date = Date::parse(body.value("scheduled_for", ""));
  if (!date) return validation_failed("the meeting is not valid", {{"scheduled_for", "a date"}});
  svc::StoredMeeting s;
  {
    auto db = ctx.state.pool().lease();
    RC_ASSIGN_OR_RETURN(s, svc::schedule_meeting(*db, ctx.org().org(), acting(ctx), date.value(),
                                                 body.value("agenda", "")));
  }
  return json_response(201, meeting_json(s));
}

Result<http::Response> step(Ctx& ctx) {
  RC_ASSIGN_OR_RETURN(std::int64_t id, ctx.id_param());
  RC_ASSIGN_OR_RETURN(json body, ctx.json_body());
  std::vector<FieldError> errors;
  svc::MeetingStep st;
  try {
    st.action = body.value("action", "");
    st.expected_version = body.value("version", 0);
    if (body.contains("held_on")) {
      auto d = Date::parse(body["held_on"].get<std::string>());
      if (!d) {
        errors.push_back({"held_on", "a date"});
      } else {
        st.held_on = d.value();
      }
    }
    for (const auto& s : body.value("seats_present", json::array())) {
      auto seat = cm::parse_seat(s.get<std::string>());
      if (!seat) {
        errors.push_back({"seats_present", "unknown seat " + s.get<std::string>()});
      } else {
        st.seats_present.push_back(*seat);
      }
    }
    st.attendees = body.value("attendees", std::vector<std::string>{});
    st.minutes = body.value("minutes", "");
    for (const auto& r : body.value("recommendations", json::array())) {
      cm::Recommendation rec{r.value("text", ""), std::nullopt};
      if (r.contains("threshold_set_id") && r["threshold_set_id"].is_number_integer()) {
        rec.threshold_set_id = r["threshold_set_id"].get<std::int64_t>();
      }
      st.recommendations.push_back(std::move(rec));
    }
    st.reason = body.value("reason", "");
  } catch (const std::exception& e) {
    errors.push_back({"body", std::string("a field has the wrong shape: ") + e.what()});
  }
  if (!errors.empty()) return validation_failed("the step is not valid", errors);
  RC_RETURN_IF_ERROR(ctx.require(access::Action::kRead, access::Resource::kThresholds));
  svc::StoredMeeting s;
  {
    auto db = ctx.state.pool().lease();
    RC_ASSIGN_OR_RETURN(s, svc::take_meeting_step(*db, ctx.org().org(), acting(ctx), id, st));
  }
  return json_response(200, meeting_json(s));
}

}  // namespace

Status append_committee_inbox(Ctx& ctx, json& items, int& overdue) {
  if (!ctx.caller.has(access::Role::kCoordinator)) return Status::ok();
  RC_ASSIGN_OR_RETURN(auto all, meetings(ctx));
  std::vector<cm::Meeting> plain;
  bool scheduled = false;
  for (const auto& s : all) {
    plain.push_back(s.meeting);
    scheduled |= s.meeting.state == cm::MeetingState::kScheduled;
    if (s.meeting.state == cm::MeetingState::kHeld && !s.meeting.recommendations.empty()) {
      items.push_back(json{{"kind", "pmp-committee-meeting"},
                           {"id", s.meeting.id},
                           {"state", "held"},
                           {"awaiting",
                            {{"step", "3.070-POL-3"},
                             {"what", "forward the Committee's recommendations to the Chief"}}},
                           {"due", s.meeting.held_on->to_string()},
                           {"overdue", false},
                           {"actions", json::array({"forward"})}});
    }
  }
  const Date next = cm::next_meeting_due(plain, ctx.caller.today);
  if (!scheduled && days_between(ctx.caller.today, next) <= 30) {
    const bool late = next < ctx.caller.today;
    items.push_back(json{
        {"kind", "pmp-committee-schedule"},
        {"id", 0},
        {"state", "unscheduled"},
        {"awaiting",
         {{"step", "3.070-POL-3"}, {"what", "schedule the PMP Committee's semi-annual meeting"}}},
        {"due", next.to_string()},
        {"overdue", late},
        {"actions", json::array({"schedule"})}});
    overdue += late ? 1 : 0;
  }
  return Status::ok();
}

void add_committee_routes(Api& api) {
  api.add("GET", "/api/v1/committee/meetings", list);
  api.add("POST", "/api/v1/committee/meetings", create);
  api.add("POST", "/api/v1/committee/meetings/{id}/steps", step);
}

}  // namespace rollcall::api
