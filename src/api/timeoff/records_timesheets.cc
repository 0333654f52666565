// 4.010-POL-3, POL-4 over HTTP: the electronic timesheet.
//   GET  /api/v1/timesheets?employee=SERIAL[&period=DATE]   one period's, or the list
//   POST /api/v1/timesheets {employee, period}              open (prefilled) → 201
//   GET  /api/v1/timesheets/overdue[?format=csv]            supervisor: squad; Payroll: all
//   GET  /api/v1/timesheets/{id}
//   POST /api/v1/timesheets/{id}/lines {date, lines, version?}  replace a day's lines
//   POST /api/v1/timesheets/{id}/steps {action: submit|approve|return, comments, version?}
#include "api/timeoff/records_timesheets.h"

#include <algorithm>

#include "api/csv_response.h"
#include "api/json_codecs.h"
#include "api/timeoff/records_common.h"
#include "app/timeoff/records/timesheet_service.h"
#include "time/instant.h"

namespace rollcall::api::records {
namespace {

json lines_json(const std::vector<tr::TimesheetLine>& lines) {
  json out = json::array();
  for (const auto& l : lines) out.push_back(line_json(l));
  return out;
}

json totals_json(const std::vector<tr::TimesheetLine>& lines) {
  const tr::LineTotals t = tr::totals(lines);
  return json{{"paid", amount(t.paid)},
              {"unpaid", amount(t.unpaid)},
              {"hours_worked", amount(t.hours_worked)},
              {"leave", amount(t.leave)},
              {"comp_elected", amount(t.comp_elected)}};
}

}  // namespace

json timesheet_summary(const Ctx& ctx, const ar::StoredTimesheet& s) {
  const tr::Timesheet& t = s.record;
  return json{
      {"id", t.id},
      {"kind", "timesheet"},
      {"version", s.version},
      {"employee", person(ctx, t.employee)},
      {"period", json{{"first", t.period.first.to_string()}, {"last", t.period.last.to_string()}}},
      {"due", format_utc(t.period.approval_due)},
      {"state", tr::to_string(t.state)},
      {"overdue", tr::overdue(t, ctx.state.clock().now())},
      {"approved_late", t.approved_late},
      {"submitted_at", opt_instant(t.submitted_at)},
      {"approved_at", opt_instant(t.approved_at)},
      {"approved_by", person(ctx, t.approved_by)}};
}

json timesheet_json(const Ctx& ctx, const ar::StoredTimesheet& s) {
  const tr::Timesheet& t = s.record;
  json out = timesheet_summary(ctx, s);
  out["draft"] = lines_json(t.draft);
  out["lines"] = lines_json(t.current_lines());
  out["totals"] = totals_json(t.current_lines());
  json versions = json::array();
  for (const tr::TimesheetVersion& v : t.versions) {
    versions.push_back(json{{"number", v.number},
                            {"lines", lines_json(v.lines)},
                            {"by", person(ctx, v.by)},
                            {"at", format_utc(v.at)},
                            {"reason", v.reason},
                            {"correction", v.correction ? json(*v.correction) : json(nullptr)}});
  }
  out["versions"] = std::move(versions);
  json history = json::array();
  for (const tr::TimesheetEvent& h : t.history) {
    history.push_back(json{{"what", h.what},
                           {"actor", person(ctx, h.actor)},
                           {"at", format_utc(h.at)},
                           {"from", tr::to_string(h.from)},
                           {"to", tr::to_string(h.to)},
                           {"comments", h.comments}});
  }
  out["history"] = std::move(history);
  return out;
}

namespace {

Result<http::Response> get_list(Ctx& ctx) {
  RC_ASSIGN_OR_RETURN(org::EmployeeId employee,
                      employee_in_scope(ctx, ctx.request.query_param("employee")));
  RC_ASSIGN_OR_RETURN(auto cal, calendar(ctx));
  RC_ASSIGN_OR_RETURN(std::optional<Date> period, ctx.date_param("period"));
  auto db = ctx.state.pool().lease();
  const org::Employee* e = ctx.org().org().employee(employee);
  ctx.audit_read("timesheets", e ? e->serial : "", json{{"period", opt_date(period)}});
  if (period) {
    RC_ASSIGN_OR_RETURN(auto found, ar::find_timesheet(*db, *cal, employee, *period));
    if (!found) {
      return not_found("no timesheet for the pay period containing " + period->to_string() +
                       " yet: POST /api/v1/timesheets opens it");
    }
    return json_response(200, timesheet_json(ctx, *found));
  }
  RC_ASSIGN_OR_RETURN(auto all, ar::load_all<tr::Timesheet>(*db, employee));
  json rows = json::array();
  for (auto it = all.rbegin(); it != all.rend(); ++it) rows.push_back(timesheet_summary(ctx, *it));
  return json_response(200, json{{"timesheets", std::move(rows)}});
}

Result<http::Response> open(Ctx& ctx) {
  json body = json::object();
  if (!ctx.request.body.empty()) {
    RC_ASSIGN_OR_RETURN(body, ctx.json_body());
  }
  Fields f(body);
  std::string serial = f.text("employee", 32);
  if (serial.empty()) serial = ctx.request.query_param("employee");
  RC_ASSIGN_OR_RETURN(org::EmployeeId employee, employee_in_scope(ctx, serial));
  std::optional<Date> period = f.date("period", false);
  if (!period && !f.has("period")) {
    RC_ASSIGN_OR_RETURN(period, ctx.date_param("period"));
  }
  if (!period && f.errors.empty()) f.errors.push_back({"period", "required: a date YYYY-MM-DD"});
  if (!f.errors.empty()) return invalid("the timesheet cannot be opened", f.errors);
  RC_ASSIGN_OR_RETURN(auto cal, calendar(ctx));
  auto db = ctx.state.pool().lease();
  return answer(ar::open_timesheet(*db, ctx.org().org(), *cal, acting(ctx), employee, *period), 201,
                [&](const ar::StoredTimesheet& s) { return timesheet_json(ctx, s); });
}

Result<http::Response> get_one(Ctx& ctx) {
  RC_ASSIGN_OR_RETURN(std::int64_t id, ctx.id_param());
  RC_ASSIGN_OR_RETURN(auto s, readable<tr::Timesheet>(ctx, id));
  ctx.audit_read("timesheet", std::to_string(id));
  return json_response(200, timesheet_json(ctx, s));
}

Result<http::Response> set_lines(Ctx& ctx) {
  RC_ASSIGN_OR_RETURN(std::int64_t id, ctx.id_param());
  RC_ASSIGN_OR_RETURN(json body, ctx.json_body());
  RC_RETURN_IF_ERROR(readable<tr::Timesheet>(ctx, id).status());
  Fields f(body);
  const auto day = f.date("date");
  const auto lines = f.lines("lines", day);
  const auto version = f.version();
  if (!f.errors.empty()) return invalid("the lines are not valid", f.errors);
  auto db = ctx.state.pool().lease();
  return answer(ar::set_day_lines(*db, ctx.org().org(), acting(ctx), id, *day, lines, version), 200,
                [&](const ar::StoredTimesheet& s) { return timesheet_json(ctx, s); });
}

Result<http::Response> step(Ctx& ctx) {
  RC_ASSIGN_OR_RETURN(std::int64_t id, ctx.id_param());
  RC_ASSIGN_OR_RETURN(json body, ctx.json_body());
  RC_RETURN_IF_ERROR(readable<tr::Timesheet>(ctx, id).status());
  Fields f(body);
  const std::string action = f.text("action", 32, true);
  const auto a = ar::parse_timesheet_action(action);
  if (!action.empty() && !a) f.errors.push_back({"action", "submit, approve or return"});
  const std::string comments = f.text("comments", 8000);
  const auto version = f.version();
  if (!f.errors.empty()) return invalid("the step is not valid", f.errors);
  RC_ASSIGN_OR_RETURN(auto cal, calendar(ctx));
  auto db = ctx.state.pool().lease();
  return answer(
      ar::timesheet_step(*db, ctx.org().org(), *cal, acting(ctx), id, *a, comments, version), 200,
      [&](const ar::TimesheetStepResult& r) {
        json out = timesheet_json(ctx, r.timesheet);
        if (r.comp) {
          out["comp_earned"] = json{{"banked", amount(r.comp->banked_minutes)},
                                    {"banked_worked", amount(r.comp->banked_worked_minutes)},
                                    {"paid_worked", amount(r.comp->paid_worked_minutes)},
                                    {"balance_after", amount(r.comp->balance_after)}};
        }
        return out;
      });
}

const std::vector<CsvColumn>& overdue_columns() {
  static const std::vector<CsvColumn> kColumns{
      {"timesheet_id", "/timesheet"},
      {"serial", "/employee/serial"},
      {"name", "/employee/name"},
      {"unit", "/employee/unit/code"},
      {"period_first", "/period/first"},
      {"period_last", "/period/last"},
      {"due", "/due"},
      {"state", "/state"},
  };
  return kColumns;
}

// Supervisors see their squad (everyone they lead on the day); Payroll and
// HR everyone; anyone else is refused.
Result<http::Response> overdue(Ctx& ctx) {
  const org::OrgSnapshot& org = ctx.org().org();
  const bool everyone = ctx.caller.has(access::Role::kPayroll) ||
                        ctx.caller.has(access::Role::kHrDirector) ||
                        ctx.caller.has(access::Role::kAdministrator);
  std::vector<org::EmployeeId> scope;
  if (everyone) {
    for (const org::Employee& e : org.data().employees) scope.push_back(e.id);
  } else {
    scope = org.squad_of(ctx.caller.account.employee, ctx.caller.today);
    if (scope.empty()) {
      return Status(StatusCode::kPermissionDenied,
                    "the overdue timesheet list is for sergeants/supervisors (their squad) and "
                    "Payroll (everyone)");
    }
  }
  std::sort(scope.begin(), scope.end());
  RC_ASSIGN_OR_RETURN(auto cal, calendar(ctx));
  auto db = ctx.state.pool().lease();
  RC_ASSIGN_OR_RETURN(auto sheets, ar::load_all<tr::Timesheet>(*db, std::nullopt));
  RC_ASSIGN_OR_RETURN(auto rows, ar::overdue_rows(sheets, scope, org, *cal, ctx.state.clock().now(),
                                                  ctx.caller.today));
  json out = json::array();
  for (const ar::OverdueRow& r : rows) {
    out.push_back(json{{"timesheet", r.timesheet ? json(*r.timesheet) : json(nullptr)},
                       {"employee", person(ctx, r.employee)},
                       {"period", json{{"first", r.period_first.to_string()},
                                       {"last", r.period_last.to_string()}}},
                       {"due", format_utc(r.due)},
                       {"state", r.state}});
  }
  ctx.audit_read("timesheets-overdue", everyone ? "all" : "squad", json{{"count", out.size()}});
  if (ctx.request.query_param("format") == "csv") {
    return csv_response(out, overdue_columns(), "overdue-timesheets.csv");
  }
  return json_response(200, json{{"overdue", std::move(out)},
                                 {"scope", everyone ? "department" : "squad"},
                                 {"now", format_utc(ctx.state.clock().now())}});
}

}  // namespace

void add_timesheet_routes(Api& api) {
  api.add("GET", "/api/v1/timesheets/overdue", overdue);
  api.add("GET", "/api/v1/timesheets", get_list);
  api.add("POST", "/api/v1/timesheets", open);
  api.add("GET", "/api/v1/timesheets/{id}", get_one);
  api.add("POST", "/api/v1/timesheets/{id}/lines", set_lines);
  api.add("POST", "/api/v1/timesheets/{id}/steps", step);
}

}  // namespace rollcall::api::records
