// Provider directory rules: the moves as shipped (data/provider-rules.json), who takes them, complete applications.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "market/directory.h"
#include "market/rules.h"

namespace sz::market {
namespace {

const ProviderRules& rules() {
  static ProviderRules r = [] {
    std::ifstream f(std::string(SZ_SOURCE_DIR) + "/data/provider-rules.json");
    std::stringstream ss;
    ss << f.rdbuf();
    auto parsed = Directory::parse_rules(ss.str());
    EXPECT_TRUE(parsed.ok());
    return parsed.value();
  }();
  return r;
}

std::string to(const std::string& status, const std::string& action, bool admin, bool own) {
  workflow::Parties parties;
  if (admin) parties.insert("city_admin");
  if (own) parties.insert("provider");
  auto d = workflow::decide(rules().workflow, status, action, parties);
  auto* m = std::get_if<const workflow::Move*>(&d);
  return m ? (*m)->to : "refused: " + std::get<workflow::Refused>(d).message;
}

TEST(ProviderLifecycle, InAndOut) {
  EXPECT_EQ(to("draft", "apply", false, true), "applied");
  EXPECT_EQ(to("applied", "start_notice", true, false), "notice");
  EXPECT_EQ(to("notice", "admit", true, false), "admitted");
  EXPECT_EQ(to("admitted", "warn", true, false), "warned");
  EXPECT_EQ(to("warned", "order_rectification", true, false), "rectifying");
  EXPECT_EQ(to("rectifying", "remove", true, false), "removed");
  EXPECT_EQ(to("removed", "apply", false, true), "applied");  // 能进能出: it may apply again
  EXPECT_EQ(rules().notice_days, 7);
}

TEST(ProviderLifecycle, RefusalsNameTheStatusAndWhoMay) {
  auto own = to("applied", "admit", false, true);
  EXPECT_NE(own.find("已申请"), std::string::npos) << own;
  auto role = to("notice", "admit", false, true);
  EXPECT_NE(role.find("市级管理员"), std::string::npos) << role;
  EXPECT_NE(to("draft", "apply", false, false).find("refused"), std::string::npos);  // another provider
  EXPECT_TRUE(rules().move("remove")->tagged("sanction"));
  EXPECT_FALSE(rules().move("rectified")->tagged("sanction"));
  EXPECT_TRUE(rules().move("order_rectification")->needs_due);
}

TEST(ProviderProfile, MissingPartsByName) {
  EXPECT_EQ(profile_problems({"ISO9001", "10家", "郑州", "王", "138", {"auto_parts"}}).size(), 0u);
  auto missing = profile_problems({"", "10家", "", "王", "", {}});
  EXPECT_EQ(missing.size(), 4u);
  EXPECT_TRUE(listed("warned"));
  EXPECT_FALSE(listed("notice"));
}

TEST(ProviderDirectory, ListedSinceFollowsEntriesAndExits) {
  // Applied at 100, in 公示 at 200, admitted at 300, warned at 400, removed at 500, admitted again on appeal at 600.
  std::vector<StatusChange> h = {{"draft", "submitted", 150}, {"submitted", "notice", 200}, {"notice", "admitted", 300},
                                 {"admitted", "warned", 400}, {"warned", "removed", 500}, {"removed", "admitted", 600}};
  EXPECT_EQ(listed_since("admitted", 100, h, 250), std::nullopt);  // still in 公示
  EXPECT_EQ(listed_since("admitted", 100, h, 300), std::nullopt);  // admitted at that very moment: not before it
  EXPECT_EQ(listed_since("admitted", 100, h, 301), 300);
  EXPECT_EQ(listed_since("admitted", 100, h, 450), 300);           // a warning keeps it in, its stay unbroken
  EXPECT_EQ(listed_since("admitted", 100, h, 550), std::nullopt);  // removed
  EXPECT_EQ(listed_since("admitted", 100, h, 700), 600);           // back in: the new stay
  // Registered straight into the directory, never changed: in since it was registered, and not before.
  EXPECT_EQ(listed_since("admitted", 100, {}, 1000), 100);
  EXPECT_EQ(listed_since("admitted", 100, {}, 50), std::nullopt);
  EXPECT_EQ(listed_since("removed", 100, {{"admitted", "removed", 200}}, 150), 100);
}

TEST(ProviderDirectory, StaysAndTheSpansTheyOverlap) {
  std::vector<StatusChange> h = {{"notice", "admitted", 300}, {"admitted", "removed", 500}, {"removed", "admitted", 600}};
  auto stays = listed_stays("admitted", 100, h);
  ASSERT_EQ(stays.size(), 2u);
  EXPECT_EQ(stays[0].from, 300);
  EXPECT_EQ(stays[0].until, 500);
  EXPECT_EQ(stays[1].from, 600);
  EXPECT_FALSE(stays[1].until);
  EXPECT_FALSE(listed_during(stays, 0, 300));   // a year that ends the moment it is admitted
  EXPECT_TRUE(listed_during(stays, 0, 301));
  EXPECT_FALSE(listed_during(stays, 500, 600));  // the gap between its stays
  EXPECT_TRUE(listed_during(stays, 550, 10'000));
  EXPECT_TRUE(listed_stays("notice", 100, {}).empty());  // never admitted
}

}  // namespace
}  // namespace sz::market
