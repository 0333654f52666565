// Helpers the 4.010 leave handlers share (src/api/timeoff/leave_*.cc): the
// time-off context for this server, the acting caller, amounts as hours and
// minutes, a request as JSON, and the mapping of domain errors to HTTP
// (INVALID_ARGUMENT "field: why" -> 422 validation_failed with that field).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "api/endpoint.h"
#include "app/timeoff/leave_service.h"

namespace rollcall::api::leave_api {

namespace tsvc = app::timeoff;
namespace lv = rollcall::timeoff::leave;

// The shipped time-off configuration in the server's zone, with the stored
// per-employee schedule anchors. Errors as TimeoffContext::shipped and
// load_schedule_anchors.
Result<tsvc::TimeoffContext> timeoff_context(Ctx& ctx);

tsvc::ActingAs acting(const Ctx& ctx);

// {"minutes": m, "hours": m / 60} (hours with decimals).
nlohmann::json amount(lv::Minutes m);

// The error response for `s`: INVALID_ARGUMENT whose message is "field: why"
// becomes 422 validation_failed naming the field; other codes as
// error_response().
http::Response leave_error(const Status& s);

// A request with its awaited step, due date and the caller's actions.
nlohmann::json request_json(const Ctx& ctx, const tsvc::StoredRequest& s);

}  // namespace rollcall::api::leave_api

namespace rollcall::api::leave_api {
// Route registrations, one file each (called from add_timeoff_leave_routes).
void add_balance_routes(Api& api);  // leave_balance_api.cc
void add_request_routes(Api& api);  // leave_request_api.cc
void add_payroll_routes(Api& api);  // leave_payroll_api.cc
}  // namespace rollcall::api::leave_api
