// 4.010 time records over HTTP: timesheets (POL-3, POL-4), corrections
// (POL-8), AWOL (POL-9), comp time (POL-10), release time (POL-11, PRO-2),
// circle furloughs (POL-12), special duty days (POL-13) and guild days
// (POL-14). The handlers live in records_*.cc; the inbox part in
// records_inbox.h.
#include "api/endpoint.h"
#include "api/routes.h"
#include "api/timeoff/records_corrections.h"
#include "api/timeoff/records_requests.h"
#include "api/timeoff/records_timesheets.h"

namespace rollcall::api {

void add_timeoff_records_routes(Api& api) {
  records::add_timesheet_routes(api);
  records::add_correction_routes(api);
  records::add_request_routes(api);
}

}  // namespace rollcall::api
