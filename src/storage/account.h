// Sign-in accounts and API tokens as stored (issue 4). Roles are not here:
// they come from positions and role grants on the day (domain/access).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "common/clock.h"
#include "domain/org/org_types.h"

namespace rollcall::storage {

struct Account {
  std::int64_t id = 0;
  std::string username;
  org::EmployeeId employee = 0;
  std::string password_hash;  // argon2id PHC string; never logged or audited
  Instant password_changed_at{};
  std::string totp_secret;          // base32; empty when the account has no second factor
  std::int64_t totp_last_step = 0;  // last accepted TOTP time step (replay guard)
  int failed_attempts = 0;          // consecutive failed sign-ins
  std::optional<Instant> locked_until;
  bool disabled = false;
  Instant created_at{};
};

struct ApiToken {
  std::int64_t id = 0;
  std::int64_t account = 0;
  std::string name;
  std::string token_hash;  // SHA-256 hex of the secret; the secret is never stored
  Instant created_at{};
  std::optional<Instant> revoked_at;
};

// One read of a confidential record (access_log): who read what, when.
struct AccessRecord {
  std::int64_t id = 0;
  Instant at{};
  std::string actor;       // "user:coordinator"
  std::string action;      // "read"
  std::string entity;      // "pmp_record", "dashboard", "employee" …
  std::string entity_key;  // serial, or the query for lists
  std::string details;     // JSON
};

}  // namespace rollcall::storage
