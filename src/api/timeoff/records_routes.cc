// 4.010 time records over HTTP (to be built): timesheets, corrections, AWOL,
// comp and release time, circle furloughs, special duty and guild days.
#include "api/endpoint.h"
#include "api/routes.h"

namespace rollcall::api {

void add_timeoff_records_routes(Api& /*api*/) {}

}  // namespace rollcall::api
