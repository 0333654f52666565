// GET /api/v1/employees/{serial}/leave?as_of=DATE           balances (4.010-POL-5, POL-6)
// GET /api/v1/employees/{serial}/leave/ledger?from&to[&format=csv]
// GET /api/v1/employees/{serial}/leave.ics                  approved leave (RFC 5545)
// GET /api/v1/employees/{serial}/schedule?from&to            scheduled shifts
// Scope: the employee, their chain of command, Payroll and HR
// (access::authorize on Resource::kEmployeeRecord); reads are access-logged.
#include <nlohmann/json.hpp>

#include "api/csv_response.h"
#include "api/json_codecs.h"
#include "api/timeoff/leave_ics.h"
#include "api/timeoff/leave_support.h"
#include "app/timeoff/leave_payroll.h"
#include "time/instant.h"

namespace rollcall::api::leave_api {
namespace {

using nlohmann::json;

Result<org::EmployeeId> readable(Ctx& ctx) {
  auto it = ctx.request.params.find("serial");
  const std::string serial = it == ctx.request.params.end() ? "" : it->second;
  return ctx.subject(serial, access::Action::kRead, access::Resource::kEmployeeRecord);
}

Result<http::Response> balances(Ctx& ctx) {
  RC_ASSIGN_OR_RETURN(org::EmployeeId employee, readable(ctx));
  auto as_of_param = ctx.date_param("as_of");
  if (!as_of_param) return leave_error(as_of_param.status());
  const Date as_of = as_of_param->value_or(ctx.caller.today);
  RC_ASSIGN_OR_RETURN(tsvc::TimeoffContext tctx, timeoff_context(ctx));
  auto db = ctx.state.pool().lease();
  auto summary = tsvc::leave_summary(*db, tctx, ctx.org().org(), employee, as_of);
  if (!summary) return leave_error(summary.status());
  json banks = json::array();
  for (const auto& b : summary->banks) {
    banks.push_back(json{{"bank", lv::to_string(b.bank)},
                         {"balance", amount(b.balance)},
                         {"pending", amount(b.pending)},
                         {"committed_after", amount(b.committed_after)},
                         {"available", amount(b.available)},
                         {"unearned_allowed", amount(b.unearned_allowed)}});
  }
  json pending = json::array();
  for (const auto& s : summary->pending) pending.push_back(request_json(ctx, s));
  const org::Employee* e = ctx.org().org().employee(employee);
  ctx.audit_read("leave_balances", e->serial, json{{"as_of", as_of.to_string()}});
  return json_response(200, json{{"employee", employee_ref(ctx.org(), employee, ctx.caller.today)},
                                 {"as_of", as_of.to_string()},
                                 {"bargaining_unit", summary->bargaining_unit},
                                 {"schedule", rollcall::timeoff::to_string(summary->schedule)},
                                 {"banks", std::move(banks)},
                                 {"pending", std::move(pending)}});
}

const std::vector<CsvColumn>& ledger_columns() {
  static const std::vector<CsvColumn> kColumns{
      {"entry_id", "/id"},     {"serial", "/serial"},     {"date", "/date"},
      {"bank", "/bank"},       {"taken_as", "/taken_as"}, {"kind", "/kind"},
      {"minutes", "/minutes"}, {"hours", "/hours"},       {"source", "/source"},
      {"reason", "/reason"},
  };
  return kColumns;
}

Result<http::Response> ledger(Ctx& ctx) {
  RC_ASSIGN_OR_RETURN(org::EmployeeId employee, readable(ctx));
  auto from = ctx.date_param("from");
  if (!from) return leave_error(from.status());
  auto to = ctx.date_param("to");
  if (!to) return leave_error(to.status());
  if (*from && *to && **to < **from) {
    return validation_failed("the range is empty", {{"to", "before from"}});
  }
  auto db = ctx.state.pool().lease();
  RC_ASSIGN_OR_RETURN(auto entries, tsvc::ledger_entries(*db, employee, *from, *to));
  const org::Employee* e = ctx.org().org().employee(employee);
  json rows = json::array();
  for (const auto& x : entries) {
    rows.push_back(json{{"id", x.id},
                        {"serial", e->serial},
                        {"date", x.date.to_string()},
                        {"bank", lv::to_string(x.bank)},
                        {"taken_as", lv::to_string(x.taken_as)},
                        {"kind", lv::to_string(x.kind)},
                        {"minutes", x.minutes},
                        {"hours", amount(x.minutes)["hours"]},
                        {"source", x.source},
                        {"reason", x.reason}});
  }
  ctx.audit_read("leave_ledger", e->serial, json{{"count", rows.size()}});
  if (ctx.request.query_param("format") == "csv") {
    return csv_response(rows, ledger_columns(), "leave-ledger-" + e->serial + ".csv");
  }
  return json_response(200, json{{"employee", employee_ref(ctx.org(), employee, ctx.caller.today)},
                                 {"entries", std::move(rows)}});
}

Result<http::Response> ics(Ctx& ctx) {
  RC_ASSIGN_OR_RETURN(org::EmployeeId employee, readable(ctx));
  RC_ASSIGN_OR_RETURN(tsvc::TimeoffContext tctx, timeoff_context(ctx));
  auto db = ctx.state.pool().lease();
  RC_ASSIGN_OR_RETURN(auto requests, tsvc::load_requests(*db, employee));
  const org::Employee* e = ctx.org().org().employee(employee);
  RC_ASSIGN_OR_RETURN(auto schedule, tctx.schedule_of(*e));
  ctx.audit_read("leave_calendar_feed", e->serial);
  http::Response r;
  r.content_type = "text/calendar; charset=utf-8";
  r.body = leave_ics(*e, requests, schedule, ctx.state.clock().now());
  r.headers.emplace_back("Content-Disposition", "inline; filename=\"leave-" + e->serial + ".ics\"");
  return r;
}

// The employee's scheduled shifts in [from, to] (default: two weeks from
// today), at most 62 days: what a leave request covers.
Result<http::Response> schedule(Ctx& ctx) {
  RC_ASSIGN_OR_RETURN(org::EmployeeId employee, readable(ctx));
  auto from = ctx.date_param("from");
  if (!from) return leave_error(from.status());
  auto to = ctx.date_param("to");
  if (!to) return leave_error(to.status());
  const Date first = from->value_or(ctx.caller.today);
  const Date last = to->value_or(first.plus_days(13));
  if (last < first) return validation_failed("the range is empty", {{"to", "before from"}});
  if (days_between(first, last) > 62) {
    return validation_failed("the range is too long", {{"to", "at most 62 days after from"}});
  }
  RC_ASSIGN_OR_RETURN(tsvc::TimeoffContext tctx, timeoff_context(ctx));
  const org::Employee* e = ctx.org().org().employee(employee);
  RC_ASSIGN_OR_RETURN(auto ws, tctx.schedule_of(*e));
  json shifts = json::array();
  for (Date d = first; d <= last; d = d.plus_days(1)) {
    if (auto s = ws.shift_on(d)) {
      shifts.push_back(json{{"date", d.to_string()},
                            {"start", format_utc(s->start)},
                            {"end", format_utc(s->end)},
                            {"minutes", s->minutes},
                            {"hours", amount(s->minutes)["hours"]}});
    }
  }
  return json_response(200, json{{"employee", employee_ref(ctx.org(), employee, ctx.caller.today)},
                                 {"schedule", rollcall::timeoff::to_string(ws.kind())},
                                 {"anchor", ws.spec().anchor.to_string()},
                                 {"shifts", std::move(shifts)}});
}

// Payroll places the employee's rotation: {"anchor": "YYYY-MM-DD"}, the first
// day of a cycle (TimeoffContext's anchor rule 1). Answers the schedule as GET
// does for the next two weeks.
Result<http::Response> set_anchor(Ctx& ctx) {
  if (!ctx.caller.has(access::Role::kPayroll)) {
    return Status(StatusCode::kPermissionDenied,
                  "only the Payroll Unit places an employee's schedule on the calendar");
  }
  RC_ASSIGN_OR_RETURN(org::EmployeeId employee, readable(ctx));
  RC_ASSIGN_OR_RETURN(json body, ctx.json_body());
  const std::string text = body.is_object() && body.contains("anchor") && body["anchor"].is_string()
                               ? body["anchor"].get<std::string>()
                               : std::string();
  auto anchor = Date::parse(text);
  if (!anchor) {
    return validation_failed("the anchor is not valid",
                             {{"anchor", "a date YYYY-MM-DD: the first day of a cycle"}});
  }
  auto db = ctx.state.pool().lease();
  RC_ASSIGN_OR_RETURN(int version,
                      tsvc::set_schedule_anchor(*db, ctx.caller.actor(), employee, *anchor));
  (void)version;
  return schedule(ctx);
}

}  // namespace

void add_balance_routes(Api& api) {
  api.add("GET", "/api/v1/employees/{serial}/leave", balances);
  api.add("GET", "/api/v1/employees/{serial}/leave/ledger", ledger);
  api.add("GET", "/api/v1/employees/{serial}/leave.ics", ics);
  api.add("GET", "/api/v1/employees/{serial}/schedule", schedule);
  api.add("POST", "/api/v1/employees/{serial}/schedule", set_anchor);
}

}  // namespace rollcall::api::leave_api
