#include "app/auth/accounts.h"

#include <nlohmann/json.hpp>

#include "security/tokens.h"
#include "security/totp.h"
#include "time/instant.h"

namespace rollcall::app {
namespace {

using nlohmann::json;

std::string details(const std::string& remote, const std::string& why) {
  json j{{"remote", remote}};
  if (!why.empty()) j["reason"] = why;
  return j.dump();
}

// Verifying against a real hash when the username is unknown keeps the answer
// time the same, so timing does not reveal which usernames exist.
void spend_equal_time(const AuthPolicy& policy, const std::string& password) {
  static const std::string kDummy =
      security::hash_password("not a real password, for timing only", policy.password_cost).value();
  (void)security::verify_password(kDummy, password);
}

// Records one failed attempt; locks the account on the policy's limit.
Result<SignInResult> record_failure(storage::Database& db, const AuthPolicy& policy,
                                    storage::Account account, SignInOutcome outcome,
                                    const std::string& remote, const std::string& why,
                                    Instant now) {
  SignInResult result;
  result.outcome = outcome;
  RC_ASSIGN_OR_RETURN(auto tx, db.begin(actor_of(account.username)));
  account.failed_attempts += 1;
  const bool lock = account.failed_attempts >= policy.max_failed_attempts;
  if (lock) {
    account.locked_until = now + policy.lockout;
    account.failed_attempts = 0;
    result.outcome = SignInOutcome::kLocked;
    result.locked_until = account.locked_until;
  }
  RC_RETURN_IF_ERROR(tx->update_account(account));
  RC_RETURN_IF_ERROR(
      tx->audit_event("sign-in-failure", "account", account.username, details(remote, why)));
  if (lock) {
    RC_RETURN_IF_ERROR(tx->audit_event(
        "lockout", "account", account.username,
        json{{"remote", remote}, {"locked_until", format_utc(*account.locked_until)}}.dump()));
  }
  RC_RETURN_IF_ERROR(tx->commit());
  return result;
}

Result<storage::Account> require_account(storage::Database& db, std::int64_t id) {
  RC_ASSIGN_OR_RETURN(auto account, db.account_by_id(id));
  if (!account) return not_found("account " + std::to_string(id) + " does not exist");
  return *account;
}

}  // namespace

std::string actor_of(const std::string& username) { return "user:" + username; }

Result<SignInResult> sign_in(storage::Database& db, const AuthPolicy& policy,
                             const std::string& username, const std::string& password,
                             const std::string& totp_code, const std::string& remote, Instant now) {
  RC_ASSIGN_OR_RETURN(auto found, db.account_by_username(username));
  if (!found || found->disabled) {
    spend_equal_time(policy, password);
    RC_ASSIGN_OR_RETURN(auto tx, db.begin(actor_of(username)));
    RC_RETURN_IF_ERROR(tx->audit_event("sign-in-failure", "account", username,
                                       details(remote, found ? "disabled" : "unknown username")));
    RC_RETURN_IF_ERROR(tx->commit());
    return SignInResult{};
  }
  storage::Account account = *found;
  if (account.locked_until && now < *account.locked_until) {
    RC_ASSIGN_OR_RETURN(auto tx, db.begin(actor_of(username)));
    RC_RETURN_IF_ERROR(
        tx->audit_event("sign-in-refused", "account", username, details(remote, "locked")));
    RC_RETURN_IF_ERROR(tx->commit());
    SignInResult r;
    r.outcome = SignInOutcome::kLocked;
    r.locked_until = account.locked_until;
    return r;
  }
  if (!security::verify_password(account.password_hash, password)) {
    return record_failure(db, policy, account, SignInOutcome::kBadCredentials, remote,
                          "wrong password", now);
  }
  if (!account.totp_secret.empty()) {
    if (totp_code.empty()) {
      SignInResult r;
      r.outcome = SignInOutcome::kTotpRequired;
      return r;
    }
    auto step = security::verify_totp(account.totp_secret, totp_code, now);
    if (!step || *step <= account.totp_last_step) {
      return record_failure(db, policy, account, SignInOutcome::kTotpInvalid, remote,
                            step ? "replayed TOTP code" : "wrong TOTP code", now);
    }
    account.totp_last_step = *step;
  }
  account.failed_attempts = 0;
  account.locked_until.reset();
  if (security::needs_rehash(account.password_hash, policy.password_cost)) {
    RC_ASSIGN_OR_RETURN(account.password_hash,
                        security::hash_password(password, policy.password_cost));
  }
  RC_ASSIGN_OR_RETURN(auto tx, db.begin(actor_of(username)));
  if (account.failed_attempts != found->failed_attempts || found->locked_until ||
      account.totp_last_step != found->totp_last_step ||
      account.password_hash != found->password_hash) {
    RC_RETURN_IF_ERROR(tx->update_account(account));
  }
  RC_RETURN_IF_ERROR(tx->audit_event("sign-in", "account", username, details(remote, "")));
  RC_RETURN_IF_ERROR(tx->commit());
  SignInResult r;
  r.outcome = SignInOutcome::kSignedIn;
  r.account = account;
  return r;
}

Status change_password(storage::Database& db, const AuthPolicy& policy, std::int64_t account_id,
                       const std::string& current, const std::string& replacement, Instant now) {
  RC_ASSIGN_OR_RETURN(storage::Account account, require_account(db, account_id));
  if (!security::verify_password(account.password_hash, current)) {
    return {StatusCode::kUnauthenticated, "the current password is wrong"};
  }
  if (auto problem = security::password_problem(replacement, account.username)) {
    return invalid_argument("new_password: " + *problem);
  }
  RC_ASSIGN_OR_RETURN(account.password_hash,
                      security::hash_password(replacement, policy.password_cost));
  account.password_changed_at = now;
  RC_ASSIGN_OR_RETURN(auto tx, db.begin(actor_of(account.username)));
  RC_RETURN_IF_ERROR(tx->update_account(account));
  RC_RETURN_IF_ERROR(tx->audit_event("password-change", "account", account.username, "{}"));
  return tx->commit();
}

Result<std::int64_t> create_account(storage::Database& db, const AuthPolicy& policy,
                                    const std::string& actor, const std::string& username,
                                    org::EmployeeId employee, const std::string& password,
                                    Instant now) {
  if (username.empty() || username.size() > 64 ||
      username.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789._-") != std::string::npos) {
    return invalid_argument(
        "username: 1 to 64 characters of lower-case letters, digits, '.', '_' or '-'");
  }
  if (auto problem = security::password_problem(password, username)) {
    return invalid_argument("password: " + *problem);
  }
  storage::Account a;
  a.username = username;
  a.employee = employee;
  RC_ASSIGN_OR_RETURN(a.password_hash, security::hash_password(password, policy.password_cost));
  a.password_changed_at = now;
  a.created_at = now;
  RC_ASSIGN_OR_RETURN(auto tx, db.begin(actor));
  RC_ASSIGN_OR_RETURN(std::int64_t id, tx->insert_account(a));
  RC_RETURN_IF_ERROR(tx->commit());
  return id;
}

Status enable_totp(storage::Database& db, std::int64_t account_id, const std::string& secret,
                   const std::string& code, Instant now) {
  RC_ASSIGN_OR_RETURN(storage::Account account, require_account(db, account_id));
  auto step = security::verify_totp(secret, code, now);
  if (!step) return invalid_argument("code: does not match the authenticator's current code");
  account.totp_secret = secret;
  account.totp_last_step = *step;
  RC_ASSIGN_OR_RETURN(auto tx, db.begin(actor_of(account.username)));
  RC_RETURN_IF_ERROR(tx->update_account(account));
  RC_RETURN_IF_ERROR(tx->audit_event("totp-enabled", "account", account.username, "{}"));
  return tx->commit();
}

Result<std::pair<std::string, storage::ApiToken>> create_api_token(storage::Database& db,
                                                                   std::int64_t account_id,
                                                                   const std::string& name,
                                                                   Instant now) {
  RC_ASSIGN_OR_RETURN(storage::Account account, require_account(db, account_id));
  if (name.empty() || name.size() > 100) return invalid_argument("name: 1 to 100 characters");
  std::string secret = "rct_" + security::random_token(32);
  storage::ApiToken t;
  t.account = account_id;
  t.name = name;
  t.token_hash = security::sha256_hex(secret);
  t.created_at = now;
  RC_ASSIGN_OR_RETURN(auto tx, db.begin(actor_of(account.username)));
  RC_ASSIGN_OR_RETURN(t.id, tx->insert_api_token(t));
  RC_RETURN_IF_ERROR(tx->commit());
  return std::make_pair(std::move(secret), std::move(t));
}

Status revoke_api_token(storage::Database& db, std::int64_t account_id, std::int64_t token_id,
                        Instant now) {
  RC_ASSIGN_OR_RETURN(storage::Account account, require_account(db, account_id));
  RC_ASSIGN_OR_RETURN(auto tokens, db.api_tokens(account_id));
  bool owned = false;
  for (const auto& t : tokens) owned = owned || t.id == token_id;
  if (!owned) return not_found("API token " + std::to_string(token_id) + " is not yours");
  RC_ASSIGN_OR_RETURN(auto tx, db.begin(actor_of(account.username)));
  RC_RETURN_IF_ERROR(tx->revoke_api_token(token_id, now));
  return tx->commit();
}

Result<std::optional<storage::Account>> account_for_token(storage::Database& db,
                                                          const std::string& token) {
  RC_ASSIGN_OR_RETURN(auto found, db.api_token_by_hash(security::sha256_hex(token)));
  if (!found || found->revoked_at) return std::optional<storage::Account>();
  RC_ASSIGN_OR_RETURN(auto account, db.account_by_id(found->account));
  if (!account || account->disabled) return std::optional<storage::Account>();
  return account;
}

}  // namespace rollcall::app
