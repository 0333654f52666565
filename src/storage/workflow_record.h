// A workflow record: one document of a multi-step workflow (a Performance
// Mentoring Review, a Mentoring Plan, a leave request…) at one version. The
// body is the domain object as JSON, written by the app layer's codec for the
// kind; storage neither parses nor validates it beyond being text.
#pragma once

#include <cstdint>
#include <string>

#include "common/clock.h"
#include "domain/org/org_types.h"

namespace rollcall::storage {

struct WorkflowRecord {
  std::int64_t id = 0;
  std::string kind;  // "pmp-review", "pmp-plan", …
  org::EmployeeId employee = 0;
  std::string state;  // the domain state as text, for inbox queries
  int version = 0;    // 1 for the record as opened
  std::string body_json;
  Instant recorded_at;      // when this version was written
  std::string recorded_by;  // the transaction's actor
};

}  // namespace rollcall::storage
