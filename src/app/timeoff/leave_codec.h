// JSON bodies of the 4.010 leave workflow records (storage keeps them as
// text): a leave request (kind "leave-request") and a year-end extension
// request (kind "leave-extension"). Dates as "YYYY-MM-DD", instants as UTC
// seconds, enumerations as their readable text.
#pragma once

#include <cstdint>
#include <string>

#include "common/status.h"
#include "domain/timeoff/leave/leave_request.h"
#include "domain/timeoff/leave/year_end_extension.h"

namespace rollcall::app::timeoff {

std::string request_to_json(const rollcall::timeoff::leave::LeaveRequest& r);
// DATA_LOSS naming the record if the body is not a request this code wrote.
// The id comes from the record, not the body.
Result<rollcall::timeoff::leave::LeaveRequest> request_from_json(const std::string& body,
                                                                 std::int64_t id);

std::string extension_to_json(const rollcall::timeoff::leave::ExtensionRequest& x);
// DATA_LOSS as request_from_json.
Result<rollcall::timeoff::leave::ExtensionRequest> extension_from_json(const std::string& body,
                                                                       std::int64_t id);

}  // namespace rollcall::app::timeoff
