// Signed-in sessions, held in the server's memory (ADR 0007): a restart signs
// everyone out, and no session secret is ever written to disk. The cookie
// carries a random 256-bit token; the store keys sessions by its SHA-256, so
// a memory dump does not yield usable cookies either.
//
// Thread-safe. Expiry: 30 minutes idle or 12 hours after sign-in (AuthPolicy),
// whichever comes first; an expired session is removed on its next use.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "app/auth/auth_policy.h"
#include "common/clock.h"
#include "storage/account.h"

namespace rollcall::app {

struct Session {
  std::string id_hash;  // SHA-256 of the cookie token
  std::int64_t account = 0;
  org::EmployeeId employee = 0;
  std::string username;
  std::string csrf_token;  // sent back in X-CSRF-Token on state-changing requests
  Instant created{};
  Instant last_seen{};
  // An administrator without a second factor may only enrol one.
  bool totp_enrolment_required = false;
  std::string pending_totp_secret;  // between "begin" and "confirm" of enrolment
};

class SessionStore {
 public:
  explicit SessionStore(AuthPolicy policy) : policy_(policy) {}

  // A new session for `account`; returns the cookie token (shown once) and
  // the session.
  std::pair<std::string, Session> create(const storage::Account& account, Instant now,
                                         bool totp_enrolment_required);
  // The live session for the cookie token at `now`, with last_seen moved to
  // `now`; nullopt if unknown or expired (an expired session is removed).
  std::optional<Session> touch(std::string_view token, Instant now);
  // Replaces a live session's mutable fields (TOTP enrolment state).
  void update(const Session& session);
  // Ends one session; false if there was none.
  bool end(std::string_view token);
  // Ends every session of `account` but the one with `keep_id_hash` (a
  // password change); returns how many ended.
  int end_all(std::int64_t account, std::string_view keep_id_hash);
  std::size_t size() const;
  const AuthPolicy& policy() const { return policy_; }

 private:
  bool expired(const Session& s, Instant now) const;

  AuthPolicy policy_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Session> sessions_;  // by id_hash
};

}  // namespace rollcall::app
