#include "catalog/rules.h"

#include <gtest/gtest.h>

namespace sz::catalog {
namespace {

Catalog catalog() {
  Catalog c;
  c.categories = {{"scheduling", "生产计划优化与智能排产"}, {"quality", "质量在线检测、优化与溯源"}};
  return c;
}

TEST(SampleRules, EveryCriterionMustBeMet) {
  SampleCriteria c{"v", {{"willing", "改造意愿强"}, {"stable", "企业生产经营稳定"}, {"ready", "具备数字化改造基础"}}};
  EXPECT_TRUE(unmet_criteria(c, {{"willing", true}, {"stable", true}, {"ready", true}}).empty());
  EXPECT_EQ(unmet_criteria(c, {{"willing", true}, {"stable", false}, {"ready", true}}), std::vector<std::string>{"企业生产经营稳定"});
  EXPECT_EQ(unmet_criteria(c, {{"willing", true}}), (std::vector<std::string>{"企业生产经营稳定", "具备数字化改造基础"}));
}

TEST(DemandListRules, ListsNeedACommonScenarioAndTracedIndividualOnes) {
  auto c = catalog();
  std::vector<DemandItem> good = {{"N", "智能排产", "scheduling", "", {}}, {"X", "窑炉温度在线检测", "quality", "", {7}}};
  EXPECT_FALSE(demand_list_problem(c, good));
  EXPECT_TRUE(demand_list_problem(c, {{"X", "窑炉温度在线检测", "quality", "", {7}}}));           // no N
  EXPECT_TRUE(demand_list_problem(c, {{"N", "智能排产", "scheduling", "", {}}, {"X", "x", "quality", "", {}}}));  // X untraced
  EXPECT_TRUE(demand_list_problem(c, {{"N", "智能排产", "scheduling", "", {}}, {"N", "智能排产", "quality", "", {}}}));
  EXPECT_TRUE(demand_list_problem(c, {{"N", "智能排产", "painting", "", {}}}));
  EXPECT_TRUE(demand_list_problem(c, {{"Y", "智能排产", "scheduling", "", {}}}));
}

TEST(DemandListRules, DiffNamesAddedRemovedAndChanged) {
  std::vector<DemandItem> v1 = {{"N", "智能排产", "scheduling", "", {}}, {"X", "窑炉检测", "quality", "", {7}}};
  std::vector<DemandItem> v2 = {{"N", "智能排产", "scheduling", "按订单排产", {}}, {"N", "质量追溯", "quality", "", {}}};
  auto d = diff_demand_lists(v1, v2);
  EXPECT_EQ(d.added, std::vector<std::string>{"质量追溯"});
  EXPECT_EQ(d.removed, std::vector<std::string>{"窑炉检测"});
  EXPECT_EQ(d.changed, std::vector<std::string>{"智能排产"});
  auto same = diff_demand_lists(v1, v1);
  EXPECT_TRUE(same.added.empty() && same.removed.empty() && same.changed.empty());
}

TEST(Catalogue, OnItFromListingUntilDelisting) {
  EXPECT_FALSE(on_catalogue(std::nullopt, std::nullopt, 1000));  // never listed
  EXPECT_FALSE(on_catalogue(100, std::nullopt, 100));            // listed at that very moment: not before it
  EXPECT_TRUE(on_catalogue(100, std::nullopt, 101));
  EXPECT_TRUE(on_catalogue(100, 500, 400));    // delisted later: still on it then
  EXPECT_TRUE(on_catalogue(100, 500, 500));    // delisted at that moment: on it just before
  EXPECT_FALSE(on_catalogue(100, 500, 501));
  EXPECT_TRUE(on_catalogue(700, 500, 800));    // listed again after a 下架
  EXPECT_FALSE(on_catalogue(700, 500, 600));   // between the two it was off the catalogue
  EXPECT_FALSE(on_catalogue(700, 500, 300));   // its first stay is not kept once it is listed again
}

TEST(ExpertPanel, ADayThreeNamedExpertsAndMinutes) {
  Panel ok_panel{"2025-11-20", "审议认为该场景已在三家企业复制应用", {"张伟", "李娜", "王强"}};
  EXPECT_FALSE(panel_problem(ok_panel));
  auto two = ok_panel;
  two.experts.pop_back();
  EXPECT_EQ(panel_problem(two)->first, "experts");
  auto blank = ok_panel;
  blank.experts[1] = " ";
  EXPECT_EQ(panel_problem(blank)->first, "experts");
  auto no_minutes = ok_panel;
  no_minutes.minutes = "";
  EXPECT_EQ(panel_problem(no_minutes)->first, "minutes");
  auto bad_day = ok_panel;
  bad_day.held_on = "2025-11-31";
  EXPECT_EQ(panel_problem(bad_day)->first, "held_on");
}

}  // namespace
}  // namespace sz::catalog
