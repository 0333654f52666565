// The leave rules of 4.010 as data (ARCHITECTURE.md, habit 4): per bargaining
// unit, which leave types it has and how each is paid and charged, accrual
// rates by seniority with a balance cap, holiday credits, furlough grants, the
// comp-time cap and the 4.010-POL-5 exceptions; plus the request limits and
// the year-end settlement order that apply to everyone.
//
// 4.010-POL-1 defers the numbers to the FLSA, city rules and the collective
// bargaining agreements; the policy fixes only the 36 hours of unearned
// furlough (POL-5) and the year-end deadlines (POL-7). Everything else here is
// configuration: parse it with parse_leave_rules() (leave_rules_toml.h); the
// shipped default (default_leave_rules.h) is a starting point, not an agreement.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/timeoff/leave/leave_type.h"
#include "domain/timeoff/schedule_kind.h"
#include "time/civil_date.h"

namespace rollcall::timeoff::leave {

// Minutes earned each pay period once the employee has at least `min_years`
// full years of service.
struct AccrualTier {
  int min_years = 0;
  Minutes per_pay_period = 0;
};

struct AccrualRule {
  std::vector<AccrualTier> tiers;  // ascending min_years, the first at 0 years
  std::optional<Minutes> cap;      // the balance an accrual may not pass; none: no cap
  // The rate of the highest tier reached with `years` of service (0 if none).
  Minutes rate_for(int years) const;
};

struct LeaveTypeRule {
  LeaveType type = LeaveType::kVacation;
  bool paid = true;
  // False for time the supervisor or another module records rather than the
  // employee requests (AWOL, release time, guild days): submit() refuses it.
  bool requestable = true;
  // The banks this type is charged to, in the order offered; the first is the
  // default. Empty: the type has no balance (jury duty, leave without pay).
  std::vector<LeaveType> draws_from;
  // The employee may take it unpaid instead of charging a bank (family and
  // medical leave).
  bool unpaid_allowed = false;
  // 4.010-PRO-2 note: release time not received in time, or not qualifying,
  // is charged as this type (sick). The records module applies it.
  std::optional<LeaveType> charged_as_if_not_qualifying;
  std::optional<AccrualRule> accrual;  // banks that accrue per pay period
};

struct UnitLeaveRules {
  std::string unit;  // bargaining unit code as on org::Employee: "SPOG", "SPMA", "civilian"
  std::string name;
  std::vector<LeaveTypeRule> types;
  Minutes holiday_credit_minutes = 0;  // credited on each holiday (0: no holiday bank)
  int furlough_grants_per_year = 0;
  Minutes furlough_grant_minutes = 0;  // credited on each furlough grant date
  std::optional<Minutes> comp_time_cap;
  // 4.010-POL-5 exception (a): unearned holiday leave that will be earned by year end.
  bool unearned_holiday = true;
  // 4.010-POL-5 exception (b): unearned furlough up to this much on these schedules.
  Minutes unearned_furlough_limit = 36 * kMinutesPerHour;
  std::vector<ScheduleKind> unearned_furlough_schedules{ScheduleKind::kFourTwo,
                                                        ScheduleKind::kTwentyFour};

  // The rule for `t`, or nullptr if the unit does not have that type.
  const LeaveTypeRule* find(LeaveType t) const;
};

// Limits on requests (4.010-POL-2, PRO-1), for everyone.
struct RequestRules {
  int horizon_days = 365;  // the last day may be at most this many days after today
  int lookback_days = 14;  // the first day may be at most this many days before today
  // PRO-1: "over four consecutive calendar days" takes the captain's path.
  int captain_review_over_days = 4;
  Minutes max_day_minutes = kMinutesPerDay;  // no day of leave is longer than this
};

// 4.010-POL-7 settlement by the Payroll Unit.
struct YearEndRules {
  // Use-it-or-lose-it banks: furlough by the end of the last full pay period
  // in December, holiday by December 31.
  std::vector<LeaveType> use_or_lose{LeaveType::kHoliday, LeaveType::kFurlough};
  // The paid leave a negative holiday or furlough balance is covered from, in
  // order; what is left is a pay adjustment.
  std::vector<LeaveType> cover_order{LeaveType::kVacation, LeaveType::kHoliday,
                                     LeaveType::kCompTime};
};

struct LeaveRules {
  std::vector<UnitLeaveRules> units;
  RequestRules requests;
  YearEndRules year_end;

  // The unit's rules, or nullptr if no unit has that code.
  const UnitLeaveRules* unit(std::string_view code) const;
};

// Full years of service from `hire` to `on` (the anniversary counts); 0 before hire.
int years_of_service(Date hire, Date on);

}  // namespace rollcall::timeoff::leave
