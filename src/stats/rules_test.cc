#include "stats/rules.h"

#include <gtest/gtest.h>

namespace sz::stats {

TEST(Hundredths, ParseAndFormatExactly) {
  EXPECT_EQ(parse_hundredths("3.35"), 335);
  EXPECT_EQ(parse_hundredths("3.3"), 330);
  EXPECT_EQ(parse_hundredths("440"), 44000);
  EXPECT_EQ(parse_hundredths("3.255"), std::nullopt);
  EXPECT_EQ(parse_hundredths("-1"), std::nullopt);
  EXPECT_EQ(parse_hundredths("3."), std::nullopt);
  EXPECT_EQ(format_hundredths(335), "3.35");
  EXPECT_EQ(format_hundredths(320), "3.2");
  EXPECT_EQ(format_hundredths(44000), "440");
}

namespace {
Plan small_plan() {
  Plan p;
  p.industries = {"a", "b"};
  p.indicators.push_back({1, "一", "改造企业数量", "家", "count", {{"a", 300}, {"b", 200}}, 500});
  p.indicators.push_back({11, "三", "研发投入强度", "%", "ratio", {{"a", 335}, {"b", 330}}, 325});
  p.districts = {{"d1", "甲", 3, 2, 1}, {"d2", "乙", 2, 2, 0}};
  p.annex = {5, 4, 1};
  return p;
}
size_t count(const std::vector<Finding>& f, const std::string& code) {
  size_t n = 0;
  for (const auto& x : f) n += x.code == code;
  return n;
}
}  // namespace

TEST(PlanCheck, AConsistentPlanHasOnlyTheRatioNote) {
  auto f = check_plan(small_plan());
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].code, "ratio_total");
  EXPECT_NE(f[0].message.find("3.325"), std::string::npos);
}

TEST(PlanCheck, FindsEveryBrokenSum) {
  auto p = small_plan();
  p.indicators[0].total = 600;
  p.districts[1].y2025 = 1;
  p.annex.y2024 = 9;
  auto f = check_plan(p);
  EXPECT_EQ(count(f, "matrix_sum"), 1u);
  EXPECT_EQ(count(f, "annex_row"), 1u);
  EXPECT_EQ(count(f, "annex_sum"), 2u);  // the 2024 total declared wrong, and the 2025 column moved by the row edit
  EXPECT_EQ(count(f, "annex_vs_matrix"), 1u);
}

TEST(PlanCheck, TextThatContradictsTheTableIsAWarning) {
  auto p = small_plan();
  p.indicators.push_back({10, "三", "小微企业园", "个", "count", {{"a", 300}, {"b", 700}}, 1000});
  p.statements.push_back({10, "小微企业园将达到200家左右", 20000, "about"});
  p.statements.push_back({1, "完成5家", 500, "equal"});
  auto f = check_plan(p);
  ASSERT_EQ(count(f, "text_vs_table"), 1u);
}

TEST(ItemsByDay, DatedUpToTheDayAndUndatedAsTheyAreNow) {
  std::vector<CountedItem> items = {{1, "a", "", {"auto_parts"}, "", "2024-12-31", ""},
                                    {2, "b", "", {"auto_parts", "refractories"}, "", "2025-01-01", ""},
                                    {3, "c", "", {"refractories"}, "", "", ""}};
  int64_t undated = 0;
  auto kept = items_by_day(items, "2024-12-31", &undated);
  ASSERT_EQ(kept.size(), 2u);
  EXPECT_EQ(kept[0].id, 1);
  EXPECT_EQ(kept[1].id, 3);
  EXPECT_EQ(undated, 1);
  EXPECT_EQ(tally_items(items_by_day(items, "2025-12-31", &undated), "").total, 3);
}

}  // namespace sz::stats
