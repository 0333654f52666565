// Organisation tables: reads and audited writes.
#include <nlohmann/json.hpp>

#include "storage/sql/sql_errors.h"
#include "storage/sql/sql_internal.h"

namespace rollcall::storage::sql {
namespace {

using nlohmann::json;

json span_json(const DateSpan& s) {
  return {{"start", s.start.to_string()},
          {"end", s.end_exclusive ? json(s.end_exclusive->to_string()) : json(nullptr)}};
}

json to_json(const org::Unit& u, const std::string& parent_code) {
  return {{"code", u.code},
          {"name", u.name},
          {"kind", org::to_string(u.kind)},
          {"parent", parent_code.empty() ? json(nullptr) : json(parent_code)}};
}

json to_json(const org::Employee& e) {
  return {{"serial", e.serial},
          {"version", e.version},
          {"last_name", e.last_name},
          {"first_name", e.first_name},
          {"category", org::to_string(e.category)},
          {"rank", e.rank},
          {"bargaining_unit", e.bargaining_unit},
          {"schedule", org::to_string(e.schedule)},
          {"hire_date", e.hire_date.to_string()}};
}

Result<std::optional<Date>> stored_end(const std::string& text, soci::indicator ind) {
  if (ind == soci::i_null) return std::optional<Date>();
  RC_ASSIGN_OR_RETURN(Date d, stored_date(text, "end_date"));
  return std::optional<Date>(d);
}

template <typename E>
Result<E> stored_enum(std::optional<E> v, const std::string& text, const char* column) {
  if (!v) return data_loss(std::string("stored ") + column + " has unknown value " + text);
  return *v;
}

std::string serial_of(soci::session& s, org::EmployeeId id) {
  std::string serial;
  const long long lid = id;
  s << "SELECT serial FROM employees WHERE id = :id", soci::use(lid, "id"), soci::into(serial);
  return s.got_data() ? serial : std::to_string(id);
}

std::string code_of(soci::session& s, org::UnitId id) {
  std::string code;
  const long long lid = id;
  s << "SELECT code FROM units WHERE id = :id", soci::use(lid, "id"), soci::into(code);
  return s.got_data() ? code : std::to_string(id);
}

const char* kEmployeeColumns =
    "v.employee_id, e.serial, v.version, v.last_name, v.first_name, v.category, v.rank, "
    "v.bargaining_unit, v.schedule, v.hire_date";

// Reads employee rows selected with kEmployeeColumns.
struct EmployeeRow {
  long long id = 0;
  int version = 0;
  std::string serial, last, first, category, rank, unit, schedule, hire;
  Result<org::Employee> to_employee() const {
    org::Employee e;
    e.id = id;
    e.serial = serial;
    e.version = version;
    e.last_name = last;
    e.first_name = first;
    RC_ASSIGN_OR_RETURN(e.category,
                        stored_enum(org::parse_category(category), category, "category"));
    e.rank = rank;
    e.bargaining_unit = unit;
    RC_ASSIGN_OR_RETURN(e.schedule,
                        stored_enum(org::parse_schedule(schedule), schedule, "schedule"));
    RC_ASSIGN_OR_RETURN(e.hire_date, stored_date(hire, "hire_date"));
    return e;
  }
};

template <typename Stmt>
Stmt& bind_employee_row(Stmt& st, EmployeeRow& r) {
  st.exchange(soci::into(r.id));
  st.exchange(soci::into(r.serial));
  st.exchange(soci::into(r.version));
  st.exchange(soci::into(r.last));
  st.exchange(soci::into(r.first));
  st.exchange(soci::into(r.category));
  st.exchange(soci::into(r.rank));
  st.exchange(soci::into(r.unit));
  st.exchange(soci::into(r.schedule));
  st.exchange(soci::into(r.hire));
  return st;
}

Result<std::vector<org::Employee>> query_employees(soci::session& s, const std::string& where,
                                                   long long param) {
  std::vector<org::Employee> out;
  EmployeeRow r;
  soci::statement st(s);
  bind_employee_row(st, r);
  const std::string query = std::string("SELECT ") + kEmployeeColumns +
                            " FROM employee_versions v JOIN employees e ON e.id = v.employee_id " +
                            where + " ORDER BY v.employee_id, v.version";
  if (param != 0) st.exchange(soci::use(param, "p"));
  st.alloc();
  st.prepare(query);
  st.define_and_bind();
  st.execute();
  while (st.fetch()) {
    RC_ASSIGN_OR_RETURN(org::Employee e, r.to_employee());
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace

Result<Date> stored_date(const std::string& text, const char* column) {
  auto d = Date::parse(text);
  if (!d) return data_loss(std::string("stored ") + column + " is not a date: " + text);
  return d;
}

Result<org::OrgData> load_org(soci::session& s) {
  return guarded("loading the organisation", [&]() -> Result<org::OrgData> {
    org::OrgData data;
    {
      long long id = 0, parent = 0;
      std::string code, name, kind;
      soci::indicator parent_ind = soci::i_null;
      soci::statement st = (s.prepare << "SELECT id, code, name, kind, parent_id FROM units "
                                         "ORDER BY id",
                            soci::into(id), soci::into(code), soci::into(name), soci::into(kind),
                            soci::into(parent, parent_ind));
      st.execute();
      while (st.fetch()) {
        org::Unit u{id, code, name, org::UnitKind::kUnit, std::nullopt};
        RC_ASSIGN_OR_RETURN(u.kind, stored_enum(org::parse_unit_kind(kind), kind, "kind"));
        if (parent_ind == soci::i_ok) u.parent = parent;
        data.units.push_back(std::move(u));
      }
    }
    RC_ASSIGN_OR_RETURN(
        data.employees,
        query_employees(s,
                        "WHERE v.version = (SELECT MAX(version) FROM employee_versions w "
                        "WHERE w.employee_id = v.employee_id)",
                        0));
    {
      long long id = 0, emp = 0, unit = 0;
      int acting = 0;
      std::string role, start, end;
      soci::indicator end_ind = soci::i_null;
      soci::statement st =
          (s.prepare << "SELECT id, employee_id, unit_id, role, acting, start_date, end_date "
                        "FROM assignments ORDER BY id",
           soci::into(id), soci::into(emp), soci::into(unit), soci::into(role), soci::into(acting),
           soci::into(start), soci::into(end, end_ind));
      st.execute();
      while (st.fetch()) {
        org::Assignment a{id, emp, unit, org::AssignmentRole::kMember, acting != 0, {}};
        RC_ASSIGN_OR_RETURN(a.role, stored_enum(org::parse_role(role), role, "role"));
        RC_ASSIGN_OR_RETURN(a.span.start, stored_date(start, "start_date"));
        RC_ASSIGN_OR_RETURN(a.span.end_exclusive, stored_end(end, end_ind));
        data.assignments.push_back(a);
      }
    }
    {
      long long id = 0, emp = 0;
      std::string status, start, end;
      soci::indicator end_ind = soci::i_null;
      soci::statement st = (s.prepare << "SELECT id, employee_id, status, start_date, end_date "
                                         "FROM status_periods ORDER BY id",
                            soci::into(id), soci::into(emp), soci::into(status), soci::into(start),
                            soci::into(end, end_ind));
      st.execute();
      while (st.fetch()) {
        org::StatusPeriod p{id, emp, org::EmployeeStatus::kActive, {}};
        RC_ASSIGN_OR_RETURN(p.status, stored_enum(org::parse_status(status), status, "status"));
        RC_ASSIGN_OR_RETURN(p.span.start, stored_date(start, "start_date"));
        RC_ASSIGN_OR_RETURN(p.span.end_exclusive, stored_end(end, end_ind));
        data.statuses.push_back(p);
      }
    }
    {
      long long id = 0, emp = 0;
      std::string role, start, end;
      soci::indicator end_ind = soci::i_null;
      soci::statement st = (s.prepare << "SELECT id, employee_id, role, start_date, end_date "
                                         "FROM role_grants ORDER BY id",
                            soci::into(id), soci::into(emp), soci::into(role), soci::into(start),
                            soci::into(end, end_ind));
      st.execute();
      while (st.fetch()) {
        org::RoleGrant g{id, emp, org::SpecialRole::kAdministrator, {}};
        RC_ASSIGN_OR_RETURN(g.role, stored_enum(org::parse_special_role(role), role, "role"));
        RC_ASSIGN_OR_RETURN(g.span.start, stored_date(start, "start_date"));
        RC_ASSIGN_OR_RETURN(g.span.end_exclusive, stored_end(end, end_ind));
        data.roles.push_back(g);
      }
    }
    return data;
  });
}

Result<std::vector<org::Employee>> load_employee_versions(soci::session& s, org::EmployeeId id) {
  return guarded("loading employee versions", [&]() -> Result<std::vector<org::Employee>> {
    return query_employees(s, "WHERE v.employee_id = :p", id);
  });
}

Result<org::UnitId> insert_unit(soci::session& s, AuditAppender& audit, const org::Unit& u) {
  return guarded("inserting unit " + u.code, [&]() -> Result<org::UnitId> {
    long long id = 0;
    const long long parent = u.parent.value_or(0);
    soci::indicator parent_ind = u.parent ? soci::i_ok : soci::i_null;
    const std::string kind(org::to_string(u.kind));
    s << "INSERT INTO units (code, name, kind, parent_id) VALUES (:code, :name, :kind, :parent) "
         "RETURNING id",
        soci::use(u.code, "code"), soci::use(u.name, "name"), soci::use(kind, "kind"),
        soci::use(parent, parent_ind, "parent"), soci::into(id);
    const std::string parent_code = u.parent ? code_of(s, *u.parent) : "";
    RC_RETURN_IF_ERROR(audit.append("create", "unit", u.code, "", to_json(u, parent_code).dump()));
    return id;
  });
}

namespace {

void insert_version_row(soci::session& s, long long employee_id, int version,
                        const org::Employee& e, const std::string& now) {
  const std::string category(org::to_string(e.category));
  const std::string schedule(org::to_string(e.schedule));
  const std::string hire = e.hire_date.to_string();
  s << "INSERT INTO employee_versions (employee_id, version, last_name, first_name, category, "
       "rank, bargaining_unit, schedule, hire_date, recorded_at) VALUES (:id, :version, :last, "
       ":first, :category, :rank, :unit, :schedule, :hire, :now)",
      soci::use(employee_id, "id"), soci::use(version, "version"), soci::use(e.last_name, "last"),
      soci::use(e.first_name, "first"), soci::use(category, "category"), soci::use(e.rank, "rank"),
      soci::use(e.bargaining_unit, "unit"), soci::use(schedule, "schedule"),
      soci::use(hire, "hire"), soci::use(now, "now");
}

}  // namespace

Result<org::EmployeeId> insert_employee(soci::session& s, AuditAppender& audit,
                                        const org::Employee& e, const std::string& now) {
  return guarded("inserting employee " + e.serial, [&]() -> Result<org::EmployeeId> {
    long long id = 0;
    s << "INSERT INTO employees (serial) VALUES (:serial) RETURNING id",
        soci::use(e.serial, "serial"), soci::into(id);
    insert_version_row(s, id, 1, e, now);
    org::Employee stored = e;
    stored.id = id;
    stored.version = 1;
    RC_RETURN_IF_ERROR(audit.append("create", "employee", e.serial, "", to_json(stored).dump()));
    return id;
  });
}

Status add_employee_version(soci::session& s, AuditAppender& audit, const org::Employee& e,
                            const std::string& now) {
  return guarded("correcting employee " + e.serial, [&]() -> Status {
    RC_ASSIGN_OR_RETURN(auto versions, load_employee_versions(s, e.id));
    if (versions.empty())
      return not_found("employee id " + std::to_string(e.id) + " does not exist");
    const org::Employee& before = versions.back();
    org::Employee after = e;
    after.serial = before.serial;  // the serial is the identity, never versioned
    after.version = before.version + 1;
    insert_version_row(s, e.id, after.version, after, now);
    return audit.append("correct", "employee", before.serial, to_json(before).dump(),
                        to_json(after).dump());
  });
}

namespace {

json assignment_json(soci::session& s, const org::Assignment& a) {
  json j = span_json(a.span);
  j["serial"] = serial_of(s, a.employee);
  j["unit"] = code_of(s, a.unit);
  j["role"] = org::to_string(a.role);
  j["acting"] = a.acting;
  return j;
}

}  // namespace

Result<std::int64_t> insert_assignment(soci::session& s, AuditAppender& audit,
                                       const org::Assignment& a) {
  return guarded("inserting an assignment", [&]() -> Result<std::int64_t> {
    long long id = 0;
    const long long emp = a.employee, unit = a.unit;
    const int acting = a.acting ? 1 : 0;
    const std::string role(org::to_string(a.role));
    const std::string start = a.span.start.to_string();
    NullableDate end = NullableDate::from(a.span.end_exclusive);
    s << "INSERT INTO assignments (employee_id, unit_id, role, acting, start_date, end_date) "
         "VALUES (:emp, :unit, :role, :acting, :start, :end) RETURNING id",
        soci::use(emp, "emp"), soci::use(unit, "unit"), soci::use(role, "role"),
        soci::use(acting, "acting"), soci::use(start, "start"), soci::use(end.text, end.ind, "end"),
        soci::into(id);
    RC_RETURN_IF_ERROR(
        audit.append("create", "assignment", std::to_string(id), "", assignment_json(s, a).dump()));
    return id;
  });
}

Status end_assignment(soci::session& s, AuditAppender& audit, std::int64_t id, Date end) {
  return guarded("ending assignment " + std::to_string(id), [&]() -> Status {
    long long lid = id, emp = 0, unit = 0;
    int acting = 0;
    std::string role, start, old_end;
    soci::indicator end_ind = soci::i_null;
    s << "SELECT employee_id, unit_id, role, acting, start_date, end_date FROM assignments "
         "WHERE id = :id",
        soci::use(lid, "id"), soci::into(emp), soci::into(unit), soci::into(role),
        soci::into(acting), soci::into(start), soci::into(old_end, end_ind);
    if (!s.got_data()) return not_found("assignment " + std::to_string(id) + " does not exist");
    if (end_ind == soci::i_ok) {
      return failed_precondition("assignment " + std::to_string(id) + " already ended on " +
                                 old_end);
    }
    if (end.to_string() <= start) {
      return invalid_argument("end " + end.to_string() + " is not after start " + start);
    }
    org::Assignment a{id,          emp,
                      unit,        org::parse_role(role).value_or(org::AssignmentRole::kMember),
                      acting != 0, {}};
    RC_ASSIGN_OR_RETURN(a.span.start, stored_date(start, "start_date"));
    const json before = assignment_json(s, a);
    a.span.end_exclusive = end;
    const std::string end_text = end.to_string();
    s << "UPDATE assignments SET end_date = :end WHERE id = :id", soci::use(end_text, "end"),
        soci::use(lid, "id");
    return audit.append("end", "assignment", std::to_string(id), before.dump(),
                        assignment_json(s, a).dump());
  });
}

Result<std::int64_t> insert_status(soci::session& s, AuditAppender& audit,
                                   const org::StatusPeriod& p) {
  return guarded("inserting a status period", [&]() -> Result<std::int64_t> {
    long long id = 0;
    const long long emp = p.employee;
    const std::string status(org::to_string(p.status));
    const std::string start = p.span.start.to_string();
    NullableDate end = NullableDate::from(p.span.end_exclusive);
    s << "INSERT INTO status_periods (employee_id, status, start_date, end_date) "
         "VALUES (:emp, :status, :start, :end) RETURNING id",
        soci::use(emp, "emp"), soci::use(status, "status"), soci::use(start, "start"),
        soci::use(end.text, end.ind, "end"), soci::into(id);
    json j = span_json(p.span);
    j["serial"] = serial_of(s, p.employee);
    j["status"] = status;
    RC_RETURN_IF_ERROR(audit.append("create", "status_period", std::to_string(id), "", j.dump()));
    return id;
  });
}

Result<std::int64_t> insert_role(soci::session& s, AuditAppender& audit, const org::RoleGrant& g) {
  return guarded("inserting a role grant", [&]() -> Result<std::int64_t> {
    long long id = 0;
    const long long emp = g.employee;
    const std::string role(org::to_string(g.role));
    const std::string start = g.span.start.to_string();
    NullableDate end = NullableDate::from(g.span.end_exclusive);
    s << "INSERT INTO role_grants (employee_id, role, start_date, end_date) "
         "VALUES (:emp, :role, :start, :end) RETURNING id",
        soci::use(emp, "emp"), soci::use(role, "role"), soci::use(start, "start"),
        soci::use(end.text, end.ind, "end"), soci::into(id);
    json j = span_json(g.span);
    j["serial"] = serial_of(s, g.employee);
    j["role"] = role;
    RC_RETURN_IF_ERROR(audit.append("create", "role_grant", std::to_string(id), "", j.dump()));
    return id;
  });
}

}  // namespace rollcall::storage::sql
