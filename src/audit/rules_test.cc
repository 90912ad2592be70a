#include "audit/rules.h"

#include <gtest/gtest.h>

namespace sz::audit {

namespace {
std::vector<Entry> chain_of(int n) {
  std::vector<Entry> out;
  std::string prev = kGenesisHash;
  for (int i = 1; i <= n; ++i) {
    Entry e;
    e.seq = i;
    e.at = 1700000000 + i;
    e.actor = {i, "admin", "city_admin", "rid", "127.0.0.1"};
    e.action = "user.create";
    e.entity_type = "user";
    e.entity_id = std::to_string(i);
    e.after_json = "{\"n\":" + std::to_string(i) + "}";
    e.prev_hash = prev;
    e.hash = link_hash(e);
    prev = e.hash;
    out.push_back(e);
  }
  return out;
}
bool whole(const std::vector<Entry>& v, int64_t* broken = nullptr) {
  ChainChecker c;
  for (const auto& e : v)
    if (!c.add(e)) {
      if (broken) *broken = e.seq;
      return false;
    }
  return true;
}
}  // namespace

TEST(AuditChain, AnIntactChainVerifies) { EXPECT_TRUE(whole(chain_of(5))); }

TEST(AuditChain, AnEditedEntryBreaksAtThatEntry) {
  auto v = chain_of(5);
  v[2].after_json = "{\"n\":999}";
  int64_t broken = 0;
  EXPECT_FALSE(whole(v, &broken));
  EXPECT_EQ(broken, 3);
}

TEST(AuditChain, ARemovedEntryBreaksTheNextOne) {
  auto v = chain_of(5);
  v.erase(v.begin() + 1);
  int64_t broken = 0;
  EXPECT_FALSE(whole(v, &broken));
  EXPECT_EQ(broken, 3);
}

TEST(AuditChain, UsesSm3) { EXPECT_EQ(chain_of(1)[0].hash.size(), 64u); }

}  // namespace sz::audit
