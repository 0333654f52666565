// Use cases of the electronic timesheet (4.010-POL-3, POL-4): open one per
// employee per pay period (prefilled from the work schedule and the leave
// ledger's usage), record a day's lines, submit, approve or return, and the
// overdue lists. Approving banks the overtime the employee elected to take as
// comp time (4.010-POL-10) in the leave ledger, in the same transaction.
//
// Each write is one transaction (load, decide with domain/timeoff/records,
// store a new version with its audit record). Domain errors come back as
// they are: PERMISSION_DENIED, FAILED_PRECONDITION, INVALID_ARGUMENT.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/timeoff/records/record_store.h"
#include "app/timeoff/records/records_org.h"
#include "domain/timeoff/leave/ledger.h"
#include "domain/timeoff/records/comp_time.h"

namespace rollcall::app::records {

using StoredTimesheet = Stored<tr::Timesheet>;

// The lines a new timesheet starts with: on each scheduled day of the period,
// the leave taken that day per the ledger's usage entries (net of reversals),
// one "leave" line per leave type, and the rest of the shift as "regular".
// As Kronos and TeleStaff do, the schedule is the default; the employee edits.
std::vector<tr::TimesheetLine> prefill_lines(const to::WorkSchedule& schedule,
                                             const tr::PayPeriodRef& period,
                                             const std::vector<lv::LedgerEntry>& ledger);

// Opens the timesheet of `employee` for the pay period containing `day`.
// PERMISSION_DENIED unless the actor is the employee, supervises them
// (tr::supervises) or holds the payroll role; NOT_FOUND for an unknown
// employee; ALREADY_EXISTS if that period's timesheet exists.
Result<StoredTimesheet> open_timesheet(storage::Database& db, const org::OrgSnapshot& org,
                                       const TimeoffContext& cal, const ActingAs& acting,
                                       org::EmployeeId employee, Date day);

// The employee's timesheet for the pay period containing `day`, or nullopt.
Result<std::optional<StoredTimesheet>> find_timesheet(storage::WorkflowReader& db,
                                                      const TimeoffContext& cal,
                                                      org::EmployeeId employee, Date day);

// Replaces the draft lines of `day` with `lines` (each through
// tr::record_line: its permission, state and content errors).
// INVALID_ARGUMENT if `lines` is empty or a line is on another day.
Result<StoredTimesheet> set_day_lines(storage::Database& db, const org::OrgSnapshot& org,
                                      const ActingAs& acting, std::int64_t id, Date day,
                                      const std::vector<tr::TimesheetLine>& lines,
                                      std::optional<int> expected);

enum class TimesheetAction { kSubmit, kApprove, kReturn };
std::string_view to_string(TimesheetAction a);
std::optional<TimesheetAction> parse_timesheet_action(std::string_view s);

struct TimesheetStepResult {
  StoredTimesheet timesheet;
  std::optional<tr::CompEarning> comp;  // on approval with elected overtime
};

// submit / approve / return (comments required) as tr::submit, tr::approve,
// tr::return_timesheet. On approval, elected overtime ("overtime-comp"
// lines) is banked by tr::earn_comp against the comp balance on the day of
// approval and the cap of the employee's bargaining unit (never above the
// FLSA ceiling; sworn employees are public safety), posted as one accrual
// entry to the comp-time bank dated the day of approval (comp is usable once
// the supervisor has approved the overtime).
Result<TimesheetStepResult> timesheet_step(storage::Database& db, const org::OrgSnapshot& org,
                                           const TimeoffContext& cal, const ActingAs& acting,
                                           std::int64_t id, TimesheetAction action,
                                           std::string comments, std::optional<int> expected);

// One row of an overdue list: a stored timesheet past its deadline, or
// (missing) an employee with no timesheet for the latest pay period whose
// deadline has passed, as Kronos's "missing timecards" report lists them.
struct OverdueRow {
  org::EmployeeId employee = 0;
  std::optional<std::int64_t> timesheet;  // nullopt: missing
  Date period_first;
  Date period_last;
  Instant due;
  std::string state;  // the timesheet state, or "missing"
};

// The overdue rows of `scope` (employees) as of `now`: stored timesheets past
// their deadline (tr::overdue_list_for) and, for the latest pay period whose
// deadline has passed, every employee in scope employed that period with no
// timesheet. Oldest deadline first, then by employee.
Result<std::vector<OverdueRow>> overdue_rows(const std::vector<StoredTimesheet>& sheets,
                                             const std::vector<org::EmployeeId>& scope,
                                             const org::OrgSnapshot& org, const TimeoffContext& cal,
                                             Instant now, Date today);

// 4.010-POL-10: brings the comp time banked for `ts` (comp-time entries whose
// source is "timesheet {id}") to what its current lines earn at time and a
// half under the cap, as of `on`. On approval that posts the whole earning (an
// accrual); after Payroll applies a correction (POL-8) that changed elected
// overtime, the difference, positive or negative, as an adjustment whose
// reason starts with `why`. Nothing is posted when they already agree;
// nullopt when the timesheet elects no comp time and banked none.
Result<std::optional<tr::CompEarning>> settle_comp_time(storage::Transaction& tx,
                                                        const org::OrgSnapshot& org,
                                                        const TimeoffContext& cal,
                                                        const tr::Timesheet& ts, Date on,
                                                        const std::string& why);

}  // namespace rollcall::app::records
