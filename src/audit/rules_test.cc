#include "audit/rules.h"

#include <gtest/gtest.h>

#include "infra/module.h"

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

// The audit trail's words come from the areas: a record's own field label before the field's label on any record,
// codes nobody declared shown as they are, and a label declared by two areas refused.
TEST(AuditVocabulary, NamesFromTheAreasThatDeclareThem) {
  const module::Info projects{"projects", "项目",
                              {.actions = {{"project.pass", "验收通过"}},
                               .entities = {{"project", "项目"}},
                               .fields = {{"project", "state", "项目状态"}, {"", "budget_fen", "预算（分）"}}}};
  const module::Info market{"market", "服务商", {.fields = {{"provider", "state", "服务商状态"}}}};
  install_vocabulary({&projects, &market});
  EXPECT_EQ(action_name("project.pass"), "验收通过");
  EXPECT_EQ(action_name("project.unknown"), "project.unknown");
  EXPECT_EQ(entity_type_name("project"), "项目");
  EXPECT_EQ(field_name("project", "state"), "项目状态");
  EXPECT_EQ(field_name("provider", "state"), "服务商状态");
  EXPECT_EQ(field_name("provider", "budget_fen"), "预算（分）");
  EXPECT_EQ(field_name("provider", "name"), "名称");  // every area's records have a name
  EXPECT_EQ(field_name("project", "colour"), "colour");
}

TEST(AuditVocabulary, ALabelDeclaredTwiceStopsStartUp) {
  const module::Info a{"a", "甲", {.actions = {{"thing.make", "制作"}}}};
  const module::Info b{"b", "乙", {.actions = {{"thing.make", "制造"}}}};
  EXPECT_THROW(install_vocabulary({&a, &b}), std::runtime_error);
  const module::Info c{"c", "丙", {.fields = {{"", "name", "名字"}}}};
  EXPECT_THROW(install_vocabulary({&c}), std::runtime_error);
}

}  // namespace sz::audit
