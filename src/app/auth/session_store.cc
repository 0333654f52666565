#include "app/auth/session_store.h"

#include "security/tokens.h"

namespace rollcall::app {

std::pair<std::string, Session> SessionStore::create(const storage::Account& account, Instant now,
                                                     bool totp_enrolment_required) {
  std::string token = security::random_token(32);
  Session s;
  s.id_hash = security::sha256_hex(token);
  s.account = account.id;
  s.employee = account.employee;
  s.username = account.username;
  s.csrf_token = security::random_token(32);
  s.created = now;
  s.last_seen = now;
  s.totp_enrolment_required = totp_enrolment_required;
  std::lock_guard lock(mutex_);
  sessions_[s.id_hash] = s;
  return {std::move(token), std::move(s)};
}

bool SessionStore::expired(const Session& s, Instant now) const {
  return now - s.last_seen >= policy_.idle_timeout || now - s.created >= policy_.absolute_lifetime;
}

std::optional<Session> SessionStore::touch(std::string_view token, Instant now) {
  const std::string id = security::sha256_hex(token);
  std::lock_guard lock(mutex_);
  auto it = sessions_.find(id);
  if (it == sessions_.end()) return std::nullopt;
  if (expired(it->second, now)) {
    sessions_.erase(it);
    return std::nullopt;
  }
  it->second.last_seen = now;
  return it->second;
}

void SessionStore::update(const Session& session) {
  std::lock_guard lock(mutex_);
  auto it = sessions_.find(session.id_hash);
  if (it == sessions_.end()) return;
  it->second.totp_enrolment_required = session.totp_enrolment_required;
  it->second.pending_totp_secret = session.pending_totp_secret;
}

bool SessionStore::end(std::string_view token) {
  const std::string id = security::sha256_hex(token);
  std::lock_guard lock(mutex_);
  return sessions_.erase(id) > 0;
}

int SessionStore::end_all(std::int64_t account, std::string_view keep_id_hash) {
  std::lock_guard lock(mutex_);
  int n = 0;
  for (auto it = sessions_.begin(); it != sessions_.end();) {
    if (it->second.account == account && it->first != keep_id_hash) {
      it = sessions_.erase(it);
      ++n;
    } else {
      ++it;
    }
  }
  return n;
}

std::size_t SessionStore::size() const {
  std::lock_guard lock(mutex_);
  return sessions_.size();
}

}  // namespace rollcall::app
