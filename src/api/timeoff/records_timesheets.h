// 4.010 time records over HTTP: the timesheet routes and shapes shared with
// the inbox.
#pragma once

#include <nlohmann/json.hpp>

#include "api/endpoint.h"
#include "app/timeoff/records/timesheet_service.h"

namespace rollcall::api::records {

// The summary row of a timesheet (id, employee, period, due, state, overdue).
nlohmann::json timesheet_summary(const Ctx& ctx, const app::records::StoredTimesheet& s);
// Everything: draft, lines in force, totals, versions, history.
nlohmann::json timesheet_json(const Ctx& ctx, const app::records::StoredTimesheet& s);

void add_timesheet_routes(Api& api);

}  // namespace rollcall::api::records
