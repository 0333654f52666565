// The electronic timesheet (4.010-POL-4) and its approval by the
// sergeant/supervisor by noon on the Wednesday following the end of the pay
// period (4.010-POL-3), as a pure state machine.
//
// One timesheet per employee per pay period. The employee (or a supervisor on
// their behalf, as TeleStaff and Kronos allow when the employee is away)
// records lines and submits; a sergeant/supervisor in the employee's chain
// approves or returns it. Each submission freezes a version of the lines;
// Payroll's corrections (POL-8, corrections.h) add versions; a version is
// never overwritten. The approval deadline is data: the calendar computes the
// Wednesday-noon Instant and passes it in PayPeriodRef.
//
// Every function returns a new Timesheet (the input is not modified) or, in
// this order:
//   PERMISSION_DENIED   the actor may not take the step;
//   FAILED_PRECONDITION the timesheet is not in a state the step follows;
//   INVALID_ARGUMENT    the content breaks a rule (said per function).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/status.h"
#include "domain/org/org_types.h"
#include "domain/timeoff/records/actor.h"
#include "domain/timeoff/records/time_code.h"
#include "time/civil_date.h"

namespace rollcall::timeoff::records {

enum class TimesheetState {
  kOpen,       // "open"       being filled in
  kSubmitted,  // "submitted"  waiting for the sergeant/supervisor
  kReturned,   // "returned"   sent back to the employee for changes
  kApproved,   // "approved"   approved (late or not); only Payroll corrections follow
};
std::string_view to_string(TimesheetState s);
std::optional<TimesheetState> parse_timesheet_state(std::string_view s);

// The pay period as the calendar module gives it: first and last day
// (inclusive) and the approval deadline (noon on the following Wednesday, in
// the agency's zone, as a UTC Instant).
struct PayPeriodRef {
  Date first;
  Date last;
  Instant approval_due;
  bool contains(Date d) const { return first <= d && d <= last; }
};

// One frozen set of lines: a submission or a Payroll correction.
struct TimesheetVersion {
  int number = 0;  // 1, 2, …
  std::vector<TimesheetLine> lines;
  org::EmployeeId by = 0;
  Instant at;
  std::string reason;                      // "submitted", or the correction's reason
  std::optional<std::int64_t> correction;  // the correction applied, if any (POL-8)
};

struct TimesheetEvent {
  std::string what;  // "open", "record", "submit", "approve", "return", "correct"
  org::EmployeeId actor = 0;
  Instant at;
  TimesheetState from = TimesheetState::kOpen;
  TimesheetState to = TimesheetState::kOpen;
  std::string comments;
};

struct Timesheet {
  std::int64_t id = 0;
  org::EmployeeId employee = 0;
  PayPeriodRef period;
  TimesheetState state = TimesheetState::kOpen;
  std::vector<TimesheetLine> draft;        // editable while open or returned
  std::vector<TimesheetVersion> versions;  // frozen, in order; never overwritten
  std::optional<Instant> submitted_at;     // the latest submission
  std::optional<Instant> approved_at;
  org::EmployeeId approved_by = 0;
  bool approved_late = false;  // approved after period.approval_due (POL-3)
  std::vector<TimesheetEvent> history;

  // The lines in force: the latest version, or the draft before any submission.
  const std::vector<TimesheetLine>& current_lines() const;
};

// Opens the timesheet of `employee` for `period`.
// ALREADY_EXISTS if `existing` holds one for the same employee and period
// (first day); INVALID_ARGUMENT if period.last < period.first or employee is 0.
Result<Timesheet> open_timesheet(std::int64_t id, org::EmployeeId employee, PayPeriodRef period,
                                 const std::vector<Timesheet>& existing, Instant at);

// Checks one line against the timesheet's period: INVALID_ARGUMENT if the date
// is outside the period, minutes are not in 1..1440, a leave line has no
// leave type or another line has one. OK otherwise.
Status check_line(const PayPeriodRef& period, const TimesheetLine& line);

// Adds a line to the draft. PERMISSION_DENIED unless the actor is the employee
// or supervises them; AWOL lines only by a supervisor (POL-9).
// FAILED_PRECONDITION unless open or returned. INVALID_ARGUMENT per
// check_line, or if the day's lines would exceed 1440 minutes.
Result<Timesheet> record_line(const Timesheet& ts, const TimesheetLine& line, const Actor& actor,
                              Instant at);

// Submits the draft as a new version. PERMISSION_DENIED unless the employee or
// a supervisor of theirs; FAILED_PRECONDITION unless open or returned;
// INVALID_ARGUMENT if the draft has no lines.
Result<Timesheet> submit(const Timesheet& ts, const Actor& actor, Instant at);

// Approves (POL-3). PERMISSION_DENIED unless the actor supervises the employee
// (never the employee); FAILED_PRECONDITION unless submitted. Sets
// approved_late when `at` is after period.approval_due (noon exactly is on time).
Result<Timesheet> approve(const Timesheet& ts, const Actor& actor, Instant at);

// Returns it to the employee for changes. Same permission and state as
// approve(); INVALID_ARGUMENT without comments.
Result<Timesheet> return_timesheet(const Timesheet& ts, const Actor& actor, Instant at,
                                   std::string comments);

// Overdue (POL-3): not approved and `as_of` is after the approval deadline.
bool overdue(const Timesheet& ts, Instant as_of);

struct OverdueEntry {
  std::int64_t timesheet = 0;
  org::EmployeeId employee = 0;
  Date period_first;
  Instant due;
  TimesheetState state = TimesheetState::kOpen;
};
// Every overdue timesheet as of `as_of` (Payroll's list), oldest deadline
// first, then by employee.
std::vector<OverdueEntry> overdue_list(const std::vector<Timesheet>& sheets, Instant as_of);
// The same, limited to `squad` (the supervisor's employees, e.g. from
// OrgSnapshot::squad_of on the day).
std::vector<OverdueEntry> overdue_list_for(const std::vector<Timesheet>& sheets,
                                           const std::vector<org::EmployeeId>& squad,
                                           Instant as_of);
// Timesheets approved after their deadline, for Payroll's report.
std::vector<std::int64_t> late_approvals(const std::vector<Timesheet>& sheets);

// Payroll's new version (POL-8); used by corrections.h. PERMISSION_DENIED
// unless the actor holds the payroll role; FAILED_PRECONDITION while open
// (never submitted) or returned; INVALID_ARGUMENT per check_line.
Result<Timesheet> add_corrected_version(const Timesheet& ts, std::vector<TimesheetLine> lines,
                                        const Actor& actor, Instant at, std::int64_t correction,
                                        std::string reason);

}  // namespace rollcall::timeoff::records
