// The people 3.070's procedures name for a step (PRO-1 and PRO-2 alike): the
// Coordinator, or a level of the employee's chain of command. Shared by the
// review and plan state machines so both check roles the same way.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "common/status.h"
#include "domain/access/access.h"
#include "domain/org/org_types.h"

namespace rollcall::pmp {

enum class ChainLevel { kCoordinator, kCaptain, kLieutenant, kSergeant, kBureauChief };

// The role a level needs (the sergeant level: access::Role::kSupervisor).
access::Role role_of(ChainLevel level);

inline bool has_role(const std::vector<access::Role>& roles, access::Role r) {
  return std::find(roles.begin(), roles.end(), r) != roles.end();
}

inline Status permission_denied(std::string message) {
  return {StatusCode::kPermissionDenied, std::move(message)};
}

// The person `doc` (a Review or a Plan: anything with captain, lieutenant,
// sergeant and bureau_chief members) assigns at `level`; 0 for the
// Coordinator level, which any Coordinator may take.
template <typename Doc>
org::EmployeeId assigned_at(const Doc& doc, ChainLevel level) {
  switch (level) {
    case ChainLevel::kCoordinator:
      return 0;
    case ChainLevel::kCaptain:
      return doc.captain;
    case ChainLevel::kLieutenant:
      return doc.lieutenant;
    case ChainLevel::kSergeant:
      return doc.sergeant;
    case ChainLevel::kBureauChief:
      return doc.bureau_chief;
  }
  return 0;
}

}  // namespace rollcall::pmp
