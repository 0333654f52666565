// What an employee may still use (ARCHITECTURE.md: pending requests reduce the
// available balance) and the balance rule of 4.010-POL-5 / POL-6 with its two
// exceptions.
#pragma once

#include <span>
#include <vector>

#include "common/status.h"
#include "domain/timeoff/leave/leave_request.h"
#include "domain/timeoff/leave/leave_rules.h"
#include "domain/timeoff/leave/ledger.h"
#include "domain/timeoff/schedule_kind.h"

namespace rollcall::timeoff::leave {

// Credits the calendar has scheduled but not yet posted: the holidays (each
// credits unit.holiday_credit_minutes) and furlough grant dates (each grants
// unit.furlough_grant_minutes). Only dates after `today` count.
struct UpcomingCredits {
  std::vector<Date> holidays;
  std::vector<Date> furlough_grants;
};

// Minutes of live requests not yet recorded (is_pending) charged to `bank`;
// the request `excluding` is left out (0: none).
Minutes pending_minutes(std::span<const LeaveRequest> requests, LeaveType bank,
                        std::int64_t excluding = 0);

// balance(bank, today) + committed_after(bank, today) − pending_minutes:
// what is left once posted future usage and pending requests are counted.
Minutes available(std::span<const LedgerEntry> ledger, std::span<const LeaveRequest> requests,
                  LeaveType bank, Date today, std::int64_t excluding = 0);

// How far below zero the POL-5 exceptions let `bank` go for leave ending in
// the year of `last`: (a) holiday: the credits of holidays in (today, Dec 31]
// if unit.unearned_holiday; (b) furlough, on the unit's
// unearned_furlough_schedules (4-2, 24-hour): the grants in (today, Dec 31],
// at most unit.unearned_furlough_limit (36 h). 0 otherwise.
Minutes unearned_allowance(const UnitLeaveRules& unit, ScheduleKind schedule, LeaveType bank,
                           const UpcomingCredits& upcoming, Date today, Date last);

// 4.010-POL-5 (on request) and POL-6 (re-verified when the sergeant approves):
// OK when `request` charges no bank or its minutes fit in available() plus
// unearned_allowance(); the request itself is excluded from the pending ones.
// FAILED_PRECONDITION otherwise, naming the clause, the bank, the minutes
// requested, available and allowed unearned.
Status check_balance(const LeaveRequest& request, const UnitLeaveRules& unit, ScheduleKind schedule,
                     std::span<const LedgerEntry> ledger, std::span<const LeaveRequest> requests,
                     const UpcomingCredits& upcoming, Date today, std::string_view clause);

}  // namespace rollcall::timeoff::leave
