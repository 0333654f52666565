// Shared between the SQL implementation files; not part of the storage API.
#pragma once

#include <soci/soci.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "storage/database.h"

namespace rollcall::storage::sql {

// Optional date <-> nullable TEXT column.
struct NullableDate {
  std::string text;
  soci::indicator ind = soci::i_null;
  static NullableDate from(const std::optional<Date>& d) {
    return d ? NullableDate{d->to_string(), soci::i_ok} : NullableDate{};
  }
};

// Parses a stored date; the schema only ever holds what Date::to_string wrote,
// so anything else is DATA_LOSS naming the column.
Result<Date> stored_date(const std::string& text, const char* column);

Result<org::OrgData> load_org(soci::session& s);
Result<std::vector<org::Employee>> load_employee_versions(soci::session& s, org::EmployeeId id);
Result<std::vector<AuditRecord>> read_audit_records(soci::session& s);
Result<AuditHead> read_audit_head(soci::session& s);

// Appends audit records inside one open transaction. The first append locks
// and reads audit_head; later appends chain from memory; finish() writes the
// new head. Call finish() before committing.
class AuditAppender {
 public:
  AuditAppender(soci::session& s, std::string actor, const Clock& clock)
      : session_(s), actor_(std::move(actor)), clock_(clock) {}
  Status append(const std::string& action, const std::string& entity, const std::string& entity_key,
                const std::string& before_json, const std::string& after_json);
  Status finish();
  // Finalises the prepared statement; SQLite cannot commit while one is open.
  void release() { insert_.reset(); }

 private:
  soci::session& session_;
  std::string actor_;
  const Clock& clock_;
  std::optional<AuditHead> head_;  // loaded by the first append
  bool dirty_ = false;
  // The INSERT is prepared once per transaction and re-executed with the
  // values of row_/seq_ (bound by reference): bulk imports append one record
  // per row, and re-parsing the statement each time dominated their cost.
  AuditRecord row_;
  long long seq_ = 0;
  std::unique_ptr<soci::statement> insert_;
};

// The statements a bulk event import repeats, prepared once per transaction
// (defined in sql_pmp.cc).
struct PreparedEventWriter;
struct PreparedEventWriterDeleter {
  void operator()(PreparedEventWriter* w) const;
};
using EventWriterPtr = std::unique_ptr<PreparedEventWriter, PreparedEventWriterDeleter>;
EventWriterPtr make_event_writer(soci::session& s);

// Org writes; each appends its audit record through `audit`.
Result<org::UnitId> insert_unit(soci::session& s, AuditAppender& audit, const org::Unit& u);
Result<org::EmployeeId> insert_employee(soci::session& s, AuditAppender& audit,
                                        const org::Employee& e, const std::string& now);
Status add_employee_version(soci::session& s, AuditAppender& audit, const org::Employee& e,
                            const std::string& now);
Result<std::int64_t> insert_assignment(soci::session& s, AuditAppender& audit,
                                       const org::Assignment& a);
Status end_assignment(soci::session& s, AuditAppender& audit, std::int64_t id, Date end);
Result<std::int64_t> insert_status(soci::session& s, AuditAppender& audit,
                                   const org::StatusPeriod& p);
Result<std::int64_t> insert_role(soci::session& s, AuditAppender& audit, const org::RoleGrant& g);

// 3.070 events and thresholds (sql_pmp.cc).
Result<std::int64_t> insert_event(AuditAppender& audit, const pmp::IndicatorEvent& e,
                                  const std::string& source_key, PreparedEventWriter& writer);
Status add_event_version(soci::session& s, AuditAppender& audit, const pmp::IndicatorEvent& e);
Result<std::vector<pmp::IndicatorEvent>> load_event_versions(
    soci::session& s, std::optional<org::EmployeeId> employee,
    std::optional<std::int64_t> event = std::nullopt);
Result<std::vector<std::pair<std::string, std::int64_t>>> load_event_keys(soci::session& s);
Result<std::int64_t> insert_threshold_set(soci::session& s, AuditAppender& audit,
                                          const pmp::ThresholdSet& t, const std::string& now,
                                          const std::string& actor);
Result<std::vector<pmp::ThresholdSet>> load_threshold_sets(soci::session& s);

// Accounts, API tokens and threshold approvals (sql_accounts.cc).
Result<std::optional<Account>> load_account_by_username(soci::session& s,
                                                        const std::string& username);
Result<std::optional<Account>> load_account_by_id(soci::session& s, std::int64_t id);
Result<std::vector<Account>> load_accounts(soci::session& s);
Result<std::vector<ApiToken>> load_api_tokens(soci::session& s, std::int64_t account);
Result<std::optional<ApiToken>> load_api_token_by_hash(soci::session& s, const std::string& hash);
Result<std::int64_t> insert_account(soci::session& s, AuditAppender& audit, const Account& a);
Status update_account(soci::session& s, AuditAppender& audit, const Account& a);
Result<std::int64_t> insert_api_token(soci::session& s, AuditAppender& audit, const ApiToken& t);
Status revoke_api_token(soci::session& s, AuditAppender& audit, std::int64_t id, Instant at);
Status approve_threshold_set(soci::session& s, AuditAppender& audit, std::int64_t set_id,
                             const std::string& approved_by, Date approved_on,
                             const std::string& now, const std::string& actor);
Status insert_access_records(soci::session& s, const std::vector<AccessRecord>& records);
Result<std::vector<AccessRecord>> load_access_records(soci::session& s, std::int64_t before,
                                                      int limit);

// Workflow records (sql_workflow.cc).
Result<std::int64_t> insert_workflow_record(soci::session& s, AuditAppender& audit,
                                            const std::string& kind, org::EmployeeId employee,
                                            const std::string& state, const std::string& body,
                                            const std::string& now, const std::string& actor);
Status add_workflow_version(soci::session& s, AuditAppender& audit, std::int64_t id,
                            const std::string& kind, int expected_version, const std::string& state,
                            const std::string& body, const std::string& now,
                            const std::string& actor);
Result<std::vector<WorkflowRecord>> load_workflow_records(soci::session& s, const std::string& kind,
                                                          std::optional<org::EmployeeId> employee);
Result<std::vector<WorkflowRecord>> load_workflow_versions(soci::session& s, std::int64_t id);

// The leave ledger (sql_ledger.cc).
Status insert_ledger_entries(soci::session& s, AuditAppender& audit,
                             std::vector<timeoff::leave::LedgerEntry>& entries,
                             const std::string& now, const std::string& actor);
Result<std::vector<timeoff::leave::LedgerEntry>> load_ledger_entries(
    soci::session& s, std::optional<org::EmployeeId> employee);

}  // namespace rollcall::storage::sql
