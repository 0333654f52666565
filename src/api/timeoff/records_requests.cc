// 4.010 requests over HTTP. Each record type: POST to create (→ 201), GET the
// list (records of employees in the caller's scope, plus what awaits the
// caller's role), GET one, POST /{id}/steps {action, …, version?}.
//   /api/v1/comp-time?employee=SERIAL               balance, available, cap
//   /api/v1/comp-time/cash-outs  {minutes|hours}     steps: pay | refuse (Payroll)
//   /api/v1/release-time {employee?, relationship, emergency,
//        unforeseen_medical_emergency, first_day, last_day, minutes|hours}
//        steps: approve | deny | complete-form | forward | forward-copy |
//               authorize-additional {extra_minutes|extra_hours, new_last_day} |
//               receive | inform-fml | settle
//   /api/v1/furlough-work {employee?, furlough_day, minutes|hours, approved_overtime}
//        steps: approve | deny | day-off {day}
//   /api/v1/special-duty {days, minutes|hours (per day), purpose, description}
//        steps: approve | disapprove (a captain in the chain)
//   /api/v1/guild-days {days, minutes|hours (per day), business}
//        steps: approve | disapprove (the Guild president)
#include "api/timeoff/records_requests.h"

#include "api/timeoff/records_common.h"
#include "time/instant.h"

namespace rollcall::api::records {
namespace {

template <typename State>
json events_json(const Ctx& ctx, const std::vector<tr::RecordEvent<State>>& events) {
  json out = json::array();
  for (const auto& h : events) {
    out.push_back(json{{"what", h.what},
                       {"actor", person(ctx, h.actor)},
                       {"at", format_utc(h.at)},
                       {"to", tr::to_string(h.to)},
                       {"comments", h.comments}});
  }
  return out;
}

json dates_json(const std::vector<Date>& days) {
  json out = json::array();
  for (Date d : days) out.push_back(d.to_string());
  return out;
}

}  // namespace

json cash_out_json(const Ctx& ctx, const ar::StoredCashOut& s) {
  const tr::CashOut& c = s.record;
  json out = amount(c.minutes);
  out.update(json{{"id", c.id},
                  {"kind", "comp-cash-out"},
                  {"version", s.version},
                  {"employee", person(ctx, c.employee)},
                  {"state", tr::to_string(c.state)},
                  {"requested_at", format_utc(c.requested_at)},
                  {"decided_at", opt_instant(c.decided_at)},
                  {"decided_by", person(ctx, c.decided_by)},
                  {"comments", c.comments},
                  {"history", events_json(ctx, c.history)}});
  return out;
}

json release_json(const Ctx& ctx, const ar::StoredRelease& s) {
  const tr::ReleaseTime& r = s.record;
  json history = json::array();
  for (const auto& h : r.history) {
    history.push_back(json{{"what", h.what},
                           {"actor", person(ctx, h.actor)},
                           {"at", format_utc(h.at)},
                           {"to", tr::to_string(h.to)},
                           {"comments", h.comments}});
  }
  json out{{"id", r.id},
           {"kind", "release-time"},
           {"version", s.version},
           {"employee", person(ctx, r.employee)},
           {"relationship", r.relationship},
           {"emergency", r.emergency},
           {"first_day", r.first_day.to_string()},
           {"last_day", r.last_day.to_string()},
           {"consecutive_days", r.consecutive_days()},
           {"time", amount(r.minutes)},
           {"additional", amount(r.additional_minutes)},
           {"additional_by", person(ctx, r.additional_by)},
           {"total", amount(r.total_minutes())},
           {"offered", r.offered},
           {"supervisor", person(ctx, r.supervisor)},
           {"state", tr::to_string(r.state)},
           {"payroll", person(ctx, r.payroll)},
           {"payroll_received", opt_instant(r.payroll_received)},
           {"copy", routing_json(ctx, r.copy)},
           {"fml", r.fml ? json{{"coordinator", person(ctx, r.fml->coordinator)},
                                {"copied_at", format_utc(r.fml->copied_at)},
                                {"informed_at", opt_instant(r.fml->informed_at)},
                                {"informed_by", person(ctx, r.fml->informed_by)}}
                         : json(nullptr)},
           {"history", std::move(history)}};
  if (auto cal = calendar(ctx); cal) {
    if (auto cutoff = ar::release_cutoff(*cal.value(), r); cutoff) {
      const tr::ChargeDecision d = tr::charge(r, cutoff.value());
      out["cutoff"] = format_utc(cutoff.value());
      out["charge"] = json{{"as", tr::to_string(d.charge)}, {"reason", d.reason}};
    }
  }
  return out;
}

json furlough_json(const Ctx& ctx, const ar::StoredFurloughWork& s) {
  const tr::FurloughWork& w = s.record;
  return json{{"id", w.id},
              {"kind", "furlough-work"},
              {"version", s.version},
              {"employee", person(ctx, w.employee)},
              {"schedule", rollcall::timeoff::to_string(w.schedule)},
              {"furlough_day", w.furlough_day.to_string()},
              {"time", amount(w.minutes)},
              {"approved_overtime", w.approved_overtime},
              {"flsa_period", json{{"first", w.period.first.to_string()},
                                   {"last", w.period.last.to_string()},
                                   {"limit", amount(w.period.limit_minutes)}}},
              {"state", tr::to_string(w.state)},
              {"worked_before", amount(w.worked_before_minutes)},
              {"day_off", opt_date(w.day_off)},
              {"day_off_status", tr::to_string(tr::day_off_status(w, ctx.caller.today))},
              {"decided_by", person(ctx, w.decided_by)},
              {"comments", w.comments},
              {"history", events_json(ctx, w.history)}};
}

json special_duty_json(const Ctx& ctx, const ar::StoredSpecialDuty& s) {
  const tr::SpecialDutyRequest& r = s.record;
  return json{{"id", r.id},
              {"kind", "special-duty"},
              {"form", "15.8"},
              {"version", s.version},
              {"employee", person(ctx, r.employee)},
              {"days", dates_json(r.days)},
              {"per_day", amount(r.minutes_per_day)},
              {"purpose", tr::to_string(r.purpose)},
              {"description", r.description},
              {"state", tr::to_string(r.state)},
              {"decided_by", person(ctx, r.decided_by)},
              {"comments", r.comments},
              {"history", events_json(ctx, r.history)}};
}

json guild_day_json(const Ctx& ctx, const ar::StoredGuildDay& s) {
  const tr::GuildDayRequest& r = s.record;
  return json{{"id", r.id},
              {"kind", "guild-day"},
              {"form", "2.23.1"},
              {"version", s.version},
              {"employee", person(ctx, r.employee)},
              {"days", dates_json(r.days)},
              {"per_day", amount(r.minutes_per_day)},
              {"business", r.business},
              {"state", tr::to_string(r.state)},
              {"decided_by", person(ctx, r.decided_by)},
              {"comments", r.comments},
              {"history", events_json(ctx, r.history)}};
}

namespace {

// The list of T's records the caller may see: those of employees in scope,
// and (for a role that decides them for everyone, like the Guild president)
// all of them.
template <typename T, typename Render>
// ?scope=mine: the caller's own only; ?state=S: in that state only (newest first).
Result<http::Response> list_of(Ctx& ctx, const char* key, bool everyone, Render&& render) {
  const std::string scope = ctx.request.query_param("scope");
  if (!scope.empty() && scope != "mine" && scope != "all") {
    return validation_failed("unknown scope", {{"scope", "mine or all"}});
  }
  const std::string state = ctx.request.query_param("state");
  const org::EmployeeId me = ctx.caller.account.employee;
  auto db = ctx.state.pool().lease();
  RC_ASSIGN_OR_RETURN(auto all,
                      ar::load_all<T>(*db, scope == "mine" ? std::optional(me) : std::nullopt));
  json rows = json::array();
  for (auto it = all.rbegin(); it != all.rend(); ++it) {
    if (scope == "mine" && it->record.employee != me) continue;
    if (!state.empty() && ar::RecordKind<T>::state(it->record) != state) continue;
    if (everyone || in_scope(ctx, it->record.employee)) rows.push_back(render(ctx, *it));
  }
  ctx.audit_read(key, "list", json{{"count", rows.size()}});
  return json_response(200, json{{key, std::move(rows)}});
}

template <typename T, typename Render>
Result<http::Response> one_of(Ctx& ctx, bool everyone, Render&& render) {
  RC_ASSIGN_OR_RETURN(std::int64_t id, ctx.id_param());
  if (everyone) {
    auto db = ctx.state.pool().lease();
    RC_ASSIGN_OR_RETURN(auto s, ar::load_one<T>(*db, id));
    return json_response(200, render(ctx, s));
  }
  RC_ASSIGN_OR_RETURN(auto s, readable<T>(ctx, id));
  ctx.audit_read(std::string(ar::RecordKind<T>::kind), std::to_string(id));
  return json_response(200, render(ctx, s));
}

// The body of a step, the id checked for scope first.
template <typename T>
Result<json> step_body(Ctx& ctx, std::int64_t id, bool everyone = false) {
  if (!everyone) {
    RC_RETURN_IF_ERROR(readable<T>(ctx, id).status());
  }
  return ctx.json_body();
}

Result<org::EmployeeId> subject_of(Ctx& ctx, Fields& f) {
  return employee_in_scope(ctx, f.text("employee", 32));
}

// --- comp time ---------------------------------------------------------------

Result<http::Response> comp_balance(Ctx& ctx) {
  RC_ASSIGN_OR_RETURN(org::EmployeeId employee,
                      employee_in_scope(ctx, ctx.request.query_param("employee")));
  RC_ASSIGN_OR_RETURN(auto cal, calendar(ctx));
  const org::Employee* e = ctx.org().org().employee(employee);
  auto db = ctx.state.pool().lease();
  RC_ASSIGN_OR_RETURN(auto entries, db->ledger_entries(employee));
  RC_ASSIGN_OR_RETURN(std::int64_t available,
                      ar::comp_available(*db, *db, employee, ctx.caller.today));
  const bool sworn = e->category == org::Category::kSworn;
  std::int64_t unit_cap = sworn ? tr::CompTimeRules{}.public_safety_ceiling_minutes
                                : tr::CompTimeRules{}.other_ceiling_minutes;
  if (auto unit = cal->unit_rules(*e); unit && unit.value()->comp_time_cap) {
    unit_cap = *unit.value()->comp_time_cap;
  }
  ctx.audit_read("comp-time", e->serial);
  return json_response(
      200, json{{"employee", person(ctx, employee)},
                {"balance",
                 amount(rollcall::timeoff::leave::balance(
                     entries, rollcall::timeoff::leave::LeaveType::kCompTime, ctx.caller.today))},
                {"available", amount(available)},
                {"cap", amount(tr::comp_cap_minutes(unit_cap, sworn))},
                {"bargaining_unit", e->bargaining_unit},
                {"today", ctx.caller.today.to_string()}});
}

Result<http::Response> cash_out_request(Ctx& ctx) {
  RC_ASSIGN_OR_RETURN(json body, ctx.json_body());
  Fields f(body);
  RC_ASSIGN_OR_RETURN(org::EmployeeId employee, subject_of(ctx, f));
  const std::int64_t minutes = f.minutes();
  if (!f.errors.empty()) return invalid("the cash-out request is not valid", f.errors);
  auto db = ctx.state.pool().lease();
  return answer(ar::request_cash_out(*db, ctx.org().org(), acting(ctx), employee, minutes), 201,
                [&](const ar::StoredCashOut& s) { return cash_out_json(ctx, s); });
}

Result<http::Response> cash_out_step(Ctx& ctx) {
  RC_ASSIGN_OR_RETURN(std::int64_t id, ctx.id_param());
  RC_ASSIGN_OR_RETURN(json body, step_body<tr::CashOut>(ctx, id));
  Fields f(body);
  const std::string action = f.text("action", 32, true);
  if (!action.empty() && action != "pay" && action != "refuse") {
    f.errors.push_back({"action", "pay or refuse"});
  }
  const std::string comments = f.text("comments", 8000);
  const auto version = f.version();
  if (!f.errors.empty()) return invalid("the step is not valid", f.errors);
  auto db = ctx.state.pool().lease();
  return answer(ar::decide_cash_out(*db, ctx.org().org(), acting(ctx), id, action == "pay",
                                    comments, version),
                200, [&](const ar::StoredCashOut& s) { return cash_out_json(ctx, s); });
}

// --- release time --------------------------------------------------------------

Result<http::Response> release_create(Ctx& ctx) {
  RC_ASSIGN_OR_RETURN(json body, ctx.json_body());
  Fields f(body);
  RC_ASSIGN_OR_RETURN(org::EmployeeId employee, subject_of(ctx, f));
  ar::ReleaseRequest r;
  r.relationship = f.text("relationship", 64, true);
  r.emergency = f.text("emergency", 8000, true);
  r.unforeseen_medical_emergency = f.boolean("unforeseen_medical_emergency");
  const auto first = f.date("first_day");
  const auto last = f.date("last_day");
  r.minutes = f.minutes();
  if (!f.errors.empty()) return invalid("the release time is not valid", f.errors);
  r.first_day = *first;
  r.last_day = *last;
  RC_ASSIGN_OR_RETURN(auto cal, calendar(ctx));
  auto db = ctx.state.pool().lease();
  return answer(ar::create_release(*db, ctx.org().org(), acting(ctx), employee, r,
                                   cal->calendar().records.release),
                201, [&](const ar::StoredRelease& s) { return release_json(ctx, s); });
}

Result<http::Response> release_step(Ctx& ctx) {
  RC_ASSIGN_OR_RETURN(std::int64_t id, ctx.id_param());
  RC_ASSIGN_OR_RETURN(json body, step_body<tr::ReleaseTime>(ctx, id));
  Fields f(body);
  ar::ReleaseStep step;
  const std::string action = f.text("action", 32, true);
  const auto a = ar::parse_release_action(action);
  if (!action.empty() && !a) {
    f.errors.push_back({"action",
                        "approve, deny, complete-form, forward, forward-copy, "
                        "authorize-additional, receive, inform-fml or settle"});
  }
  step.comments = f.text("comments", 8000);
  step.unforeseen_medical_emergency = f.boolean("unforeseen_medical_emergency");
  if (a == ar::ReleaseAction::kAuthorizeMore) {
    step.extra_minutes = f.minutes("extra_");
    step.new_last_day = f.date("new_last_day", false);
  }
  step.expected = f.version();
  if (!f.errors.empty()) return invalid("the step is not valid", f.errors);
  step.action = *a;
  RC_ASSIGN_OR_RETURN(auto cal, calendar(ctx));
  auto db = ctx.state.pool().lease();
  return answer(ar::release_step(*db, ctx.org().org(), *cal, acting(ctx), id, step,
                                 cal->calendar().records.release),
                200, [&](const ar::StoredRelease& s) { return release_json(ctx, s); });
}

// --- circle furloughs ------------------------------------------------------------

Result<http::Response> furlough_create(Ctx& ctx) {
  RC_ASSIGN_OR_RETURN(json body, ctx.json_body());
  Fields f(body);
  RC_ASSIGN_OR_RETURN(org::EmployeeId employee, subject_of(ctx, f));
  ar::FurloughWorkRequest r;
  const auto day = f.date("furlough_day");
  r.minutes = f.minutes();
  r.approved_overtime = f.boolean("approved_overtime");
  if (!f.errors.empty()) return invalid("the request is not valid", f.errors);
  r.furlough_day = *day;
  RC_ASSIGN_OR_RETURN(auto cal, calendar(ctx));
  auto db = ctx.state.pool().lease();
  return answer(ar::request_furlough_work(*db, ctx.org().org(), *cal, acting(ctx), employee, r),
                201, [&](const ar::StoredFurloughWork& s) { return furlough_json(ctx, s); });
}

Result<http::Response> furlough_step(Ctx& ctx) {
  RC_ASSIGN_OR_RETURN(std::int64_t id, ctx.id_param());
  RC_ASSIGN_OR_RETURN(json body, step_body<tr::FurloughWork>(ctx, id));
  Fields f(body);
  const std::string action = f.text("action", 32, true);
  if (!action.empty() && action != "approve" && action != "deny" && action != "day-off") {
    f.errors.push_back({"action", "approve, deny or day-off"});
  }
  const std::string comments = f.text("comments", 8000);
  std::optional<Date> day;
  if (action == "day-off") day = f.date("day");
  const auto version = f.version();
  if (!f.errors.empty()) return invalid("the step is not valid", f.errors);
  auto db = ctx.state.pool().lease();
  auto render = [&](const ar::StoredFurloughWork& s) { return furlough_json(ctx, s); };
  if (action == "day-off") {
    RC_ASSIGN_OR_RETURN(auto cal, calendar(ctx));
    return answer(
        ar::record_furlough_day_off(*db, ctx.org().org(), *cal, acting(ctx), id, *day, version),
        200, render);
  }
  return answer(ar::decide_furlough_work(*db, ctx.org().org(), acting(ctx), id, action == "approve",
                                         comments, version),
                200, render);
}

// --- special duty and guild days -------------------------------------------------------

Result<http::Response> special_duty_create(Ctx& ctx) {
  RC_ASSIGN_OR_RETURN(json body, ctx.json_body());
  Fields f(body);
  RC_ASSIGN_OR_RETURN(org::EmployeeId employee, subject_of(ctx, f));
  tr::SpecialDutyInput in;
  in.days = f.dates("days");
  in.minutes_per_day = f.minutes();
  const std::string purpose = f.text("purpose", 32, true);
  if (auto p = tr::parse_special_duty_purpose(purpose)) {
    in.purpose = *p;
  } else if (!purpose.empty()) {
    f.errors.push_back({"purpose", "business-meeting, extradition, outside-testimony or other"});
  }
  in.description = f.text("description", 8000);
  if (!f.errors.empty()) return invalid("form 15.8 is not valid", f.errors);
  auto db = ctx.state.pool().lease();
  return answer(ar::request_special_duty(*db, ctx.org().org(), acting(ctx), employee, in), 201,
                [&](const ar::StoredSpecialDuty& s) { return special_duty_json(ctx, s); });
}

Result<http::Response> guild_create(Ctx& ctx) {
  RC_ASSIGN_OR_RETURN(json body, ctx.json_body());
  Fields f(body);
  RC_ASSIGN_OR_RETURN(org::EmployeeId employee, subject_of(ctx, f));
  tr::GuildDayInput in;
  in.days = f.dates("days");
  in.minutes_per_day = f.minutes();
  in.business = f.text("business", 8000, true);
  if (!f.errors.empty()) return invalid("form 2.23.1 is not valid", f.errors);
  RC_ASSIGN_OR_RETURN(auto cal, calendar(ctx));
  auto db = ctx.state.pool().lease();
  return answer(ar::request_guild_day(*db, ctx.org().org(), acting(ctx), employee, in,
                                      cal->calendar().records.guild),
                201, [&](const ar::StoredGuildDay& s) { return guild_day_json(ctx, s); });
}

// approve / disapprove with comments.
struct Decision {
  bool approve = false;
  std::string comments;
  std::optional<int> version;
};
Result<Decision> decision_of(const json& body, std::vector<FieldError>& errors) {
  Fields f(body);
  Decision d;
  const std::string action = f.text("action", 32, true);
  if (!action.empty() && action != "approve" && action != "disapprove") {
    f.errors.push_back({"action", "approve or disapprove"});
  }
  d.approve = action == "approve";
  d.comments = f.text("comments", 8000);
  d.version = f.version();
  errors = f.errors;
  return d;
}

Result<http::Response> special_duty_step(Ctx& ctx) {
  RC_ASSIGN_OR_RETURN(std::int64_t id, ctx.id_param());
  RC_ASSIGN_OR_RETURN(json body, step_body<tr::SpecialDutyRequest>(ctx, id));
  std::vector<FieldError> errors;
  RC_ASSIGN_OR_RETURN(Decision d, decision_of(body, errors));
  if (!errors.empty()) return invalid("the step is not valid", errors);
  auto db = ctx.state.pool().lease();
  return answer(ar::decide_special_duty(*db, ctx.org().org(), acting(ctx), id, d.approve,
                                        d.comments, d.version),
                200, [&](const ar::StoredSpecialDuty& s) { return special_duty_json(ctx, s); });
}

bool guild_president(const Ctx& ctx) { return ctx.caller.has(access::Role::kGuildPresident); }

Result<http::Response> guild_step(Ctx& ctx) {
  RC_ASSIGN_OR_RETURN(std::int64_t id, ctx.id_param());
  RC_ASSIGN_OR_RETURN(json body, step_body<tr::GuildDayRequest>(ctx, id, guild_president(ctx)));
  std::vector<FieldError> errors;
  RC_ASSIGN_OR_RETURN(Decision d, decision_of(body, errors));
  if (!errors.empty()) return invalid("the step is not valid", errors);
  RC_ASSIGN_OR_RETURN(auto cal, calendar(ctx));
  auto db = ctx.state.pool().lease();
  return answer(ar::decide_guild_day(*db, ctx.org().org(), acting(ctx), id, d.approve, d.comments,
                                     d.version, cal->calendar().records.guild),
                200, [&](const ar::StoredGuildDay& s) { return guild_day_json(ctx, s); });
}

}  // namespace

void add_request_routes(Api& api) {
  api.add("GET", "/api/v1/comp-time", comp_balance);
  api.add("POST", "/api/v1/comp-time/cash-outs", cash_out_request);
  api.add("GET", "/api/v1/comp-time/cash-outs",
          [](Ctx& ctx) { return list_of<tr::CashOut>(ctx, "cash_outs", false, cash_out_json); });
  api.add("GET", "/api/v1/comp-time/cash-outs/{id}",
          [](Ctx& ctx) { return one_of<tr::CashOut>(ctx, false, cash_out_json); });
  api.add("POST", "/api/v1/comp-time/cash-outs/{id}/steps", cash_out_step);

  api.add("POST", "/api/v1/release-time", release_create);
  api.add("GET", "/api/v1/release-time", [](Ctx& ctx) {
    return list_of<tr::ReleaseTime>(ctx, "release_time", false, release_json);
  });
  api.add("GET", "/api/v1/release-time/{id}",
          [](Ctx& ctx) { return one_of<tr::ReleaseTime>(ctx, false, release_json); });
  api.add("POST", "/api/v1/release-time/{id}/steps", release_step);

  api.add("POST", "/api/v1/furlough-work", furlough_create);
  api.add("GET", "/api/v1/furlough-work", [](Ctx& ctx) {
    return list_of<tr::FurloughWork>(ctx, "furlough_work", false, furlough_json);
  });
  api.add("GET", "/api/v1/furlough-work/{id}",
          [](Ctx& ctx) { return one_of<tr::FurloughWork>(ctx, false, furlough_json); });
  api.add("POST", "/api/v1/furlough-work/{id}/steps", furlough_step);

  api.add("POST", "/api/v1/special-duty", special_duty_create);
  api.add("GET", "/api/v1/special-duty", [](Ctx& ctx) {
    return list_of<tr::SpecialDutyRequest>(ctx, "special_duty", false, special_duty_json);
  });
  api.add("GET", "/api/v1/special-duty/{id}",
          [](Ctx& ctx) { return one_of<tr::SpecialDutyRequest>(ctx, false, special_duty_json); });
  api.add("POST", "/api/v1/special-duty/{id}/steps", special_duty_step);

  api.add("POST", "/api/v1/guild-days", guild_create);
  api.add("GET", "/api/v1/guild-days", [](Ctx& ctx) {
    return list_of<tr::GuildDayRequest>(ctx, "guild_days", guild_president(ctx), guild_day_json);
  });
  api.add("GET", "/api/v1/guild-days/{id}", [](Ctx& ctx) {
    return one_of<tr::GuildDayRequest>(ctx, guild_president(ctx), guild_day_json);
  });
  api.add("POST", "/api/v1/guild-days/{id}/steps", guild_step);
}

}  // namespace rollcall::api::records
