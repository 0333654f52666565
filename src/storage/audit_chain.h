// The audit log's hash chain (docs/adr/0003-audit-log-hash-chain.md).
//
// Each record's hash is SHA-256 over its own fields and the previous record's
// hash, so altering, removing, inserting or reordering records breaks the chain
// at the first affected record. verify_chain() is pure: storage reads the rows
// and the head, this decides.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rollcall::storage {

// Hash of the (virtual) record 0 that the first record chains to.
extern const std::string kGenesisHash;

struct AuditRecord {
  std::int64_t seq = 0;     // 1, 2, 3 … without gaps
  std::string recorded_at;  // ISO-8601 UTC, e.g. "2026-11-23T01:15:00Z"
  std::string actor;        // who: "cli:root", "user:4711"
  std::string action;       // what: "create", "update", "end", "sign-in" …
  std::string entity;       // table-level noun: "unit", "employee", "assignment" …
  std::string entity_key;   // business key: unit code, serial, row id
  std::string before_json;  // "" for creations
  std::string after_json;   // "" for deletions
  std::string prev_hash;    // hex
  std::string hash;         // hex
};

// The stored pointer to the newest record, updated with every append.
struct AuditHead {
  std::int64_t seq = 0;
  std::string hash = kGenesisHash;
};

// Hex SHA-256 over the length-prefixed fields of `r` (except hash) and r.prev_hash.
std::string compute_audit_hash(const AuditRecord& r);

struct AuditVerdict {
  bool ok = true;
  std::int64_t records_checked = 0;
  std::optional<std::int64_t> first_bad_seq;  // the first record that fails, if any
  std::string reason;                         // what is wrong with it
};

// Checks `records` (ordered by seq as stored) against each other and `head`.
// Reports the first bad record:
//   altered   – its stored hash does not match its contents;
//   removed   – a gap in seq numbers, or the head points past the last record;
//   inserted / reordered – its prev_hash is not the previous record's hash, or
//                 its seq repeats or goes backwards.
AuditVerdict verify_chain(const std::vector<AuditRecord>& records, const AuditHead& head);

}  // namespace rollcall::storage
