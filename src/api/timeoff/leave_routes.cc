// 4.010 leave over HTTP (to be built): balances, requests, approvals, year end.
#include "api/endpoint.h"
#include "api/routes.h"

namespace rollcall::api {

void add_timeoff_leave_routes(Api& /*api*/) {}

}  // namespace rollcall::api
