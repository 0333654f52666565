// /thresholds: threshold sets (3.070-POL-1, 3.070-POL-3). The Coordinator
// proposes a set on the Committee's recommendation; the Chief of Police
// approves it; only the starting point and approved sets are used.
#include <nlohmann/json.hpp>

#include "api/endpoint.h"
#include "api/json_codecs.h"
#include "api/routes.h"
#include "app/pmp/threshold_toml.h"
#include "app/pmp/thresholds.h"

namespace rollcall::api {
namespace {

using nlohmann::json;

Result<pmp::ThresholdSet> find_set(Ctx& ctx, std::int64_t id) {
  auto db = ctx.state.pool().lease();
  RC_ASSIGN_OR_RETURN(auto sets, db->threshold_sets());
  for (auto& s : sets) {
    if (s.id == id) return s;
  }
  return not_found("no threshold set " + std::to_string(id));
}

}  // namespace

void add_threshold_routes(Api& api) {
  api.add("GET", "/api/v1/thresholds", [](Ctx& ctx) -> Result<http::Response> {
    RC_RETURN_IF_ERROR(ctx.require(access::Action::kRead, access::Resource::kThresholds));
    auto db = ctx.state.pool().lease();
    RC_ASSIGN_OR_RETURN(auto sets, db->threshold_sets());
    json out = json::array();
    for (auto it = sets.rbegin(); it != sets.rend(); ++it) out.push_back(threshold_set_json(*it));
    return json_response(200, json{{"sets", out}});
  });

  api.add("GET", "/api/v1/thresholds/{id}", [](Ctx& ctx) -> Result<http::Response> {
    RC_RETURN_IF_ERROR(ctx.require(access::Action::kRead, access::Resource::kThresholds));
    RC_ASSIGN_OR_RETURN(std::int64_t id, ctx.id_param());
    RC_ASSIGN_OR_RETURN(auto set, find_set(ctx, id));
    return json_response(200, threshold_set_json(set));
  });

  api.add("POST", "/api/v1/thresholds", [](Ctx& ctx) -> Result<http::Response> {
    RC_RETURN_IF_ERROR(ctx.require(access::Action::kWrite, access::Resource::kThresholds));
    const std::string type = ctx.request.header("content-type");
    if (type.rfind("application/toml", 0) != 0 && type.rfind("text/plain", 0) != 0) {
      return invalid_argument(
          "Content-Type must be application/toml (the format of config/thresholds/default.toml)");
    }
    auto parsed = app::parse_threshold_toml(ctx.request.body, "body");
    if (!parsed)
      return validation_failed(parsed.status().message(), {{"body", parsed.status().message()}});
    pmp::ThresholdSet set = std::move(parsed).value();
    std::vector<FieldError> errors;
    if (set.starting_point)
      errors.push_back({"starting_point", "only the shipped default is a starting point"});
    if (set.chief_approved_on || !set.chief_approved_by.empty()) {
      errors.push_back(
          {"approval",
           "the Chief approves with POST /thresholds/{id}/approval, not in the proposal"});
    }
    if (!errors.empty()) return validation_failed("the proposal is not valid", errors);
    Result<pmp::ThresholdSet> stored = [&] {
      auto db = ctx.state.pool().lease();
      return app::store_threshold_set(*db, std::move(set), ctx.caller.actor());
    }();
    if (!stored) return stored.status();
    ctx.state.invalidate();
    return json_response(201, threshold_set_json(stored.value()));
  });

  api.add("POST", "/api/v1/thresholds/{id}/approval", [](Ctx& ctx) -> Result<http::Response> {
    RC_RETURN_IF_ERROR(ctx.require(access::Action::kWrite, access::Resource::kThresholdApproval));
    RC_ASSIGN_OR_RETURN(std::int64_t id, ctx.id_param());
    {
      auto db = ctx.state.pool().lease();
      RC_ASSIGN_OR_RETURN(auto tx, db->begin(ctx.caller.actor()));
      const std::string by =
          ctx.org().full_name(ctx.caller.account.employee) + " (Chief of Police)";
      RC_RETURN_IF_ERROR(tx->approve_threshold_set(id, by, ctx.caller.today));
      RC_RETURN_IF_ERROR(tx->commit());
    }
    ctx.state.invalidate();
    RC_ASSIGN_OR_RETURN(auto set, find_set(ctx, id));
    return json_response(200, threshold_set_json(set));
  });
}

}  // namespace rollcall::api
