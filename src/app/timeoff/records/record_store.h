// Loading and storing the 4.010 time records as versioned workflow records
// (storage/workflow_record.h): one kind per record type, its domain state as
// the record's state text, the body from records_codec.h. Every write is a new
// version with its audit record, written by the caller's transaction; a write
// names the version it read (optimistic concurrency).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/timeoff/records/records_codec.h"
#include "common/clock.h"
#include "domain/org/org_snapshot.h"
#include "domain/timeoff/records/actor.h"
#include "storage/database.h"

namespace rollcall::app::records {

// The workflow-record kind and state text of each record type.
template <typename T>
struct RecordKind;
#define RC_RECORD_KIND(Type, text)                                                      \
  template <>                                                                           \
  struct RecordKind<Type> {                                                             \
    static constexpr std::string_view kind = text;                                      \
    static std::string state(const Type& r) { return std::string(to_string(r.state)); } \
  };
RC_RECORD_KIND(tr::Timesheet, "timesheet")
RC_RECORD_KIND(tr::Correction, "timesheet-correction")
RC_RECORD_KIND(tr::CashOut, "comp-cash-out")
RC_RECORD_KIND(tr::ReleaseTime, "release-time")
RC_RECORD_KIND(tr::FurloughWork, "furlough-work")
RC_RECORD_KIND(tr::SpecialDutyRequest, "special-duty")
RC_RECORD_KIND(tr::GuildDayRequest, "guild-day")
#undef RC_RECORD_KIND
template <>
struct RecordKind<tr::AwolRecord> {
  static constexpr std::string_view kind = "awol";
  // An AWOL record is "memo-sent" until the copy reaches the bureau chief.
  static std::string state(const tr::AwolRecord& r) {
    return r.memo.copy.delivered() ? "copy-delivered" : "memo-sent";
  }
};

template <typename T>
struct Stored {
  T record;
  int version = 0;  // the workflow record's version
};

// Who acts and when: the account's employee, the audit actor, the instant and
// its agency-zone date.
struct ActingAs {
  org::EmployeeId employee = 0;
  std::string name;  // "user:<username>"
  Instant at;
  Date on;
};

// The domain's Actor for `subject`, as the organisation stands on `on`.
tr::Actor actor_on(const org::OrgSnapshot& org, org::EmployeeId actor, org::EmployeeId subject,
                   Date on);

// Every record of T's kind (of one employee if given), by id. DATA_LOSS if a
// body is unreadable.
template <typename T>
Result<std::vector<Stored<T>>> load_all(storage::WorkflowReader& db,
                                        std::optional<org::EmployeeId> employee) {
  RC_ASSIGN_OR_RETURN(auto rows, db.workflow_records(std::string(RecordKind<T>::kind), employee));
  std::vector<Stored<T>> out;
  out.reserve(rows.size());
  for (const auto& w : rows) {
    RC_ASSIGN_OR_RETURN(T r, from_body<T>(w.body_json, w.id));
    out.push_back(Stored<T>{std::move(r), w.version});
  }
  return out;
}

// The current version of record `id`. NOT_FOUND ("<kind> <id> does not
// exist") for an unknown id or a record of another kind.
template <typename T>
Result<Stored<T>> load_one(storage::WorkflowReader& db, std::int64_t id) {
  RC_ASSIGN_OR_RETURN(auto versions, db.workflow_versions(id));
  if (versions.empty() || versions.back().kind != RecordKind<T>::kind) {
    return not_found(std::string(RecordKind<T>::kind) + " " + std::to_string(id) +
                     " does not exist");
  }
  RC_ASSIGN_OR_RETURN(T r, from_body<T>(versions.back().body_json, id));
  return Stored<T>{std::move(r), versions.back().version};
}

// Stores a new record at version 1 and returns it with its id.
template <typename T>
Result<Stored<T>> insert_record(storage::Transaction& tx, T record) {
  RC_ASSIGN_OR_RETURN(std::int64_t id,
                      tx.insert_workflow_record(std::string(RecordKind<T>::kind), record.employee,
                                                RecordKind<T>::state(record), to_body(record)));
  record.id = id;
  return Stored<T>{std::move(record), 1};
}

// Stores `next` as the version after `current`. FAILED_PRECONDITION if
// someone else wrote first (the storage's optimistic check).
template <typename T>
Result<Stored<T>> update_record(storage::Transaction& tx, const Stored<T>& current, T next) {
  RC_RETURN_IF_ERROR(tx.add_workflow_version(next.id, std::string(RecordKind<T>::kind),
                                             current.version, RecordKind<T>::state(next),
                                             to_body(next)));
  return Stored<T>{std::move(next), current.version + 1};
}

// FAILED_PRECONDITION unless `expected` is unset or equals the stored version.
Status check_version(std::string_view what, std::int64_t id, int stored,
                     std::optional<int> expected);

}  // namespace rollcall::app::records

namespace rollcall::app::records {

// One step on a stored record in one transaction: load record `id`, let
// `decide(current, tx)` return the next state (it may write related rows, such
// as ledger entries, through `tx`), check the caller's expected version, store
// the new version and commit. NOT_FOUND for an unknown id; the decision's
// errors; FAILED_PRECONDITION for a stale version. Nothing is written on any
// error.
template <typename T, typename Decide>
Result<Stored<T>> step_record(storage::Database& db, const ActingAs& acting, std::int64_t id,
                              std::optional<int> expected, Decide&& decide) {
  RC_ASSIGN_OR_RETURN(auto tx, db.begin(acting.name));
  RC_ASSIGN_OR_RETURN(Stored<T> current, load_one<T>(*tx, id));
  RC_ASSIGN_OR_RETURN(T next, decide(current.record, *tx));
  RC_RETURN_IF_ERROR(check_version(RecordKind<T>::kind, id, current.version, expected));
  RC_ASSIGN_OR_RETURN(Stored<T> stored, update_record(*tx, current, std::move(next)));
  RC_RETURN_IF_ERROR(tx->commit());
  return stored;
}

// Stores a new record decided by `decide(tx)` in one transaction.
template <typename T, typename Decide>
Result<Stored<T>> create_record(storage::Database& db, const ActingAs& acting, Decide&& decide) {
  RC_ASSIGN_OR_RETURN(auto tx, db.begin(acting.name));
  RC_ASSIGN_OR_RETURN(T record, decide(*tx));
  RC_ASSIGN_OR_RETURN(Stored<T> stored, insert_record(*tx, std::move(record)));
  RC_RETURN_IF_ERROR(tx->commit());
  return stored;
}

}  // namespace rollcall::app::records
