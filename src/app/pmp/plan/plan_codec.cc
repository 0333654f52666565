#include "app/pmp/plan/plan_codec.h"

#include <stdexcept>

#include "time/instant.h"

namespace rollcall::app::plan {
namespace {

using nlohmann::json;
namespace pl = pmp::plan;
namespace rv = pmp::review;

// Adapter boundary: nlohmann throws; plan_from_json turns every failure into
// DATA_LOSS.
[[noreturn]] void bad(const std::string& what) { throw std::runtime_error(what); }

json opt_date(const std::optional<Date>& d) { return d ? json(d->to_string()) : json(nullptr); }

Date date_of(const json& j, const char* key) {
  auto d = Date::parse(j.at(key).get<std::string>());
  if (!d) bad(std::string(key) + ": " + d.status().message());
  return d.value();
}
std::optional<Date> opt_date_of(const json& j, const char* key) {
  if (!j.contains(key) || j.at(key).is_null()) return std::nullopt;
  return date_of(j, key);
}
template <typename T, typename Parse>
T parsed(const json& j, const char* key, Parse parse) {
  auto v = parse(j.at(key).get<std::string>());
  if (!v) bad(std::string(key) + " has an unknown value");
  return *v;
}
template <typename T, typename Parse>
std::optional<T> opt_parsed(const json& j, const char* key, Parse parse) {
  if (!j.contains(key) || j.at(key).is_null()) return std::nullopt;
  return parsed<T>(j, key, parse);
}
template <typename E>
json opt_text(const std::optional<E>& v) {
  return v ? json(std::string(pl::to_string(*v))) : json(nullptr);
}

json designation_json(const rv::Designation& d) {
  return json{{"plan", d.plan},
              {"period", std::string(rv::to_string(d.period))},
              {"other_days", d.other_days}};
}

json recommendation_json(const std::optional<pl::FinalRecommendation>& r) {
  if (!r) return nullptr;
  return json{{"participated", r->participated},
              {"progressed", r->progressed},
              {"comments", r->comments},
              {"on", r->on.to_string()}};
}

std::optional<pl::FinalRecommendation> recommendation_of(const json& j) {
  if (j.is_null()) return std::nullopt;
  pl::FinalRecommendation r;
  r.participated = j.at("participated").get<bool>();
  r.progressed = j.at("progressed").get<bool>();
  r.comments = j.at("comments").get<std::string>();
  r.on = date_of(j, "on");
  return r;
}

}  // namespace

json coaching_to_json(const pl::CoachingEntry& e) {
  return json{{"kind", std::string(pl::to_string(e.kind))},
              {"date", e.date.to_string()},
              {"minutes", e.minutes},
              {"contact", opt_text(e.contact)},
              {"subject", opt_text(e.subject)},
              {"event_id", e.event_id ? json(*e.event_id) : json(nullptr)},
              {"detail", opt_text(e.detail)},
              {"notes", e.notes},
              {"employee_feedback", e.employee_feedback},
              {"reference", e.reference}};
}

pl::CoachingEntry coaching_from_json(const json& j) {
  pl::CoachingEntry e;
  e.kind = parsed<pl::CoachingKind>(j, "kind", pl::parse_coaching_kind);
  e.date = date_of(j, "date");
  e.minutes = j.value("minutes", 0);
  e.contact = opt_parsed<pl::ContactKind>(j, "contact", pl::parse_contact_kind);
  e.subject = opt_parsed<pl::DebriefSubject>(j, "subject", pl::parse_debrief_subject);
  if (j.contains("event_id") && !j.at("event_id").is_null()) {
    e.event_id = j.at("event_id").get<std::int64_t>();
  }
  e.detail = opt_parsed<pl::DebriefDetail>(j, "detail", pl::parse_debrief_detail);
  e.notes = j.value("notes", "");
  e.employee_feedback = j.value("employee_feedback", "");
  e.reference = j.value("reference", "");
  return e;
}

std::string plan_to_json(const pl::Plan& p) {
  json versions = json::array();
  for (const pl::PlanVersion& v : p.versions) {
    versions.push_back(json{{"version", v.version},
                            {"on", v.on.to_string()},
                            {"by", v.by},
                            {"items", v.items},
                            {"reason", v.reason}});
  }
  json coaching = json::array();
  for (const pl::CoachingEntry& e : p.coaching) coaching.push_back(coaching_to_json(e));
  json reports = json::array();
  for (const pl::ProgressReport& r : p.reports) {
    reports.push_back(json{{"due", r.due.to_string()},
                           {"status", std::string(pl::to_string(r.status))},
                           {"submitted_on", r.submitted_on.to_string()},
                           {"checklist", r.checklist},
                           {"pas_reference", r.pas_reference},
                           {"plan_version", r.plan_version},
                           {"comments", r.comments},
                           {"decided_on", opt_date(r.decided_on)},
                           {"returns", r.returns}});
  }
  json history = json::array();
  for (const pl::StepTaken& s : p.history) {
    history.push_back(json{{"step", s.step},
                           {"what", s.what},
                           {"actor", s.actor},
                           {"at", format_utc(s.at)},
                           {"on", s.on.to_string()},
                           {"from", std::string(pl::to_string(s.from))},
                           {"to", std::string(pl::to_string(s.to))},
                           {"comments", s.comments}});
  }
  const json schedule{{"style", std::string(pl::to_string(p.schedule.style))},
                      {"mid_month_day", p.schedule.mid_month_day},
                      {"interval_days", p.schedule.interval_days},
                      {"min_first_report_days", p.schedule.min_first_report_days}};
  json j{{"review_id", p.review_id},
         {"employee", p.employee},
         {"coordinator", p.coordinator},
         {"captain", p.captain},
         {"lieutenant", p.lieutenant},
         {"sergeant", p.sergeant},
         {"bureau_chief", p.bureau_chief},
         {"designation", designation_json(p.designation)},
         {"schedule", schedule},
         {"start", p.start.to_string()},
         {"period_end", opt_date(p.period_end)},
         {"state", std::string(pl::to_string(p.state))},
         {"state_since", p.state_since.to_string()},
         {"reviewed_with_employee", opt_date(p.reviewed_with_employee)},
         {"versions", versions},
         {"coaching", coaching},
         {"reports", reports},
         {"recommendation", recommendation_json(p.recommendation)},
         {"lieutenant_remove", p.lieutenant_remove ? json(*p.lieutenant_remove) : json(nullptr)},
         {"lieutenant_received", opt_date(p.lieutenant_received)},
         {"captain_received", opt_date(p.captain_received)},
         {"corrections_since", opt_date(p.corrections_since)},
         {"reports_end", opt_date(p.reports_end)},
         {"extensions", p.extensions},
         {"returns", p.returns},
         {"closed_on", opt_date(p.closed_on)},
         {"history", history}};
  return j.dump();
}

Result<pl::Plan> plan_from_json(const std::string& body, std::int64_t id) {
  try {
    const json j = json::parse(body);
    pl::Plan p;
    p.id = id;
    p.review_id = j.at("review_id").get<std::int64_t>();
    p.employee = j.at("employee").get<org::EmployeeId>();
    p.coordinator = j.at("coordinator").get<org::EmployeeId>();
    p.captain = j.at("captain").get<org::EmployeeId>();
    p.lieutenant = j.at("lieutenant").get<org::EmployeeId>();
    p.sergeant = j.at("sergeant").get<org::EmployeeId>();
    p.bureau_chief = j.at("bureau_chief").get<org::EmployeeId>();
    const json& d = j.at("designation");
    p.designation.plan = d.at("plan").get<bool>();
    p.designation.period = parsed<rv::ReviewPeriod>(d, "period", rv::parse_review_period);
    p.designation.other_days = d.at("other_days").get<int>();
    const json& s = j.at("schedule");
    p.schedule.style = parsed<pl::ScheduleStyle>(s, "style", pl::parse_schedule_style);
    p.schedule.mid_month_day = s.at("mid_month_day").get<int>();
    p.schedule.interval_days = s.at("interval_days").get<int>();
    p.schedule.min_first_report_days = s.at("min_first_report_days").get<int>();
    p.start = date_of(j, "start");
    p.period_end = opt_date_of(j, "period_end");
    p.state = parsed<pl::PlanState>(j, "state", pl::parse_plan_state);
    p.state_since = date_of(j, "state_since");
    p.reviewed_with_employee = opt_date_of(j, "reviewed_with_employee");
    for (const json& v : j.at("versions")) {
      p.versions.push_back(pl::PlanVersion{
          v.at("version").get<int>(), date_of(v, "on"), v.at("by").get<org::EmployeeId>(),
          v.at("items").get<std::vector<std::string>>(), v.at("reason").get<std::string>()});
    }
    for (const json& e : j.at("coaching")) p.coaching.push_back(coaching_from_json(e));
    for (const json& r : j.at("reports")) {
      pl::ProgressReport rep;
      rep.due = date_of(r, "due");
      rep.status = parsed<pl::ReportStatus>(r, "status", pl::parse_report_status);
      rep.submitted_on = date_of(r, "submitted_on");
      rep.checklist = r.at("checklist").get<std::vector<std::string>>();
      rep.pas_reference = r.at("pas_reference").get<std::string>();
      rep.plan_version = r.at("plan_version").get<int>();
      rep.comments = r.at("comments").get<std::string>();
      rep.decided_on = opt_date_of(r, "decided_on");
      rep.returns = r.at("returns").get<int>();
      p.reports.push_back(std::move(rep));
    }
    p.recommendation = recommendation_of(j.at("recommendation"));
    if (!j.at("lieutenant_remove").is_null())
      p.lieutenant_remove = j.at("lieutenant_remove").get<bool>();
    p.lieutenant_received = opt_date_of(j, "lieutenant_received");
    p.captain_received = opt_date_of(j, "captain_received");
    p.corrections_since = opt_date_of(j, "corrections_since");
    p.reports_end = opt_date_of(j, "reports_end");
    p.extensions = j.at("extensions").get<int>();
    p.returns = j.at("returns").get<int>();
    p.closed_on = opt_date_of(j, "closed_on");
    for (const json& h : j.at("history")) {
      pl::StepTaken st;
      st.step = h.at("step").get<std::string>();
      st.what = h.at("what").get<std::string>();
      st.actor = h.at("actor").get<org::EmployeeId>();
      auto at = parse_utc(h.at("at").get<std::string>());
      if (!at) bad("history.at: " + at.status().message());
      st.at = at.value();
      st.on = date_of(h, "on");
      st.from = parsed<pl::PlanState>(h, "from", pl::parse_plan_state);
      st.to = parsed<pl::PlanState>(h, "to", pl::parse_plan_state);
      st.comments = h.at("comments").get<std::string>();
      p.history.push_back(std::move(st));
    }
    return p;
  } catch (const std::exception& e) {
    return data_loss("stored plan " + std::to_string(id) + " is unreadable: " + e.what());
  }
}

}  // namespace rollcall::app::plan
