// Sign-in accounts, API tokens and threshold approvals (migration 0004).
#include <limits>

#include <nlohmann/json.hpp>

#include "storage/sql/sql_errors.h"
#include "storage/sql/sql_internal.h"
#include "time/instant.h"

namespace rollcall::storage::sql {
namespace {

using nlohmann::json;

// What the audit log keeps of an account: never the password hash or the
// TOTP secret, only whether they changed.
json audit_json(const Account& a) {
  return json{{"username", a.username},
              {"employee_id", a.employee},
              {"password_changed_at", format_utc(a.password_changed_at)},
              {"totp_enabled", !a.totp_secret.empty()},
              {"failed_attempts", a.failed_attempts},
              {"locked_until", a.locked_until ? json(format_utc(*a.locked_until)) : json(nullptr)},
              {"disabled", a.disabled}};
}

Result<Instant> stored_instant(const std::string& text, const char* column) {
  auto t = parse_utc(text);
  if (!t) return data_loss(std::string("stored ") + column + " is not an instant: " + text);
  return *t;
}

constexpr const char* kAccountColumns =
    "SELECT id, username, employee_id, password_hash, password_changed_at, totp_secret, "
    "totp_last_step, failed_attempts, locked_until, disabled, created_at FROM accounts ";

// Runs kAccountColumns + `where` (which uses :k) with `key` bound and reads
// every row. Every caller binds a key, so there is one statement shape.
template <typename Key>
Result<std::vector<Account>> read_accounts(soci::session& s, const std::string& where,
                                           const Key& key) {
  return guarded("reading accounts", [&]() -> Result<std::vector<Account>> {
    std::vector<Account> out;
    long long id = 0, employee = 0, step = 0;
    int failed = 0, disabled = 0;
    std::string username, hash, changed, secret, created, locked;
    soci::indicator locked_ind = soci::i_null;
    soci::statement st =
        (s.prepare << kAccountColumns + where, soci::use(key, "k"), soci::into(id),
         soci::into(username), soci::into(employee), soci::into(hash), soci::into(changed),
         soci::into(secret), soci::into(step), soci::into(failed), soci::into(locked, locked_ind),
         soci::into(disabled), soci::into(created));
    st.execute();
    while (st.fetch()) {
      Account a;
      a.id = id;
      a.username = username;
      a.employee = employee;
      a.password_hash = hash;
      RC_ASSIGN_OR_RETURN(a.password_changed_at, stored_instant(changed, "password_changed_at"));
      a.totp_secret = secret;
      a.totp_last_step = step;
      a.failed_attempts = failed;
      if (locked_ind == soci::i_ok) {
        RC_ASSIGN_OR_RETURN(Instant t, stored_instant(locked, "locked_until"));
        a.locked_until = t;
      }
      a.disabled = disabled != 0;
      RC_ASSIGN_OR_RETURN(a.created_at, stored_instant(created, "created_at"));
      out.push_back(std::move(a));
    }
    return out;
  });
}

Result<std::optional<Account>> first(Result<std::vector<Account>> rows) {
  if (!rows) return rows.status();
  if (rows.value().empty()) return std::optional<Account>();
  return std::optional<Account>(std::move(rows.value().front()));
}

template <typename Key>
Result<std::vector<ApiToken>> read_tokens(soci::session& s, const std::string& where,
                                          const Key& key) {
  return guarded("reading API tokens", [&]() -> Result<std::vector<ApiToken>> {
    std::vector<ApiToken> out;
    long long id = 0, account = 0;
    std::string name, hash, created, revoked;
    soci::indicator revoked_ind = soci::i_null;
    soci::statement st =
        (s.prepare << "SELECT id, account_id, name, token_hash, created_at, revoked_at "
                      "FROM api_tokens " +
                          where,
         soci::use(key, "k"), soci::into(id), soci::into(account), soci::into(name),
         soci::into(hash), soci::into(created), soci::into(revoked, revoked_ind));
    st.execute();
    while (st.fetch()) {
      ApiToken t;
      t.id = id;
      t.account = account;
      t.name = name;
      t.token_hash = hash;
      RC_ASSIGN_OR_RETURN(t.created_at, stored_instant(created, "created_at"));
      if (revoked_ind == soci::i_ok) {
        RC_ASSIGN_OR_RETURN(Instant r, stored_instant(revoked, "revoked_at"));
        t.revoked_at = r;
      }
      out.push_back(std::move(t));
    }
    return out;
  });
}

// Bound values of one account row.
struct AccountRow {
  long long id = 0, employee = 0, step = 0;
  int failed = 0, disabled = 0;
  std::string username, hash, changed, secret, created, locked;
  soci::indicator locked_ind = soci::i_null;
  explicit AccountRow(const Account& a)
      : id(a.id),
        employee(a.employee),
        step(a.totp_last_step),
        failed(a.failed_attempts),
        disabled(a.disabled ? 1 : 0),
        username(a.username),
        hash(a.password_hash),
        changed(format_utc(a.password_changed_at)),
        secret(a.totp_secret),
        created(format_utc(a.created_at)) {
    if (a.locked_until) {
      locked = format_utc(*a.locked_until);
      locked_ind = soci::i_ok;
    }
  }
};

}  // namespace

Result<std::optional<Account>> load_account_by_username(soci::session& s,
                                                        const std::string& username) {
  return first(read_accounts(s, "WHERE username = :k", username));
}

Result<std::optional<Account>> load_account_by_id(soci::session& s, std::int64_t id) {
  const long long key = id;
  return first(read_accounts(s, "WHERE id = :k", key));
}

Result<std::vector<Account>> load_accounts(soci::session& s) {
  const long long every = 0;  // ids start at 1
  return read_accounts(s, "WHERE id > :k ORDER BY username", every);
}

Result<std::vector<ApiToken>> load_api_tokens(soci::session& s, std::int64_t account) {
  const long long key = account;
  return read_tokens(s, "WHERE account_id = :k ORDER BY id", key);
}

Result<std::optional<ApiToken>> load_api_token_by_hash(soci::session& s, const std::string& hash) {
  RC_ASSIGN_OR_RETURN(auto rows, read_tokens(s, "WHERE token_hash = :k", hash));
  if (rows.empty()) return std::optional<ApiToken>();
  return std::optional<ApiToken>(std::move(rows.front()));
}

Result<std::int64_t> insert_account(soci::session& s, AuditAppender& audit, const Account& a) {
  return guarded("inserting an account", [&]() -> Result<std::int64_t> {
    AccountRow r(a);
    long long id = 0;
    s << "INSERT INTO accounts (username, employee_id, password_hash, password_changed_at, "
         "totp_secret, totp_last_step, failed_attempts, locked_until, disabled, created_at) "
         "VALUES (:u, :e, :h, :pc, :ts, :st, :fa, :lu, :d, :c) RETURNING id",
        soci::use(r.username, "u"), soci::use(r.employee, "e"), soci::use(r.hash, "h"),
        soci::use(r.changed, "pc"), soci::use(r.secret, "ts"), soci::use(r.step, "st"),
        soci::use(r.failed, "fa"), soci::use(r.locked, r.locked_ind, "lu"),
        soci::use(r.disabled, "d"), soci::use(r.created, "c"), soci::into(id);
    RC_RETURN_IF_ERROR(
        audit.append("create", "account", std::to_string(id), "", audit_json(a).dump()));
    return id;
  });
}

Status update_account(soci::session& s, AuditAppender& audit, const Account& a) {
  RC_ASSIGN_OR_RETURN(auto before, load_account_by_id(s, a.id));
  if (!before) return not_found("account " + std::to_string(a.id) + " does not exist");
  return guarded("updating an account", [&]() -> Status {
    AccountRow r(a);
    s << "UPDATE accounts SET password_hash = :h, password_changed_at = :pc, totp_secret = :ts, "
         "totp_last_step = :st, failed_attempts = :fa, locked_until = :lu, disabled = :d "
         "WHERE id = :id",
        soci::use(r.hash, "h"), soci::use(r.changed, "pc"), soci::use(r.secret, "ts"),
        soci::use(r.step, "st"), soci::use(r.failed, "fa"), soci::use(r.locked, r.locked_ind, "lu"),
        soci::use(r.disabled, "d"), soci::use(r.id, "id");
    json after = audit_json(a);
    if (a.password_hash != before->password_hash) after["password_changed"] = true;
    if (a.totp_secret != before->totp_secret) after["totp_changed"] = true;
    return audit.append("update", "account", std::to_string(a.id), audit_json(*before).dump(),
                        after.dump());
  });
}

Result<std::int64_t> insert_api_token(soci::session& s, AuditAppender& audit, const ApiToken& t) {
  return guarded("inserting an API token", [&]() -> Result<std::int64_t> {
    long long id = 0;
    const long long account = t.account;
    const std::string created = format_utc(t.created_at);
    s << "INSERT INTO api_tokens (account_id, name, token_hash, created_at) "
         "VALUES (:a, :n, :h, :c) RETURNING id",
        soci::use(account, "a"), soci::use(t.name, "n"), soci::use(t.token_hash, "h"),
        soci::use(created, "c"), soci::into(id);
    const json after{{"account_id", t.account}, {"name", t.name}, {"created_at", created}};
    RC_RETURN_IF_ERROR(audit.append("create", "api_token", std::to_string(id), "", after.dump()));
    return id;
  });
}

Status revoke_api_token(soci::session& s, AuditAppender& audit, std::int64_t id, Instant at) {
  return guarded("revoking an API token", [&]() -> Status {
    const long long key = id;
    std::string revoked;
    soci::indicator ind = soci::i_null;
    int n = 0;
    s << "SELECT COUNT(*) FROM api_tokens WHERE id = :id", soci::use(key, "id"), soci::into(n);
    if (n == 0) return not_found("API token " + std::to_string(id) + " does not exist");
    s << "SELECT revoked_at FROM api_tokens WHERE id = :id", soci::use(key, "id"),
        soci::into(revoked, ind);
    if (ind == soci::i_ok) {
      return failed_precondition("API token " + std::to_string(id) + " was revoked at " + revoked);
    }
    const std::string when = format_utc(at);
    s << "UPDATE api_tokens SET revoked_at = :r WHERE id = :id", soci::use(when, "r"),
        soci::use(key, "id");
    return audit.append("revoke", "api_token", std::to_string(id),
                        json{{"revoked_at", nullptr}}.dump(), json{{"revoked_at", when}}.dump());
  });
}

Status approve_threshold_set(soci::session& s, AuditAppender& audit, std::int64_t set_id,
                             const std::string& approved_by, Date approved_on,
                             const std::string& now, const std::string& actor) {
  return guarded("approving a threshold set", [&]() -> Status {
    const long long key = set_id;
    int n = 0;
    s << "SELECT COUNT(*) FROM threshold_sets WHERE id = :id", soci::use(key, "id"), soci::into(n);
    if (n == 0) return not_found("threshold set " + std::to_string(set_id) + " does not exist");
    std::string by;
    soci::indicator ind = soci::i_null;
    s << "SELECT CASE WHEN chief_approved_on IS NULL THEN NULL ELSE chief_approved_by END "
         "FROM threshold_sets WHERE id = :id",
        soci::use(key, "id"), soci::into(by, ind);
    int approvals = 0;
    s << "SELECT COUNT(*) FROM threshold_approvals WHERE set_id = :id", soci::use(key, "id"),
        soci::into(approvals);
    if (ind == soci::i_ok || approvals > 0) {
      return already_exists("threshold set " + std::to_string(set_id) + " is already approved");
    }
    const std::string on = approved_on.to_string();
    s << "INSERT INTO threshold_approvals (set_id, approved_by, approved_on, recorded_at, "
         "recorded_by) VALUES (:id, :by, :on, :at, :rb)",
        soci::use(key, "id"), soci::use(approved_by, "by"), soci::use(on, "on"),
        soci::use(now, "at"), soci::use(actor, "rb");
    const json after{{"set_id", set_id}, {"approved_by", approved_by}, {"approved_on", on}};
    return audit.append("approve", "threshold_set", std::to_string(set_id), "", after.dump());
  });
}

Status insert_access_records(soci::session& s, const std::vector<AccessRecord>& records) {
  if (records.empty()) return Status::ok();
  return guarded("writing the access log", [&]() -> Status {
    std::string at, actor, action, entity, key, details;
    soci::statement st = (s.prepare << "INSERT INTO access_log (at, actor, action, entity, "
                                       "entity_key, details) VALUES (:at, :ac, :an, :en, :k, :d)",
                          soci::use(at, "at"), soci::use(actor, "ac"), soci::use(action, "an"),
                          soci::use(entity, "en"), soci::use(key, "k"), soci::use(details, "d"));
    for (const AccessRecord& r : records) {
      at = format_utc(r.at);
      actor = r.actor;
      action = r.action;
      entity = r.entity;
      key = r.entity_key;
      details = r.details;
      st.execute(true);
    }
    return Status::ok();
  });
}

Result<std::vector<AccessRecord>> load_access_records(soci::session& s, std::int64_t before,
                                                      int limit) {
  return guarded("reading the access log", [&]() -> Result<std::vector<AccessRecord>> {
    std::vector<AccessRecord> out;
    long long id = 0;
    const long long below = before > 0 ? before : std::numeric_limits<long long>::max();
    const int n = limit;
    std::string at, actor, action, entity, key, details;
    soci::statement st =
        (s.prepare << "SELECT id, at, actor, action, entity, entity_key, details FROM access_log "
                      "WHERE id < :b ORDER BY id DESC LIMIT :n",
         soci::use(below, "b"), soci::use(n, "n"), soci::into(id), soci::into(at),
         soci::into(actor), soci::into(action), soci::into(entity), soci::into(key),
         soci::into(details));
    st.execute();
    while (st.fetch()) {
      AccessRecord r;
      r.id = id;
      RC_ASSIGN_OR_RETURN(r.at, stored_instant(at, "at"));
      r.actor = actor;
      r.action = action;
      r.entity = entity;
      r.entity_key = key;
      r.details = details;
      out.push_back(std::move(r));
    }
    return out;
  });
}

}  // namespace rollcall::storage::sql
