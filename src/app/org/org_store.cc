#include "app/org/org_store.h"

#include <unordered_map>

namespace rollcall::app {
namespace {

// Maps provisional (negative) ids to stored ids; stored ids map to themselves.
class IdMap {
 public:
  void bind(std::int64_t provisional, std::int64_t stored) { map_[provisional] = stored; }
  Result<std::int64_t> resolve(std::int64_t id, const char* what) const {
    if (id >= 0) return id;
    auto it = map_.find(id);
    if (it == map_.end()) {
      return internal_error(std::string("unresolved provisional ") + what + " id " +
                            std::to_string(id));
    }
    return it->second;
  }

 private:
  std::unordered_map<std::int64_t, std::int64_t> map_;
};

}  // namespace

Result<OrgWriteCounts> write_org_changes(storage::Transaction& tx, const OrgChanges& changes) {
  OrgWriteCounts counts;
  IdMap units, employees;

  // Units: repeatedly insert those whose parent is already resolved. Validation
  // has ruled out cycles, so each pass makes progress.
  std::vector<const org::Unit*> pending;
  for (const auto& u : changes.units) pending.push_back(&u);
  while (!pending.empty()) {
    std::vector<const org::Unit*> next;
    for (const org::Unit* u : pending) {
      org::Unit row = *u;
      if (row.parent) {
        auto parent = units.resolve(*row.parent, "unit");
        if (!parent) {
          next.push_back(u);
          continue;
        }
        row.parent = *parent;
      }
      RC_ASSIGN_OR_RETURN(org::UnitId id, tx.insert_unit(row));
      units.bind(u->id, id);
      ++counts.units;
    }
    if (next.size() == pending.size()) {
      return internal_error("unit tree has a cycle or a missing parent");
    }
    pending = std::move(next);
  }

  for (const org::Employee& e : changes.employees) {
    if (e.id >= 0) {
      RC_RETURN_IF_ERROR(tx.add_employee_version(e));
      ++counts.employees_corrected;
    } else {
      RC_ASSIGN_OR_RETURN(org::EmployeeId id, tx.insert_employee(e));
      employees.bind(e.id, id);
      ++counts.employees_created;
    }
  }

  for (const org::Assignment& a : changes.assignments) {
    if (a.id >= 0) {
      if (!a.span.end_exclusive) return internal_error("ending an assignment needs an end date");
      RC_RETURN_IF_ERROR(tx.end_assignment(a.id, *a.span.end_exclusive));
      ++counts.assignments_ended;
      continue;
    }
    org::Assignment row = a;
    RC_ASSIGN_OR_RETURN(row.employee, employees.resolve(a.employee, "employee"));
    RC_ASSIGN_OR_RETURN(row.unit, units.resolve(a.unit, "unit"));
    RC_ASSIGN_OR_RETURN(auto id, tx.insert_assignment(row));
    (void)id;
    ++counts.assignments_created;
  }
  for (const org::StatusPeriod& s : changes.statuses) {
    org::StatusPeriod row = s;
    RC_ASSIGN_OR_RETURN(row.employee, employees.resolve(s.employee, "employee"));
    RC_ASSIGN_OR_RETURN(auto id, tx.insert_status(row));
    (void)id;
    ++counts.statuses;
  }
  for (const org::RoleGrant& g : changes.roles) {
    org::RoleGrant row = g;
    RC_ASSIGN_OR_RETURN(row.employee, employees.resolve(g.employee, "employee"));
    RC_ASSIGN_OR_RETURN(auto id, tx.insert_role(row));
    (void)id;
    ++counts.roles;
  }
  return counts;
}

OrgChanges as_new_records(org::OrgData data) {
  for (auto& u : data.units) {
    u.id = -u.id;
    if (u.parent) u.parent = -*u.parent;
  }
  for (auto& e : data.employees) e.id = -e.id;
  for (auto& a : data.assignments) {
    a.id = -a.id;
    a.employee = -a.employee;
    a.unit = -a.unit;
  }
  for (auto& s : data.statuses) {
    s.id = -s.id;
    s.employee = -s.employee;
  }
  for (auto& g : data.roles) {
    g.id = -g.id;
    g.employee = -g.employee;
  }
  return data;
}

}  // namespace rollcall::app
