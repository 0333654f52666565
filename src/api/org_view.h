// The organisation as the API reads it: one immutable snapshot shared by every
// request until the data changes (api_state.h decides when).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "domain/org/org_snapshot.h"

namespace rollcall::api {

struct OrgView {
  explicit OrgView(org::OrgData data) : snapshot(std::move(data)) {}
  org::OrgSnapshot snapshot;

  const org::OrgSnapshot& org() const { return snapshot; }
  // The unit an employee works in on `day` (their led unit for supervisors).
  std::optional<org::UnitId> home_unit(org::EmployeeId e, Date day) const;
  // The nearest precinct or section at or above `unit` (nullopt above them).
  std::optional<org::UnitId> precinct_of(org::UnitId unit) const;
  // Is `unit` at or below `ancestor`?
  bool within(org::UnitId unit, org::UnitId ancestor) const;
  std::string full_name(org::EmployeeId e) const;  // "Last, First"
};

}  // namespace rollcall::api
