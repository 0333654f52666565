// The stored form of a Performance Mentoring Review (3.070-PRO-1): the
// domain Review as the JSON body of its workflow record (ADR 0008). The
// review's id is the record's id and is not part of the body.
#pragma once

#include <string>

#include "common/status.h"
#include "domain/pmp/review/review_workflow.h"

namespace rollcall::app::review {

std::string review_to_json(const pmp::review::Review& r);
// DATA_LOSS naming the field if the body is not a review this build wrote.
Result<pmp::review::Review> review_from_json(const std::string& body, std::int64_t id);

}  // namespace rollcall::app::review
