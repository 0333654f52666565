// Use cases of AWOL (4.010-POL-9): the supervisor records the absence (an
// unpaid line on the pay period's timesheet, opened if need be) and sends the
// memo to the HR director with a copy through the chain to the bureau chief,
// in one transaction; each link forwards the copy; the records are kept.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/timeoff/records/record_store.h"
#include "app/timeoff/records/records_org.h"

namespace rollcall::app::records {

using StoredAwol = Stored<tr::AwolRecord>;

struct AwolRequest {
  Date date;
  std::int64_t minutes = 0;
  std::string circumstances;
};

// Records `employee`'s absence. The scheduled minutes come from the
// employee's work schedule, the HR director is whoever holds that role on the
// day, the copy's route is chain_to_bureau_chief(). NOT_FOUND for an unknown
// employee; FAILED_PRECONDITION if nobody is HR director or no bureau chief;
// errors of tr::record_awol (PERMISSION_DENIED unless the actor supervises the
// employee, FAILED_PRECONDITION for a submitted timesheet, INVALID_ARGUMENT).
Result<StoredAwol> record_awol(storage::Database& db, const org::OrgSnapshot& org,
                               const TimeoffContext& cal, const ActingAs& acting,
                               org::EmployeeId employee, const AwolRequest& request);

// The current holder of the memo's copy forwards it one link up.
Result<StoredAwol> forward_awol_copy(storage::Database& db, const org::OrgSnapshot& org,
                                     const ActingAs& acting, std::int64_t id,
                                     std::optional<int> expected);

}  // namespace rollcall::app::records
