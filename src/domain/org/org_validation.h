// Consistency rules for organisation data, checked before anything is stored.
// validate() never stops at the first problem: it returns every one, each
// naming the record (collection + index into OrgData) and field, so an import
// can report file:line:field for all bad rows at once.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "domain/org/org_types.h"

namespace rollcall::org {

enum class Collection { kUnits, kEmployees, kAssignments, kStatuses, kRoles };

struct OrgProblem {
  Collection collection = Collection::kUnits;
  std::size_t index = 0;  // index into the matching OrgData vector
  std::string field;      // column name, e.g. "parent"
  std::string message;    // why, in words a user can act on
};

// Rules:
//  units: unique non-empty code; parent exists; no cycles; a child sits below
//         its parent's level (units may nest within units).
//  employees: unique non-empty serial; names present.
//  assignments: employee and unit exist; end after start; not before hire;
//         one member assignment per employee per day; one permanent and one
//         acting holder per unit per day.
//  statuses, roles: employee exists; end after start; statuses don't overlap.
std::vector<OrgProblem> validate(const OrgData& data);

}  // namespace rollcall::org
