// Mentoring Plans in everyone's inbox (plan_api.cc), for the inbox handler of
// review_api.cc.
#pragma once

#include <nlohmann/json.hpp>

#include "api/endpoint.h"
#include "common/status.h"

namespace rollcall::api {

// Appends to `items` the plans awaiting the caller, and for a Coordinator the
// reviews concurred with a plan that has not been opened (PRO-2.1); counts
// overdue ones into `overdue`.
Status append_plan_inbox(Ctx& ctx, nlohmann::json& items, int& overdue);

}  // namespace rollcall::api
