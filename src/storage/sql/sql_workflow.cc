// Workflow records as versioned documents (migration 0005, ADR 0008).
#include "storage/sql/sql_errors.h"
#include "storage/sql/sql_internal.h"
#include "time/instant.h"

namespace rollcall::storage::sql {
namespace {

// Bound columns of one (head, version) row.
struct Row {
  long long id = 0, employee = 0;
  int version = 0;
  std::string kind, state, body, recorded_at, recorded_by;
};

Result<WorkflowRecord> to_record(const Row& r) {
  WorkflowRecord w;
  w.id = r.id;
  w.kind = r.kind;
  w.employee = r.employee;
  w.state = r.state;
  w.version = r.version;
  w.body_json = r.body;
  auto at = parse_utc(r.recorded_at);
  if (!at) return data_loss("stored recorded_at is not an instant: " + r.recorded_at);
  w.recorded_at = at.value();
  w.recorded_by = r.recorded_by;
  return w;
}

constexpr const char* kColumns =
    "SELECT w.id, w.kind, w.employee_id, v.state, v.version, v.body, v.recorded_at, "
    "v.recorded_by FROM workflow_records w JOIN workflow_record_versions v ON v.record_id = w.id ";

template <typename... Binds>
Result<std::vector<WorkflowRecord>> read_rows(soci::session& s, const std::string& where_order,
                                              Binds&&... binds) {
  return guarded("reading workflow records", [&]() -> Result<std::vector<WorkflowRecord>> {
    std::vector<WorkflowRecord> out;
    Row r;
    auto prepared = (s.prepare << std::string(kColumns) + where_order);
    soci::statement st = ((prepared, ..., binds), soci::into(r.id), soci::into(r.kind),
                          soci::into(r.employee), soci::into(r.state), soci::into(r.version),
                          soci::into(r.body), soci::into(r.recorded_at), soci::into(r.recorded_by));
    st.execute();
    while (st.fetch()) {
      RC_ASSIGN_OR_RETURN(WorkflowRecord w, to_record(r));
      out.push_back(std::move(w));
    }
    return out;
  });
}

Status insert_version(soci::session& s, long long id, int version, const std::string& state,
                      const std::string& body, const std::string& now, const std::string& actor) {
  s << "INSERT INTO workflow_record_versions (record_id, version, state, body, recorded_at, "
       "recorded_by) VALUES (:id, :v, :s, :b, :at, :by)",
      soci::use(id, "id"), soci::use(version, "v"), soci::use(state, "s"), soci::use(body, "b"),
      soci::use(now, "at"), soci::use(actor, "by");
  return Status::ok();
}

}  // namespace

Result<std::int64_t> insert_workflow_record(soci::session& s, AuditAppender& audit,
                                            const std::string& kind, org::EmployeeId employee,
                                            const std::string& state, const std::string& body,
                                            const std::string& now, const std::string& actor) {
  return guarded("opening a " + kind + " record", [&]() -> Result<std::int64_t> {
    long long found = 0;
    long long emp = employee;
    s << "SELECT COUNT(*) FROM employees WHERE id = :e", soci::use(emp, "e"), soci::into(found);
    if (found == 0) return not_found("employee " + std::to_string(employee) + " does not exist");
    long long id = 0;
    const int version = 1;
    s << "INSERT INTO workflow_records (kind, employee_id, state, version, created_at, updated_at) "
         "VALUES (:k, :e, :s, :v, :c, :u) RETURNING id",
        soci::use(kind, "k"), soci::use(emp, "e"), soci::use(state, "s"), soci::use(version, "v"),
        soci::use(now, "c"), soci::use(now, "u"), soci::into(id);
    RC_RETURN_IF_ERROR(insert_version(s, id, version, state, body, now, actor));
    RC_RETURN_IF_ERROR(audit.append("create", kind, std::to_string(id), "", body));
    return static_cast<std::int64_t>(id);
  });
}

Status add_workflow_version(soci::session& s, AuditAppender& audit, std::int64_t id,
                            const std::string& kind, int expected_version, const std::string& state,
                            const std::string& body, const std::string& now,
                            const std::string& actor) {
  return guarded("recording " + kind + " " + std::to_string(id), [&]() -> Status {
    long long rid = id;
    int current = 0;
    std::string stored_kind;
    soci::indicator ind = soci::i_null;
    s << "SELECT version, kind FROM workflow_records WHERE id = :id", soci::use(rid, "id"),
        soci::into(current, ind), soci::into(stored_kind);
    if (ind != soci::i_ok || stored_kind != kind) {
      return not_found(kind + " " + std::to_string(id) + " does not exist");
    }
    if (current != expected_version) {
      return failed_precondition(kind + " " + std::to_string(id) + " is at version " +
                                 std::to_string(current) + ", not " +
                                 std::to_string(expected_version) +
                                 ": someone acted on it first; reload it and try again");
    }
    std::string before;
    s << "SELECT body FROM workflow_record_versions WHERE record_id = :id AND version = :v",
        soci::use(rid, "id"), soci::use(current, "v"), soci::into(before);
    const int next = current + 1;
    // The version check is repeated in the UPDATE so two writers that both
    // read `current` cannot both move the head (PostgreSQL, READ COMMITTED).
    soci::statement update = (s.prepare << "UPDATE workflow_records SET version = :n, state = :s, "
                                           "updated_at = :u WHERE id = :id AND version = :c",
                              soci::use(next, "n"), soci::use(state, "s"), soci::use(now, "u"),
                              soci::use(rid, "id"), soci::use(current, "c"));
    update.execute(true);
    if (update.get_affected_rows() != 1) {
      return failed_precondition(kind + " " + std::to_string(id) +
                                 " changed while this step was recorded; reload it and try again");
    }
    RC_RETURN_IF_ERROR(insert_version(s, rid, next, state, body, now, actor));
    return audit.append("step", kind, std::to_string(id), before, body);
  });
}

Result<std::vector<WorkflowRecord>> load_workflow_records(soci::session& s, const std::string& kind,
                                                          std::optional<org::EmployeeId> employee) {
  if (employee) {
    long long e = *employee;
    return read_rows(s,
                     "WHERE w.kind = :k AND w.employee_id = :e AND v.version = w.version "
                     "ORDER BY w.id",
                     soci::use(kind, "k"), soci::use(e, "e"));
  }
  return read_rows(s, "WHERE w.kind = :k AND v.version = w.version ORDER BY w.id",
                   soci::use(kind, "k"));
}

Result<std::vector<WorkflowRecord>> load_workflow_versions(soci::session& s, std::int64_t id) {
  long long rid = id;
  return read_rows(s, "WHERE w.id = :id ORDER BY v.version", soci::use(rid, "id"));
}

}  // namespace rollcall::storage::sql
