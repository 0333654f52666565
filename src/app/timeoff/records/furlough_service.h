// Use cases of circle furloughs (4.010-POL-12): asking to work a scheduled
// furlough day, the supervisor's approval within the FLSA work period's hours
// limit (hours worked in the period from the employee's timesheets), 9-80
// only on approved overtime, and the normal work day off taken in the same
// FLSA period, tracked until taken.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/timeoff/records/record_store.h"
#include "app/timeoff/records/records_org.h"

namespace rollcall::app::records {

using StoredFurloughWork = Stored<tr::FurloughWork>;

// FLSA hours worked (tr::is_hours_worked) by `employee` in `period`, from the
// lines in force of their timesheets.
Result<std::int64_t> flsa_worked_minutes(storage::WorkflowReader& db, org::EmployeeId employee,
                                         const tr::FlsaPeriodRef& period);

struct FurloughWorkRequest {
  Date furlough_day;
  std::int64_t minutes = 0;
  bool approved_overtime = false;
};

// The employee (or their supervisor) asks. The schedule kind and FLSA period
// come from the calendar. NOT_FOUND for an unknown employee; errors of
// tr::request_furlough_work.
Result<StoredFurloughWork> request_furlough_work(storage::Database& db, const org::OrgSnapshot& org,
                                                 const TimeoffContext& cal, const ActingAs& acting,
                                                 org::EmployeeId employee,
                                                 const FurloughWorkRequest& request);

// approve (FLSA check with the hours worked so far) / deny (comments).
Result<StoredFurloughWork> decide_furlough_work(storage::Database& db, const org::OrgSnapshot& org,
                                                const ActingAs& acting, std::int64_t id,
                                                bool approve, std::string comments,
                                                std::optional<int> expected);

// The supervisor records the normal work day taken off; its scheduled
// minutes come from the employee's schedule. Errors of tr::record_day_off.
Result<StoredFurloughWork> record_furlough_day_off(storage::Database& db,
                                                   const org::OrgSnapshot& org,
                                                   const TimeoffContext& cal,
                                                   const ActingAs& acting, std::int64_t id,
                                                   Date day_off, std::optional<int> expected);

}  // namespace rollcall::app::records
