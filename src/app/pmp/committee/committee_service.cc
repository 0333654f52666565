#include "app/pmp/committee/committee_service.h"

#include "domain/access/access.h"
#include "time/instant.h"

namespace rollcall::app::committee {
namespace {

using nlohmann::json;
namespace cm = pmp::committee;

cm::Actor actor_of(const org::OrgSnapshot& org, const review::ActingAs& a) {
  return cm::Actor{a.employee, access::roles_on(org, a.employee, a.on)};
}

json opt_date(const std::optional<Date>& d) { return d ? json(d->to_string()) : json(nullptr); }

}  // namespace

json meeting_to_json(const cm::Meeting& m) {
  json seats = json::array();
  for (cm::Seat s : m.seats_present) seats.push_back(std::string(cm::to_string(s)));
  json recs = json::array();
  for (const auto& r : m.recommendations) {
    recs.push_back(
        json{{"text", r.text},
             {"threshold_set_id", r.threshold_set_id ? json(*r.threshold_set_id) : json(nullptr)}});
  }
  json history = json::array();
  for (const auto& h : m.history) {
    history.push_back(json{{"what", h.what},
                           {"actor", h.actor},
                           {"at", format_utc(h.at)},
                           {"on", h.on.to_string()},
                           {"comments", h.comments}});
  }
  return json{{"scheduled_for", m.scheduled_for.to_string()},
              {"agenda", m.agenda},
              {"state", std::string(cm::to_string(m.state))},
              {"held_on", opt_date(m.held_on)},
              {"seats_present", seats},
              {"attendees", m.attendees},
              {"minutes", m.minutes},
              {"recommendations", recs},
              {"forwarded_on", opt_date(m.forwarded_on)},
              {"history", history}};
}

Result<cm::Meeting> meeting_from_json(const std::string& body, std::int64_t id) {
  try {
    const json j = json::parse(body);
    auto date = [](const json& v) {
      auto d = Date::parse(v.get<std::string>());
      if (!d) throw std::runtime_error(d.status().message());
      return d.value();
    };
    cm::Meeting m;
    m.id = id;
    m.scheduled_for = date(j.at("scheduled_for"));
    m.agenda = j.at("agenda").get<std::string>();
    auto state = cm::parse_meeting_state(j.at("state").get<std::string>());
    if (!state) throw std::runtime_error("state");
    m.state = *state;
    if (!j.at("held_on").is_null()) m.held_on = date(j.at("held_on"));
    for (const auto& s : j.at("seats_present")) {
      auto seat = cm::parse_seat(s.get<std::string>());
      if (!seat) throw std::runtime_error("seats_present");
      m.seats_present.push_back(*seat);
    }
    m.attendees = j.at("attendees").get<std::vector<std::string>>();
    m.minutes = j.at("minutes").get<std::string>();
    for (const auto& r : j.at("recommendations")) {
      cm::Recommendation rec{r.at("text").get<std::string>(), std::nullopt};
      if (!r.at("threshold_set_id").is_null()) {
        rec.threshold_set_id = r.at("threshold_set_id").get<std::int64_t>();
      }
      m.recommendations.push_back(std::move(rec));
    }
    if (!j.at("forwarded_on").is_null()) m.forwarded_on = date(j.at("forwarded_on"));
    for (const auto& h : j.at("history")) {
      auto at = parse_utc(h.at("at").get<std::string>());
      if (!at) throw std::runtime_error("history.at");
      m.history.push_back({h.at("what").get<std::string>(), h.at("actor").get<org::EmployeeId>(),
                           at.value(), date(h.at("on")), h.at("comments").get<std::string>()});
    }
    return m;
  } catch (const std::exception& e) {
    return data_loss("stored meeting " + std::to_string(id) + " is unreadable: " + e.what());
  }
}

Result<std::vector<StoredMeeting>> load_meetings(storage::WorkflowReader& db) {
  RC_ASSIGN_OR_RETURN(auto records, db.workflow_records(std::string(kMeetingKind), std::nullopt));
  std::vector<StoredMeeting> out;
  for (const auto& w : records) {
    RC_ASSIGN_OR_RETURN(cm::Meeting m, meeting_from_json(w.body_json, w.id));
    out.push_back({std::move(m), w.version});
  }
  return out;
}

Result<StoredMeeting> schedule_meeting(storage::Database& db, const org::OrgSnapshot& org,
                                       const review::ActingAs& actor, Date scheduled_for,
                                       std::string agenda) {
  RC_ASSIGN_OR_RETURN(cm::Meeting m, cm::schedule(actor_of(org, actor), scheduled_for,
                                                  std::move(agenda), actor.at, actor.on));
  RC_ASSIGN_OR_RETURN(auto tx, db.begin(actor.name));
  RC_ASSIGN_OR_RETURN(
      std::int64_t id,
      tx->insert_workflow_record(std::string(kMeetingKind), actor.employee,
                                 std::string(cm::to_string(m.state)), meeting_to_json(m).dump()));
  RC_RETURN_IF_ERROR(tx->commit());
  m.id = id;
  return StoredMeeting{std::move(m), 1};
}

Result<StoredMeeting> take_meeting_step(storage::Database& db, const org::OrgSnapshot& org,
                                        const review::ActingAs& actor, std::int64_t id,
                                        const MeetingStep& step) {
  RC_ASSIGN_OR_RETURN(auto tx, db.begin(actor.name));
  RC_ASSIGN_OR_RETURN(auto versions, tx->workflow_versions(id));
  if (versions.empty() || versions.back().kind != kMeetingKind) {
    return not_found("meeting " + std::to_string(id) + " does not exist");
  }
  RC_ASSIGN_OR_RETURN(cm::Meeting current, meeting_from_json(versions.back().body_json, id));
  const int version = versions.back().version;
  const cm::Actor who = actor_of(org, actor);
  Result<cm::Meeting> next = invalid_argument("action: hold, forward or cancel");
  if (step.action == "hold") {
    next = cm::hold(current, who, step.held_on, step.seats_present, step.attendees, step.minutes,
                    step.recommendations, actor.at, actor.on);
  } else if (step.action == "forward") {
    next = cm::forward_to_chief(current, who, actor.at, actor.on);
  } else if (step.action == "cancel") {
    next = cm::cancel(current, who, step.reason, actor.at, actor.on);
  }
  if (!next) return next.status();
  if (version != step.expected_version) {
    return failed_precondition("meeting " + std::to_string(id) + " is at version " +
                               std::to_string(version) + ": reload it and try again");
  }
  RC_RETURN_IF_ERROR(tx->add_workflow_version(id, std::string(kMeetingKind), version,
                                              std::string(cm::to_string(next.value().state)),
                                              meeting_to_json(next.value()).dump()));
  RC_RETURN_IF_ERROR(tx->commit());
  return StoredMeeting{std::move(next).value(), version + 1};
}

}  // namespace rollcall::app::committee
