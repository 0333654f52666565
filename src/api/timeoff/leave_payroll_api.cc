// Payroll's leave runs and the year-end extensions (4.010-POL-7):
// POST /api/v1/leave/accruals?through=DATE[&dry_run=1][&employee=SERIAL]  (Payroll) idempotent
// POST /api/v1/leave/year-end?year=Y&dry_run=1|0          (Payroll) report / apply
// POST /api/v1/leave-extensions                           the employee asks
// GET  /api/v1/leave-extensions                           mine, my chain's, or all (Payroll)
// POST /api/v1/leave-extensions/{id}/steps                each link: forward (up the chain);
//                                                         bureau chief: grant, refuse,
//                                                         send-to-payroll
#include <nlohmann/json.hpp>

#include "api/csv_response.h"
#include "api/json_codecs.h"
#include "api/timeoff/leave_support.h"
#include "api/timeoff/records_common.h"
#include "app/timeoff/leave_payroll.h"
#include "time/instant.h"

namespace rollcall::api::leave_api {
namespace {

using nlohmann::json;

Status require_payroll(const Ctx& ctx) {
  if (ctx.caller.has(access::Role::kPayroll)) return Status::ok();
  return Status(StatusCode::kPermissionDenied,
                "only the Payroll Unit runs leave accruals and year end");
}

bool dry_run(const Ctx& ctx, bool fallback) {
  const std::string v = ctx.request.query_param("dry_run");
  if (v.empty()) return fallback;
  return v != "0" && v != "false";
}

Result<http::Response> accruals(Ctx& ctx) {
  RC_RETURN_IF_ERROR(require_payroll(ctx));
  auto through = ctx.date_param("through");
  if (!through) return leave_error(through.status());
  if (!*through) return validation_failed("through is required", {{"through", "required: a date"}});
  if (**through > ctx.caller.today) {
    return validation_failed("accruals are posted for periods that have ended",
                             {{"through", "after today"}});
  }
  std::optional<org::EmployeeId> only;
  if (const std::string serial = ctx.request.query_param("employee"); !serial.empty()) {
    const org::Employee* e = ctx.org().org().employee_by_serial(serial);
    if (e == nullptr)
      return validation_failed("no such employee", {{"employee", "unknown serial"}});
    only = e->id;
  }
  RC_ASSIGN_OR_RETURN(tsvc::TimeoffContext tctx, timeoff_context(ctx));
  auto db = ctx.state.pool().lease();
  const bool dry = dry_run(ctx, false);
  RC_ASSIGN_OR_RETURN(auto r, tsvc::run_accruals(*db, tctx, ctx.org().org(), ctx.caller.actor(),
                                                 **through, dry, only));
  if (!dry) ctx.state.invalidate();
  return json_response(200, json{{"through", r.through.to_string()},
                                 {"dry_run", dry},
                                 {"employees", r.employees},
                                 {"accrual_entries", r.accrual_entries},
                                 {"holiday_credits", r.holiday_credits},
                                 {"furlough_grants", r.furlough_grants},
                                 {"posted", amount(r.minutes_posted)},
                                 {"reduced_by_cap", r.reduced_by_cap},
                                 {"skipped", r.skipped}});
}

const std::vector<CsvColumn>& plan_columns() {
  static const std::vector<CsvColumn> kColumns{
      {"serial", "/employee/serial"},
      {"name", "/employee/name"},
      {"kind", "/kind"},
      {"bank", "/bank"},
      {"from", "/from"},
      {"hours", "/hours"},
      {"minutes", "/minutes"},
      {"date", "/date"},
      {"reason", "/reason"},
  };
  return kColumns;
}

Result<http::Response> year_end(Ctx& ctx) {
  RC_RETURN_IF_ERROR(require_payroll(ctx));
  RC_ASSIGN_OR_RETURN(long long year, ctx.int_param("year", ctx.caller.today.year(), 2000, 2100));
  const bool dry = dry_run(ctx, true);
  RC_ASSIGN_OR_RETURN(tsvc::TimeoffContext tctx, timeoff_context(ctx));
  auto db = ctx.state.pool().lease();
  RC_ASSIGN_OR_RETURN(auto r, tsvc::run_year_end(*db, tctx, ctx.caller.actor(),
                                                 static_cast<int>(year), !dry, ctx.caller.today));
  if (!dry) ctx.state.invalidate();
  json items = json::array();
  std::map<std::string, lv::Minutes> totals;
  for (const auto& i : r.plan.items) {
    totals[std::string(lv::to_string(i.kind))] += i.minutes;
    items.push_back(json{{"employee", employee_ref(ctx.org(), i.employee, ctx.caller.today)},
                         {"kind", lv::to_string(i.kind)},
                         {"bank", lv::to_string(i.bank)},
                         {"from", i.from ? json(lv::to_string(*i.from)) : json(nullptr)},
                         {"minutes", i.minutes},
                         {"hours", amount(i.minutes)["hours"]},
                         {"date", i.date.to_string()},
                         {"reason", i.reason}});
  }
  ctx.audit_read("leave_year_end", std::to_string(year), json{{"items", items.size()}});
  if (ctx.request.query_param("format") == "csv") {
    return csv_response(items, plan_columns(), "year-end-" + std::to_string(year) + ".csv");
  }
  json total = json::object();
  for (const auto& [k, m] : totals) total[k] = amount(m);
  return json_response(
      200, json{{"year", year},
                {"dry_run", dry},
                {"applied", r.applied},
                {"furlough_deadline", r.plan.furlough_deadline.to_string()},
                {"holiday_deadline", Date::from_ymd(static_cast<int>(year), 12, 31).to_string()},
                {"entries_posted", r.entries_posted},
                {"totals", std::move(total)},
                {"items", std::move(items)}});
}

json extension_json(const Ctx& ctx, const tsvc::StoredExtension& s) {
  const lv::ExtensionRequest& x = s.extension;
  json banks = json::array();
  for (auto b : x.banks) banks.push_back(lv::to_string(b));
  json history = json::array();
  for (const auto& h : x.history) {
    history.push_back(json{{"step", h.step},
                           {"what", h.what},
                           {"actor", employee_ref(ctx.org(), h.actor, h.on)},
                           {"at", format_utc(h.at)},
                           {"comments", h.comments}});
  }
  // "through their chain of command": each link and when it received the request.
  const json route = x.route ? records::routing_json(ctx, *x.route) : json(nullptr);
  return json{
      {"id", x.id},
      {"version", s.version},
      {"employee", employee_ref(ctx.org(), x.employee, ctx.caller.today)},
      {"year", x.year},
      {"banks", std::move(banks)},
      {"until", x.until.to_string()},
      {"reason", x.reason},
      {"state", lv::to_string(x.state)},
      {"granted", x.granted},
      {"bureau_chief", x.bureau_chief == 0
                           ? json(nullptr)
                           : employee_ref(ctx.org(), x.bureau_chief, ctx.caller.today)},
      {"decision_comments", x.decision_comments},
      {"route", route},
      {"my_actions",
       tsvc::extension_actions(x, ctx.org().org(), ctx.caller.account.employee, ctx.caller.today)},
      {"history", std::move(history)}};
}

Result<http::Response> request_ext(Ctx& ctx) {
  RC_ASSIGN_OR_RETURN(json body, ctx.json_body());
  std::vector<FieldError> errors;
  if (!body.is_object()) return validation_failed("expected an object", {});
  int year = ctx.caller.today.year();
  if (body.contains("year")) {
    if (!body["year"].is_number_integer()) {
      errors.push_back({"year", "a year"});
    } else {
      year = body["year"].get<int>();
    }
  }
  std::vector<lv::LeaveType> banks;
  if (!body.contains("banks") || !body["banks"].is_array()) {
    errors.push_back({"banks", "required: a list of holiday and/or furlough"});
  } else {
    for (const json& b : body["banks"]) {
      auto t = b.is_string() ? lv::parse_leave_type(b.get<std::string>()) : std::nullopt;
      if (!t) {
        errors.push_back({"banks", "holiday or furlough"});
        break;
      }
      banks.push_back(*t);
    }
  }
  auto until = Date::parse(body.value("until", ""));
  if (!until) errors.push_back({"until", "required: a date YYYY-MM-DD"});
  const std::string reason = body.value("reason", "");
  if (!errors.empty()) return validation_failed("the extension request is not valid", errors);
  RC_ASSIGN_OR_RETURN(tsvc::TimeoffContext tctx, timeoff_context(ctx));
  auto db = ctx.state.pool().lease();
  auto s =
      tsvc::request_extension(*db, tctx, ctx.org().org(), acting(ctx), year, banks, *until, reason);
  if (!s) return leave_error(s.status());
  ctx.state.invalidate();
  return json_response(201, extension_json(ctx, *s));
}

Result<http::Response> list_ext(Ctx& ctx) {
  auto db = ctx.state.pool().lease();
  RC_ASSIGN_OR_RETURN(auto all, tsvc::load_extensions(*db, std::nullopt));
  json out = json::array();
  const org::EmployeeId me = ctx.caller.account.employee;
  for (const auto& s : all) {
    if (s.extension.employee != me &&
        !ctx.may(access::Action::kRead, access::Resource::kEmployeeRecord, s.extension.employee)) {
      continue;
    }
    out.push_back(extension_json(ctx, s));
  }
  ctx.audit_read("leave_extensions", "list", json{{"count", out.size()}});
  return json_response(200, json{{"extensions", std::move(out)}});
}

Result<http::Response> step_ext(Ctx& ctx) {
  RC_ASSIGN_OR_RETURN(std::int64_t id, ctx.id_param());
  RC_ASSIGN_OR_RETURN(json body, ctx.json_body());
  auto db = ctx.state.pool().lease();
  auto current = tsvc::load_extension(*db, id);
  if (!current) return leave_error(current.status());
  if (current->extension.employee != ctx.caller.account.employee &&
      !ctx.may(access::Action::kRead, access::Resource::kEmployeeRecord,
               current->extension.employee)) {
    return not_found("extension request " + std::to_string(id) + " does not exist");
  }
  std::vector<FieldError> errors;
  auto kind = tsvc::parse_extension_step(body.is_object() ? body.value("action", "") : "");
  if (!kind) errors.push_back({"action", "grant, refuse or send-to-payroll"});
  if (!body.is_object() || !body.contains("version") || !body["version"].is_number_integer()) {
    errors.push_back({"version", "required"});
  }
  if (!errors.empty()) return validation_failed("the step is not valid", errors);
  auto s = tsvc::extension_step(*db, ctx.org().org(), acting(ctx), id, *kind,
                                body["version"].get<int>(), body.value("comments", ""));
  if (!s) return leave_error(s.status());
  ctx.state.invalidate();
  return json_response(200, extension_json(ctx, *s));
}

}  // namespace

void add_payroll_routes(Api& api) {
  api.add("POST", "/api/v1/leave/accruals", accruals);
  api.add("POST", "/api/v1/leave/year-end", year_end);
  api.add("POST", "/api/v1/leave-extensions", request_ext);
  api.add("GET", "/api/v1/leave-extensions", list_ext);
  api.add("POST", "/api/v1/leave-extensions/{id}/steps", step_ext);
}

}  // namespace rollcall::api::leave_api
