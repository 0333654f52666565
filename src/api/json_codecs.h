// JSON shapes of the API (src/api/openapi.json is their contract).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/endpoint.h"
#include "api/org_view.h"
#include "domain/pmp/evaluator.h"

namespace rollcall::api {

nlohmann::json unit_ref(const OrgView& org, std::optional<org::UnitId> unit);
// serial, name, unit and precinct on `day`.
nlohmann::json employee_ref(const OrgView& org, org::EmployeeId e, Date day);
nlohmann::json user_json(const OrgView& org, const Caller& caller, bool totp_enabled,
                         bool totp_enrolment_required);
nlohmann::json event_json(const OrgView& org, const pmp::IndicatorEvent& e);
nlohmann::json rule_json(const pmp::ThresholdRule& r);
nlohmann::json trigger_json(const OrgView& org, const pmp::Trigger& t,
                            const std::map<std::int64_t, const pmp::IndicatorEvent*>& latest);
nlohmann::json threshold_set_json(const pmp::ThresholdSet& s);

// Reads an event from the API's JSON (EventInput) on top of `base` (a new
// event, or the latest version for a correction). Every problem is reported
// with its field; an empty list means `out` is complete and valid.
std::vector<FieldError> event_from_json(const nlohmann::json& in, const OrgView& org, Date today,
                                        pmp::IndicatorEvent& out, bool correction);

}  // namespace rollcall::api
