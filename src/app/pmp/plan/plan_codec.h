// The stored form of a Mentoring Plan (3.070-PRO-2): the domain Plan as the
// JSON body of its workflow record (ADR 0008). The plan's id is the record's
// id and is not part of the body.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "common/status.h"
#include "domain/pmp/plan/plan_workflow.h"

namespace rollcall::app::plan {

std::string plan_to_json(const pmp::plan::Plan& p);
// DATA_LOSS naming the field if the body is not a plan this build wrote.
Result<pmp::plan::Plan> plan_from_json(const std::string& body, std::int64_t id);

// One coaching entry as JSON (also what the API shows and accepts).
nlohmann::json coaching_to_json(const pmp::plan::CoachingEntry& e);
// Throws std::exception on a malformed entry (callers convert).
pmp::plan::CoachingEntry coaching_from_json(const nlohmann::json& j);

}  // namespace rollcall::app::plan
