// The 4.010 time records' part of GET /api/v1/inbox: what awaits the caller.
//   sergeant/supervisor  submitted timesheets to approve or return (overdue
//                        after the noon-Wednesday deadline, 4.010-POL-3);
//                        release time to approve, complete and forward
//                        (PRO-2.2–2.5); furlough work to decide and days off
//                        owed (POL-12)
//   chain of command     correction exceptions and AWOL / form 2.27 copies
//                        they hold (POL-8, POL-9, PRO-2.4)
//   bureau chief         correction exceptions to decide (POL-8)
//   captain              special duty days to decide (POL-13)
//   Guild president      guild days to decide (POL-14)
//   Payroll              corrections to decide and apply, cash-outs (POL-10),
//                        forms 2.27 to receive
//   FML coordinator      employees to inform of the FML option (PRO-2.6)
#pragma once

#include <nlohmann/json.hpp>

#include "api/endpoint.h"
#include "common/status.h"

namespace rollcall::api {

// Appends one item per awaited step to `items` (each with "kind", "id",
// "actions", "overdue" and the record's summary) and counts the overdue
// ones into `overdue`. Errors of loading the records (DATA_LOSS for an
// unreadable one); `items` may then hold some of them.
Status append_records_inbox(Ctx& ctx, nlohmann::json& items, int& overdue);

}  // namespace rollcall::api
