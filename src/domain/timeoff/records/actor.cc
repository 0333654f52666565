#include "domain/timeoff/records/actor.h"

#include <algorithm>

namespace rollcall::timeoff::records {

using access::Role;

bool holds(const Actor& a, Role r) {
  return std::find(a.roles.begin(), a.roles.end(), r) != a.roles.end();
}

bool supervises(const Actor& a, org::EmployeeId subject) {
  if (a.employee == subject || !a.in_chain) return false;
  for (Role r : {Role::kSupervisor, Role::kLieutenant, Role::kCaptain, Role::kBureauChief,
                 Role::kChiefOfPolice}) {
    if (holds(a, r)) return true;
  }
  return false;
}

bool is_chain_role(const Actor& a, Role r, org::EmployeeId subject) {
  return a.employee != subject && a.in_chain && holds(a, r);
}

Status denied(const Actor& a, const std::string& message) {
  return {StatusCode::kPermissionDenied,
          message + "; employee " + std::to_string(a.employee) + " may not"};
}

}  // namespace rollcall::timeoff::records
