// Every route of `rollcall serve`: the API under /api/v1 (handlers per area in
// *_api.cc), its OpenAPI document, /healthz, and the built front end.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "api/api_state.h"
#include "http/router.h"

namespace rollcall::api {

class Api;

// Area registrations (one file each).
void add_session_routes(Api& api);
void add_org_routes(Api& api);
void add_pmp_routes(Api& api);
// 3.070-PRO-1 reviews and everyone's inbox (review_api.cc).
void add_review_routes(Api& api);
// 3.070-PRO-2 Mentoring Plans and the §6 debrief view (plan_api.cc).
void add_plan_routes(Api& api);
// 3.070 §5 precinct statistics and supervisor frequency (program_stats_api.cc).
void add_program_statistics_routes(Api& api);
// 3.070-POL-3 the PMP Committee's meetings (committee_api.cc).
void add_committee_routes(Api& api);
// 3.070-POL-4 the Supervisor's Toolkit (toolkit_api.cc).
void add_toolkit_routes(Api& api);
// 4.010 time off (src/api/timeoff/): leave, balances, requests, year end;
// and timesheets, corrections, AWOL, comp/release time, furloughs, duty days.
void add_timeoff_leave_routes(Api& api);
void add_timeoff_records_routes(Api& api);
void add_threshold_routes(Api& api);
void add_admin_routes(Api& api);

// The whole router. `metrics` renders /metrics (the server's counters).
http::Router make_router(ApiState& state, std::function<std::string()> metrics);

// The dashboard's cached answer for this caller and query, recorded in the
// access log; nullopt if not cached for `generation` (pmp_api.cc).
std::optional<http::Response> dashboard_from_cache(ApiState& state, const struct Caller& caller,
                                                   const http::Request& request,
                                                   std::uint64_t generation);

// Requests answered on the I/O thread from memory alone
// (http::ServerOptions::fast_path): /healthz, and the dashboard when the
// caller's session, the organisation view and a cached answer are all in
// memory. Never blocks; nullopt sends the request down the normal path, which
// gives the same answer.
std::optional<http::Response> answer_from_memory(const http::Request& request, ApiState& state);

// The OpenAPI document (src/api/openapi.json, compiled in).
const char* openapi_json();

}  // namespace rollcall::api
