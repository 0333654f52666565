// 3.070-PRO-1 over HTTP (issue 5): Performance Mentoring Reviews — open one
// from a trigger, take each step, read one with its history, list them (the
// Coordinator's pipeline, CSV too), and each person's inbox. Who may take a
// step is decided by the domain state machine on the day (role, chain of
// command, the person assigned); who may read a review is access::authorize
// on the employee's PMP record. A review the caller may not read is answered
// as not existing, so ids cannot be probed.
#include <map>

#include <nlohmann/json.hpp>

#include "api/committee_api.h"
#include "api/csv_response.h"
#include "api/endpoint.h"
#include "api/json_codecs.h"
#include "api/plan_api.h"
#include "api/routes.h"
#include "api/timeoff/leave_inbox.h"
#include "api/timeoff/records_inbox.h"
#include "app/pmp/review/review_service.h"
#include "time/instant.h"

namespace rollcall::api {
namespace {

using nlohmann::json;
namespace rv = pmp::review;
namespace svc = app::review;

const rv::ReviewDeadlines& deadlines() {
  static const rv::ReviewDeadlines kDefaults{};
  return kDefaults;
}

json person(const OrgView& org, org::EmployeeId e, Date day) {
  return e == 0 ? json(nullptr) : employee_ref(org, e, day);
}

json opt_date(const std::optional<Date>& d) { return d ? json(d->to_string()) : json(nullptr); }

bool is_coordinator(const Caller& c) { return c.has(access::Role::kCoordinator); }

// The steps this caller may take now: the awaited ones if they are the person
// (or, for Coordinator steps, a Coordinator), and assistance for Coordinators.
json my_actions(const Caller& caller, const svc::StoredReview& s, const rv::Awaited& a) {
  json out = json::array();
  const org::EmployeeId me = caller.account.employee;
  if (s.review.employee == me) return out;
  const bool mine = a.assigned == me || (a.assigned == 0 && a.role == access::Role::kCoordinator &&
                                         is_coordinator(caller));
  if (mine) {
    for (rv::ActionKind k : a.actions) out.push_back(rv::to_string(k));
  }
  if (!rv::is_final(s.review.state) && is_coordinator(caller)) {
    out.push_back(rv::to_string(rv::ActionKind::kAssist));
  }
  return out;
}

json summary_json(const Ctx& ctx, const svc::StoredReview& s) {
  const OrgView& org = ctx.org();
  const Date today = ctx.caller.today;
  const rv::Review& r = s.review;
  const rv::Awaited a = rv::awaited(r);
  const auto due = rv::due(r, deadlines());
  return json{
      {"id", r.id},
      {"version", s.version},
      {"employee", employee_ref(org, r.employee, today)},
      {"indicator", pmp::to_string(r.trigger.indicator)},
      {"trigger_date", r.trigger.date.to_string()},
      {"state", rv::to_string(r.state)},
      {"state_since", r.state_since.to_string()},
      {"final", rv::is_final(r.state)},
      {"awaiting", rv::is_final(r.state) ? json(nullptr)
                                         : json{{"step", a.step},
                                                {"what", a.what},
                                                {"role", access::to_string(a.role)},
                                                {"person", person(org, a.assigned, today)}}},
      {"due", opt_date(due)},
      {"overdue", rv::overdue(r, today, deadlines())},
      {"opened", r.history.empty() ? json(nullptr) : json(r.history.front().on.to_string())},
      {"returns", r.returns}};
}

json designation_json(const std::optional<rv::Designation>& d) {
  if (!d) return nullptr;
  return json{{"plan", d->plan},
              {"period", rv::to_string(d->period)},
              {"other_days", d->other_days},
              {"days", d->days() ? json(*d->days()) : json(nullptr)}};
}

json detail_json(const Ctx& ctx, const svc::StoredReview& s) {
  const OrgView& org = ctx.org();
  const Date today = ctx.caller.today;
  const rv::Review& r = s.review;
  json out = summary_json(ctx, s);
  auto rec = [](const std::optional<rv::Recommendation>& x) {
    return x ? json(rv::to_string(*x)) : json(nullptr);
  };
  json history = json::array();
  for (const rv::StepTaken& h : r.history) {
    history.push_back(json{{"step", h.step},
                           {"what", h.what},
                           {"actor", person(org, h.actor, h.on)},
                           {"at", format_utc(h.at)},
                           {"on", h.on.to_string()},
                           {"from", rv::to_string(h.from)},
                           {"to", rv::to_string(h.to)},
                           {"comments", h.comments}});
  }
  out["trigger"] = json{{"indicator", pmp::to_string(r.trigger.indicator)},
                        {"date", r.trigger.date.to_string()},
                        {"event_ids", r.trigger.event_ids}};
  out["assigned"] = json{{"coordinator", person(org, r.coordinator, today)},
                         {"captain", person(org, r.captain, today)},
                         {"lieutenant", person(org, r.lieutenant, today)},
                         {"sergeant", person(org, r.sergeant, today)},
                         {"bureau_chief", person(org, r.bureau_chief, today)}};
  out["coaching_strategies"] = r.coaching_strategies;
  out["plan_items"] = r.plan_items;
  out["sergeant_recommendation"] = rec(r.sergeant_recommendation);
  out["lieutenant_recommendation"] = rec(r.lieutenant_recommendation);
  out["designation"] = designation_json(r.designation);
  out["history"] = std::move(history);
  out["my_actions"] = my_actions(ctx.caller, s, rv::awaited(r));
  return out;
}

// The review if the caller may read (or write) the employee's PMP record;
// otherwise NOT_FOUND, as for an id that does not exist.
Result<svc::StoredReview> readable_review(Ctx& ctx, std::int64_t id, access::Action action) {
  auto db = ctx.state.pool().lease();
  auto s = svc::load_review(*db, id);
  if (!s) return s.status();
  if (!ctx.may(action, access::Resource::kPmpRecord, s.value().review.employee)) {
    return not_found("review " + std::to_string(id) + " does not exist");
  }
  return s;
}

Result<std::vector<svc::StoredReview>> all_reviews(Ctx& ctx) {
  auto db = ctx.state.pool().lease();
  return svc::load_reviews(*db, std::nullopt);
}

svc::ActingAs acting(const Ctx& ctx) {
  return svc::ActingAs{ctx.caller.account.employee, ctx.caller.actor(), ctx.state.clock().now(),
                       ctx.caller.today};
}

// A step's body: {"action", "version", "comments", "assignee_serial",
// "recommendation", "items", "designation": {"plan", "period", "other_days"}}.
Result<svc::StepRequest> step_from_json(const json& in, const OrgView& org,
                                        std::vector<FieldError>& errors) {
  svc::StepRequest step;
  auto text = [&](const char* key, std::size_t max) -> std::string {
    if (!in.contains(key) || in[key].is_null()) return "";
    if (!in[key].is_string()) {
      errors.push_back({key, "must be text"});
      return "";
    }
    std::string s = in[key].get<std::string>();
    if (s.size() > max) errors.push_back({key, "longer than " + std::to_string(max) + " bytes"});
    return s;
  };
  const std::string action = text("action", 64);
  if (auto k = rv::parse_action_kind(action)) {
    step.kind = *k;
  } else {
    errors.push_back({"action", action.empty() ? "required" : "unknown step '" + action + "'"});
  }
  if (!in.contains("version") || !in["version"].is_number_integer()) {
    errors.push_back({"version", "required: the version of the review you are acting on"});
  } else {
    step.expected_version = in["version"].get<int>();
  }
  step.comments = text("comments", 8000);
  const std::string serial = text("assignee_serial", 32);
  if (!serial.empty()) {
    const org::Employee* e = org.org().employee_by_serial(serial);
    if (e == nullptr) {
      errors.push_back({"assignee_serial", "no employee has serial " + serial});
    } else {
      step.assignee = e->id;
    }
  }
  const std::string rec = text("recommendation", 16);
  if (!rec.empty()) {
    step.recommendation = rv::parse_recommendation(rec);
    if (!step.recommendation) errors.push_back({"recommendation", "plan or no-action"});
  }
  if (in.contains("items")) {
    if (!in["items"].is_array()) {
      errors.push_back({"items", "must be a list of text"});
    } else {
      for (const json& x : in["items"]) {
        if (!x.is_string() || x.get<std::string>().empty() || x.get<std::string>().size() > 500) {
          errors.push_back({"items", "each item is non-empty text of at most 500 bytes"});
          break;
        }
        step.items.push_back(x.get<std::string>());
      }
    }
  }
  if (in.contains("designation") && !in["designation"].is_null()) {
    const json& d = in["designation"];
    rv::Designation des;
    if (!d.is_object() || !d.contains("plan") || !d["plan"].is_boolean()) {
      errors.push_back({"designation.plan", "true or false"});
    } else {
      des.plan = d["plan"].get<bool>();
      const std::string period = d.value("period", des.plan ? "" : "no-review");
      auto p = rv::parse_review_period(period);
      if (!p) {
        errors.push_back({"designation.period", "30, 60, 90, other or no-review"});
      } else {
        des.period = *p;
      }
      if (d.contains("other_days")) {
        if (!d["other_days"].is_number_integer()) {
          errors.push_back({"designation.other_days", "a whole number of days"});
        } else {
          des.other_days = d["other_days"].get<int>();
        }
      }
      step.designation = des;
    }
  }
  return step;
}

Result<http::Response> open(Ctx& ctx) {
  RC_ASSIGN_OR_RETURN(json body, ctx.json_body());
  std::vector<FieldError> errors;
  const std::string serial = body.value("employee_serial", "");
  // Permission before validation (as for events): only someone who may write
  // this employee's PMP record learns anything from the body's errors.
  RC_ASSIGN_OR_RETURN(org::EmployeeId employee,
                      ctx.subject(serial, access::Action::kWrite, access::Resource::kPmpRecord));
  rv::ReviewTrigger trigger;
  auto ind = pmp::parse_indicator(body.value("indicator", ""));
  if (!ind) {
    errors.push_back({"indicator", "one of A to G"});
  } else {
    trigger.indicator = *ind;
  }
  auto date = Date::parse(body.value("trigger_date", ""));
  if (!date) {
    errors.push_back({"trigger_date", "a date YYYY-MM-DD"});
  } else if (date.value() > ctx.caller.today) {
    errors.push_back({"trigger_date", "is after today"});
  } else {
    trigger.date = date.value();
  }
  if (body.contains("event_ids")) {
    if (!body["event_ids"].is_array()) {
      errors.push_back({"event_ids", "a list of event ids"});
    } else {
      for (const json& x : body["event_ids"]) {
        if (!x.is_number_integer()) {
          errors.push_back({"event_ids", "a list of event ids"});
          break;
        }
        trigger.event_ids.push_back(x.get<std::int64_t>());
      }
    }
  }
  if (!errors.empty()) return validation_failed("the review cannot be opened", errors);
  auto db = ctx.state.pool().lease();
  RC_ASSIGN_OR_RETURN(svc::StoredReview s, svc::open_review(*db, ctx.org().org(), acting(ctx),
                                                            employee, std::move(trigger)));
  return json_response(201, detail_json(ctx, s));
}

Result<http::Response> step(Ctx& ctx) {
  RC_ASSIGN_OR_RETURN(std::int64_t id, ctx.id_param());
  RC_ASSIGN_OR_RETURN(json body, ctx.json_body());
  // Someone who may not read the employee's record learns nothing.
  RC_RETURN_IF_ERROR(readable_review(ctx, id, access::Action::kRead).status());
  std::vector<FieldError> errors;
  RC_ASSIGN_OR_RETURN(svc::StepRequest request, step_from_json(body, ctx.org(), errors));
  if (!errors.empty()) return validation_failed("the step is not valid", errors);
  auto db = ctx.state.pool().lease();
  RC_ASSIGN_OR_RETURN(svc::StoredReview s,
                      svc::take_step(*db, ctx.org().org(), acting(ctx), id, request));
  return json_response(200, detail_json(ctx, s));
}

Result<http::Response> get_one(Ctx& ctx) {
  RC_ASSIGN_OR_RETURN(std::int64_t id, ctx.id_param());
  RC_ASSIGN_OR_RETURN(svc::StoredReview s, readable_review(ctx, id, access::Action::kRead));
  const org::Employee* e = ctx.org().org().employee(s.review.employee);
  ctx.audit_read("pmp_review", std::to_string(id), json{{"employee", e ? e->serial : ""}});
  json out = detail_json(ctx, s);
  if (ctx.request.query_param("versions") == "1") {
    auto db = ctx.state.pool().lease();
    RC_ASSIGN_OR_RETURN(auto versions, db->workflow_versions(id));
    json v = json::array();
    for (const auto& w : versions) {
      v.push_back(json{{"version", w.version},
                       {"state", w.state},
                       {"recorded_at", format_utc(w.recorded_at)},
                       {"recorded_by", w.recorded_by}});
    }
    out["versions"] = std::move(v);
  }
  return json_response(200, out);
}

const std::vector<CsvColumn>& review_columns() {
  static const std::vector<CsvColumn> kColumns{
      {"review_id", "/id"},
      {"serial", "/employee/serial"},
      {"name", "/employee/name"},
      {"precinct", "/employee/precinct/code"},
      {"indicator", "/indicator"},
      {"trigger_date", "/trigger_date"},
      {"opened", "/opened"},
      {"state", "/state"},
      {"state_since", "/state_since"},
      {"awaiting_step", "/awaiting/step"},
      {"awaiting_role", "/awaiting/role"},
      {"awaiting_serial", "/awaiting/person/serial"},
      {"due", "/due"},
      {"overdue", "/overdue"},
      {"returns", "/returns"},
  };
  return kColumns;
}

// GET /api/v1/reviews?state=open|final|all&overdue=1&format=csv: the reviews
// the caller may read.
Result<http::Response> list(Ctx& ctx) {
  const http::Request& q = ctx.request;
  const std::string which = q.query_param("state").empty() ? "open" : q.query_param("state");
  if (which != "open" && which != "final" && which != "all") {
    return validation_failed("unknown filter", {{"state", "open, final or all"}});
  }
  const bool only_overdue = q.query_param("overdue") == "1";
  RC_ASSIGN_OR_RETURN(auto reviews, all_reviews(ctx));
  json rows = json::array();
  std::map<std::string, int> by_state;
  int overdue = 0;
  for (const auto& s : reviews) {
    if (!ctx.may(access::Action::kRead, access::Resource::kPmpRecord, s.review.employee)) continue;
    const bool final = rv::is_final(s.review.state);
    if ((which == "open" && final) || (which == "final" && !final)) continue;
    const bool late = rv::overdue(s.review, ctx.caller.today, deadlines());
    if (only_overdue && !late) continue;
    ++by_state[std::string(rv::to_string(s.review.state))];
    overdue += late ? 1 : 0;
    rows.push_back(summary_json(ctx, s));
  }
  ctx.audit_read("pmp_reviews", which, json{{"count", rows.size()}});
  if (q.query_param("format") == "csv") {
    return csv_response(rows, review_columns(), "reviews.csv");
  }
  return json_response(200, json{{"reviews", std::move(rows)},
                                 {"by_state", by_state},
                                 {"overdue", overdue},
                                 {"today", ctx.caller.today.to_string()}});
}

// GET /api/v1/inbox: everything awaiting the caller: review steps (due dates
// and overdue first), plan steps and plans to open, the Committee's meetings,
// then 4.010 leave requests, extensions, timesheets and forms.
Result<http::Response> inbox(Ctx& ctx) {
  RC_ASSIGN_OR_RETURN(auto reviews, all_reviews(ctx));
  const auto items = svc::inbox(reviews, ctx.org().org(), ctx.caller.account.employee,
                                ctx.caller.today, deadlines());
  json out = json::array();
  int overdue = 0;
  for (const auto& item : items) {
    json row = summary_json(ctx, *item.review);
    row["kind"] = "pmp-review";
    row["actions"] = my_actions(ctx.caller, *item.review, item.awaited);
    overdue += item.overdue ? 1 : 0;
    out.push_back(std::move(row));
  }
  RC_RETURN_IF_ERROR(append_plan_inbox(ctx, out, overdue));
  RC_RETURN_IF_ERROR(append_committee_inbox(ctx, out, overdue));
  RC_RETURN_IF_ERROR(append_leave_inbox(ctx, out, overdue));    // 4.010 requests, extensions
  RC_RETURN_IF_ERROR(append_records_inbox(ctx, out, overdue));  // 4.010 timesheets, forms
  if (ctx.request.query_param("format") == "csv") {
    return csv_response(out,
                        {{"kind", "/kind"},
                         {"id", "/id"},
                         {"serial", "/employee/serial"},
                         {"name", "/employee/name"},
                         {"state", "/state"},
                         {"step", "/awaiting/step"},
                         {"what", "/awaiting/what"},
                         {"due", "/due"},
                         {"overdue", "/overdue"},
                         {"actions", "/actions"}},
                        "inbox.csv");
  }
  return json_response(200, json{{"items", std::move(out)},
                                 {"overdue", overdue},
                                 {"today", ctx.caller.today.to_string()}});
}

}  // namespace

void add_review_routes(Api& api) {
  api.add("GET", "/api/v1/inbox", inbox);
  api.add("GET", "/api/v1/reviews", list);
  api.add("POST", "/api/v1/reviews", open);
  api.add("GET", "/api/v1/reviews/{id}", get_one);
  api.add("POST", "/api/v1/reviews/{id}/steps", step);
}

}  // namespace rollcall::api
