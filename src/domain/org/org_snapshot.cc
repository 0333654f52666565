#include "domain/org/org_snapshot.h"

#include <algorithm>

namespace rollcall::org {

int level_of(UnitKind kind) {
  switch (kind) {
    case UnitKind::kDepartment:
      return 0;
    case UnitKind::kBureau:
      return 1;
    case UnitKind::kPrecinct:
    case UnitKind::kSection:
      return 2;
    case UnitKind::kWatch:
      return 3;
    case UnitKind::kSquad:
    case UnitKind::kUnit:
      return 4;
  }
  return 4;
}

namespace {

std::optional<ChainLink> first_at_level(const std::vector<ChainLink>& links, int level) {
  for (const auto& l : links) {
    if (level_of(l.kind) == level) return l;
  }
  return std::nullopt;
}

}  // namespace

std::optional<ChainLink> ChainOfCommand::sergeant() const { return first_at_level(links, 4); }
std::optional<ChainLink> ChainOfCommand::lieutenant() const { return first_at_level(links, 3); }
std::optional<ChainLink> ChainOfCommand::captain() const { return first_at_level(links, 2); }
std::optional<ChainLink> ChainOfCommand::bureau_chief() const { return first_at_level(links, 1); }

std::optional<PositionHolder> ChainOfCommand::immediate_supervisor() const {
  for (const auto& l : links) {
    if (l.holder) return l.holder;
  }
  return std::nullopt;
}

OrgSnapshot::OrgSnapshot(OrgData data) : data_(std::move(data)) {
  for (std::size_t i = 0; i < data_.units.size(); ++i) {
    const Unit& u = data_.units[i];
    unit_index_[u.id] = i;
    unit_code_index_[u.code] = i;
    if (u.parent) children_[*u.parent].push_back(u.id);
  }
  for (auto& [_, kids] : children_) std::sort(kids.begin(), kids.end());
  for (std::size_t i = 0; i < data_.employees.size(); ++i) {
    employee_index_[data_.employees[i].id] = i;
    serial_index_[data_.employees[i].serial] = i;
  }
  for (std::size_t i = 0; i < data_.assignments.size(); ++i) {
    const Assignment& a = data_.assignments[i];
    assignments_by_employee_[a.employee].push_back(i);
    if (a.role == AssignmentRole::kSupervisor) {
      leaders_by_unit_[a.unit].push_back(i);
    } else {
      members_by_unit_[a.unit].push_back(i);
    }
  }
}

const Unit* OrgSnapshot::unit(UnitId id) const {
  auto it = unit_index_.find(id);
  return it == unit_index_.end() ? nullptr : &data_.units[it->second];
}

const Unit* OrgSnapshot::unit_by_code(std::string_view code) const {
  auto it = unit_code_index_.find(code);
  return it == unit_code_index_.end() ? nullptr : &data_.units[it->second];
}

const Employee* OrgSnapshot::employee(EmployeeId id) const {
  auto it = employee_index_.find(id);
  return it == employee_index_.end() ? nullptr : &data_.employees[it->second];
}

const Employee* OrgSnapshot::employee_by_serial(std::string_view serial) const {
  auto it = serial_index_.find(serial);
  return it == serial_index_.end() ? nullptr : &data_.employees[it->second];
}

std::vector<UnitId> OrgSnapshot::children(UnitId id) const {
  auto it = children_.find(id);
  return it == children_.end() ? std::vector<UnitId>{} : it->second;
}

std::optional<Assignment> OrgSnapshot::member_assignment_on(EmployeeId e, Date d) const {
  auto it = assignments_by_employee_.find(e);
  if (it == assignments_by_employee_.end()) return std::nullopt;
  for (std::size_t i : it->second) {
    const Assignment& a = data_.assignments[i];
    if (a.role == AssignmentRole::kMember && a.span.contains(d)) return a;
  }
  return std::nullopt;
}

std::vector<UnitId> OrgSnapshot::units_led_on(EmployeeId e, Date d) const {
  std::vector<UnitId> out;
  auto it = assignments_by_employee_.find(e);
  if (it == assignments_by_employee_.end()) return out;
  for (std::size_t i : it->second) {
    const Assignment& a = data_.assignments[i];
    if (a.role == AssignmentRole::kSupervisor && a.span.contains(d)) out.push_back(a.unit);
  }
  return out;
}

std::optional<PositionHolder> OrgSnapshot::holder_on(UnitId u, Date d) const {
  auto it = leaders_by_unit_.find(u);
  if (it == leaders_by_unit_.end()) return std::nullopt;
  std::optional<PositionHolder> permanent;
  for (std::size_t i : it->second) {
    const Assignment& a = data_.assignments[i];
    if (!a.span.contains(d)) continue;
    if (a.acting) return PositionHolder{a.employee, true};
    if (!permanent) permanent = PositionHolder{a.employee, false};
  }
  return permanent;
}

Result<ChainOfCommand> OrgSnapshot::chain_of(EmployeeId e, Date d) const {
  const Employee* emp = employee(e);
  if (emp == nullptr) return not_found("employee " + std::to_string(e) + " does not exist");

  // A leader's place is the highest unit they lead that day; their chain starts
  // above it. Everyone else starts at the unit they are a member of.
  std::optional<UnitId> start;
  std::optional<UnitId> home;
  int best_level = 1 << 20;
  for (UnitId led : units_led_on(e, d)) {
    const Unit* u = unit(led);
    if (u != nullptr && level_of(u->kind) < best_level) {
      best_level = level_of(u->kind);
      home = led;
      start = u->parent;
    }
  }
  if (!home) {
    auto m = member_assignment_on(e, d);
    if (!m) {
      return failed_precondition("employee " + emp->serial + " has no assignment on " +
                                 d.to_string());
    }
    home = m->unit;
    start = m->unit;
  }

  ChainOfCommand chain{e, d, *home, {}};
  // Bounded walk: validation rejects cycles, but a snapshot must never hang.
  for (std::size_t guard = 0; start && guard <= data_.units.size(); ++guard) {
    const Unit* u = unit(*start);
    if (u == nullptr) break;
    chain.links.push_back(ChainLink{u->id, u->kind, holder_on(u->id, d)});
    start = u->parent;
  }
  return chain;
}

std::vector<EmployeeId> OrgSnapshot::members_of(UnitId u, Date d, bool descendants) const {
  std::vector<EmployeeId> out;
  std::vector<UnitId> stack{u};
  while (!stack.empty()) {
    const UnitId cur = stack.back();
    stack.pop_back();
    if (auto it = members_by_unit_.find(cur); it != members_by_unit_.end()) {
      for (std::size_t i : it->second) {
        const Assignment& a = data_.assignments[i];
        if (a.span.contains(d)) out.push_back(a.employee);
      }
    }
    if (descendants) {
      for (UnitId c : children(cur)) stack.push_back(c);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<EmployeeId> OrgSnapshot::squad_of(EmployeeId supervisor, Date d) const {
  std::vector<EmployeeId> out;
  for (UnitId u : units_led_on(supervisor, d)) {
    auto h = holder_on(u, d);
    if (!h || h->employee != supervisor) continue;  // an acting holder replaces them that day
    for (EmployeeId m : members_of(u, d, false)) {
      if (m != supervisor) out.push_back(m);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool OrgSnapshot::in_chain_of(EmployeeId supervisor, EmployeeId e, Date d) const {
  auto chain = chain_of(e, d);
  if (!chain) return false;
  return std::any_of(chain->links.begin(), chain->links.end(), [&](const ChainLink& l) {
    return l.holder && l.holder->employee == supervisor;
  });
}

std::optional<EmployeeStatus> OrgSnapshot::status_on(EmployeeId e, Date d) const {
  const Employee* emp = employee(e);
  if (emp == nullptr || d < emp->hire_date) return std::nullopt;
  for (const StatusPeriod& s : data_.statuses) {
    if (s.employee == e && s.span.contains(d)) return s.status;
  }
  return EmployeeStatus::kActive;
}

std::vector<SpecialRole> OrgSnapshot::roles_on(EmployeeId e, Date d) const {
  std::vector<SpecialRole> out;
  for (const RoleGrant& g : data_.roles) {
    if (g.employee == e && g.span.contains(d)) out.push_back(g.role);
  }
  return out;
}

}  // namespace rollcall::org
