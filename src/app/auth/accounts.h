// Sign-in use cases (issue 4): each loads the account, decides, stores and
// audits in one transaction. Sign-in success and failure, lockouts, password
// and second-factor changes and API tokens are all audited.
#pragma once

#include <optional>
#include <string>
#include <utility>

#include "app/auth/auth_policy.h"
#include "storage/database.h"

namespace rollcall::app {

// The audit actor for an account's own actions: "user:<username>".
std::string actor_of(const std::string& username);

enum class SignInOutcome {
  kSignedIn,
  kBadCredentials,  // unknown user, wrong password or disabled: one answer for all
  kTotpRequired,    // password right; the account has a second factor, no code given
  kTotpInvalid,     // wrong, stale or replayed code (counts as a failed attempt)
  kLocked,          // too many failures: refused until locked_until
};

struct SignInResult {
  SignInOutcome outcome = SignInOutcome::kBadCredentials;
  storage::Account account;  // set when signed in
  std::optional<Instant> locked_until;
};

// Checks the password (argon2id) and, if the account has one, the TOTP code.
// The 5th consecutive failure (AuthPolicy) locks the account for 15 minutes;
// a locked account is refused without checking the password. The error status
// is only for storage failures; refusals are outcomes.
Result<SignInResult> sign_in(storage::Database& db, const AuthPolicy& policy,
                             const std::string& username, const std::string& password,
                             const std::string& totp_code, const std::string& remote, Instant now);

// UNAUTHENTICATED if `current` is wrong; INVALID_ARGUMENT naming the rule the
// new password breaks.
Status change_password(storage::Database& db, const AuthPolicy& policy, std::int64_t account_id,
                       const std::string& current, const std::string& replacement, Instant now);

// Creates an account for an employee (administrators; the demo). INVALID_ARGUMENT
// for a weak password or a bad username; ALREADY_EXISTS if taken.
Result<std::int64_t> create_account(storage::Database& db, const AuthPolicy& policy,
                                    const std::string& actor, const std::string& username,
                                    org::EmployeeId employee, const std::string& password,
                                    Instant now);

// Turns on the second factor once `code` proves the user holds `secret`.
// INVALID_ARGUMENT for a wrong code.
Status enable_totp(storage::Database& db, std::int64_t account_id, const std::string& secret,
                   const std::string& code, Instant now);

// A new API token for machine imports: the secret (shown once) and its record.
Result<std::pair<std::string, storage::ApiToken>> create_api_token(storage::Database& db,
                                                                   std::int64_t account_id,
                                                                   const std::string& name,
                                                                   Instant now);
// NOT_FOUND unless the token belongs to the account; FAILED_PRECONDITION if
// already revoked.
Status revoke_api_token(storage::Database& db, std::int64_t account_id, std::int64_t token_id,
                        Instant now);
// The account a live (not revoked) token belongs to; nullopt otherwise,
// including for a disabled account.
Result<std::optional<storage::Account>> account_for_token(storage::Database& db,
                                                          const std::string& token);

}  // namespace rollcall::app
