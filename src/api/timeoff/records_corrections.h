// 4.010-POL-8 corrections and 4.010-POL-9 AWOL over HTTP, and their shapes
// for the inbox.
#pragma once

#include <nlohmann/json.hpp>

#include "api/endpoint.h"
#include "app/timeoff/records/awol_service.h"
#include "app/timeoff/records/correction_service.h"

namespace rollcall::api::records {

nlohmann::json correction_json(const Ctx& ctx, const app::records::StoredCorrection& s);
nlohmann::json awol_json(const Ctx& ctx, const app::records::StoredAwol& s);

// POST /api/v1/timesheets/{id}/corrections, GET /api/v1/corrections[/{id}],
// POST /api/v1/corrections/{id}/steps; POST/GET /api/v1/awol,
// GET /api/v1/awol/{id}, POST /api/v1/awol/{id}/forward.
void add_correction_routes(Api& api);

}  // namespace rollcall::api::records
