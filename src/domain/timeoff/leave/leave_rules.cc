#include "domain/timeoff/leave/leave_rules.h"

namespace rollcall::timeoff::leave {

Minutes AccrualRule::rate_for(int years) const {
  Minutes rate = 0;
  for (const AccrualTier& t : tiers) {
    if (t.min_years <= years) rate = t.per_pay_period;
  }
  return rate;
}

const LeaveTypeRule* UnitLeaveRules::find(LeaveType t) const {
  for (const LeaveTypeRule& r : types) {
    if (r.type == t) return &r;
  }
  return nullptr;
}

const UnitLeaveRules* LeaveRules::unit(std::string_view code) const {
  for (const UnitLeaveRules& u : units) {
    if (u.unit == code) return &u;
  }
  return nullptr;
}

int years_of_service(Date hire, Date on) {
  if (on < hire) return 0;
  int years = on.year() - hire.year();
  if (on.month() < hire.month() || (on.month() == hire.month() && on.day() < hire.day())) --years;
  return years < 0 ? 0 : years;
}

}  // namespace rollcall::timeoff::leave
