#include "api/routes.h"

#include "api/endpoint.h"
#include "http/static_files.h"

namespace rollcall::api {

http::Router make_router(ApiState& state, std::function<std::string()> metrics) {
  http::Router router;
  Api api(state, router);
  add_session_routes(api);
  add_org_routes(api);
  add_pmp_routes(api);
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
