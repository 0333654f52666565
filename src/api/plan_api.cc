// 3.070-PRO-2 over HTTP (issue 5): Mentoring Plans — open one from a review
// the bureau chief concurred with, take each step (coaching log, progress
// reports, modifications, the end-of-period chain), read one with its report
// schedule and weekly compliance, list them (CSV too), and the §6 debrief
// view of the employee's indicator events. As for reviews, the domain decides
// who may take a step, access::authorize who may read, and a plan the caller
// may not read is answered as not existing.
#include "api/plan_api.h"

#include <map>

#include "api/csv_response.h"
#include "api/json_codecs.h"
#include "api/routes.h"
#include "app/pmp/plan/plan_codec.h"
#include "app/pmp/plan/plan_service.h"
#include "domain/pmp/plan/weekly_compliance.h"
#include "time/instant.h"

namespace rollcall::api {
namespace {

using nlohmann::json;
namespace pl = pmp::plan;
namespace svc = app::plan;

const pl::PlanDeadlines& deadlines() {
  static const pl::PlanDeadlines kDefaults{};
  return kDefaults;
}

json person(const OrgView& org, org::EmployeeId e, Date day) {
  return e == 0 ? json(nullptr) : employee_ref(org, e, day);
}
json opt_date(const std::optional<Date>& d) { return d ? json(d->to_string()) : json(nullptr); }

bool coordinator(const Caller& c) { return c.has(access::Role::kCoordinator); }

json my_actions(const Caller& caller, const pl::Plan& p) {
  json out = json::array();
  for (pl::ActionKind k : svc::actions_for(p, caller.account.employee, coordinator(caller))) {
    out.push_back(pl::to_string(k));
  }
  return out;
}

json summary_json(const Ctx& ctx, const svc::StoredPlan& s) {
  const OrgView& org = ctx.org();
  const Date today = ctx.caller.today;
  const pl::Plan& p = s.plan;
  return json{{"id", p.id},
              {"version", s.version},
              {"review_id", p.review_id},
              {"employee", employee_ref(org, p.employee, today)},
              {"state", pl::to_string(p.state)},
              {"state_since", p.state_since.to_string()},
              {"final", pl::is_final(p.state)},
              {"start", p.start.to_string()},
              {"period_end", opt_date(p.period_end)},
              {"extensions", p.extensions},
              {"due", opt_date(pl::due(p, deadlines()))},
              {"overdue", pl::overdue(p, today, deadlines())},
              {"overdue_reports", pl::overdue_reports(p, today, deadlines()).size()}};
}

std::vector<pl::EventForDebrief> events_for(const PmpView& pmp, org::EmployeeId e) {
  std::vector<pl::EventForDebrief> out;
  for (const auto* ev : pmp.events_of(e)) out.push_back({*ev, std::nullopt});
  return out;
}

json detail_json(const Ctx& ctx, const svc::StoredPlan& s, const PmpView& pmp) {
  const OrgView& org = ctx.org();
  const Date today = ctx.caller.today;
  const pl::Plan& p = s.plan;
  json out = summary_json(ctx, s);
  out["assigned"] = json{{"coordinator", person(org, p.coordinator, today)},
                         {"captain", person(org, p.captain, today)},
                         {"lieutenant", person(org, p.lieutenant, today)},
                         {"sergeant", person(org, p.sergeant, today)},
                         {"bureau_chief", person(org, p.bureau_chief, today)}};
  out["designation"] =
      json{{"period", pmp::review::to_string(p.designation.period)},
           {"days", p.designation.days() ? json(*p.designation.days()) : json(nullptr)}};
  json versions = json::array();
  for (const auto& v : p.versions) {
    versions.push_back(json{{"version", v.version},
                            {"on", v.on.to_string()},
                            {"by", person(org, v.by, v.on)},
                            {"items", v.items},
                            {"reason", v.reason}});
  }
  out["plan_versions"] = std::move(versions);
  json coaching = json::array();
  for (const auto& e : p.coaching) coaching.push_back(app::plan::coaching_to_json(e));
  out["coaching"] = std::move(coaching);
  // The schedule to date (and the next slot), with each report's status.
  json reports = json::array();
  const auto late = pl::overdue_reports(p, today, deadlines());
  for (const pl::ReportSlot& slot : pl::report_slots(p, today.plus_days(31))) {
    json row{{"issued", slot.issued.to_string()},
             {"due", slot.due.to_string()},
             {"status", pl::to_string(pl::report_status(p, slot.due))},
             {"overdue", std::find(late.begin(), late.end(), slot.due) != late.end()}};
    for (const auto& r : p.reports) {
      if (r.due != slot.due) continue;
      row["submitted_on"] = r.submitted_on.to_string();
      row["checklist"] = r.checklist;
      row["pas_reference"] = r.pas_reference;
      row["plan_version"] = r.plan_version;
      row["comments"] = r.comments;
      row["decided_on"] = opt_date(r.decided_on);
      row["returns"] = r.returns;
    }
    reports.push_back(std::move(row));
  }
  out["reports"] = std::move(reports);
  json weeks = json::array();
  if (p.reviewed_with_employee) {
    for (const auto& w : pl::weekly_compliance(p, events_for(pmp, p.employee), today)) {
      weeks.push_back(json{
          {"week_start", w.week_start.to_string()},
          {"first", w.first.to_string()},
          {"last", w.last.to_string()},
          {"ride_alongs", {{"required", w.ride_alongs_required}, {"done", w.ride_alongs_done}}},
          {"accompaniments",
           {{"required", w.accompaniments_required}, {"done", w.accompaniments_done}}},
          {"debriefs_required", w.debriefs_required},
          {"debriefs_missing", w.debriefs_missing},
          {"debriefs_pending", w.debriefs_pending},
          {"compliant", w.compliant},
          {"missing", w.missing}});
    }
  }
  out["weekly_compliance"] = std::move(weeks);
  out["recommendation"] = p.recommendation ? json{{"participated", p.recommendation->participated},
                                                  {"progressed", p.recommendation->progressed},
                                                  {"comments", p.recommendation->comments},
                                                  {"on", p.recommendation->on.to_string()}}
                                           : json(nullptr);
  out["lieutenant_remove"] = p.lieutenant_remove ? json(*p.lieutenant_remove) : json(nullptr);
  out["returns"] = p.returns;
  out["closed_on"] = opt_date(p.closed_on);
  json history = json::array();
  for (const auto& h : p.history) {
    history.push_back(json{{"step", h.step},
                           {"what", h.what},
                           {"actor", person(org, h.actor, h.on)},
                           {"at", format_utc(h.at)},
                           {"on", h.on.to_string()},
                           {"from", pl::to_string(h.from)},
                           {"to", pl::to_string(h.to)},
                           {"comments", h.comments}});
  }
  out["history"] = std::move(history);
  out["my_actions"] = my_actions(ctx.caller, p);
  return out;
}

Result<svc::StoredPlan> readable_plan(Ctx& ctx, std::int64_t id) {
  auto db = ctx.state.pool().lease();
  auto s = svc::load_plan(*db, id);
  if (!s) return s.status();
  if (!ctx.may(access::Action::kRead, access::Resource::kPmpRecord, s.value().plan.employee)) {
    return not_found("plan " + std::to_string(id) + " does not exist");
  }
  return s;
}

app::review::ActingAs acting(const Ctx& ctx) {
  return app::review::ActingAs{ctx.caller.account.employee, ctx.caller.actor(),
                               ctx.state.clock().now(), ctx.caller.today};
}

// {"action", "version", "comments", "items", "report_due", "pas_reference",
//  "entry": CoachingEntry, "recommendation": {"participated", "progressed",
//  "comments"}, "remove", "designation": {"complete", "extension_days"}}
svc::PlanStepRequest step_from_json(const json& in, std::vector<FieldError>& errors) {
  svc::PlanStepRequest step;
  const std::string action = in.value("action", "");
  if (auto k = pl::parse_action_kind(action)) {
    step.kind = *k;
  } else {
    errors.push_back({"action", action.empty() ? "required" : "unknown step '" + action + "'"});
  }
  if (!in.contains("version") || !in["version"].is_number_integer()) {
    errors.push_back({"version", "required: the version of the plan you are acting on"});
  } else {
    step.expected_version = in["version"].get<int>();
  }
  try {
    step.comments = in.value("comments", "");
    if (step.comments.size() > 8000) errors.push_back({"comments", "longer than 8000 bytes"});
    if (in.contains("items")) step.items = in["items"].get<std::vector<std::string>>();
    if (in.contains("report_due") && !in["report_due"].is_null()) {
      auto d = Date::parse(in["report_due"].get<std::string>());
      if (!d) {
        errors.push_back({"report_due", "a date YYYY-MM-DD"});
      } else {
        step.report_due = d.value();
      }
    }
    step.pas_reference = in.value("pas_reference", "");
    if (in.contains("entry") && !in["entry"].is_null()) {
      step.entry = app::plan::coaching_from_json(in["entry"]);
    }
    if (in.contains("recommendation") && !in["recommendation"].is_null()) {
      const json& r = in["recommendation"];
      step.recommendation =
          pl::FinalRecommendation{r.at("participated").get<bool>(), r.at("progressed").get<bool>(),
                                  r.value("comments", ""), Date{}};
    }
    if (in.contains("remove") && !in["remove"].is_null()) step.remove = in["remove"].get<bool>();
    if (in.contains("designation") && !in["designation"].is_null()) {
      const json& d = in["designation"];
      step.designation =
          pl::CaptainDesignation{d.at("complete").get<bool>(), d.value("extension_days", 0)};
    }
  } catch (const std::exception& e) {
    errors.push_back({"body", std::string("a field has the wrong shape: ") + e.what()});
  }
  return step;
}

const std::vector<CsvColumn>& plan_columns() {
  static const std::vector<CsvColumn> kColumns{
      {"plan_id", "/id"},
      {"review_id", "/review_id"},
      {"serial", "/employee/serial"},
      {"name", "/employee/name"},
      {"precinct", "/employee/precinct/code"},
      {"state", "/state"},
      {"start", "/start"},
      {"period_end", "/period_end"},
      {"extensions", "/extensions"},
      {"due", "/due"},
      {"overdue", "/overdue"},
      {"overdue_reports", "/overdue_reports"},
  };
  return kColumns;
}

Result<http::Response> list(Ctx& ctx) {
  const std::string which =
      ctx.request.query_param("state").empty() ? "open" : ctx.request.query_param("state");
  if (which != "open" && which != "final" && which != "all") {
    return validation_failed("unknown filter", {{"state", "open, final or all"}});
  }
  std::vector<svc::StoredPlan> plans;
  {
    auto db = ctx.state.pool().lease();
    RC_ASSIGN_OR_RETURN(plans, svc::load_plans(*db, std::nullopt));
  }
  json rows = json::array();
  for (const auto& s : plans) {
    if (!ctx.may(access::Action::kRead, access::Resource::kPmpRecord, s.plan.employee)) continue;
    const bool final = pl::is_final(s.plan.state);
    if ((which == "open" && final) || (which == "final" && !final)) continue;
    rows.push_back(summary_json(ctx, s));
  }
  ctx.audit_read("pmp_plans", which, json{{"count", rows.size()}});
  if (ctx.request.query_param("format") == "csv") {
    return csv_response(rows, plan_columns(), "plans.csv");
  }
  return json_response(200, json{{"plans", std::move(rows)}});
}

Result<http::Response> open(Ctx& ctx) {
  RC_ASSIGN_OR_RETURN(json body, ctx.json_body());
  if (!body.contains("review_id") || !body["review_id"].is_number_integer()) {
    return validation_failed("the plan cannot be opened", {{"review_id", "required"}});
  }
  const std::int64_t review_id = body["review_id"].get<std::int64_t>();
  {
    auto db = ctx.state.pool().lease();
    auto r = app::review::load_review(*db, review_id);
    if (!r ||
        !ctx.may(access::Action::kWrite, access::Resource::kPmpRecord, r.value().review.employee)) {
      return not_found("review " + std::to_string(review_id) + " does not exist");
    }
  }
  svc::StoredPlan s;
  {
    auto db = ctx.state.pool().lease();
    RC_ASSIGN_OR_RETURN(s, svc::open_plan(*db, ctx.org().org(), acting(ctx), review_id));
  }
  RC_ASSIGN_OR_RETURN(auto pmp, ctx.state.pmp());
  return json_response(201, detail_json(ctx, s, *pmp));
}

Result<http::Response> get_one(Ctx& ctx) {
  RC_ASSIGN_OR_RETURN(std::int64_t id, ctx.id_param());
  RC_ASSIGN_OR_RETURN(svc::StoredPlan s, readable_plan(ctx, id));
  RC_ASSIGN_OR_RETURN(auto pmp, ctx.state.pmp());
  const org::Employee* e = ctx.org().org().employee(s.plan.employee);
  ctx.audit_read("pmp_plan", std::to_string(id), json{{"employee", e ? e->serial : ""}});
  return json_response(200, detail_json(ctx, s, *pmp));
}

Result<http::Response> step(Ctx& ctx) {
  RC_ASSIGN_OR_RETURN(std::int64_t id, ctx.id_param());
  RC_ASSIGN_OR_RETURN(json body, ctx.json_body());
  RC_RETURN_IF_ERROR(readable_plan(ctx, id).status());
  std::vector<FieldError> errors;
  svc::PlanStepRequest request = step_from_json(body, errors);
  if (!errors.empty()) return validation_failed("the step is not valid", errors);
  svc::StoredPlan s;
  {
    auto db = ctx.state.pool().lease();
    RC_ASSIGN_OR_RETURN(s, svc::take_plan_step(*db, ctx.org().org(), acting(ctx), id, request));
  }
  RC_ASSIGN_OR_RETURN(auto pmp, ctx.state.pmp());
  return json_response(200, detail_json(ctx, s, *pmp));
}

// GET /api/v1/plans/{id}/debriefs: the employee's indicator events as a
// debrief may show them (3.070-POL-6). Type III uses of force, firearms
// discharges and open OPA complaints show only kind and date; after the OPA
// interview an open complaint allows general issues only. The withheld fields
// never leave the server, whoever asks.
Result<http::Response> debriefs(Ctx& ctx) {
  RC_ASSIGN_OR_RETURN(std::int64_t id, ctx.id_param());
  RC_ASSIGN_OR_RETURN(svc::StoredPlan s, readable_plan(ctx, id));
  RC_ASSIGN_OR_RETURN(auto pmp, ctx.state.pmp());
  const Date today = ctx.caller.today;
  json rows = json::array();
  for (const auto* e : pmp->events_of(s.plan.employee)) {
    const pl::DebriefView v = pl::debrief_view(*e, std::nullopt, today);
    json row{{"event_id", v.event_id},     {"kind", pmp::to_string(v.kind)},
             {"date", v.date.to_string()}, {"detail", pl::to_string(v.detail)},
             {"clause", v.clause},         {"reason", v.reason}};
    if (v.detail == pl::DebriefDetail::kFull) row["event"] = event_json(ctx.org(), *e);
    rows.push_back(std::move(row));
  }
  ctx.audit_read("pmp_debriefs", std::to_string(id), json{{"count", rows.size()}});
  return json_response(200, json{{"plan_id", id}, {"as_of", today.to_string()}, {"events", rows}});
}

}  // namespace

Status append_plan_inbox(Ctx& ctx, json& items, int& overdue) {
  std::vector<svc::StoredPlan> plans;
  std::vector<app::review::StoredReview> reviews;
  {
    auto db = ctx.state.pool().lease();
    RC_ASSIGN_OR_RETURN(plans, svc::load_plans(*db, std::nullopt));
    if (coordinator(ctx.caller)) {
      RC_ASSIGN_OR_RETURN(reviews, app::review::load_reviews(*db, std::nullopt));
    }
  }
  const org::EmployeeId me = ctx.caller.account.employee;
  std::map<std::int64_t, bool> has_plan;
  for (const auto& s : plans) {
    has_plan[s.plan.review_id] = true;
    if (!svc::awaits(s.plan, me, coordinator(ctx.caller))) continue;
    json row = summary_json(ctx, s);
    row["kind"] = "pmp-plan";
    row["actions"] = my_actions(ctx.caller, s.plan);
    const auto actions = svc::actions_for(s.plan, me, coordinator(ctx.caller));
    row["awaiting"] = actions.empty() ? json(nullptr)
                                      : json{{"step", pl::step_of(actions.front())},
                                             {"what", pl::title_of(actions.front())}};
    overdue += row["overdue"].get<bool>() ? 1 : 0;
    items.push_back(std::move(row));
  }
  for (const auto& r : reviews) {
    if (r.review.state != pmp::review::ReviewState::kPlanDesignated || has_plan[r.review.id]) {
      continue;
    }
    if (r.review.employee == me) continue;
    items.push_back(json{{"kind", "pmp-plan-to-open"},
                         {"id", r.review.id},
                         {"review_id", r.review.id},
                         {"employee", employee_ref(ctx.org(), r.review.employee, ctx.caller.today)},
                         {"state", "plan-designated"},
                         {"awaiting",
                          {{"step", "3.070-PRO-2.1"},
                           {"what", "send the first progress report form (open the plan)"}}},
                         {"due", r.review.state_since.to_string()},
                         {"overdue", r.review.state_since < ctx.caller.today},
                         {"actions", json::array({"open-plan"})}});
    if (r.review.state_since < ctx.caller.today) ++overdue;
  }
  return Status::ok();
}

void add_plan_routes(Api& api) {
  api.add("GET", "/api/v1/plans", list);
  api.add("POST", "/api/v1/plans", open);
  api.add("GET", "/api/v1/plans/{id}", get_one);
  api.add("POST", "/api/v1/plans/{id}/steps", step);
  api.add("GET", "/api/v1/plans/{id}/debriefs", debriefs);
}

}  // namespace rollcall::api
