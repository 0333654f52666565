#include "storage/audit_chain.h"

#include <gtest/gtest.h>

namespace rollcall::storage {
namespace {

std::vector<AuditRecord> chain(int n) {
  std::vector<AuditRecord> out;
  std::string prev = kGenesisHash;
  for (int i = 1; i <= n; ++i) {
    AuditRecord r{i,          "2026-11-23T00:00:0" + std::to_string(i) + "Z",
                  "cli:test", "create",
                  "unit",     "U" + std::to_string(i),
                  "",         "{\"n\":" + std::to_string(i) + "}",
                  prev,       ""};
    r.hash = compute_audit_hash(r);
    prev = r.hash;
    out.push_back(r);
  }
  return out;
}

AuditHead head_of(const std::vector<AuditRecord>& rs) { return {rs.back().seq, rs.back().hash}; }

TEST(AuditChain, HashIsSha256HexAndCoversEveryField) {
  auto rs = chain(1);
  EXPECT_EQ(rs[0].hash.size(), 64u);
  AuditRecord changed = rs[0];
  for (std::string AuditRecord::*field :
       {&AuditRecord::recorded_at, &AuditRecord::actor, &AuditRecord::action, &AuditRecord::entity,
        &AuditRecord::entity_key, &AuditRecord::before_json, &AuditRecord::after_json,
        &AuditRecord::prev_hash}) {
    AuditRecord r = rs[0];
    r.*field += "x";
    EXPECT_NE(compute_audit_hash(r), rs[0].hash);
  }
  changed.seq = 2;
  EXPECT_NE(compute_audit_hash(changed), rs[0].hash);
}

TEST(AuditChain, FieldBoundariesAreUnambiguous) {
  auto rs = chain(1);
  AuditRecord a = rs[0], b = rs[0];
  a.entity = "ab";
  a.entity_key = "c";
  b.entity = "a";
  b.entity_key = "bc";
  EXPECT_NE(compute_audit_hash(a), compute_audit_hash(b));
}

TEST(AuditChain, EmptyLogWithGenesisHeadIsOk) { EXPECT_TRUE(verify_chain({}, AuditHead{}).ok); }

TEST(AuditChain, DetectsEachKindOfTampering) {
  const auto good = chain(5);
  EXPECT_TRUE(verify_chain(good, head_of(good)).ok);

  auto altered = good;
  altered[2].actor = "mallory";
  auto v = verify_chain(altered, head_of(good));
  EXPECT_EQ(v.first_bad_seq, 3);
  EXPECT_NE(v.reason.find("altered"), std::string::npos);

  auto removed = good;
  removed.erase(removed.begin() + 1);
  v = verify_chain(removed, head_of(good));
  EXPECT_EQ(v.first_bad_seq, 2);
  EXPECT_NE(v.reason.find("removed"), std::string::npos);

  // Two records swap places: the contents move, the sequence numbers stay.
  auto reordered = good;
  std::swap(reordered[1], reordered[2]);
  reordered[1].seq = 2;
  reordered[2].seq = 3;
  v = verify_chain(reordered, head_of(good));
  EXPECT_EQ(v.first_bad_seq, 2);
  EXPECT_NE(v.reason.find("reordered"), std::string::npos);

  auto truncated = good;
  truncated.pop_back();
  v = verify_chain(truncated, head_of(good));
  EXPECT_EQ(v.first_bad_seq, 5);

  // A record appended correctly chained but without moving the head.
  auto longer = chain(6);
  v = verify_chain(longer, head_of(good));
  EXPECT_EQ(v.first_bad_seq, 6);
}

}  // namespace
}  // namespace rollcall::storage
