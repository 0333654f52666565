// 4.010 requests over HTTP: comp-time cash-outs (POL-10), release time
// (POL-11, PRO-2), circle furloughs (POL-12), special duty days (POL-13) and
// guild days (POL-14); and their shapes for the inbox.
#pragma once

#include <nlohmann/json.hpp>

#include "api/endpoint.h"
#include "app/timeoff/records/authorization_service.h"
#include "app/timeoff/records/comp_time_service.h"
#include "app/timeoff/records/furlough_service.h"
#include "app/timeoff/records/release_service.h"

namespace rollcall::api::records {

nlohmann::json cash_out_json(const Ctx& ctx, const app::records::StoredCashOut& s);
nlohmann::json release_json(const Ctx& ctx, const app::records::StoredRelease& s);
nlohmann::json furlough_json(const Ctx& ctx, const app::records::StoredFurloughWork& s);
nlohmann::json special_duty_json(const Ctx& ctx, const app::records::StoredSpecialDuty& s);
nlohmann::json guild_day_json(const Ctx& ctx, const app::records::StoredGuildDay& s);

void add_request_routes(Api& api);

}  // namespace rollcall::api::records
