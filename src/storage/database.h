// Storage contracts. The app layer depends on these interfaces only;
// storage/sql implements them with SOCI on SQLite and PostgreSQL.
//
// Every write happens inside a Transaction begun for a named actor, and every
// write method appends its own audit record (before/after JSON) to the same
// transaction, so no code path can change data without auditing it. Nothing is
// visible to others until commit(); destroying an uncommitted Transaction rolls
// it back.
//
// Errors: adapters never throw across these interfaces. Constraint violations
// come back as ALREADY_EXISTS / INVALID_ARGUMENT, connection problems as
// UNAVAILABLE, anything else as INTERNAL, each with the engine's message.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/clock.h"
#include "common/status.h"
#include "domain/org/org_types.h"
#include "domain/pmp/indicator.h"
#include "domain/pmp/indicator_event.h"
#include "domain/timeoff/leave/ledger.h"
#include "storage/account.h"
#include "storage/audit_chain.h"
#include "storage/workflow_record.h"

namespace rollcall::storage {

// Organisation records. Ids are assigned by the database and returned.
class OrgWriter {
 public:
  virtual ~OrgWriter() = default;
  virtual Result<org::UnitId> insert_unit(const org::Unit& unit) = 0;
  // Creates the employee and their version 1.
  virtual Result<org::EmployeeId> insert_employee(const org::Employee& employee) = 0;
  // Records a correction as a new version (employee.version is ignored; the next
  // number is assigned). NOT_FOUND if employee.id does not exist.
  virtual Status add_employee_version(const org::Employee& employee) = 0;
  virtual Result<std::int64_t> insert_assignment(const org::Assignment& a) = 0;
  // Closes an open assignment on `end_exclusive` (a transfer or separation).
  // FAILED_PRECONDITION if it is already closed.
  virtual Status end_assignment(std::int64_t assignment_id, Date end_exclusive) = 0;
  virtual Result<std::int64_t> insert_status(const org::StatusPeriod& s) = 0;
  virtual Result<std::int64_t> insert_role(const org::RoleGrant& g) = 0;
};

// Read access, available both inside and outside a transaction.
class OrgReader {
 public:
  virtual ~OrgReader() = default;
  // Everything, with each employee at their latest version.
  virtual Result<org::OrgData> load_org() = 0;
  virtual Result<std::vector<org::Employee>> employee_versions(org::EmployeeId id) = 0;
};

// 3.070 indicator events and threshold sets.
class PmpWriter {
 public:
  virtual ~PmpWriter() = default;
  // Creates the event (identity keyed by `source_key`) and its version 1;
  // returns its id. ALREADY_EXISTS if the key is taken.
  virtual Result<std::int64_t> insert_event(const pmp::IndicatorEvent& e,
                                            const std::string& source_key) = 0;
  // Records e as the next version of event e.id (e.version is ignored).
  // NOT_FOUND if the event does not exist.
  virtual Status add_event_version(const pmp::IndicatorEvent& e) = 0;
  virtual Result<std::int64_t> insert_threshold_set(const pmp::ThresholdSet& set) = 0;
};

class PmpReader {
 public:
  virtual ~PmpReader() = default;
  // Every version of every event (of one employee if given), by (id, version).
  virtual Result<std::vector<pmp::IndicatorEvent>> event_versions(
      std::optional<org::EmployeeId> employee) = 0;
  // source_key -> event id, for recognising events already imported.
  virtual Result<std::vector<std::pair<std::string, std::int64_t>>> event_keys() = 0;
  virtual Result<std::vector<pmp::ThresholdSet>> threshold_sets() = 0;
};

// Sign-in accounts, API tokens and threshold approvals (issue 4).
class AccountWriter {
 public:
  virtual ~AccountWriter() = default;
  // ALREADY_EXISTS if the username or the employee already has an account.
  virtual Result<std::int64_t> insert_account(const Account& a) = 0;
  // Replaces the account's mutable fields (password, TOTP, lockout, disabled);
  // audited with before/after, secrets omitted. NOT_FOUND if a.id is unknown.
  virtual Status update_account(const Account& a) = 0;
  virtual Result<std::int64_t> insert_api_token(const ApiToken& t) = 0;
  // FAILED_PRECONDITION if already revoked; NOT_FOUND if unknown.
  virtual Status revoke_api_token(std::int64_t id, Instant at) = 0;
  // 3.070-POL-3: records the Chief's approval of a stored set. NOT_FOUND for an
  // unknown set; ALREADY_EXISTS if it is already approved.
  virtual Status approve_threshold_set(std::int64_t set_id, const std::string& approved_by,
                                       Date approved_on) = 0;
  // Appends reads of confidential records to access_log (not to the audit
  // chain: a read changes nothing). Records keep their own `at` and `actor`.
  virtual Status insert_access_records(const std::vector<AccessRecord>& records) = 0;
};

class AccountReader {
 public:
  virtual ~AccountReader() = default;
  virtual Result<std::optional<Account>> account_by_username(const std::string& username) = 0;
  virtual Result<std::optional<Account>> account_by_id(std::int64_t id) = 0;
  virtual Result<std::vector<Account>> accounts() = 0;
  // Revoked tokens included (revoked_at set).
  virtual Result<std::vector<ApiToken>> api_tokens(std::int64_t account) = 0;
  virtual Result<std::optional<ApiToken>> api_token_by_hash(const std::string& token_hash) = 0;
  // The newest `limit` access records with id < `before` (0: from the newest).
  virtual Result<std::vector<AccessRecord>> access_records(std::int64_t before, int limit) = 0;
};

// Workflow records as versioned documents (issue 5; ADR 0008). Every write
// appends a new version and its audit record (before and after bodies).
class WorkflowWriter {
 public:
  virtual ~WorkflowWriter() = default;
  // Opens a record at version 1; returns its id. NOT_FOUND if the employee
  // does not exist.
  virtual Result<std::int64_t> insert_workflow_record(const std::string& kind,
                                                      org::EmployeeId employee,
                                                      const std::string& state,
                                                      const std::string& body_json) = 0;
  // Appends version expected_version + 1. NOT_FOUND for an unknown id or a
  // record of another kind; FAILED_PRECONDITION if the current version is not
  // expected_version (someone else acted first: reload and try again).
  virtual Status add_workflow_version(std::int64_t id, const std::string& kind,
                                      int expected_version, const std::string& state,
                                      const std::string& body_json) = 0;
};

class WorkflowReader {
 public:
  virtual ~WorkflowReader() = default;
  // The current version of every record of `kind` (of one employee if given),
  // by id.
  virtual Result<std::vector<WorkflowRecord>> workflow_records(
      const std::string& kind, std::optional<org::EmployeeId> employee) = 0;
  // Every version of one record, oldest first; empty if the id is unknown.
  virtual Result<std::vector<WorkflowRecord>> workflow_versions(std::int64_t id) = 0;
};

// The 4.010 leave ledger (issue 6; migration 0006). Append-only.
class LedgerWriter {
 public:
  virtual ~LedgerWriter() = default;
  // Appends every entry (each with its audit record) and sets their ids.
  // NOT_FOUND naming the employee if one does not exist; INVALID_ARGUMENT if
  // an entry's bank is not a balance (leave::is_bank).
  virtual Status insert_ledger_entries(std::vector<timeoff::leave::LedgerEntry>& entries) = 0;
};

class LedgerReader {
 public:
  virtual ~LedgerReader() = default;
  // Every entry (of one employee if given), by employee, date, then id.
  virtual Result<std::vector<timeoff::leave::LedgerEntry>> ledger_entries(
      std::optional<org::EmployeeId> employee) = 0;
};

class AuditReader {
 public:
  virtual ~AuditReader() = default;
  virtual Result<std::vector<AuditRecord>> audit_records() = 0;  // ordered by seq
  virtual Result<AuditHead> audit_head() = 0;
};

class Transaction : public OrgWriter,
                    public OrgReader,
                    public PmpWriter,
                    public PmpReader,
                    public AccountWriter,
                    public AccountReader,
                    public WorkflowWriter,
                    public WorkflowReader,
                    public LedgerWriter,
                    public LedgerReader {
 public:
  // Appends an audit record for an event that changes no table (sign-in, an
  // export of confidential data). Data changes are audited by their writers.
  virtual Status audit_event(const std::string& action, const std::string& entity,
                             const std::string& entity_key, const std::string& details_json) = 0;
  // Makes every write durable at once. After a failed commit nothing was written.
  virtual Status commit() = 0;
};

struct MigrationReport {
  int applied = 0;          // migrations applied by this call
  int current_version = 0;  // schema version afterwards
};

class Database : public OrgReader,
                 public PmpReader,
                 public AccountReader,
                 public WorkflowReader,
                 public LedgerReader,
                 public AuditReader {
 public:
  // "sqlite" or "postgresql".
  virtual std::string engine() const = 0;
  // Applies pending migrations in order, each in its own transaction.
  virtual Result<MigrationReport> migrate() = 0;
  // FAILED_PRECONDITION if the schema is behind this build (run `rollcall migrate`).
  virtual Status check_schema() = 0;
  // Begins a write transaction on behalf of `actor`; audit records carry the
  // actor and the clock's time. The Database must outlive the Transaction.
  virtual Result<std::unique_ptr<Transaction>> begin(const std::string& actor) = 0;
};

}  // namespace rollcall::storage
