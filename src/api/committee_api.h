// The PMP Committee's meetings in the Coordinator's inbox (committee_api.cc).
#pragma once

#include <nlohmann/json.hpp>

#include "api/endpoint.h"
#include "common/status.h"

namespace rollcall::api {

// For a Coordinator: the semi-annual meeting to schedule (due six months
// after the last one held, listed from 30 days before) and held meetings whose
// recommendations await forwarding to the Chief. Overdue ones count in `overdue`.
Status append_committee_inbox(Ctx& ctx, nlohmann::json& items, int& overdue);

}  // namespace rollcall::api
