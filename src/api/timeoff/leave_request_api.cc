// POST /api/v1/leave-requests                 submit (4.010-POL-2, PRO-1.1) or, by the
//                                             supervisor, record a called-in absence
// GET  /api/v1/leave-requests?scope=mine|queue|all[&state=&employee=SERIAL]
// GET  /api/v1/leave-requests/{id}            one, with staffing for the sergeant
// POST /api/v1/leave-requests/{id}/steps      approve/deny (POL-2, POL-6, PRO-1.2),
//                                             forward-to-captain and forward (PRO-1.3),
//                                             captain (PRO-1.4), forward back (PRO-1.4),
//                                             record (PRO-1.5), cancel
// GET  /api/v1/units/{id}/leave-calendar?from&to   who is off per day vs the minimum
// A request the caller may not read (the employee's record) is answered as
// not existing. Bad input is 422 with the field named; nothing is written.
#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "api/csv_response.h"
#include "api/json_codecs.h"
#include "api/timeoff/leave_support.h"
#include "time/instant.h"

namespace rollcall::api::leave_api {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxDays = 400;

// The draft from the body, collecting field errors.
lv::RequestDraft draft_from_json(const json& in, std::vector<FieldError>& errors) {
  lv::RequestDraft d;
  auto text = [&](const char* key) -> std::string {
    if (!in.contains(key) || in[key].is_null()) return "";
    if (!in[key].is_string()) {
      errors.push_back({key, "must be text"});
      return "";
    }
    return in[key].get<std::string>();
  };
  const std::string type = text("type");
  if (auto t = lv::parse_leave_type(type)) {
    d.type = *t;
  } else {
    errors.push_back({"type", type.empty() ? "required: " + lv::leave_type_choices()
                                           : "unknown leave type '" + type + "'; one of " +
                                                 lv::leave_type_choices()});
  }
  const std::string charge = text("charge");
  if (!charge.empty()) {
    d.charge = lv::parse_leave_type(charge);
    if (!d.charge || !lv::is_bank(*d.charge)) errors.push_back({"charge", "not a leave balance"});
  }
  if (in.contains("unpaid")) {
    if (!in["unpaid"].is_boolean()) {
      errors.push_back({"unpaid", "true or false"});
    } else {
      d.unpaid = in["unpaid"].get<bool>();
    }
  }
  for (const char* key : {"first", "last"}) {
    const std::string v = text(key);
    auto parsed = Date::parse(v);
    if (!parsed) {
      errors.push_back({key, v.empty() ? "required: a date YYYY-MM-DD" : "not a date YYYY-MM-DD"});
    } else {
      (std::string(key) == "first" ? d.first : d.last) = *parsed;
    }
  }
  if (in.contains("days") && !in["days"].is_null()) {
    if (!in["days"].is_array() || in["days"].size() > kMaxDays) {
      errors.push_back({"days", "a list of at most 400 {date, hours | minutes}"});
    } else {
      for (std::size_t i = 0; i < in["days"].size(); ++i) {
        const json& x = in["days"][i];
        const std::string field = "days[" + std::to_string(i) + "]";
        auto date = x.is_object() && x.contains("date") && x["date"].is_string()
                        ? Date::parse(x["date"].get<std::string>())
                        : Result<Date>(invalid_argument("date"));
        if (!date) {
          errors.push_back({field + ".date", "a date YYYY-MM-DD"});
          continue;
        }
        lv::Minutes m = 0;
        if (x.contains("minutes") && x["minutes"].is_number_integer()) {
          m = x["minutes"].get<lv::Minutes>();
        } else if (x.contains("hours") && x["hours"].is_number()) {
          const double h = x["hours"].get<double>();
          if (h < 0 || h > 1000) {
            errors.push_back({field + ".hours", "out of range"});
            continue;
          }
          m = static_cast<lv::Minutes>(h * 60 + 0.5);
        } else {
          errors.push_back({field, "give hours (decimal) or minutes (whole)"});
          continue;
        }
        d.days.push_back(lv::LeaveDay{*date, m});
      }
    }
  }
  d.note = text("note");
  if (d.note.size() > 2000) errors.push_back({"note", "longer than 2000 bytes"});
  return d;
}

// The request if the caller may read the employee's record; NOT_FOUND otherwise.
Result<tsvc::StoredRequest> readable_request(Ctx& ctx, std::int64_t id) {
  auto db = ctx.state.pool().lease();
  auto s = tsvc::load_request(*db, id);
  if (!s) return s.status();
  if (!ctx.may(access::Action::kRead, access::Resource::kEmployeeRecord, s->request.employee)) {
    return not_found("leave request " + std::to_string(id) + " does not exist");
  }
  return s;
}

json staffing_json(const Ctx& ctx, const std::vector<lv::StaffingDay>& days) {
  const OrgView& org = ctx.org();
  auto refs = [&](const std::vector<org::EmployeeId>& ids, Date d) {
    json out = json::array();
    for (auto id : ids) out.push_back(employee_ref(org, id, d));
    return out;
  };
  json out = json::array();
  for (const auto& d : days) {
    out.push_back(json{{"date", d.date.to_string()},
                       {"scheduled", refs(d.scheduled, d.date)},
                       {"off", refs(d.off, d.date)},
                       {"partial", refs(d.partial, d.date)},
                       {"pending", refs(d.pending, d.date)},
                       {"on_duty", d.on_duty},
                       {"if_pending_approved", d.if_pending_approved},
                       {"minimum", d.minimum},
                       {"short_staffed", d.short_staffed}});
  }
  return out;
}

// The request, plus the squad's staffing for its dates when the caller is
// to decide on it (4.010-PRO-1.2: "based on staffing needs").
Result<json> with_staffing(Ctx& ctx, const tsvc::TimeoffContext& tctx,
                           const tsvc::StoredRequest& s) {
  json out = request_json(ctx, s);
  if (s.request.employee != ctx.caller.account.employee && !out["my_actions"].empty()) {
    auto db = ctx.state.pool().lease();
    RC_ASSIGN_OR_RETURN(auto days, tsvc::staffing_for(*db, tctx, ctx.org().org(), s.request));
    out["staffing"] = staffing_json(ctx, days);
  }
  return out;
}

Result<http::Response> submit(Ctx& ctx) {
  RC_ASSIGN_OR_RETURN(json body, ctx.json_body());
  if (!body.is_object()) return validation_failed("expected an object", {});
  std::vector<FieldError> errors;
  lv::RequestDraft draft = draft_from_json(body, errors);
  org::EmployeeId employee = ctx.caller.account.employee;
  const std::string serial = body.value("employee_serial", "");
  if (!serial.empty()) {
    auto id = ctx.subject(serial, access::Action::kRead, access::Resource::kEmployeeRecord);
    if (!id) return error_response(id.status());
    employee = *id;
  }
  std::optional<Instant> called_at;
  if (body.contains("called_in_at") && !body["called_in_at"].is_null()) {
    auto t = body["called_in_at"].is_string() ? parse_utc(body["called_in_at"].get<std::string>())
                                              : Result<Instant>(invalid_argument("x"));
    if (!t) {
      errors.push_back({"called_in_at", "an instant YYYY-MM-DDTHH:MM:SSZ"});
    } else if (*t > ctx.state.clock().now()) {
      errors.push_back({"called_in_at", "is in the future"});
    } else {
      called_at = *t;
    }
  }
  if (!errors.empty())
    return validation_failed("the request is not valid; nothing was saved", errors);
  RC_ASSIGN_OR_RETURN(tsvc::TimeoffContext tctx, timeoff_context(ctx));
  auto db = ctx.state.pool().lease();
  Result<tsvc::StoredRequest> stored =
      called_at ? tsvc::record_call_in(*db, tctx, ctx.org().org(), acting(ctx), employee, draft,
                                       *called_at)
                : tsvc::submit_request(*db, tctx, ctx.org().org(), acting(ctx), employee, draft);
  if (!stored) {
    const Status& s = stored.status();
    // 4.010-POL-5: a request beyond the balance is bad input for the form.
    if (s.code() == StatusCode::kFailedPrecondition && s.message().rfind("4.010-POL-5", 0) == 0) {
      return validation_failed(s.message(), {{"days", s.message()}});
    }
    return leave_error(s);
  }
  ctx.state.invalidate();
  RC_ASSIGN_OR_RETURN(json out, with_staffing(ctx, tctx, *stored));
  return json_response(201, out);
}

Result<http::Response> get_one(Ctx& ctx) {
  RC_ASSIGN_OR_RETURN(std::int64_t id, ctx.id_param());
  RC_ASSIGN_OR_RETURN(tsvc::StoredRequest s, readable_request(ctx, id));
  RC_ASSIGN_OR_RETURN(tsvc::TimeoffContext tctx, timeoff_context(ctx));
  const org::Employee* e = ctx.org().org().employee(s.request.employee);
  ctx.audit_read("leave_request", std::to_string(id), json{{"employee", e ? e->serial : ""}});
  RC_ASSIGN_OR_RETURN(json out, with_staffing(ctx, tctx, s));
  return json_response(200, out);
}

Result<http::Response> step(Ctx& ctx) {
  RC_ASSIGN_OR_RETURN(std::int64_t id, ctx.id_param());
  RC_ASSIGN_OR_RETURN(json body, ctx.json_body());
  RC_RETURN_IF_ERROR(readable_request(ctx, id).status());
  std::vector<FieldError> errors;
  tsvc::StepRequest request;
  const std::string action = body.is_object() ? body.value("action", "") : "";
  if (auto k = lv::parse_step_kind(action)) {
    request.kind = *k;
  } else {
    errors.push_back({"action", action.empty() ? "required" : "unknown step '" + action + "'"});
  }
  if (!body.is_object() || !body.contains("version") || !body["version"].is_number_integer()) {
    errors.push_back({"version", "required: the version of the request you are acting on"});
  } else {
    request.expected_version = body["version"].get<int>();
  }
  if (body.is_object() && body.contains("comments") && body["comments"].is_string()) {
    request.comments = body["comments"].get<std::string>();
    if (request.comments.size() > 4000) errors.push_back({"comments", "longer than 4000 bytes"});
  }
  if (!errors.empty()) return validation_failed("the step is not valid", errors);
  RC_ASSIGN_OR_RETURN(tsvc::TimeoffContext tctx, timeoff_context(ctx));
  auto db = ctx.state.pool().lease();
  auto s = tsvc::take_step(*db, tctx, ctx.org().org(), acting(ctx), id, request);
  if (!s) {
    // A missing denial reason is the form's "comments" field.
    if (s.status().code() == StatusCode::kInvalidArgument &&
        s.status().message().find("reason") != std::string::npos) {
      return validation_failed(s.status().message(), {{"comments", "a reason is required"}});
    }
    return leave_error(s.status());
  }
  ctx.state.invalidate();
  RC_ASSIGN_OR_RETURN(json out, with_staffing(ctx, tctx, *s));
  return json_response(200, out);
}

const std::vector<CsvColumn>& request_columns() {
  static const std::vector<CsvColumn> kColumns{
      {"request_id", "/id"},
      {"serial", "/employee/serial"},
      {"name", "/employee/name"},
      {"type", "/type"},
      {"charge", "/charge"},
      {"first", "/first"},
      {"last", "/last"},
      {"hours", "/total/hours"},
      {"state", "/state"},
      {"state_since", "/state_since"},
      {"awaiting_step", "/awaiting/step"},
      {"due", "/awaiting/due"},
      {"overdue", "/overdue"},
  };
  return kColumns;
}

Result<http::Response> list(Ctx& ctx) {
  const http::Request& q = ctx.request;
  const std::string scope = q.query_param("scope").empty() ? "mine" : q.query_param("scope");
  if (scope != "mine" && scope != "queue" && scope != "all") {
    return validation_failed("unknown scope", {{"scope", "mine, queue or all"}});
  }
  std::optional<lv::RequestState> state;
  if (!q.query_param("state").empty()) {
    state = lv::parse_request_state(q.query_param("state"));
    if (!state) return validation_failed("unknown state", {{"state", "a request state"}});
  }
  std::optional<org::EmployeeId> only;
  if (!q.query_param("employee").empty()) {
    auto id = ctx.subject(q.query_param("employee"), access::Action::kRead,
                          access::Resource::kEmployeeRecord);
    if (!id) return error_response(id.status());
    only = *id;
  }
  const org::EmployeeId me = ctx.caller.account.employee;
  auto db = ctx.state.pool().lease();
  RC_ASSIGN_OR_RETURN(auto all,
                      tsvc::load_requests(*db, scope == "mine" ? std::optional(me) : only));
  RC_ASSIGN_OR_RETURN(tsvc::TimeoffContext tctx, timeoff_context(ctx));
  std::vector<const tsvc::StoredRequest*> rows;
  if (scope == "queue") {
    rows = tsvc::request_inbox(all, ctx.org().org(), me, ctx.caller.today);
  } else {
    for (const auto& s : all) {
      if (scope == "all" && s.request.employee != me &&
          !ctx.may(access::Action::kRead, access::Resource::kEmployeeRecord, s.request.employee)) {
        continue;
      }
      rows.push_back(&s);
    }
  }
  json out = json::array();
  for (const auto* s : rows) {
    if (state && s->request.state != *state) continue;
    if (only && s->request.employee != *only) continue;
    if (scope == "queue") {
      RC_ASSIGN_OR_RETURN(json row, with_staffing(ctx, tctx, *s));
      out.push_back(std::move(row));
    } else {
      out.push_back(request_json(ctx, *s));
    }
  }
  ctx.audit_read("leave_requests", scope, json{{"count", out.size()}});
  if (q.query_param("format") == "csv") {
    return csv_response(out, request_columns(), "leave-requests.csv");
  }
  return json_response(200, json{{"requests", std::move(out)},
                                 {"scope", scope},
                                 {"today", ctx.caller.today.to_string()}});
}

// Sergeants and up see the units they lead and everything below.
bool leads_or_above(const org::OrgSnapshot& org, org::EmployeeId person, org::UnitId unit,
                    Date on) {
  const auto led = org.units_led_on(person, on);
  for (std::optional<org::UnitId> u = unit; u;) {
    if (std::find(led.begin(), led.end(), *u) != led.end()) return true;
    const org::Unit* x = org.unit(*u);
    u = x ? x->parent : std::nullopt;
  }
  return false;
}

Result<http::Response> unit_calendar(Ctx& ctx) {
  auto it = ctx.request.params.find("id");
  const std::string key = it == ctx.request.params.end() ? "" : it->second;
  const org::OrgSnapshot& org = ctx.org().org();
  const org::Unit* unit = org.unit_by_code(key);
  if (unit == nullptr) {
    auto id = ctx.id_param();
    if (id) unit = org.unit(*id);
  }
  if (unit == nullptr ||
      !leads_or_above(org, ctx.caller.account.employee, unit->id, ctx.caller.today)) {
    return not_found("unit '" + key + "' does not exist or you do not lead it");
  }
  auto from = ctx.date_param("from");
  if (!from) return leave_error(from.status());
  auto to = ctx.date_param("to");
  if (!to) return leave_error(to.status());
  const Date first = from->value_or(ctx.caller.today);
  const Date last = to->value_or(first.plus_days(13));
  RC_ASSIGN_OR_RETURN(tsvc::TimeoffContext tctx, timeoff_context(ctx));
  auto db = ctx.state.pool().lease();
  auto cal = tsvc::unit_calendar(*db, tctx, org, unit->id, first, last);
  if (!cal) return leave_error(cal.status());
  ctx.audit_read("leave_calendar", unit->code,
                 json{{"from", first.to_string()}, {"to", last.to_string()}});
  return json_response(200, json{{"unit", unit_ref(ctx.org(), unit->id)},
                                 {"from", first.to_string()},
                                 {"to", last.to_string()},
                                 {"minimum_on_duty", cal->rules.minimum_on_duty},
                                 {"members", cal->members.size()},
                                 {"days", staffing_json(ctx, cal->days)}});
}

}  // namespace

void add_request_routes(Api& api) {
  api.add("POST", "/api/v1/leave-requests", submit);
  api.add("GET", "/api/v1/leave-requests", list);
  api.add("GET", "/api/v1/leave-requests/{id}", get_one);
  api.add("POST", "/api/v1/leave-requests/{id}/steps", step);
  api.add("GET", "/api/v1/units/{id}/leave-calendar", unit_calendar);
}

}  // namespace rollcall::api::leave_api
