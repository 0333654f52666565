#include "api/routes.h"

#include "api/endpoint.h"
#include "http/static_files.h"

namespace rollcall::api {

std::optional<http::Response> answer_from_memory(const http::Request& request, ApiState& state) {
  if (request.method != "GET") return std::nullopt;
  if (request.path == "/healthz") return http::Response::text(200, "ok\n");
  if (request.path != "/api/v1/triggers") return std::nullopt;
  const std::uint64_t generation = state.generation();
  auto org = state.org_if_fresh();
  if (!org) return std::nullopt;
  auto caller = caller_from_session(request, state, *org);
  if (!caller) return std::nullopt;
  return dashboard_from_cache(state, *caller, request, generation);
}

http::Router make_router(ApiState& state, std::function<std::string()> metrics) {
  http::Router router;
  Api api(state, router);
  add_session_routes(api);
  add_org_routes(api);
  add_pmp_routes(api);
  add_review_routes(api);
  add_plan_routes(api);
  add_program_statistics_routes(api);
  add_committee_routes(api);
  add_toolkit_routes(api);
  add_timeoff_leave_routes(api);
  add_timeoff_records_routes(api);
  add_threshold_routes(api);
  add_admin_routes(api);

  router.add("GET", "/healthz",
             [](const http::Request&) { return http::Response::text(200, "ok\n"); });
  router.add("GET", "/metrics", [metrics = std::move(metrics)](const http::Request&) {
    http::Response res = http::Response::text(200, metrics ? metrics() : "");
    res.content_type = "text/plain; version=0.0.4";
    return res;
  });
  router.add("GET", "/api/v1/openapi.json",
             [](const http::Request&) { return http::Response::json(200, openapi_json()); });

  if (!state.options().web_root.empty()) {
    auto files = http::StaticFiles::load(state.options().web_root);
    if (files) {
      router.set_fallback(
          [files = std::move(files).value()](const http::Request& r) { return files.serve(r); });
    }
  }
  return router;
}

}  // namespace rollcall::api
