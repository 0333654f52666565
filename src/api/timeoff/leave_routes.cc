// 4.010 leave over HTTP: balances and the ledger (CSV, iCalendar), requests
// and their steps with staffing, the unit leave calendar, Payroll's accrual
// and year-end runs, and year-end extensions. Handlers in leave_*_api.cc.
#include "api/endpoint.h"
#include "api/routes.h"
#include "api/timeoff/leave_support.h"

namespace rollcall::api {

void add_timeoff_leave_routes(Api& api) {
  leave_api::add_balance_routes(api);
  leave_api::add_request_routes(api);
  leave_api::add_payroll_routes(api);
}

}  // namespace rollcall::api
