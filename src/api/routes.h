// Every route of `rollcall serve`: the API under /api/v1 (handlers per area in
// *_api.cc), its OpenAPI document, /healthz, and the built front end.
#pragma once

#include <functional>
#include <string>

#include "api/api_state.h"
#include "http/router.h"

namespace rollcall::api {

class Api;

// Area registrations (one file each).
void add_session_routes(Api& api);
void add_org_routes(Api& api);
void add_pmp_routes(Api& api);
void add_threshold_routes(Api& api);
void add_admin_routes(Api& api);

// The whole router. `metrics` renders /metrics (the server's counters).
http::Router make_router(ApiState& state, std::function<std::string()> metrics);

// The OpenAPI document (src/api/openapi.json, compiled in).
const char* openapi_json();

}  // namespace rollcall::api
