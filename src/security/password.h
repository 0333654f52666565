// Password hashing and the password rules for sign-in (ARCHITECTURE.md,
// "Chosen libraries": libsodium argon2id).
//
// Stored form: the PHC string libsodium writes, e.g.
//   $argon2id$v=19$m=65536,t=2,p=1$<salt>$<hash>
// It carries the algorithm, the cost and a random salt, so one column holds it
// and verify_password() needs nothing else. Plain-text passwords are never
// stored or logged; callers pass them in and drop them.
//
// Thread-safety: every function may be called from any thread.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"

namespace rollcall::security {

// The argon2id work factors: passes over memory (ops) and memory in bytes.
struct Argon2Cost {
  unsigned long long ops;
  std::size_t mem_bytes;
};

// Production default: libsodium's INTERACTIVE limits for argon2id
// (2 passes, 64 MiB; roughly 50-100 ms on a server core).
extern const Argon2Cost kInteractiveCost;
// For tests only: still argon2id, 1 pass over 8 MiB, a few milliseconds.
extern const Argon2Cost kTestCost;

// Hashes `password` with argon2id at `cost` under a fresh random salt and returns
// the PHC string (starts with "$argon2id$v=19$"). Two calls with the same password
// return different strings. Any bytes are accepted (check password_problem() first
// when the user chooses a password).
// Errors: INVALID_ARGUMENT if `cost` is outside libsodium's argon2id limits
// (ops >= 1, mem_bytes >= 8 KiB); RESOURCE_EXHAUSTED if the memory could not be
// allocated (the caller may retry later).
Result<std::string> hash_password(std::string_view password, Argon2Cost cost);

// True only if `phc` is a well-formed argon2 PHC string (as written by
// hash_password) and `password` matches it. False for a wrong password, an empty,
// truncated or otherwise malformed hash, or if the hash's memory cost cannot be
// allocated. Never throws. Takes time proportional to the hash's cost, whatever
// the outcome.
bool verify_password(std::string_view phc, std::string_view password);

// True if `phc` should be replaced by hash_password(password, cost) at the next
// successful sign-in: it is not argon2id, its ops or memory differ from `cost`
// (weaker or stronger), or it is malformed. False only for an argon2id hash made
// with exactly `cost`.
bool needs_rehash(std::string_view phc, Argon2Cost cost);

// Checks a password the user is choosing (NIST SP 800-63B, 5.1.1.2). Returns
// nullopt if it is acceptable, otherwise one sentence to show the user. A
// password is refused if it:
//   - is not valid UTF-8;
//   - is longer than 256 bytes;
//   - has fewer than 12 characters (Unicode code points);
//   - is one character repeated;
//   - is on a short built-in list of very common passwords (ASCII case-insensitive);
//   - equals `username`, or contains it when the username has 3 or more characters
//     (ASCII case-insensitive; an empty username is not checked).
// No composition rules (digits, symbols) are imposed, as NIST advises.
std::optional<std::string> password_problem(std::string_view password, std::string_view username);

}  // namespace rollcall::security
