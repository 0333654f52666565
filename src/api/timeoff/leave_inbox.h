// The 4.010 leave steps awaiting the caller, for GET /api/v1/inbox
// (review_api.cc calls it): requests awaiting their sergeant/supervisor
// (POL-2, PRO-1.2, PRO-1.3, PRO-1.5) or section captain (PRO-1.4), and
// year-end extensions awaiting their bureau chief (POL-7).
#pragma once

#include <nlohmann/json.hpp>

#include "api/endpoint.h"

namespace rollcall::api {

// Appends one item per pending step to `items` (each with "kind":
// "leave-request" or "leave-extension", "id", "version", "employee", "state",
// "awaiting" {step, role, due}, "overdue", "actions", "link") and adds the
// overdue ones to `overdue`. Errors of loading the records (DATA_LOSS for an
// unreadable body, storage errors); `items` is unchanged on error.
Status append_leave_inbox(Ctx& ctx, nlohmann::json& items, int& overdue);

}  // namespace rollcall::api
