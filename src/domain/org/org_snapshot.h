// OrgSnapshot: an immutable, indexed view of OrgData that answers the
// organisation's questions for any date D in one call:
//   - chain_of(X, D): X's sergeant, lieutenant, section captain and bureau chief;
//   - squad_of(S, D): who was in the unit(s) S supervised on D;
//   - in_chain_of(S, X, D): is S in X's chain of command on D (permission scope).
//
// Rules (see docs/adr/0002-organisation-model.md):
//   - An employee's place on D is their supervisor assignment on D if they hold
//     one (the highest such unit), else their member assignment on D.
//   - A unit's supervisor on D is its acting holder if one covers D, else its
//     permanent holder; no holder means the position is vacant on D.
//   - The chain walks from the employee's unit (or, for a supervisor, the parent
//     of the unit they lead) up to the root, one link per unit.
// The snapshot keeps a copy of the data; it is cheap to share by const&.
#pragma once

#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/status.h"
#include "domain/org/org_types.h"

namespace rollcall::org {

struct PositionHolder {
  EmployeeId employee = 0;
  bool acting = false;
};

struct ChainLink {
  UnitId unit = 0;
  UnitKind kind = UnitKind::kUnit;
  std::optional<PositionHolder> holder;  // nullopt: the position is vacant on that day
  std::string_view title() const { return supervisor_title(kind); }
};

struct ChainOfCommand {
  EmployeeId employee = 0;
  Date on;
  UnitId home_unit = 0;          // the unit the employee works in (or leads) on `on`
  std::vector<ChainLink> links;  // nearest first, up to the root

  // The link at each level named by the policies; nullopt when the employee's
  // chain has no unit at that level (e.g. a lieutenant has no sergeant).
  std::optional<ChainLink> sergeant() const;      // squad or unit
  std::optional<ChainLink> lieutenant() const;    // watch
  std::optional<ChainLink> captain() const;       // precinct or section
  std::optional<ChainLink> bureau_chief() const;  // bureau
  // The nearest link whose position is filled: who supervises the employee that
  // day when the first-line position is vacant.
  std::optional<PositionHolder> immediate_supervisor() const;
};

class OrgSnapshot {
 public:
  explicit OrgSnapshot(OrgData data);

  const OrgData& data() const { return data_; }
  const Unit* unit(UnitId id) const;
  const Unit* unit_by_code(std::string_view code) const;
  const Employee* employee(EmployeeId id) const;
  const Employee* employee_by_serial(std::string_view serial) const;
  std::vector<UnitId> children(UnitId id) const;

  // The member assignment covering D, if any.
  std::optional<Assignment> member_assignment_on(EmployeeId e, Date d) const;
  // Units whose supervisory position e holds (acting or permanent) on D.
  std::vector<UnitId> units_led_on(EmployeeId e, Date d) const;
  // Who holds unit u's supervisory position on D (acting before permanent).
  std::optional<PositionHolder> holder_on(UnitId u, Date d) const;

  // NOT_FOUND for an unknown employee; FAILED_PRECONDITION when the employee
  // has no assignment on D (not yet hired, separated, or a gap).
  Result<ChainOfCommand> chain_of(EmployeeId e, Date d) const;

  // Members (not the leader) of every unit whose position `supervisor` is the
  // effective holder of on D; empty if they lead nothing that day. Sorted by id.
  std::vector<EmployeeId> squad_of(EmployeeId supervisor, Date d) const;
  // Members of unit u on D; with `descendants`, of its whole subtree. Sorted.
  std::vector<EmployeeId> members_of(UnitId u, Date d, bool descendants) const;
  // True if `supervisor` is the effective holder of any link in e's chain on D.
  bool in_chain_of(EmployeeId supervisor, EmployeeId e, Date d) const;

  // Status on D: nullopt before hire; "active" unless a status period covers D.
  std::optional<EmployeeStatus> status_on(EmployeeId e, Date d) const;
  std::vector<SpecialRole> roles_on(EmployeeId e, Date d) const;

 private:
  OrgData data_;
  std::unordered_map<UnitId, std::size_t> unit_index_;
  std::unordered_map<std::string_view, std::size_t> unit_code_index_;
  std::unordered_map<EmployeeId, std::size_t> employee_index_;
  std::unordered_map<std::string_view, std::size_t> serial_index_;
  std::unordered_map<UnitId, std::vector<UnitId>> children_;
  std::unordered_map<EmployeeId, std::vector<std::size_t>> assignments_by_employee_;
  std::unordered_map<UnitId, std::vector<std::size_t>> leaders_by_unit_;
  std::unordered_map<UnitId, std::vector<std::size_t>> members_by_unit_;
};

// Depth of a unit kind in the tree: department 0, bureau 1, precinct/section 2,
// watch 3, squad/unit 4.
int level_of(UnitKind kind);

}  // namespace rollcall::org
