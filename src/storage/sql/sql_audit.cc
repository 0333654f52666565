#include "storage/sql/sql_errors.h"
#include "storage/sql/sql_internal.h"
#include "time/instant.h"

namespace rollcall::storage::sql {

Result<std::vector<AuditRecord>> read_audit_records(soci::session& s) {
  return guarded("reading the audit log", [&]() -> Result<std::vector<AuditRecord>> {
    std::vector<AuditRecord> out;
    AuditRecord r;
    long long seq = 0;
    soci::statement st =
        (s.prepare << "SELECT seq, recorded_at, actor, action, entity, entity_key, before_json, "
                      "after_json, prev_hash, hash FROM audit_log ORDER BY seq",
         soci::into(seq), soci::into(r.recorded_at), soci::into(r.actor), soci::into(r.action),
         soci::into(r.entity), soci::into(r.entity_key), soci::into(r.before_json),
         soci::into(r.after_json), soci::into(r.prev_hash), soci::into(r.hash));
    st.execute();
    while (st.fetch()) {
      r.seq = seq;
      out.push_back(r);
    }
    return out;
  });
}

Result<AuditHead> read_audit_head(soci::session& s) {
  return guarded("reading the audit head", [&]() -> Result<AuditHead> {
    long long seq = 0;
    std::string hash;
    s << "SELECT seq, hash FROM audit_head WHERE id = 1", soci::into(seq), soci::into(hash);
    if (!s.got_data()) return data_loss("the audit head row is missing");
    return AuditHead{seq, hash};
  });
}

Status AuditAppender::append(const std::string& action, const std::string& entity,
                             const std::string& entity_key, const std::string& before_json,
                             const std::string& after_json) {
  return guarded("appending to the audit log", [&]() -> Status {
    if (!head_) {
      // Touching the head row takes its write lock on PostgreSQL, so concurrent
      // transactions append one after another; SQLite is already serialised.
      session_ << "UPDATE audit_head SET seq = seq WHERE id = 1";
      RC_ASSIGN_OR_RETURN(AuditHead h, read_audit_head(session_));
      head_ = h;
    }
    AuditRecord r;
    r.seq = head_->seq + 1;
    r.recorded_at = format_utc(clock_.now());
    r.actor = actor_;
    r.action = action;
    r.entity = entity;
    r.entity_key = entity_key;
    r.before_json = before_json;
    r.after_json = after_json;
    r.prev_hash = head_->hash;
    r.hash = compute_audit_hash(r);
    const long long seq = r.seq;
    session_ << "INSERT INTO audit_log (seq, recorded_at, actor, action, entity, entity_key, "
                "before_json, after_json, prev_hash, hash) VALUES (:seq, :at, :actor, :action, "
                ":entity, :key, :before, :after, :prev, :hash)",
        soci::use(seq, "seq"), soci::use(r.recorded_at, "at"), soci::use(r.actor, "actor"),
        soci::use(r.action, "action"), soci::use(r.entity, "entity"),
        soci::use(r.entity_key, "key"), soci::use(r.before_json, "before"),
        soci::use(r.after_json, "after"), soci::use(r.prev_hash, "prev"), soci::use(r.hash, "hash");
    head_ = AuditHead{r.seq, r.hash};
    dirty_ = true;
    return Status::ok();
  });
}

Status AuditAppender::finish() {
  if (!dirty_) return Status::ok();
  return guarded("updating the audit head", [&]() -> Status {
    const long long seq = head_->seq;
    session_ << "UPDATE audit_head SET seq = :seq, hash = :hash WHERE id = 1",
        soci::use(seq, "seq"), soci::use(head_->hash, "hash");
    dirty_ = false;
    return Status::ok();
  });
}

}  // namespace rollcall::storage::sql
