#include "assessment/rules.h"

#include <gtest/gtest.h>

namespace sz::assessment {

namespace {
// A model with the real thresholds and simple points: question 1 gives 0–100 in whole points by option,
// scenes "m1".."m10" are mandatory and "o1".."o6" are not.
Model model() {
  Model m;
  m.model = "2024";
  m.version = "test";
  m.dimensions = {{"基础", "数字化基础", 100000}};
  Question q;
  q.no = 1;
  q.dimension = "基础";
  q.max = 100000;
  for (int p = 0; p <= 100; ++p) q.options.push_back({"P" + std::to_string(p), "", p * 1000});
  q.options.push_back({"X", "", 39999});  // 39.999, just under 二级
  m.questions = {q};
  Question multi;
  multi.no = 2;
  multi.dimension = "基础";
  multi.multi = true;
  multi.max = 2500;
  multi.none_letter = "A";
  multi.options = {{"A", "无", 0}, {"B", "", 700}, {"C", "", 900}, {"D", "", 900}};
  m.questions.push_back(multi);
  for (int i = 1; i <= 10; ++i) m.scenes.push_back({"m" + std::to_string(i), "g", true});
  for (int i = 1; i <= 6; ++i) m.scenes.push_back({"o" + std::to_string(i), "g", false});
  m.levels = {{1, "一级", 20000, 6, 3}, {2, "二级", 40000, 6, 3}, {3, "三级", 60000, 8, 5}, {4, "四级", 80000, 10, 6}};
  return m;
}

// `mandatory` mandatory scenes and `other` optional scenes, all at `level`.
Answers answers(const std::string& option, int mandatory, int other, int level) {
  Answers a;
  a.choices[1] = {option};
  for (int i = 1; i <= mandatory; ++i) a.scenes["m" + std::to_string(i)] = level;
  for (int i = 1; i <= other; ++i) a.scenes["o" + std::to_string(i)] = level;
  return a;
}

int level_of(const std::string& option, int mandatory, int other, int level) {
  auto e = evaluate(model(), answers(option, mandatory, other, level));
  EXPECT_TRUE(e.ok());
  return e->level;
}
}  // namespace

TEST(Points, ExactThousandths) {
  EXPECT_EQ(parse_points("1.875"), 1875);
  EXPECT_EQ(parse_points("0.7"), 700);
  EXPECT_EQ(parse_points("10"), 10000);
  EXPECT_EQ(parse_points("1.8755"), std::nullopt);
  EXPECT_EQ(parse_points("x"), std::nullopt);
  EXPECT_EQ(format_points(52500), "52.5");
  EXPECT_EQ(format_points(39999), "39.999");
  // 13 × 0.7 + 0.9 is exactly 10 here, where doubles give 9.999999999999998.
  int64_t sum = 0;
  for (int i = 0; i < 13; ++i) sum += *parse_points("0.7");
  EXPECT_EQ(sum + *parse_points("0.9"), 10000);
}

TEST(Level, EveryScoreBoundary) {
  EXPECT_EQ(level_of("P19", 10, 6, 4), 0);
  EXPECT_EQ(level_of("P20", 10, 6, 4), 1);
  EXPECT_EQ(level_of("X", 10, 6, 4), 1);  // 39.999 < 40
  EXPECT_EQ(level_of("P40", 10, 6, 4), 2);
  EXPECT_EQ(level_of("P59", 10, 6, 4), 2);
  EXPECT_EQ(level_of("P60", 10, 6, 4), 3);
  EXPECT_EQ(level_of("P79", 10, 6, 4), 3);
  EXPECT_EQ(level_of("P80", 10, 6, 4), 4);
  EXPECT_EQ(level_of("P100", 10, 6, 4), 4);
}

TEST(Level, EverySceneBoundary) {
  // 一级 and 二级: 6 scenes, 3 mandatory.
  EXPECT_EQ(level_of("P100", 3, 2, 2), 0);  // 5 scenes
  EXPECT_EQ(level_of("P100", 3, 3, 1), 1);  // 6 scenes at ≥1, none at 2
  EXPECT_EQ(level_of("P100", 2, 4, 2), 0);  // 2 mandatory
  EXPECT_EQ(level_of("P100", 3, 3, 2), 2);
  // 三级: 8 scenes, 5 mandatory.
  EXPECT_EQ(level_of("P100", 5, 2, 3), 2);  // 7 scenes
  EXPECT_EQ(level_of("P100", 4, 4, 3), 2);  // 4 mandatory
  EXPECT_EQ(level_of("P100", 5, 3, 3), 3);
  // 四级: 10 scenes, 6 mandatory.
  EXPECT_EQ(level_of("P100", 6, 3, 4), 3);  // 9 scenes
  EXPECT_EQ(level_of("P100", 5, 5, 4), 3);  // 5 mandatory
  EXPECT_EQ(level_of("P100", 6, 4, 4), 4);
}

TEST(Level, ExplainsTheDecidingCondition) {
  Answers a = answers("P52", 2, 4, 2);
  a.scenes["m3"] = 1;
  auto e = evaluate(model(), a);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->level, 1);
  EXPECT_NE(e->explanation.find("→ 一级"), std::string::npos);
  EXPECT_NE(e->explanation.find("未达二级"), std::string::npos);
  EXPECT_NE(e->explanation.find("约束性场景仅 2 个，需 3 个"), std::string::npos);
  EXPECT_EQ(e->explanation.find("得分 52 <"), std::string::npos);  // the score is not what failed
}

TEST(Answers, RefusesWhatTheModelDoesNotKnow) {
  auto m = model();
  Answers a;
  a.choices[16] = {"A"};
  auto r = evaluate(m, a);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().status, 422);
  EXPECT_EQ(r.error().field, "answers.16");
  a = {};
  a.choices[1] = {"ZZ"};
  EXPECT_EQ(evaluate(m, a).error().field, "answers.1");
  a = {};
  a.choices[1] = {"P1", "P2"};
  EXPECT_FALSE(evaluate(m, a).ok());  // single choice
  a = {};
  a.choices[2] = {"A", "B"};
  EXPECT_FALSE(evaluate(m, a).ok());  // 无 with another
  a = {};
  a.choices[2] = {"B", "B"};
  EXPECT_FALSE(evaluate(m, a).ok());
  a = {};
  a.scenes["不存在"] = 1;
  EXPECT_EQ(evaluate(m, a).error().field, "scenes.不存在");
  a = {};
  a.scenes["m1"] = 5;
  EXPECT_FALSE(evaluate(m, a).ok());
}

TEST(Answers, MultiSelectAddsPerOption) {
  Answers a;
  a.choices[2] = {"B", "C", "D"};
  auto e = evaluate(model(), a);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->question_points[2], 2500);
  EXPECT_EQ(e->dimensions["基础"], 2500);
}

TEST(Model, ProblemsAreReported) {
  auto m = model();
  auto base = model_problems(m).size();  // the test model is not a 100-point model
  m.questions[0].max = 99000;
  EXPECT_GT(model_problems(m).size(), base);
}

}  // namespace sz::assessment
