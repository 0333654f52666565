// 4.010-POL-8 corrections and 4.010-POL-9 AWOL over HTTP.
//   POST /api/v1/timesheets/{id}/corrections {day, lines, reason}      supervisor → 201
//   GET  /api/v1/corrections[?state=open|all]   GET /api/v1/corrections/{id}
//   POST /api/v1/corrections/{id}/steps {action: forward|grant|refuse-exception|
//                                        approve|refuse|apply, comments, version?}
//   POST /api/v1/awol {employee, date, minutes|hours, circumstances}   supervisor → 201
//   GET  /api/v1/awol   GET /api/v1/awol/{id}   POST /api/v1/awol/{id}/forward
#include "api/timeoff/records_corrections.h"

#include "api/timeoff/records_common.h"
#include "time/instant.h"

namespace rollcall::api::records {

json correction_json(const Ctx& ctx, const ar::StoredCorrection& s) {
  const tr::Correction& c = s.record;
  json lines = json::array();
  for (const auto& l : c.lines) lines.push_back(line_json(l));
  json history = json::array();
  for (const auto& h : c.history) {
    history.push_back(json{{"what", h.what},
                           {"actor", person(ctx, h.actor)},
                           {"at", format_utc(h.at)},
                           {"to", tr::to_string(h.to)},
                           {"comments", h.comments}});
  }
  return json{{"id", c.id},
              {"kind", "timesheet-correction"},
              {"version", s.version},
              {"timesheet", c.timesheet},
              {"employee", person(ctx, c.employee)},
              {"day", c.day.to_string()},
              {"lines", std::move(lines)},
              {"reason", c.reason},
              {"requested_by", person(ctx, c.requested_by)},
              {"requested_on", c.requested_on.to_string()},
              {"deadline", opt_date(c.deadline)},
              {"exception", c.exception},
              {"routing", routing_json(ctx, c.routing)},
              {"state", tr::to_string(c.state)},
              {"applied_version", c.applied_version ? json(*c.applied_version) : json(nullptr)},
              {"history", std::move(history)}};
}

json awol_json(const Ctx& ctx, const ar::StoredAwol& s) {
  const tr::AwolRecord& r = s.record;
  json out = amount(r.minutes);
  out.update(json{{"id", r.id},
                  {"kind", "awol"},
                  {"version", s.version},
                  {"employee", person(ctx, r.employee)},
                  {"timesheet", r.timesheet},
                  {"date", r.date.to_string()},
                  {"paid", false},
                  {"memo", json{{"author", person(ctx, r.memo.author)},
                                {"circumstances", r.memo.circumstances},
                                {"hr_director", person(ctx, r.memo.hr_director)},
                                {"sent", format_utc(r.memo.sent)},
                                {"copy", routing_json(ctx, r.memo.copy)}}},
                  {"state", ar::RecordKind<tr::AwolRecord>::state(r)}});
  return out;
}

namespace {

bool final_correction(tr::CorrectionState s) {
  return s == tr::CorrectionState::kApplied || s == tr::CorrectionState::kRefused;
}

Result<http::Response> request(Ctx& ctx) {
  RC_ASSIGN_OR_RETURN(std::int64_t id, ctx.id_param());
  RC_ASSIGN_OR_RETURN(json body, ctx.json_body());
  RC_RETURN_IF_ERROR(readable<tr::Timesheet>(ctx, id).status());
  Fields f(body);
  const auto day = f.date("day");
  const auto lines = f.lines("lines", day);
  const std::string reason = f.text("reason", 8000, true);
  if (!f.errors.empty()) return invalid("the correction is not valid", f.errors);
  RC_ASSIGN_OR_RETURN(auto cal, calendar(ctx));
  auto db = ctx.state.pool().lease();
  return answer(ar::request_correction(*db, ctx.org().org(), acting(ctx), id,
                                       ar::CorrectionRequest{*day, lines, reason},
                                       cal->calendar().records.correction_window),
                201, [&](const ar::StoredCorrection& s) { return correction_json(ctx, s); });
}

Result<http::Response> list(Ctx& ctx) {
  const std::string which = ctx.request.query_param("state");
  auto db = ctx.state.pool().lease();
  RC_ASSIGN_OR_RETURN(auto all, ar::load_all<tr::Correction>(*db, std::nullopt));
  json rows = json::array();
  for (const auto& s : all) {
    if (!in_scope(ctx, s.record.employee)) continue;
    if (which != "all" && final_correction(s.record.state)) continue;
    rows.push_back(correction_json(ctx, s));
  }
  ctx.audit_read("timesheet-corrections", which.empty() ? "open" : which,
                 json{{"count", rows.size()}});
  return json_response(200, json{{"corrections", std::move(rows)}});
}

Result<http::Response> get_one(Ctx& ctx) {
  RC_ASSIGN_OR_RETURN(std::int64_t id, ctx.id_param());
  RC_ASSIGN_OR_RETURN(auto s, readable<tr::Correction>(ctx, id));
  ctx.audit_read("timesheet-correction", std::to_string(id));
  return json_response(200, correction_json(ctx, s));
}

Result<http::Response> step(Ctx& ctx) {
  RC_ASSIGN_OR_RETURN(std::int64_t id, ctx.id_param());
  RC_ASSIGN_OR_RETURN(json body, ctx.json_body());
  RC_RETURN_IF_ERROR(readable<tr::Correction>(ctx, id).status());
  Fields f(body);
  const std::string action = f.text("action", 32, true);
  const auto a = ar::parse_correction_action(action);
  if (!action.empty() && !a) {
    f.errors.push_back({"action", "forward, grant, refuse-exception, approve, refuse or apply"});
  }
  const std::string comments = f.text("comments", 8000);
  const auto version = f.version();
  if (!f.errors.empty()) return invalid("the step is not valid", f.errors);
  RC_ASSIGN_OR_RETURN(auto cal, calendar(ctx));
  auto db = ctx.state.pool().lease();
  return answer(
      ar::correction_step(*db, ctx.org().org(), *cal, acting(ctx), id, *a, comments, version), 200,
      [&](const ar::StoredCorrection& s) { return correction_json(ctx, s); });
}

Result<http::Response> record_awol(Ctx& ctx) {
  RC_ASSIGN_OR_RETURN(json body, ctx.json_body());
  Fields f(body);
  const std::string serial = f.text("employee", 32, true);
  if (!f.errors.empty()) return invalid("the AWOL record is not valid", f.errors);
  RC_ASSIGN_OR_RETURN(org::EmployeeId employee, employee_in_scope(ctx, serial));
  const auto date = f.date("date");
  const std::int64_t minutes = f.minutes();
  const std::string circumstances = f.text("circumstances", 8000, true);
  if (!f.errors.empty()) return invalid("the AWOL record is not valid", f.errors);
  RC_ASSIGN_OR_RETURN(auto cal, calendar(ctx));
  auto db = ctx.state.pool().lease();
  return answer(ar::record_awol(*db, ctx.org().org(), *cal, acting(ctx), employee,
                                ar::AwolRequest{*date, minutes, circumstances}),
                201, [&](const ar::StoredAwol& s) { return awol_json(ctx, s); });
}

// The HR director sees every AWOL record; others those of employees in scope.
Result<http::Response> list_awol(Ctx& ctx) {
  auto db = ctx.state.pool().lease();
  RC_ASSIGN_OR_RETURN(auto all, ar::load_all<tr::AwolRecord>(*db, std::nullopt));
  json rows = json::array();
  for (auto it = all.rbegin(); it != all.rend(); ++it) {
    if (in_scope(ctx, it->record.employee)) rows.push_back(awol_json(ctx, *it));
  }
  ctx.audit_read("awol-records", "list", json{{"count", rows.size()}});
  return json_response(200, json{{"awol", std::move(rows)}});
}

Result<http::Response> get_awol(Ctx& ctx) {
  RC_ASSIGN_OR_RETURN(std::int64_t id, ctx.id_param());
  RC_ASSIGN_OR_RETURN(auto s, readable<tr::AwolRecord>(ctx, id));
  ctx.audit_read("awol-record", std::to_string(id));
  return json_response(200, awol_json(ctx, s));
}

Result<http::Response> forward_awol(Ctx& ctx) {
  RC_ASSIGN_OR_RETURN(std::int64_t id, ctx.id_param());
  RC_RETURN_IF_ERROR(readable<tr::AwolRecord>(ctx, id).status());
  json body = json::object();
  if (!ctx.request.body.empty()) {
    RC_ASSIGN_OR_RETURN(body, ctx.json_body());
  }
  Fields f(body);
  const auto version = f.version();
  if (!f.errors.empty()) return invalid("the step is not valid", f.errors);
  auto db = ctx.state.pool().lease();
  return answer(ar::forward_awol_copy(*db, ctx.org().org(), acting(ctx), id, version), 200,
                [&](const ar::StoredAwol& s) { return awol_json(ctx, s); });
}

}  // namespace

void add_correction_routes(Api& api) {
  api.add("POST", "/api/v1/timesheets/{id}/corrections", request);
  api.add("GET", "/api/v1/corrections", list);
  api.add("GET", "/api/v1/corrections/{id}", get_one);
  api.add("POST", "/api/v1/corrections/{id}/steps", step);
  api.add("POST", "/api/v1/awol", record_awol);
  api.add("GET", "/api/v1/awol", list_awol);
  api.add("GET", "/api/v1/awol/{id}", get_awol);
  api.add("POST", "/api/v1/awol/{id}/forward", forward_awol);
}

}  // namespace rollcall::api::records
