#include "app/timeoff/records/records_org.h"

#include <algorithm>
#include <string>

#include "domain/timeoff/records/chain_route.h"

namespace rollcall::app::records {

Result<tr::PayPeriodRef> pay_period_ref(const TimeoffContext& cal, Date day) {
  const PayPeriod p = cal.pay_periods().containing(day);
  RC_ASSIGN_OR_RETURN(Instant due, cal.timesheet_deadline(p));
  return tr::PayPeriodRef{p.start, p.end, due};
}

tr::FlsaPeriodRef flsa_period_ref(const TimeoffContext& cal, const org::Employee& e, Date day) {
  const FlsaWorkPeriod w = cal.flsa_for(e).containing(day);
  return tr::FlsaPeriodRef{w.start, w.end, w.max_minutes()};
}

Result<std::vector<tr::Hop>> chain_to_bureau_chief(const org::OrgSnapshot& org,
                                                   org::EmployeeId subject, org::EmployeeId sender,
                                                   Date on) {
  RC_ASSIGN_OR_RETURN(org::ChainOfCommand chain, org.chain_of(subject, on));
  return tr::route_up_chain(chain, sender, tr::ChainTop::kBureauChief);
}

Result<org::EmployeeId> holder_of(const org::OrgSnapshot& org, access::Role role, Date on,
                                  org::EmployeeId except) {
  std::vector<org::EmployeeId> ids;
  for (const org::RoleGrant& g : org.data().roles) {
    if (g.span.contains(on) && g.employee != except) ids.push_back(g.employee);
  }
  std::sort(ids.begin(), ids.end());
  for (org::EmployeeId id : ids) {
    const auto roles = access::roles_on(org, id, on);
    if (std::find(roles.begin(), roles.end(), role) != roles.end()) return id;
  }
  return failed_precondition("nobody holds the " + std::string(access::to_string(role)) +
                             " role on " + on.to_string());
}

std::optional<tr::ExtendedAbsence> extended_absence_around(const org::OrgSnapshot& org,
                                                           org::EmployeeId e, Date day,
                                                           int window_days) {
  for (const org::StatusPeriod& s : org.data().statuses) {
    if (s.employee != e || s.status != org::EmployeeStatus::kExtendedAbsence) continue;
    const bool covers = s.span.contains(day);
    const bool begins_within = day < s.span.start && s.span.start <= day.plus_days(window_days);
    if (covers || begins_within) return tr::ExtendedAbsence{s.span.start, s.span.end_exclusive};
  }
  return std::nullopt;
}

}  // namespace rollcall::app::records
