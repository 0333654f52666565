#include "domain/timeoff/leave/default_leave_rules.h"

namespace rollcall::timeoff::leave {

std::string_view default_leave_rules_toml() {
  static constexpr std::string_view kText = R"toml(
# rollcall default leave rules: a STARTING POINT, not any bargaining agreement.
# Replace the rates and caps with those of the SPOG, SPMA and civilian
# agreements and the City Personnel Rules (4.010-POL-1). All amounts in minutes.
# Accruals are per pay period (26 a year): 222 min ~ 96 h a year, 277 ~ 120 h,
# 332 ~ 144 h, 388 ~ 168 h, 443 ~ 192 h.
# Comp-time caps stay under the FLSA ceiling for public agencies
# (29 U.S.C. 207(o)(3)(A): 480 h for public safety work, 240 h for other work).

[requests]
horizon_days = 365              # a request may reach a year ahead
lookback_days = 14              # and one pay period back (late call-ins, corrections go to POL-8)
captain_review_over_days = 4    # 4.010-POL-2, PRO-1: over four consecutive calendar days
max_day_minutes = 1440

[year_end]                      # 4.010-POL-7
use_or_lose = ["holiday", "furlough"]
cover_order = ["vacation", "holiday", "comp-time"]

[units.SPOG]
name = "Seattle Police Officers' Guild (officers and sergeants)"
holiday_credit_minutes = 600            # one 10-hour shift per holiday
furlough_grants_per_year = 4
furlough_grant_minutes = 600
comp_time_cap_minutes = 28800           # 480 h
unearned_holiday = true                 # 4.010-POL-5 exception
unearned_furlough_minutes = 2160        # 4.010-POL-5: up to 36 hours
unearned_furlough_schedules = ["4-2", "24-hour"]

[units.SPOG.types.vacation]
accrual = [{ years = 0, minutes = 222 }, { years = 5, minutes = 277 },
           { years = 10, minutes = 332 }, { years = 15, minutes = 388 },
           { years = 20, minutes = 443 }]
accrual_cap_minutes = 28800
[units.SPOG.types.sick]
accrual = [{ years = 0, minutes = 222 }]
[units.SPOG.types.holiday]
[units.SPOG.types.furlough]
[units.SPOG.types.delayed-furlough]
[units.SPOG.types.comp-time]
[units.SPOG.types.release-time]
charged_as_if_not_qualifying = "sick"   # 4.010-PRO-2 note
[units.SPOG.types.family-medical]
draws_from = ["sick", "vacation"]
unpaid_allowed = true
[units.SPOG.types.military]
[units.SPOG.types.jury-duty]
[units.SPOG.types.funeral]
[units.SPOG.types.dv-sa-stalking]
draws_from = ["sick", "vacation"]
unpaid_allowed = true
[units.SPOG.types.without-pay]
[units.SPOG.types.guild-day]            # 4.010-POL-14: SPOG members only
[units.SPOG.types.awol]                 # 4.010-POL-9: recorded, never requested

[units.SPMA]
name = "Seattle Police Management Association (lieutenants and captains)"
holiday_credit_minutes = 480
furlough_grants_per_year = 4
furlough_grant_minutes = 480
comp_time_cap_minutes = 14400           # 240 h
unearned_holiday = true
unearned_furlough_minutes = 2160
unearned_furlough_schedules = ["4-2", "24-hour"]

[units.SPMA.types.vacation]
accrual = [{ years = 0, minutes = 277 }, { years = 10, minutes = 332 },
           { years = 15, minutes = 388 }, { years = 20, minutes = 443 }]
accrual_cap_minutes = 28800
[units.SPMA.types.sick]
accrual = [{ years = 0, minutes = 222 }]
[units.SPMA.types.holiday]
[units.SPMA.types.furlough]
[units.SPMA.types.delayed-furlough]
[units.SPMA.types.comp-time]
[units.SPMA.types.release-time]
charged_as_if_not_qualifying = "sick"
[units.SPMA.types.family-medical]
draws_from = ["sick", "vacation"]
unpaid_allowed = true
[units.SPMA.types.military]
[units.SPMA.types.jury-duty]
[units.SPMA.types.funeral]
[units.SPMA.types.dv-sa-stalking]
draws_from = ["sick", "vacation"]
unpaid_allowed = true
[units.SPMA.types.without-pay]
[units.SPMA.types.awol]

[units.civilian]
name = "Non-sworn employees (City Personnel Rules and civilian agreements)"
holiday_credit_minutes = 480
comp_time_cap_minutes = 14400           # 240 h
unearned_holiday = true
unearned_furlough_minutes = 0           # no furloughs
unearned_furlough_schedules = []

[units.civilian.types.vacation]
accrual = [{ years = 0, minutes = 222 }, { years = 5, minutes = 277 },
           { years = 10, minutes = 332 }, { years = 15, minutes = 388 },
           { years = 20, minutes = 443 }]
accrual_cap_minutes = 28800
[units.civilian.types.sick]
accrual = [{ years = 0, minutes = 222 }]
[units.civilian.types.holiday]
[units.civilian.types.comp-time]
[units.civilian.types.family-medical]
draws_from = ["sick", "vacation"]
unpaid_allowed = true
[units.civilian.types.military]
[units.civilian.types.jury-duty]
[units.civilian.types.funeral]
[units.civilian.types.dv-sa-stalking]
draws_from = ["sick", "vacation"]
unpaid_allowed = true
[units.civilian.types.without-pay]
[units.civilian.types.awol]
)toml";
  return kText;
}

}  // namespace rollcall::timeoff::leave
