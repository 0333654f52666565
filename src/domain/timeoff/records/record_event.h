// One entry of a record's history: who did what, when, and the state after.
// The request records (comp cash-outs, furlough work, special duty, guild
// days) keep every step; nothing is removed or rewritten.
#pragma once

#include <string>

#include "common/clock.h"
#include "domain/org/org_types.h"

namespace rollcall::timeoff::records {

template <typename State>
struct RecordEvent {
  std::string what;  // "request", "approve", "refuse", "pay", "day-off", …
  org::EmployeeId actor = 0;
  Instant at;
  State to{};
  std::string comments;
};

}  // namespace rollcall::timeoff::records
