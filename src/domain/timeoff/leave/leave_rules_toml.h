// Reading LeaveRules from TOML text. Pure: the caller reads the file (or uses
// default_leave_rules_toml()) and passes the text. toml++ stays inside the .cc.
//
// Shape (every key optional unless said; defaults as in leave_rules.h):
//   [requests]  horizon_days, lookback_days, captain_review_over_days, max_day_minutes
//   [year_end]  use_or_lose = ["holiday", "furlough"], cover_order = ["vacation", …]
//   [units.CODE]                      one table per bargaining unit (at least one)
//     name, holiday_credit_minutes, furlough_grants_per_year, furlough_grant_minutes,
//     comp_time_cap_minutes, unearned_holiday, unearned_furlough_minutes,
//     unearned_furlough_schedules = ["4-2", "24-hour"]
//   [units.CODE.types.TYPE]           one table per leave type the unit has (at least one)
//     paid, requestable, draws_from = ["sick", "vacation"], unpaid_allowed,
//     charged_as_if_not_qualifying = "sick", accrual_cap_minutes,
//     accrual = [{ years = 0, minutes = 222 }, …]
// Defaults per type: a bank draws from itself, other types from nothing;
// without-pay and awol are unpaid; awol, release-time and guild-day are not
// requestable (recorded by the supervisor or the records module).
#pragma once

#include <string_view>

#include "common/status.h"
#include "domain/timeoff/leave/leave_rules.h"

namespace rollcall::timeoff::leave {

// Returns the rules, or INVALID_ARGUMENT listing every problem, one per line,
// as "SOURCE:LINE:COLUMN: KEY: why" (e.g. "leave.toml:12:1:
// units.SPOG.types.vacation.accrual[1].years: tiers must ascend, 5 is not
// after 5"): TOML syntax, unknown keys, unknown leave types or schedules, a
// balance that is not a bank or not a type of the unit, negative minutes,
// tiers not starting at 0 years or not ascending, a unit without types.
Result<LeaveRules> parse_leave_rules(std::string_view text, std::string_view source = "leave.toml");

}  // namespace rollcall::timeoff::leave
