// Timekeeping corrections (4.010-POL-8) as a pure state machine.
//
// A sergeant/supervisor asks the Payroll supervisor to correct a submitted
// timesheet for one day in question. The request is on time through the 45th
// day after the day in question (the day itself is day 0: a request on day 45
// goes to Payroll, on day 46 it does not). For an employee on extended absence
// the window runs until 45 days after their return to work. Beyond the window
// the request becomes an exception: it goes through the chain of command to
// the bureau chief with an explanation, and reaches Payroll only if the bureau
// chief grants it. Payroll approves or refuses, then applies an approved
// correction as a new timesheet version (the old versions stay).
//
//   request ─┬─ on time ──────────────────────────→ with-payroll
//            └─ late ─→ with-bureau-chief ─ grant ─→ with-payroll
//                                         └ refuse → refused
//   with-payroll ─ approve → approved ─ apply → applied
//                └ refuse  → refused
//
// "The Payroll supervisor" is whoever holds the payroll role (access has no
// separate payroll-supervisor role); a Payroll member never decides a
// correction of their own timesheet. Corrections may be asked while the
// timesheet is submitted or approved, and replace the lines of the day in
// question only (Kronos's "historical edit" of one day).
//
// Errors, in this order: PERMISSION_DENIED (wrong role or person),
// FAILED_PRECONDITION (wrong state), INVALID_ARGUMENT (content), as said per
// function. Functions never modify their inputs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/status.h"
#include "domain/timeoff/records/actor.h"
#include "domain/timeoff/records/routing.h"
#include "domain/timeoff/records/timesheet.h"
#include "time/civil_date.h"

namespace rollcall::timeoff::records {

// The window is data (policy: 45 days).
struct CorrectionWindow {
  int days = 45;
};

// An extended absence as the org records show it: the first day away and the
// first day back at work (nullopt while still away).
struct ExtendedAbsence {
  Date started;
  std::optional<Date> returned;
};

// The last day a request for `day` goes straight to Payroll. The absence
// extends the window when it began no later than the window's normal last day
// and the employee had not returned by `day`: then the window ends `days`
// after the return (or the later of the two), and while the employee is still
// away there is no last day yet (nullopt).
std::optional<Date> correction_deadline(Date day, const std::optional<ExtendedAbsence>& absence,
                                        const CorrectionWindow& window);

enum class CorrectionState {
  kWithBureauChief,  // "with-bureau-chief"  an exception on its way to / with the bureau chief
  kWithPayroll,      // "with-payroll"       waiting for the Payroll supervisor
  kApproved,         // "approved"           Payroll approved; to be applied
  kApplied,          // "applied"            a new timesheet version holds it. Final.
  kRefused,          // "refused"            by the bureau chief or Payroll. Final.
};
std::string_view to_string(CorrectionState s);
std::optional<CorrectionState> parse_correction_state(std::string_view s);

struct CorrectionEvent {
  std::string what;  // "request", "forward", "grant", "refuse", "approve", "apply"
  org::EmployeeId actor = 0;
  Instant at;
  CorrectionState to = CorrectionState::kWithPayroll;
  std::string comments;
};

struct Correction {
  std::int64_t id = 0;
  std::int64_t timesheet = 0;
  org::EmployeeId employee = 0;
  Date day;                          // the day in question
  std::vector<TimesheetLine> lines;  // the day's lines as they should be
  std::string reason;                // why; for an exception, the explanation of the need
  org::EmployeeId requested_by = 0;
  Date requested_on;
  std::optional<Date> deadline;  // correction_deadline() when requested
  bool exception = false;        // requested after the deadline
  Routing routing;               // exception: the chain to the bureau chief (empty otherwise)
  CorrectionState state = CorrectionState::kWithPayroll;
  std::optional<int> applied_version;  // the timesheet version it became
  std::vector<CorrectionEvent> history;
};

struct CorrectionInput {
  Date day;
  std::vector<TimesheetLine> lines;
  std::string reason;
  // The chain from the requesting supervisor's next link up to the bureau
  // chief (last); used only for an exception.
  std::vector<Hop> chain_to_bureau_chief;
};

// The supervisor's request, made at `at` on agency date `on`.
// PERMISSION_DENIED unless the actor supervises the timesheet's employee.
// FAILED_PRECONDITION unless the timesheet is submitted or approved.
// INVALID_ARGUMENT if the day is outside the pay period, a line is invalid or
// on another day, the reason is empty, or (exception) the chain is empty.
Result<Correction> request_correction(std::int64_t id, const Timesheet& ts,
                                      const CorrectionInput& input, const Actor& actor, Instant at,
                                      Date on, const std::optional<ExtendedAbsence>& absence,
                                      const CorrectionWindow& window = {});

// A link of the chain forwards the exception to the next one.
// PERMISSION_DENIED unless the actor holds it now; FAILED_PRECONDITION unless
// with-bureau-chief and not yet delivered.
Result<Correction> forward_exception(const Correction& c, const Actor& actor, Instant at);

// The bureau chief grants (→ with-payroll) or refuses (→ refused) the exception.
// PERMISSION_DENIED unless the actor holds the bureau-chief role and is the
// route's last recipient; FAILED_PRECONDITION unless with-bureau-chief and
// delivered; INVALID_ARGUMENT if refusing without comments.
Result<Correction> decide_exception(const Correction& c, const Actor& actor, Instant at, bool grant,
                                    std::string comments);

// The Payroll supervisor approves (→ approved) or refuses (→ refused).
// PERMISSION_DENIED unless payroll (and not the employee); FAILED_PRECONDITION
// unless with-payroll; INVALID_ARGUMENT if refusing without comments.
Result<Correction> payroll_decide(const Correction& c, const Actor& actor, Instant at, bool approve,
                                  std::string comments);

struct AppliedCorrection {
  Correction correction;
  Timesheet timesheet;  // with a new version: the day's lines replaced
};
// Payroll applies an approved correction. PERMISSION_DENIED unless payroll;
// FAILED_PRECONDITION unless approved (or the timesheet cannot take a
// version); INVALID_ARGUMENT if `ts` is not the correction's timesheet.
Result<AppliedCorrection> apply_correction(const Correction& c, const Timesheet& ts,
                                           const Actor& actor, Instant at);

}  // namespace rollcall::timeoff::records
