// 3.070 over HTTP (issue 4, item 4): an employee's PMP record, indicator
// events (create, correct, withdraw, import), the Coordinator's dashboard of
// triggers, and the Committee's statistics. Every read of a PMP record is
// written to the access log.
#include <map>
#include <set>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "api/endpoint.h"
#include "api/json_codecs.h"
#include "api/routes.h"
#include "app/pmp/event_import.h"
#include "app/pmp/event_mapping.h"
#include "time/instant.h"

namespace rollcall::api {
namespace {

using nlohmann::json;

// The latest version of an event the caller may act on.
Result<const pmp::IndicatorEvent*> event_for(const Ctx& ctx, const PmpView& pmp, std::int64_t id,
                                             access::Action action) {
  auto it = pmp.latest.find(id);
  if (it == pmp.latest.end()) {
    // As for serials (Ctx::subject): only a department-wide reader learns an
    // id does not exist.
    if (access::department_wide(ctx.org().org(), ctx.caller.account.employee, action,
                                access::Resource::kPmpRecord, ctx.caller.today)) {
      return not_found("no event " + std::to_string(id));
    }
    return Status(StatusCode::kPermissionDenied, "not an event in your scope");
  }
  const org::Employee* e = ctx.org().org().employee(it->second->employee);
  RC_RETURN_IF_ERROR(
      ctx.subject(e ? e->serial : "", action, access::Resource::kPmpRecord).status());
  return it->second;
}

// After a write of event `id`: the views are rebuilt and the event is
// answered as now stored (its latest version, as every read shows it).
Result<http::Response> stored_event_response(Ctx& ctx, std::int64_t id, int status) {
  ctx.state.invalidate();
  RC_ASSIGN_OR_RETURN(auto pmp, ctx.state.pmp());
  auto it = pmp->latest.find(id);
  if (it == pmp->latest.end())
    return internal_error("event " + std::to_string(id) + " vanished after it was stored");
  return json_response(status, event_json(ctx.org(), *it->second));
}

Result<http::Response> store_version(Ctx& ctx, pmp::IndicatorEvent e) {
  e.recorded_at = ctx.state.clock().now();
  e.recorded_by = ctx.caller.actor();
  {
    auto db = ctx.state.pool().lease();
    RC_ASSIGN_OR_RETURN(auto tx, db->begin(ctx.caller.actor()));
    RC_RETURN_IF_ERROR(tx->add_event_version(e));
    RC_RETURN_IF_ERROR(tx->commit());
  }
  return stored_event_response(ctx, e.id, 200);
}

// Which triggers the caller may see: decided once per employee.
class ScopeFilter {
 public:
  explicit ScopeFilter(const Ctx& ctx) : ctx_(ctx) {}
  bool visible(org::EmployeeId e) {
    auto [it, inserted] = seen_.try_emplace(e, false);
    if (inserted) it->second = ctx_.may(access::Action::kRead, access::Resource::kPmpRecord, e);
    return it->second;
  }

 private:
  const Ctx& ctx_;
  std::unordered_map<org::EmployeeId, bool> seen_;
};

std::string dashboard_cache_key(const Caller& caller, const http::Request& request) {
  return std::to_string(caller.account.employee) + "|" + caller.today.to_string() + "|" +
         request.query;
}

}  // namespace

std::optional<http::Response> dashboard_from_cache(ApiState& state, const Caller& caller,
                                                   const http::Request& request,
                                                   std::uint64_t generation) {
  auto hit = state.responses().get(generation, dashboard_cache_key(caller, request));
  if (!hit) return std::nullopt;
  record_read(state, caller, request, "dashboard", request.query, json{{"triggers", hit->total}});
  http::Response res;
  res.body = *hit->body;
  return res;
}

namespace {

Result<http::Response> dashboard(Ctx& ctx) {
  // The same caller asking the same question of the same data gets the same
  // answer: served from the cache, still access-logged. The generation is
  // read before the data, so a rebuild in between only wastes an entry.
  const std::uint64_t generation = ctx.state.generation();
  RC_ASSIGN_OR_RETURN(auto pmp, ctx.state.pmp());
  if (auto hit = dashboard_from_cache(ctx.state, ctx.caller, ctx.request, generation)) return *hit;
  const std::string key = dashboard_cache_key(ctx.caller, ctx.request);
  RC_ASSIGN_OR_RETURN(long long precinct, ctx.int_param("precinct", 0, 0, 1LL << 62));
  RC_ASSIGN_OR_RETURN(long long limit, ctx.int_param("limit", 50, 1, 500));
  RC_ASSIGN_OR_RETURN(long long offset, ctx.int_param("offset", 0, 0, 10'000'000));
  RC_ASSIGN_OR_RETURN(auto from, ctx.date_param("from"));
  RC_ASSIGN_OR_RETURN(auto to, ctx.date_param("to"));
  std::optional<pmp::Indicator> indicator;
  if (std::string i = ctx.request.query_param("indicator"); !i.empty()) {
    indicator = pmp::parse_indicator(i);
    if (!indicator) return invalid_argument("indicator: one of A to G, got '" + i + "'");
  }
  const OrgView& org = ctx.org();
  ScopeFilter scope(ctx);
  std::vector<const pmp::Trigger*> shown;
  std::map<std::string, long long> by_indicator;
  std::map<std::optional<org::UnitId>, long long> by_precinct;
  for (auto it = pmp->triggers.rbegin(); it != pmp->triggers.rend(); ++it) {
    const pmp::Trigger& t = *it;
    if (from && t.date < *from) continue;
    if (to && t.date > *to) continue;
    if (indicator && t.indicator != *indicator) continue;
    if (!scope.visible(t.employee)) continue;
    auto home = org.home_unit(t.employee, t.date);
    if (precinct > 0 && (!home || !org.within(*home, precinct))) continue;
    ++by_indicator[std::string(pmp::to_string(t.indicator))];
    ++by_precinct[home ? org.precinct_of(*home) : std::nullopt];
    shown.push_back(&t);
  }
  json triggers = json::array();
  for (long long i = offset; i < static_cast<long long>(shown.size()) && i < offset + limit; ++i) {
    triggers.push_back(trigger_json(org, *shown[i], pmp->latest));
  }
  json precincts = json::array();
  for (const auto& [unit, n] : by_precinct) {
    precincts.push_back(json{{"unit", unit_ref(org, unit)}, {"count", n}});
  }
  const long long total = static_cast<long long>(shown.size());
  ctx.audit_read("dashboard", ctx.request.query, json{{"triggers", total}});
  http::Response res = json_response(
      200, json{{"total", total},
                {"counts", {{"by_indicator", by_indicator}, {"by_precinct", precincts}}},
                {"triggers", std::move(triggers)}});
  ctx.state.responses().put(generation, key,
                            {std::make_shared<const std::string>(res.body), total});
  return res;
}

Result<http::Response> employee_pmp(Ctx& ctx) {
  RC_ASSIGN_OR_RETURN(org::EmployeeId id,
                      ctx.subject(ctx.request.params.at("serial"), access::Action::kRead,
                                  access::Resource::kPmpRecord));
  RC_ASSIGN_OR_RETURN(auto as_of_param, ctx.date_param("as_of"));
  const Date as_of = as_of_param.value_or(ctx.caller.today);
  RC_ASSIGN_OR_RETURN(auto pmp, ctx.state.pmp());
  const OrgView& org = ctx.org();
  json events = json::array();
  for (const auto* e : pmp->events_of(id)) {
    if (e->date <= as_of) events.push_back(event_json(org, *e));
  }
  json triggers = json::array();
  if (auto it = pmp->triggers_by_employee.find(id); it != pmp->triggers_by_employee.end()) {
    for (std::size_t i : it->second) {
      if (pmp->triggers[i].date <= as_of) {
        triggers.push_back(trigger_json(org, pmp->triggers[i], pmp->latest));
      }
    }
  }
  json standing = json::array();
  for (const pmp::Standing& s : pmp->standing(id, as_of)) {
    standing.push_back(json{{"indicator", pmp::to_string(s.indicator)},
                            {"count", s.count},
                            {"threshold", rule_json(s.rule)},
                            {"table", s.recent_review_table ? "recent-review" : "initial"},
                            {"reached", s.reached()}});
  }
  const std::string serial = org.org().employee(id)->serial;
  ctx.audit_read("pmp_record", serial, json{{"as_of", as_of.to_string()}});
  return json_response(200, json{{"employee", employee_ref(org, id, ctx.caller.today)},
                                 {"as_of", as_of.to_string()},
                                 {"events", std::move(events)},
                                 {"triggers", std::move(triggers)},
                                 {"standing", std::move(standing)}});
}

Result<http::Response> create_event(Ctx& ctx) {
  RC_ASSIGN_OR_RETURN(json body, ctx.json_body());
  // Permission before validation: a caller who may not write this employee's
  // record learns nothing from the body's errors.
  // (A department-wide reader's unknown serial is a field error, below.)
  if (body.contains("employee_serial") && body["employee_serial"].is_string()) {
    auto who = ctx.subject(body["employee_serial"].get<std::string>(), access::Action::kWrite,
                           access::Resource::kPmpRecord);
    if (!who && who.status().code() == StatusCode::kPermissionDenied) return who.status();
  }
  pmp::IndicatorEvent e;
  auto errors = event_from_json(body, ctx.org(), ctx.caller.today, e, /*correction=*/false);
  if (!errors.empty()) return validation_failed("the event is not valid", errors);
  const org::Employee* emp = ctx.org().org().employee(e.employee);
  RC_RETURN_IF_ERROR(
      ctx.subject(emp->serial, access::Action::kWrite, access::Resource::kPmpRecord).status());
  e.source_system = "rollcall";
  e.recorded_at = ctx.state.clock().now();
  e.recorded_by = ctx.caller.actor();
  if (e.note.empty()) e.note = "entered in rollcall";
  const std::string key = "rollcall|" + e.incident_number + "|" + emp->serial + "|" +
                          std::string(pmp::to_string(e.kind));
  {
    auto db = ctx.state.pool().lease();
    RC_ASSIGN_OR_RETURN(auto tx, db->begin(ctx.caller.actor()));
    auto id = tx->insert_event(e, key);
    if (!id && id.status().code() == StatusCode::kAlreadyExists) {
      return error_response(409, "already_exists",
                            "this incident is already recorded for this employee and kind; "
                            "correct that event instead");
    }
    if (!id) return id.status();
    e.id = id.value();
    RC_RETURN_IF_ERROR(tx->commit());
  }
  return stored_event_response(ctx, e.id, 201);
}

Result<http::Response> import(Ctx& ctx) {
  RC_RETURN_IF_ERROR(ctx.require(access::Action::kWrite, access::Resource::kPmpImport));
  std::string mapping_name = ctx.request.query_param("mapping");
  if (mapping_name.empty()) mapping_name = "native";
  std::string source = ctx.request.query_param("source");
  if (source.empty()) source = "upload.csv";
  app::EventImportOptions options;
  if (mapping_name == "native" || mapping_name == "native-jsonl") {
    options.mapping = app::native_event_mapping(mapping_name == "native" ? "csv" : "jsonl");
  } else {
    auto mapping = app::builtin_event_mapping(mapping_name);
    if (!mapping) return invalid_argument("mapping: " + mapping.status().message());
    options.mapping = std::move(mapping).value();
  }
  // Rows without a source_system column come from the system the caller names.
  if (options.mapping.source_system.empty()) {
    options.mapping.source_system = ctx.request.query_param("source_system");
    if (options.mapping.source_system.empty()) options.mapping.source_system = "api-import";
  }
  options.actor = ctx.caller.actor();
  options.now = ctx.state.clock().now();
  options.create_employees = ctx.request.query_param("create_employees") == "true";
  options.dry_run = ctx.request.query_param("dry_run") == "true";
  Result<app::EventImportReport> report = [&] {
    auto db = ctx.state.pool().lease();
    return app::import_events_text(*db, ctx.request.body, source, options);
  }();
  if (!report) return report.status();
  const auto& r = report.value();
  if (!r.errors.empty()) {
    std::vector<FieldError> details;
    for (const auto& e : r.errors)
      details.push_back({e.field, e.message, static_cast<int>(e.line)});
    return validation_failed(std::to_string(r.errors.size()) + " problem(s); nothing was imported",
                             details);
  }
  if (!options.dry_run) ctx.state.invalidate();
  return json_response(200, json{{"rows", r.rows_read},
                                 {"events", r.events_in_file},
                                 {"created", r.created},
                                 {"corrected", r.corrected},
                                 {"unchanged", r.unchanged},
                                 {"placeholders", r.placeholders},
                                 {"new_triggers", r.new_triggers.size()},
                                 {"dry_run", options.dry_run}});
}

Result<http::Response> stats(Ctx& ctx) {
  RC_RETURN_IF_ERROR(ctx.require(access::Action::kRead, access::Resource::kPmpAggregate));
  RC_ASSIGN_OR_RETURN(auto from_param, ctx.date_param("from"));
  RC_ASSIGN_OR_RETURN(auto to_param, ctx.date_param("to"));
  const Date to = to_param.value_or(ctx.caller.today);
  const Date from = from_param.value_or(to.minus_months(12).plus_days(1));
  if (to < from) return invalid_argument("to: before from");
  RC_ASSIGN_OR_RETURN(auto pmp, ctx.state.pmp());
  const OrgView& org = ctx.org();
  std::map<std::string, long long> by_indicator, events_by_kind;
  std::map<std::optional<org::UnitId>, long long> by_precinct;
  std::map<std::string, long long> by_month;
  std::set<org::EmployeeId> employees;
  for (const pmp::Trigger& t : pmp->triggers) {
    if (t.date < from || t.date > to) continue;
    ++by_indicator[std::string(pmp::to_string(t.indicator))];
    auto home = org.home_unit(t.employee, t.date);
    ++by_precinct[home ? org.precinct_of(*home) : std::nullopt];
    ++by_month[t.date.to_string().substr(0, 7)];
    employees.insert(t.employee);
  }
  for (const auto& [id, e] : pmp->latest) {
    if (e->date < from || e->date > to || !pmp::qualifies(*e)) continue;
    ++events_by_kind[std::string(pmp::to_string(e->kind))];
  }
  json precincts = json::array();
  for (const auto& [unit, n] : by_precinct) {
    precincts.push_back(json{{"unit", unit_ref(org, unit)}, {"count", n}});
  }
  return json_response(200, json{{"from", from.to_string()},
                                 {"to", to.to_string()},
                                 {"triggers_by_indicator", by_indicator},
                                 {"triggers_by_precinct", precincts},
                                 {"triggers_by_month", by_month},
                                 {"qualifying_events_by_kind", events_by_kind},
                                 {"employees_triggered", employees.size()}});
}

}  // namespace

void add_pmp_routes(Api& api) {
  api.add("GET", "/api/v1/triggers", dashboard);
  api.add("GET", "/api/v1/stats", stats);
  api.add("GET", "/api/v1/employees/{serial}/pmp", employee_pmp);
  api.add("POST", "/api/v1/events", create_event);
  api.add("POST", "/api/v1/events/import", import);

  api.add("GET", "/api/v1/events/{id}", [](Ctx& ctx) -> Result<http::Response> {
    RC_ASSIGN_OR_RETURN(std::int64_t id, ctx.id_param());
    RC_ASSIGN_OR_RETURN(auto pmp, ctx.state.pmp());
    RC_ASSIGN_OR_RETURN(const pmp::IndicatorEvent* latest,
                        event_for(ctx, *pmp, id, access::Action::kRead));
    json versions = json::array();
    for (const auto& v : pmp->versions) {
      if (v.id == id) versions.push_back(event_json(ctx.org(), v));
    }
    ctx.audit_read("indicator_event", std::to_string(id),
                   json{{"employee", event_json(ctx.org(), *latest)["employee_serial"]}});
    return json_response(200, json{{"versions", std::move(versions)}});
  });

  api.add("POST", "/api/v1/events/{id}/corrections", [](Ctx& ctx) -> Result<http::Response> {
    RC_ASSIGN_OR_RETURN(std::int64_t id, ctx.id_param());
    RC_ASSIGN_OR_RETURN(json body, ctx.json_body());
    RC_ASSIGN_OR_RETURN(auto pmp, ctx.state.pmp());
    RC_ASSIGN_OR_RETURN(const pmp::IndicatorEvent* latest,
                        event_for(ctx, *pmp, id, access::Action::kWrite));
    pmp::IndicatorEvent e = *latest;
    e.note.clear();
    auto errors = event_from_json(body, ctx.org(), ctx.caller.today, e, /*correction=*/true);
    if (!errors.empty()) return validation_failed("the correction is not valid", errors);
    return store_version(ctx, std::move(e));
  });

  api.add("POST", "/api/v1/events/{id}/withdrawal", [](Ctx& ctx) -> Result<http::Response> {
    RC_ASSIGN_OR_RETURN(std::int64_t id, ctx.id_param());
    RC_ASSIGN_OR_RETURN(json body, ctx.json_body());
    RC_ASSIGN_OR_RETURN(auto pmp, ctx.state.pmp());
    RC_ASSIGN_OR_RETURN(const pmp::IndicatorEvent* latest,
                        event_for(ctx, *pmp, id, access::Action::kWrite));
    if (latest->withdrawn) {
      return error_response(409, "failed_precondition", "the event is already withdrawn");
    }
    pmp::IndicatorEvent e = *latest;
    e.withdrawn = true;
    e.note = body.value("note", "");
    if (e.note.empty() || e.note.size() > 4000) {
      return validation_failed("say why the event is withdrawn", {{"note", "required"}});
    }
    return store_version(ctx, std::move(e));
  });
}

}  // namespace rollcall::api
