// 3.070-POL-4 over HTTP (issue 5): the Supervisor's Toolkit the Coordinator
// maintains — resources stored as workflow records of kind
// "pmp-toolkit-resource" (ADR 0008), so every edit is a version with its
// audit record; retired resources stay listed with ?retired=1.
#include <nlohmann/json.hpp>

#include "api/endpoint.h"
#include "api/routes.h"
#include "domain/pmp/committee/toolkit.h"
#include "time/instant.h"

namespace rollcall::api {
namespace {

using nlohmann::json;
namespace cm = pmp::committee;
constexpr const char* kKind = "pmp-toolkit-resource";

json body_of(const cm::ToolkitResource& r) {
  return json{{"title", r.title},
              {"category", cm::to_string(r.category)},
              {"body", r.body},
              {"link", r.link},
              {"retired", r.retired}};
}

// The resource in a request body, or the field errors.
cm::ToolkitResource from_request(const json& in, std::vector<FieldError>& errors) {
  cm::ToolkitResource r;
  r.title = in.value("title", "");
  r.body = in.value("body", "");
  r.link = in.value("link", "");
  r.retired = in.value("retired", false);
  auto c = cm::parse_resource_category(in.value("category", ""));
  if (!c) {
    errors.push_back({"category", "strategy, reading, training, form or contact"});
  } else {
    r.category = *c;
  }
  for (const std::string& p : cm::resource_problems(r)) {
    const auto colon = p.find(": ");
    errors.push_back({p.substr(0, colon), p.substr(colon + 2)});
  }
  return r;
}

Result<http::Response> list(Ctx& ctx) {
  if (!cm::may_read_toolkit(ctx.caller.roles)) {
    return Status(StatusCode::kPermissionDenied,
                  "3.070-POL-4: the toolkit is for supervisors, commanders, the Coordinator "
                  "and the Committee");
  }
  const bool retired = ctx.request.query_param("retired") == "1";
  auto db = ctx.state.pool().lease();
  RC_ASSIGN_OR_RETURN(auto records, db->workflow_records(kKind, std::nullopt));
  json rows = json::array();
  for (const auto& w : records) {
    json r = json::parse(w.body_json, nullptr, false);
    if (r.is_discarded()) return data_loss("toolkit resource " + std::to_string(w.id));
    if (r.value("retired", false) && !retired) continue;
    r["id"] = w.id;
    r["version"] = w.version;
    r["updated_at"] = format_utc(w.recorded_at);
    rows.push_back(std::move(r));
  }
  return json_response(200, json{{"resources", std::move(rows)}});
}

Result<http::Response> create(Ctx& ctx) {
  RC_RETURN_IF_ERROR(cm::may_maintain_toolkit(ctx.caller.roles));
  RC_ASSIGN_OR_RETURN(json in, ctx.json_body());
  std::vector<FieldError> errors;
  const cm::ToolkitResource r = from_request(in, errors);
  if (!errors.empty()) return validation_failed("the resource is not valid", errors);
  auto db = ctx.state.pool().lease();
  RC_ASSIGN_OR_RETURN(auto tx, db->begin(ctx.caller.actor()));
  RC_ASSIGN_OR_RETURN(std::int64_t id, tx->insert_workflow_record(
                                           kKind, ctx.caller.account.employee,
                                           r.retired ? "retired" : "current", body_of(r).dump()));
  RC_RETURN_IF_ERROR(tx->commit());
  json out = body_of(r);
  out["id"] = id;
  out["version"] = 1;
  return json_response(201, out);
}

// POST /api/v1/toolkit/{id}: the resource's next version (edit or retire),
// naming the version it replaces.
Result<http::Response> revise(Ctx& ctx) {
  RC_RETURN_IF_ERROR(cm::may_maintain_toolkit(ctx.caller.roles));
  RC_ASSIGN_OR_RETURN(std::int64_t id, ctx.id_param());
  RC_ASSIGN_OR_RETURN(json in, ctx.json_body());
  std::vector<FieldError> errors;
  const cm::ToolkitResource r = from_request(in, errors);
  if (!in.contains("version") || !in["version"].is_number_integer()) {
    errors.push_back({"version", "required: the version you edited"});
  }
  if (!errors.empty()) return validation_failed("the resource is not valid", errors);
  auto db = ctx.state.pool().lease();
  RC_ASSIGN_OR_RETURN(auto tx, db->begin(ctx.caller.actor()));
  RC_RETURN_IF_ERROR(tx->add_workflow_version(
      id, kKind, in["version"].get<int>(), r.retired ? "retired" : "current", body_of(r).dump()));
  RC_RETURN_IF_ERROR(tx->commit());
  json out = body_of(r);
  out["id"] = id;
  out["version"] = in["version"].get<int>() + 1;
  return json_response(200, out);
}

}  // namespace

void add_toolkit_routes(Api& api) {
  api.add("GET", "/api/v1/toolkit", list);
  api.add("POST", "/api/v1/toolkit", create);
  api.add("POST", "/api/v1/toolkit/{id}", revise);
}

}  // namespace rollcall::api
