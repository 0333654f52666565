#include "storage/audit_chain.h"

#include <sodium.h>

#include <array>
#include <stdexcept>

namespace rollcall::storage {

const std::string kGenesisHash(64, '0');

namespace {

void absorb(crypto_hash_sha256_state& st, const std::string& field) {
  // Length-prefixing makes the encoding unambiguous: ("ab","c") != ("a","bc").
  const std::string prefix = std::to_string(field.size()) + ":";
  crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char*>(prefix.data()),
                            prefix.size());
  crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char*>(field.data()),
                            field.size());
}

}  // namespace

std::string compute_audit_hash(const AuditRecord& r) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  crypto_hash_sha256_state st;
  crypto_hash_sha256_init(&st);
  absorb(st, r.prev_hash);
  absorb(st, std::to_string(r.seq));
  absorb(st, r.recorded_at);
  absorb(st, r.actor);
  absorb(st, r.action);
  absorb(st, r.entity);
  absorb(st, r.entity_key);
  absorb(st, r.before_json);
  absorb(st, r.after_json);
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256_final(&st, digest.data());
  std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  return std::string(hex.data(), crypto_hash_sha256_BYTES * 2);
}

AuditVerdict verify_chain(const std::vector<AuditRecord>& records, const AuditHead& head) {
  AuditVerdict v;
  auto fail = [&](std::int64_t seq, std::string why) {
    v.ok = false;
    v.first_bad_seq = seq;
    v.reason = std::move(why);
    return v;
  };
  std::int64_t expected_seq = 1;
  std::string expected_prev = kGenesisHash;
  for (const AuditRecord& r : records) {
    if (r.seq > expected_seq) {
      return fail(
          expected_seq,
          "record " + std::to_string(expected_seq) +
              (r.seq - expected_seq > 1 ? " to " + std::to_string(r.seq - 1) + " are" : " is") +
              " missing (removed)");
    }
    if (r.seq < expected_seq) {
      return fail(r.seq, "record " + std::to_string(r.seq) +
                             " repeats or goes back in sequence (inserted or reordered)");
    }
    if (r.prev_hash != expected_prev) {
      return fail(r.seq, "record " + std::to_string(r.seq) +
                             " does not follow the record before it (inserted or reordered)");
    }
    if (compute_audit_hash(r) != r.hash) {
      return fail(r.seq, "record " + std::to_string(r.seq) + " does not match its hash (altered)");
    }
    expected_prev = r.hash;
    ++expected_seq;
    ++v.records_checked;
  }
  const std::int64_t last = expected_seq - 1;
  if (head.seq > last) {
    return fail(last + 1, "record " + std::to_string(last + 1) + " to " + std::to_string(head.seq) +
                              " are missing (removed from the end)");
  }
  if (head.seq < last || head.hash != expected_prev) {
    return fail(head.seq + 1, "the log's head (record " + std::to_string(head.seq) +
                                  ") does not match its last record " + std::to_string(last) +
                                  " (inserted at the end or altered)");
  }
  return v;
}

}  // namespace rollcall::storage
