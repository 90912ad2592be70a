#include "platforms/rules.h"

#include <gtest/gtest.h>

namespace sz::platforms {
namespace {

EvaluationRules rules() {
  EvaluationRules r;
  r.criteria = {{"access", "设备接入能力", 20}, {"apps", "应用开发", 20}};
  r.served_max = 20;
  r.served_full_at = 50;
  r.grades = {{"excellent", "优秀", 85, true}, {"good", "良好", 70, false}, {"fail", "不合格", 0, false}};
  r.scopes = {{"cloud:push", "推送", 0}};
  return r;
}

TEST(PlatformRules, ServedPointsAreProportionalAndCapped) {
  auto r = rules();
  EXPECT_EQ(served_points(r, 0), 0);
  EXPECT_EQ(served_points(r, 1), 0);   // 20 × 1 ÷ 50 = 0.4, rounded down
  EXPECT_EQ(served_points(r, 3), 1);
  EXPECT_EQ(served_points(r, 49), 19);
  EXPECT_EQ(served_points(r, 50), 20);
  EXPECT_EQ(served_points(r, 5000), 20);
}

TEST(PlatformRules, GradeAtEachBoundary) {
  auto r = rules();
  EXPECT_EQ(grade_of(r, 85).code, "excellent");
  EXPECT_EQ(grade_of(r, 84).code, "good");
  EXPECT_EQ(grade_of(r, 70).code, "good");
  EXPECT_EQ(grade_of(r, 69).code, "fail");
  EXPECT_EQ(grade_of(r, 0).code, "fail");
}

TEST(PlatformRules, ScoresMustCoverEveryCriterionWithinItsMaximum) {
  auto r = rules();
  EXPECT_FALSE(score_problem(r, {{"access", 20}, {"apps", 0}}));
  EXPECT_TRUE(score_problem(r, {{"access", 20}}));
  EXPECT_TRUE(score_problem(r, {{"access", 21}, {"apps", 0}}));
  EXPECT_TRUE(score_problem(r, {{"access", -1}, {"apps", 0}}));
  EXPECT_TRUE(score_problem(r, {{"access", 1}, {"apps", 1}, {"bonus", 1}}));
}

TEST(PlatformRules, KeysSplitOnlyInTheirOwnShape) {
  auto k = split_key(join_key("0123456789abcdef", "s3cret-_x"));
  ASSERT_TRUE(k);
  EXPECT_EQ(k->key_id, "0123456789abcdef");
  EXPECT_EQ(k->secret, "s3cret-_x");
  EXPECT_FALSE(split_key("szp_0123456789abcdef"));
  EXPECT_FALSE(split_key("szp_0123456789abcdeX_s"));
  EXPECT_FALSE(split_key("abc_0123456789abcdef_s"));
  EXPECT_FALSE(split_key("szp_0123456789abcdef_"));
  EXPECT_TRUE(rules().knows_scope("cloud:push"));
  EXPECT_FALSE(rules().knows_scope("admin"));
}

TEST(PlatformRules, BatchIdentityIgnoresOrderButNotContent) {
  std::vector<CloudItem> a = {{"91410100MA00000001", "设备上云", "2025-03-01"}, {"91410100MA00000002", "MES", "2025-04-01"}};
  std::vector<CloudItem> b = {a[1], a[0]};
  EXPECT_EQ(canonical_batch(a), canonical_batch(b));
  b[0].since = "2025-04-02";
  EXPECT_NE(canonical_batch(a), canonical_batch(b));
}

}  // namespace
}  // namespace sz::platforms
