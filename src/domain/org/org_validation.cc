#include "domain/org/org_validation.h"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "domain/org/org_snapshot.h"

namespace rollcall::org {
namespace {

std::string span_text(const DateSpan& s) {
  return s.start.to_string() + ".." + (s.end_exclusive ? s.end_exclusive->to_string() : "");
}

void check_span(const DateSpan& s, Collection c, std::size_t i, std::vector<OrgProblem>& out) {
  if (s.end_exclusive && *s.end_exclusive <= s.start) {
    out.push_back(
        {c, i, "end",
         "end " + s.end_exclusive->to_string() + " is not after start " + s.start.to_string()});
  }
}

// Reports, for records grouped by key, every record overlapping an earlier one.
template <typename Key, typename Rows, typename Pred>
void check_no_overlap(const Rows& rows, Collection c, Key key_of, Pred included,
                      const std::string& what, std::vector<OrgProblem>& out) {
  std::map<decltype(key_of(rows[0])), std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (included(rows[i])) groups[key_of(rows[i])].push_back(i);
  }
  for (auto& [_, idx] : groups) {
    std::sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) {
      return rows[a].span.start < rows[b].span.start;
    });
    for (std::size_t k = 1; k < idx.size(); ++k) {
      for (std::size_t j = 0; j < k; ++j) {
        if (rows[idx[j]].span.overlaps(rows[idx[k]].span)) {
          out.push_back({c, idx[k], "start",
                         what + " " + span_text(rows[idx[k]].span) + " overlaps " +
                             span_text(rows[idx[j]].span)});
          break;
        }
      }
    }
  }
}

}  // namespace

std::vector<OrgProblem> validate(const OrgData& data) {
  std::vector<OrgProblem> out;

  std::unordered_map<UnitId, std::size_t> unit_at;
  std::unordered_set<std::string> codes;
  for (std::size_t i = 0; i < data.units.size(); ++i) {
    const Unit& u = data.units[i];
    unit_at[u.id] = i;
    if (u.code.empty())
      out.push_back({Collection::kUnits, i, "code", "unit code is empty"});
    else if (!codes.insert(u.code).second)
      out.push_back({Collection::kUnits, i, "code", "duplicate unit code '" + u.code + "'"});
  }
  for (std::size_t i = 0; i < data.units.size(); ++i) {
    const Unit& u = data.units[i];
    if (!u.parent) continue;
    auto p = unit_at.find(*u.parent);
    if (p == unit_at.end()) {
      out.push_back({Collection::kUnits, i, "parent", "parent unit does not exist"});
      continue;
    }
    const Unit& parent = data.units[p->second];
    const bool unit_in_unit = level_of(u.kind) == 4 && parent.kind == UnitKind::kUnit;
    if (level_of(u.kind) <= level_of(parent.kind) && !unit_in_unit) {
      out.push_back({Collection::kUnits, i, "parent",
                     "a " + std::string(to_string(u.kind)) + " cannot sit under " +
                         std::string(to_string(parent.kind)) + " '" + parent.code + "'"});
    }
    // Cycle: walking up from u returns to u within |units| steps.
    std::optional<UnitId> cur = u.parent;
    for (std::size_t steps = 0; cur && steps <= data.units.size(); ++steps) {
      if (*cur == u.id) {
        out.push_back({Collection::kUnits, i, "parent",
                       "unit '" + u.code + "' is its own ancestor (cycle in the unit tree)"});
        break;
      }
      auto it = unit_at.find(*cur);
      cur = it == unit_at.end() ? std::nullopt : data.units[it->second].parent;
    }
  }

  std::unordered_map<EmployeeId, const Employee*> employee_by_id;
  std::unordered_set<std::string> serials;
  for (std::size_t i = 0; i < data.employees.size(); ++i) {
    const Employee& e = data.employees[i];
    employee_by_id[e.id] = &e;
    if (e.serial.empty())
      out.push_back({Collection::kEmployees, i, "serial", "serial is empty"});
    else if (!serials.insert(e.serial).second)
      out.push_back({Collection::kEmployees, i, "serial", "duplicate serial '" + e.serial + "'"});
    if (e.last_name.empty())
      out.push_back({Collection::kEmployees, i, "last_name", "last name is empty"});
  }

  for (std::size_t i = 0; i < data.assignments.size(); ++i) {
    const Assignment& a = data.assignments[i];
    auto e = employee_by_id.find(a.employee);
    if (e == employee_by_id.end()) {
      out.push_back({Collection::kAssignments, i, "serial", "employee does not exist"});
    } else if (a.span.start < e->second->hire_date) {
      out.push_back({Collection::kAssignments, i, "start",
                     "starts before the hire date " + e->second->hire_date.to_string()});
    }
    if (!unit_at.count(a.unit))
      out.push_back({Collection::kAssignments, i, "unit", "unit does not exist"});
    check_span(a.span, Collection::kAssignments, i, out);
  }
  check_no_overlap(
      data.assignments, Collection::kAssignments, [](const Assignment& a) { return a.employee; },
      [](const Assignment& a) { return a.role == AssignmentRole::kMember; }, "member assignment",
      out);
  check_no_overlap(
      data.assignments, Collection::kAssignments, [](const Assignment& a) { return a.unit; },
      [](const Assignment& a) { return a.role == AssignmentRole::kSupervisor && !a.acting; },
      "permanent supervisor of the unit", out);
  check_no_overlap(
      data.assignments, Collection::kAssignments, [](const Assignment& a) { return a.unit; },
      [](const Assignment& a) { return a.role == AssignmentRole::kSupervisor && a.acting; },
      "acting supervisor of the unit", out);

  for (std::size_t i = 0; i < data.statuses.size(); ++i) {
    if (!employee_by_id.count(data.statuses[i].employee))
      out.push_back({Collection::kStatuses, i, "serial", "employee does not exist"});
    check_span(data.statuses[i].span, Collection::kStatuses, i, out);
  }
  check_no_overlap(
      data.statuses, Collection::kStatuses, [](const StatusPeriod& s) { return s.employee; },
      [](const StatusPeriod&) { return true; }, "status period", out);

  for (std::size_t i = 0; i < data.roles.size(); ++i) {
    if (!employee_by_id.count(data.roles[i].employee))
      out.push_back({Collection::kRoles, i, "serial", "employee does not exist"});
    check_span(data.roles[i].span, Collection::kRoles, i, out);
  }
  return out;
}

}  // namespace rollcall::org
