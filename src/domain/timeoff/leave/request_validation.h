// Checking what an employee asks for (4.010-POL-2) before any balance or
// approval question: the type belongs to the unit, the dates make sense, each
// day fits in the shift, nothing overlaps a request already made.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "common/status.h"
#include "domain/timeoff/leave/leave_request.h"
#include "domain/timeoff/leave/leave_rules.h"

namespace rollcall::timeoff::leave {

// What the employee fills in (the Request for Authorized Absence, form 2.23,
// for long absences).
struct RequestDraft {
  LeaveType type = LeaveType::kVacation;
  // The bank to charge; nullopt: the type's default (its first draws_from).
  std::optional<LeaveType> charge;
  bool unpaid = false;  // take it unpaid (only types with unpaid_allowed)
  Date first;
  Date last;
  // The days and minutes; empty: every scheduled day in [first, last], whole
  // (WorkSchedule::whole_days).
  std::vector<LeaveDay> days;
  std::string note;
};

// Checks a draft against the unit's rules, the limits, the employee's schedule
// and their other requests (`others`: any state; only live ones matter; the
// request `self_id` is ignored). Returns the days to request (filled in when
// the draft gave none), or INVALID_ARGUMENT naming the field and why, first
// problem found, in this order:
//   type        not a leave type of the unit; or not requestable (recorded
//               by the supervisor or another module: AWOL, release time,
//               guild days)
//   unpaid      the type may not be taken unpaid
//   charge      not one of the banks the type draws from
//   last        before first
//   first/last  more than lookback_days before today / horizon_days after it
//   days        none scheduled in the range; a day outside [first, last] or
//               repeated; minutes not positive, over max_day_minutes (24 h)
//               or over the minutes scheduled that day (a day off has none)
//   days        a day already in a live request (named by id and state)
Result<std::vector<LeaveDay>> validate_draft(const RequestDraft& draft, const UnitLeaveRules& unit,
                                             const RequestRules& limits,
                                             const WorkSchedule& schedule,
                                             std::span<const LeaveRequest> others,
                                             std::int64_t self_id, Date today);

// The bank a valid draft charges: nullopt when unpaid or the type has no bank.
std::optional<LeaveType> charge_of(const RequestDraft& draft, const LeaveTypeRule& rule);

}  // namespace rollcall::timeoff::leave
