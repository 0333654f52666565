#include "api/json_codecs.h"

#include "domain/access/access.h"
#include "time/instant.h"

namespace rollcall::api {
namespace {

using nlohmann::json;

json date_or_null(const std::optional<Date>& d) { return d ? json(d->to_string()) : json(nullptr); }

// Reads an optional string field; records a problem if present but not a string.
std::optional<std::string> text_field(const json& in, const char* name,
                                      std::vector<FieldError>& errors, std::size_t max = 4000) {
  if (!in.contains(name) || in[name].is_null()) return std::nullopt;
  if (!in[name].is_string()) {
    errors.push_back({name, "must be a string"});
    return std::nullopt;
  }
  std::string s = in[name].get<std::string>();
  if (s.size() > max) {
    errors.push_back({name, "at most " + std::to_string(max) + " characters"});
    return std::nullopt;
  }
  return s;
}

std::optional<bool> bool_field(const json& in, const char* name, std::vector<FieldError>& errors) {
  if (!in.contains(name) || in[name].is_null()) return std::nullopt;
  if (!in[name].is_boolean()) {
    errors.push_back({name, "must be true or false"});
    return std::nullopt;
  }
  return in[name].get<bool>();
}

std::optional<Date> date_field(const json& in, const char* name, std::vector<FieldError>& errors) {
  auto s = text_field(in, name, errors, 10);
  if (!s) return std::nullopt;
  auto d = Date::parse(*s);
  if (!d) {
    errors.push_back({name, "not a date YYYY-MM-DD"});
    return std::nullopt;
  }
  return *d;
}

}  // namespace

json unit_ref(const OrgView& org, std::optional<org::UnitId> unit) {
  if (!unit) return nullptr;
  const org::Unit* u = org.org().unit(*unit);
  if (u == nullptr) return nullptr;
  return json{
      {"id", u->id}, {"code", u->code}, {"name", u->name}, {"kind", org::to_string(u->kind)}};
}

json employee_ref(const OrgView& org, org::EmployeeId e, Date day) {
  const org::Employee* emp = org.org().employee(e);
  auto unit = org.home_unit(e, day);
  return json{{"serial", emp ? emp->serial : ""},
              {"name", org.full_name(e)},
              {"unit", unit_ref(org, unit)},
              {"precinct", unit ? unit_ref(org, org.precinct_of(*unit)) : json(nullptr)}};
}

json user_json(const OrgView& org, const Caller& caller, bool totp_enabled,
               bool totp_enrolment_required) {
  json roles = json::array();
  for (access::Role r : caller.roles) roles.push_back(access::to_string(r));
  const org::Employee* emp = org.org().employee(caller.account.employee);
  return json{{"username", caller.account.username},
              {"serial", emp ? emp->serial : ""},
              {"name", org.full_name(caller.account.employee)},
              {"roles", roles},
              {"unit", unit_ref(org, org.home_unit(caller.account.employee, caller.today))},
              {"totp_enabled", totp_enabled},
              {"totp_enrolment_required", totp_enrolment_required},
              {"today", caller.today.to_string()}};
}

json event_json(const OrgView& org, const pmp::IndicatorEvent& e) {
  const org::Employee* emp = org.org().employee(e.employee);
  json j{{"id", e.id},
         {"version", e.version},
         {"employee_serial", emp ? emp->serial : ""},
         {"kind", pmp::to_string(e.kind)},
         {"indicator", pmp::to_string(pmp::indicator_of(e.kind))},
         {"date", e.date.to_string()},
         {"incident_number", e.incident_number},
         {"source_system", e.source_system},
         {"qualifies", pmp::qualifies(e)},
         {"withdrawn", e.withdrawn},
         {"note", e.note},
         {"recorded_at", format_utc(e.recorded_at)},
         {"recorded_by", e.recorded_by}};
  switch (e.kind) {
    case pmp::EventKind::kSupervisoryRecommendation:
      j["author"] = e.author;
      j["text"] = e.text;
      break;
    case pmp::EventKind::kUseOfForce:
      j["force_type"] = e.force_type ? json(pmp::to_string(*e.force_type)) : json(nullptr);
      j["firearm_discharge"] = e.firearm_discharge;
      j["investigation_status"] = e.investigation_status;
      break;
    case pmp::EventKind::kVehicleCollision:
      j["preventability"] = pmp::to_string(e.preventability);
      j["ruled_on"] = date_or_null(e.ruled_on);
      break;
    case pmp::EventKind::kComplaint:
      j["complaint_source"] =
          e.complaint_source ? json(pmp::to_string(*e.complaint_source)) : json(nullptr);
      j["complaint_open"] = e.complaint_open;
      j["disposition"] = e.disposition;
      j["opa_interview_given"] = e.opa_interview_given;  // 3.070-POL-6 debriefs
      break;
    default:
      break;
  }
  return j;
}

json rule_json(const pmp::ThresholdRule& r) {
  return json{{"count", r.count}, {"months", r.months}};
}

json trigger_json(const OrgView& org, const pmp::Trigger& t,
                  const std::map<std::int64_t, const pmp::IndicatorEvent*>& latest) {
  json events = json::array();
  for (std::int64_t id : t.event_ids) {
    auto it = latest.find(id);
    if (it == latest.end()) continue;
    const pmp::IndicatorEvent& e = *it->second;
    events.push_back(json{{"id", e.id},
                          {"date", e.date.to_string()},
                          {"kind", pmp::to_string(e.kind)},
                          {"incident_number", e.incident_number}});
  }
  return json{{"employee", employee_ref(org, t.employee, t.date)},
              {"date", t.date.to_string()},
              {"indicator", pmp::to_string(t.indicator)},
              {"count", t.count},
              {"threshold", rule_json(t.rule)},
              {"table", t.recent_review_table ? "recent-review" : "initial"},
              {"threshold_set_id", t.threshold_set_id},
              {"outcome", pmp::to_string(t.outcome)},
              {"events", std::move(events)}};
}

json threshold_set_json(const pmp::ThresholdSet& s) {
  auto table = [](const pmp::ThresholdTable& t) {
    json j = json::object();
    for (const auto& [indicator, rule] : t)
      j[std::string(pmp::to_string(indicator))] = rule_json(rule);
    return j;
  };
  const char* status = s.starting_point      ? "starting-point"
                       : s.chief_approved_on ? "approved"
                                             : "proposed";
  return json{{"id", s.id},
              {"name", s.name},
              {"effective_from", s.effective_from.to_string()},
              {"starting_point", s.starting_point},
              {"status", status},
              {"recent_review_months", s.recent_review_months},
              {"initial", table(s.initial)},
              {"recent_review", table(s.recent_review)},
              {"committee_recommendation", s.committee_recommendation},
              {"committee_recommended_on", date_or_null(s.committee_recommended_on)},
              {"chief_approved_by", s.chief_approved_by},
              {"chief_approved_on", date_or_null(s.chief_approved_on)}};
}

std::vector<FieldError> event_from_json(const json& in, const OrgView& org, Date today,
                                        pmp::IndicatorEvent& out, bool correction) {
  std::vector<FieldError> errors;
  if (!correction) {
    auto serial = text_field(in, "employee_serial", errors, 64);
    if (!serial || serial->empty()) {
      if (errors.empty() || errors.back().field != "employee_serial") {
        errors.push_back({"employee_serial", "required"});
      }
    } else if (const org::Employee* e = org.org().employee_by_serial(*serial)) {
      out.employee = e->id;
    } else {
      errors.push_back({"employee_serial", "no employee with this serial"});
    }
    auto kind = text_field(in, "kind", errors, 40);
    if (!kind) {
      errors.push_back({"kind", "required"});
    } else if (auto k = pmp::parse_event_kind(*kind)) {
      out.kind = *k;
    } else {
      errors.push_back({"kind",
                        "one of supervisory-recommendation, use-of-force, vehicle-collision, "
                        "complaint, claim, pursuit"});
    }
  } else if (in.contains("employee_serial") || in.contains("kind")) {
    // The identity of an event never changes; a wrong employee or kind is a
    // withdrawal and a new event.
    const org::Employee* e = org.org().employee(out.employee);
    auto serial = in.value("employee_serial", e ? e->serial : "");
    auto kind = in.value("kind", std::string(pmp::to_string(out.kind)));
    if ((e && serial != e->serial) || kind != pmp::to_string(out.kind)) {
      errors.push_back({in.contains("kind") ? "kind" : "employee_serial",
                        "cannot be corrected: withdraw the event and record a new one"});
    }
  }
  if (auto d = date_field(in, "date", errors)) {
    if (*d > today) {
      errors.push_back({"date", "is in the future"});
    } else {
      out.date = *d;
    }
  } else if (!correction && !in.contains("date")) {
    errors.push_back({"date", "required"});
  }
  if (auto s = text_field(in, "incident_number", errors, 64)) {
    if (s->empty()) errors.push_back({"incident_number", "required"});
    out.incident_number = *s;
  } else if (!correction && !in.contains("incident_number")) {
    errors.push_back({"incident_number", "required"});
  }
  if (auto s = text_field(in, "note", errors)) out.note = *s;
  if (auto s = text_field(in, "author", errors, 200)) out.author = *s;
  if (auto s = text_field(in, "text", errors)) out.text = *s;
  if (auto s = text_field(in, "investigation_status", errors, 200)) out.investigation_status = *s;
  if (auto s = text_field(in, "disposition", errors, 200)) out.disposition = *s;
  if (auto s = text_field(in, "force_type", errors, 8)) {
    if (auto f = pmp::parse_force_type(*s)) {
      out.force_type = f;
    } else {
      errors.push_back({"force_type", "one of I, II, III"});
    }
  }
  if (auto b = bool_field(in, "firearm_discharge", errors)) out.firearm_discharge = *b;
  if (auto s = text_field(in, "preventability", errors, 20)) {
    if (auto p = pmp::parse_preventability(*s)) {
      out.preventability = *p;
    } else {
      errors.push_back({"preventability", "one of pending, preventable, not-preventable"});
    }
  }
  if (in.contains("ruled_on")) out.ruled_on = date_field(in, "ruled_on", errors);
  if (auto s = text_field(in, "complaint_source", errors, 8)) {
    if (auto c = pmp::parse_complaint_source(*s)) {
      out.complaint_source = c;
    } else {
      errors.push_back({"complaint_source", "one of OPA, EEO"});
    }
  }
  if (auto b = bool_field(in, "complaint_open", errors)) out.complaint_open = *b;
  if (auto b = bool_field(in, "opa_interview_given", errors)) out.opa_interview_given = *b;
  if (correction && out.note.empty()) {
    errors.push_back({"note", "say why this correction is recorded"});
  }
  if (errors.empty()) {
    // The domain names the field first: "force_type: required for …".
    for (const std::string& p : pmp::event_problems(out)) {
      const auto colon = p.find(": ");
      if (colon == std::string::npos) {
        errors.push_back({"", p});
      } else {
        errors.push_back({p.substr(0, colon), p.substr(colon + 2)});
      }
    }
  }
  return errors;
}

}  // namespace rollcall::api
