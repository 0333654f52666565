#include "storage/sql/sql_database.h"

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include "storage/sql/migrations.h"
#include "storage/sql/sql_errors.h"
#include "storage/sql/sql_internal.h"
#include "time/instant.h"

namespace rollcall::storage::sql {
namespace {

bool is_postgres_url(const std::string& url) {
  return url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0;
}

// The reads a Database and a Transaction both offer, over the session the
// concrete class provides.
template <typename Interface>
class SqlReads : public Interface {
 public:
  Result<org::OrgData> load_org() override { return sql::load_org(session()); }
  Result<std::vector<org::Employee>> employee_versions(org::EmployeeId id) override {
    return load_employee_versions(session(), id);
  }
  Result<std::vector<pmp::IndicatorEvent>> event_versions(
      std::optional<org::EmployeeId> employee) override {
    return load_event_versions(session(), employee);
  }
  Result<std::vector<std::pair<std::string, std::int64_t>>> event_keys() override {
    return load_event_keys(session());
  }
  Result<std::vector<pmp::ThresholdSet>> threshold_sets() override {
    return load_threshold_sets(session());
  }
  Result<std::optional<Account>> account_by_username(const std::string& username) override {
    return load_account_by_username(session(), username);
  }
  Result<std::optional<Account>> account_by_id(std::int64_t id) override {
    return load_account_by_id(session(), id);
  }
  Result<std::vector<Account>> accounts() override { return load_accounts(session()); }
  Result<std::vector<ApiToken>> api_tokens(std::int64_t account) override {
    return load_api_tokens(session(), account);
  }
  Result<std::optional<ApiToken>> api_token_by_hash(const std::string& hash) override {
    return load_api_token_by_hash(session(), hash);
  }
  Result<std::vector<AccessRecord>> access_records(std::int64_t before, int limit) override {
    return load_access_records(session(), before, limit);
  }
  Result<std::vector<WorkflowRecord>> workflow_records(
      const std::string& kind, std::optional<org::EmployeeId> employee) override {
    return load_workflow_records(session(), kind, employee);
  }
  Result<std::vector<WorkflowRecord>> workflow_versions(std::int64_t id) override {
    return load_workflow_versions(session(), id);
  }
  Result<std::vector<timeoff::leave::LedgerEntry>> ledger_entries(
      std::optional<org::EmployeeId> employee) override {
    return load_ledger_entries(session(), employee);
  }

 protected:
  virtual soci::session& session() = 0;
};

class SqlTransaction final : public SqlReads<Transaction> {
 public:
  SqlTransaction(soci::session& s, const std::string& engine, std::string actor, const Clock& clock)
      : session_(s), clock_(clock), actor_(actor), audit_(s, std::move(actor), clock) {
    // IMMEDIATE takes SQLite's write lock now rather than at the first write,
    // so two writers cannot deadlock upgrading their read locks.
    session_ << (engine == "sqlite" ? "BEGIN IMMEDIATE" : "BEGIN");
    open_ = true;
  }
  SqlTransaction(const SqlTransaction&) = delete;
  SqlTransaction& operator=(const SqlTransaction&) = delete;
  ~SqlTransaction() override {
    if (!open_) return;
    release_statements();
    try {
      session_ << "ROLLBACK";
    } catch (const std::exception&) {  // NOLINT(bugprone-empty-catch): nothing to do
    }
  }

  Result<org::UnitId> insert_unit(const org::Unit& u) override {
    return write([&] { return sql::insert_unit(session_, audit_, u); });
  }
  Result<org::EmployeeId> insert_employee(const org::Employee& e) override {
    return write([&] { return sql::insert_employee(session_, audit_, e, now()); });
  }
  Status add_employee_version(const org::Employee& e) override {
    return write([&] { return sql::add_employee_version(session_, audit_, e, now()); });
  }
  Result<std::int64_t> insert_assignment(const org::Assignment& a) override {
    return write([&] { return sql::insert_assignment(session_, audit_, a); });
  }
  Status end_assignment(std::int64_t id, Date end) override {
    return write([&] { return sql::end_assignment(session_, audit_, id, end); });
  }
  Result<std::int64_t> insert_status(const org::StatusPeriod& p) override {
    return write([&] { return sql::insert_status(session_, audit_, p); });
  }
  Result<std::int64_t> insert_role(const org::RoleGrant& g) override {
    return write([&] { return sql::insert_role(session_, audit_, g); });
  }
  Result<std::int64_t> insert_event(const pmp::IndicatorEvent& e,
                                    const std::string& source_key) override {
    return write([&] {
      if (!event_writer_) event_writer_ = make_event_writer(session_);
      return sql::insert_event(audit_, e, source_key, *event_writer_);
    });
  }
  Status add_event_version(const pmp::IndicatorEvent& e) override {
    return write([&] { return sql::add_event_version(session_, audit_, e); });
  }
  Result<std::int64_t> insert_threshold_set(const pmp::ThresholdSet& t) override {
    return write([&] { return sql::insert_threshold_set(session_, audit_, t, now(), actor_); });
  }
  Result<std::int64_t> insert_account(const Account& a) override {
    return write([&] { return sql::insert_account(session_, audit_, a); });
  }
  Status update_account(const Account& a) override {
    return write([&] { return sql::update_account(session_, audit_, a); });
  }
  Result<std::int64_t> insert_api_token(const ApiToken& t) override {
    return write([&] { return sql::insert_api_token(session_, audit_, t); });
  }
  Status revoke_api_token(std::int64_t id, Instant at) override {
    return write([&] { return sql::revoke_api_token(session_, audit_, id, at); });
  }
  Status approve_threshold_set(std::int64_t set_id, const std::string& approved_by,
                               Date approved_on) override {
    return write([&] {
      return sql::approve_threshold_set(session_, audit_, set_id, approved_by, approved_on, now(),
                                        actor_);
    });
  }
  Status insert_access_records(const std::vector<AccessRecord>& records) override {
    return write([&] { return sql::insert_access_records(session_, records); });
  }
  Result<std::int64_t> insert_workflow_record(const std::string& kind, org::EmployeeId employee,
                                              const std::string& state,
                                              const std::string& body_json) override {
    return write([&] {
      return sql::insert_workflow_record(session_, audit_, kind, employee, state, body_json, now(),
                                         actor_);
    });
  }
  Status add_workflow_version(std::int64_t id, const std::string& kind, int expected_version,
                              const std::string& state, const std::string& body_json) override {
    return write([&] {
      return sql::add_workflow_version(session_, audit_, id, kind, expected_version, state,
                                       body_json, now(), actor_);
    });
  }
  Status insert_ledger_entries(std::vector<timeoff::leave::LedgerEntry>& entries) override {
    return write(
        [&] { return sql::insert_ledger_entries(session_, audit_, entries, now(), actor_); });
  }
  Status audit_event(const std::string& action, const std::string& entity,
                     const std::string& entity_key, const std::string& details_json) override {
    return write([&] { return audit_.append(action, entity, entity_key, "", details_json); });
  }

  Status commit() override {
    if (!open_) return failed_precondition("transaction is no longer open");
    if (failed_) return failed_precondition("a write in this transaction failed; it rolls back");
    RC_RETURN_IF_ERROR(audit_.finish());
    release_statements();
    return guarded("committing", [&]() -> Status {
      session_ << "COMMIT";
      open_ = false;
      return Status::ok();
    });
  }

 private:
  // A failed statement poisons the transaction (PostgreSQL aborts it anyway),
  // so a caller cannot commit a half-applied change by ignoring an error.
  template <typename F>
  auto write(F&& f) -> decltype(f()) {
    if (!open_ || failed_) {
      return failed_precondition("transaction is closed or has a failed write");
    }
    auto result = f();
    if (!result.is_ok()) failed_ = true;
    return result;
  }
  soci::session& session() override { return session_; }
  std::string now() const { return format_utc(clock_.now()); }
  // SQLite refuses COMMIT and ROLLBACK while a prepared statement is open.
  void release_statements() {
    event_writer_.reset();
    audit_.release();
  }

  soci::session& session_;
  const Clock& clock_;
  std::string actor_;
  AuditAppender audit_;
  EventWriterPtr event_writer_;  // prepared on the first insert_event
  bool open_ = false;
  bool failed_ = false;
};

class SqlDatabase final : public SqlReads<Database> {
 public:
  SqlDatabase(std::string engine, const Clock& clock) : engine_(std::move(engine)), clock_(clock) {}

  Status open(const std::string& url) {
    return guarded("opening database " + redact_url(url), [&]() -> Status {
      if (engine_ == "postgresql") {
        RC_ASSIGN_OR_RETURN(std::string conninfo, libpq_conninfo(url));
        session_.open(soci::postgresql, conninfo);
      } else {
        session_.open(soci::sqlite3, "db=" + url + " timeout=5");
        session_ << "PRAGMA journal_mode=WAL";
        session_ << "PRAGMA foreign_keys=ON";
        session_ << "PRAGMA synchronous=NORMAL";
        // Bulk imports write hundreds of thousands of rows (and their audit
        // records) in one transaction; with SQLite's default 2 MiB cache the
        // B-tree pages spill to the WAL mid-transaction and dominate the cost.
        session_ << "PRAGMA cache_size=-262144";  // KiB: up to 256 MiB, on demand
        session_ << "PRAGMA temp_store=MEMORY";
      }
      return Status::ok();
    });
  }

  std::string engine() const override { return engine_; }

  Result<MigrationReport> migrate() override {
    RC_ASSIGN_OR_RETURN(auto migrations, migrations_for(engine_));
    return guarded("migrating", [&]() -> Result<MigrationReport> {
      session_ << "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                  "name TEXT NOT NULL, applied_at TEXT NOT NULL)";
      MigrationReport report;
      report.current_version = current_version();
      for (const Migration& m : migrations) {
        if (m.version <= report.current_version) continue;
        soci::transaction tx(session_);
        for (const std::string& statement : m.statements) session_ << statement;
        const std::string at = format_utc(clock_.now());
        session_ << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, :a)",
            soci::use(m.version, "v"), soci::use(m.name, "n"), soci::use(at, "a");
        tx.commit();
        report.current_version = m.version;
        ++report.applied;
      }
      return report;
    });
  }

  Status check_schema() override {
    RC_ASSIGN_OR_RETURN(auto migrations, migrations_for(engine_));
    return guarded("checking the schema", [&]() -> Status {
      const int latest = migrations.empty() ? 0 : migrations.back().version;
      const int have = table_exists("schema_migrations") ? current_version() : 0;
      if (have < latest) {
        return failed_precondition("database schema is at version " + std::to_string(have) +
                                   ", this build needs " + std::to_string(latest) +
                                   "; run `rollcall migrate`");
      }
      if (have > latest) {
        return failed_precondition("database schema version " + std::to_string(have) +
                                   " is newer than this build (" + std::to_string(latest) + ")");
      }
      return Status::ok();
    });
  }

  Result<std::unique_ptr<Transaction>> begin(const std::string& actor) override {
    return guarded("beginning a transaction", [&]() -> Result<std::unique_ptr<Transaction>> {
      return std::unique_ptr<Transaction>(
          std::make_unique<SqlTransaction>(session_, engine_, actor, clock_));
    });
  }

  Result<std::vector<AuditRecord>> audit_records() override { return read_audit_records(session_); }
  Result<AuditHead> audit_head() override { return read_audit_head(session_); }

 private:
  soci::session& session() override { return session_; }
  int current_version() {
    int version = 0;
    soci::indicator ind = soci::i_null;
    session_ << "SELECT MAX(version) FROM schema_migrations", soci::into(version, ind);
    return ind == soci::i_ok ? version : 0;
  }

  bool table_exists(const std::string& name) {
    int n = 0;
    if (engine_ == "postgresql") {
      session_ << "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = :n",
          soci::use(name, "n"), soci::into(n);
    } else {
      session_ << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = :n",
          soci::use(name, "n"), soci::into(n);
    }
    return n > 0;
  }

  std::string engine_;
  const Clock& clock_;
  soci::session session_;
};

}  // namespace

Result<std::string> libpq_conninfo(const std::string& url) {
  // libpq parses its own URIs; SOCI would misread the "postgresql://" prefix
  // as a backend name, so it gets the keyword=value form instead.
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
  if (options == nullptr) {
    std::string why = error != nullptr ? error : "unparseable";
    PQfreemem(error);
    return invalid_argument("PostgreSQL URL " + redact_url(url) + ": " + why);
  }
  std::string out;
  for (PQconninfoOption* o = options; o->keyword != nullptr; ++o) {
    if (o->val == nullptr) continue;
    std::string value;
    for (const char* c = o->val; *c != '\0'; ++c) {
      if (*c == '\\' || *c == '\'') value += '\\';
      value += *c;
    }
    out += std::string(out.empty() ? "" : " ") + o->keyword + "='" + value + "'";
  }
  PQconninfoFree(options);
  return out;
}

std::string redact_url(const std::string& url) {
  if (!is_postgres_url(url)) return url;
  const auto scheme_end = url.find("://") + 3;
  const auto at = url.find('@', scheme_end);
  if (at == std::string::npos) return url;
  const auto colon = url.find(':', scheme_end);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon) + ":***" + url.substr(at);
}

Result<std::unique_ptr<Database>> open_database(const std::string& url, const Clock& clock) {
  auto db = std::make_unique<SqlDatabase>(is_postgres_url(url) ? "postgresql" : "sqlite", clock);
  if (Status s = db->open(url); !s.is_ok()) {
    return Status(StatusCode::kUnavailable, s.message());
  }
  return std::unique_ptr<Database>(std::move(db));
}

}  // namespace rollcall::storage::sql
