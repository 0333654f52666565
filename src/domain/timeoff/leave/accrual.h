// Earning leave: accruals per pay period by seniority tier up to a cap, holiday
// credits on holidays, furlough grants on grant dates. The calendars (pay
// periods, holidays, grant dates) are another module's: they come in as plain
// dates so the app layer can wire them. All functions are pure and return new
// ledger entries for the caller to store; they never change `existing`.
#pragma once

#include <span>
#include <vector>

#include "common/status.h"
#include "domain/org/org_types.h"
#include "domain/timeoff/leave/leave_rules.h"
#include "domain/timeoff/leave/ledger.h"

namespace rollcall::timeoff::leave {

// What one pay period earned in one bank, and what the cap took away.
struct AccrualPosting {
  Date period_end;
  LeaveType bank = LeaveType::kVacation;
  int years_of_service = 0;
  Minutes earned = 0;          // the tier's rate
  Minutes posted = 0;          // what the ledger receives (earned - reduced_by_cap)
  Minutes reduced_by_cap = 0;  // > 0 when the balance would have passed the cap
  friend bool operator==(const AccrualPosting&, const AccrualPosting&) = default;
};

struct AccrualRun {
  std::vector<LedgerEntry> entries;      // one kAccrual entry per posting with posted > 0
  std::vector<AccrualPosting> postings;  // every period × accruing bank, reductions visible
};

// Accrues every bank of `unit` that has an AccrualRule, for each pay period
// ending on `period_ends` (dated on the period's end). Seniority is full years
// from `hire_date` to the period end; periods ending before the hire date earn
// nothing. The cap applies to the balance on the period end (existing entries
// and earlier accruals of this run): an accrual that would pass it is reduced
// to reach it exactly (never below zero) and the reduction is shown in the
// posting and the entry's reason. A period already accrued (an existing
// kAccrual entry of that bank with source "pay-period DATE") is skipped, so a
// re-run posts nothing twice.
// INVALID_ARGUMENT if `period_ends` is not strictly ascending.
Result<AccrualRun> generate_accruals(const UnitLeaveRules& unit, org::EmployeeId employee,
                                     Date hire_date, std::span<const Date> period_ends,
                                     std::span<const LedgerEntry> existing);

// kHolidayCredit entries of unit.holiday_credit_minutes, dated on each holiday
// (source "holiday DATE"); holidays already credited are skipped; none when the
// unit credits 0 minutes.
std::vector<LedgerEntry> holiday_credits(const UnitLeaveRules& unit, org::EmployeeId employee,
                                         std::span<const Date> holidays,
                                         std::span<const LedgerEntry> existing);

// kFurloughGrant entries of unit.furlough_grant_minutes, dated on each grant
// date (source "furlough-grant DATE"); dates already granted are skipped.
// INVALID_ARGUMENT if a calendar year would hold more grants than
// unit.furlough_grants_per_year.
Result<std::vector<LedgerEntry>> furlough_grants(const UnitLeaveRules& unit,
                                                 org::EmployeeId employee,
                                                 std::span<const Date> grant_dates,
                                                 std::span<const LedgerEntry> existing);

// 4.010-POL-10: how much more comp time the employee may earn on `on` under
// the unit's cap (never negative); nullopt when the unit has no cap.
std::optional<Minutes> comp_time_room(const UnitLeaveRules& unit,
                                      std::span<const LedgerEntry> entries, Date on);

}  // namespace rollcall::timeoff::leave
