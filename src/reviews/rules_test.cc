// Review rules: score checks, conflicts of interest from the data, a re-checkable draw, the average.
#include "reviews/rules.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace sz::reviews {
namespace {

const Rubric kRubric{"project", "项目立项评审", 60, {{"a", "甲", 40}, {"b", "乙", 60}}};

TEST(Scores, EveryItemWithinItsMaximum) {
  EXPECT_FALSE(scores_problem(kRubric, {{"a", 40}, {"b", 0}}));
  EXPECT_TRUE(scores_problem(kRubric, {{"a", 41}, {"b", 0}}));
  EXPECT_TRUE(scores_problem(kRubric, {{"a", -1}, {"b", 0}}));
  EXPECT_TRUE(scores_problem(kRubric, {{"a", 10}}));
  EXPECT_TRUE(scores_problem(kRubric, {{"a", 10}, {"b", 1}, {"c", 1}}));
}

const SubjectFacts kProject{{{"企业", "巩义耐材甲", "91410181MA00000001", "13800000001", "巩义市某路1号"},
                             {"集成服务商", "郑州数智", "91410100MA00000002", "", ""}},
                            {"91410100MA00000003"}};

TEST(Conflicts, DetectedFromEmployerPhoneAddressAndContracts) {
  EXPECT_TRUE(conflicts({"郑州大学", "12410000MA00000009", "13900000000", "郑州市大学路"}, kProject).empty());
  auto employer = conflicts({"某单位", " 91410100MA00000002 ", "", ""}, kProject);
  ASSERT_EQ(employer.size(), 1u);
  EXPECT_NE(employer[0].find("集成服务商"), std::string::npos);
  EXPECT_EQ(conflicts({"巩义耐材甲", "", "", ""}, kProject).size(), 1u);
  EXPECT_EQ(conflicts({"x", "", "13800000001", ""}, kProject).size(), 1u);
  EXPECT_EQ(conflicts({"x", "", "", "巩义市某路1号"}, kProject).size(), 1u);
  auto contract = conflicts({"x", "91410100MA00000003", "", ""}, kProject);
  ASSERT_EQ(contract.size(), 1u);
  EXPECT_NE(contract[0].find("合同"), std::string::npos);
  EXPECT_TRUE(conflicts({"", "", "", ""}, kProject).empty());  // blanks never match
}

TEST(Draw, SameSeedSamePanelAndNoDuplicates) {
  std::vector<int64_t> candidates = {3, 5, 8, 13, 21, 34, 55};
  auto a = draw(candidates, 42, 3), b = draw(candidates, 42, 3);
  EXPECT_EQ(a, b);
  ASSERT_EQ(a.size(), 3u);
  std::set<int64_t> unique(a.begin(), a.end());
  EXPECT_EQ(unique.size(), 3u);
  for (int64_t x : a) EXPECT_NE(std::find(candidates.begin(), candidates.end(), x), candidates.end());
  EXPECT_EQ(draw(candidates, 1, 10).size(), candidates.size());
  // Different seeds spread over the candidates: across 200 seeds every candidate is drawn at least once.
  std::set<int64_t> seen;
  for (uint64_t s = 0; s < 200; ++s)
    for (int64_t x : draw(candidates, s, 1)) seen.insert(x);
  EXPECT_EQ(seen.size(), candidates.size());
}

TEST(Average, InThousandthsOverScoredMembers) {
  EXPECT_FALSE(average_milli({}));
  EXPECT_EQ(average_milli({80, 85}), 82'500);
  EXPECT_EQ(average_milli({80, 81, 81}), 80'666);
}

}  // namespace
}  // namespace sz::reviews

namespace sz::reviews {
namespace {
TEST(Scores, ADraftMayLeaveItemsOpenButNotBreakTheRules) {
  EXPECT_FALSE(scores_problem(kRubric, {{"a", 10}}, false));
  EXPECT_TRUE(scores_problem(kRubric, {{"a", 41}}, false));
  EXPECT_TRUE(scores_problem(kRubric, {{"zz", 1}}, false));
}
}  // namespace
}  // namespace sz::reviews
