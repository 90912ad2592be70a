// The published 2024 model file itself: it parses, its points add up, and a known answer sheet scores as the
// national tool does.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "assessment/service.h"

namespace sz::assessment {

namespace {
Model real_model() {
  std::ifstream in(std::string(SZ_SOURCE_DIR) + "/data/assessment/2024-public-1.json");
  std::stringstream ss;
  ss << in.rdbuf();
  auto l = parse_model(ss.str());
  EXPECT_TRUE(l.ok()) << (l.ok() ? "" : l.error().detail);
  return l.ok() ? l->model : Model{};
}
}  // namespace

TEST(ModelFile, ParsesAndAddsUpToOneHundred) {
  auto m = real_model();
  EXPECT_EQ(m.version, "2024-public-1");
  EXPECT_EQ(m.questions.size(), 15u);
  EXPECT_EQ(m.scenes.size(), 16u);
  int mandatory = 0;
  for (const auto& s : m.scenes) mandatory += s.mandatory;
  EXPECT_EQ(mandatory, 10);
  EXPECT_TRUE(model_problems(m).empty());
}

TEST(ModelFile, FullMarksAndAKnownSheet) {
  auto m = real_model();
  Answers all;
  for (const auto& q : m.questions) {
    if (q.multi) {
      for (const auto& o : q.options)
        if (!q.none_letter || o.letter != *q.none_letter) all.choices[q.no].push_back(o.letter);
    } else {
      all.choices[q.no] = {q.options.back().letter};
    }
  }
  for (const auto& s : m.scenes) all.scenes[s.name] = 4;
  auto e = evaluate(m, all);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->score, 100000);
  EXPECT_EQ(e->dimensions["基础"], 50000);
  EXPECT_EQ(e->dimensions["管理"], 30000);
  EXPECT_EQ(e->dimensions["成效"], 20000);
  EXPECT_EQ(e->level, 4);

  // Q4 with all 14 environments is exactly 10 (13 × 0.7 + 0.9), Q9 with three of four is 5.625.
  Answers a;
  a.choices[4] = {"B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O"};
  a.choices[9] = {"B", "C", "D"};
  a.choices[2] = {"C"};
  auto r = evaluate(m, a);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->question_points[4], 10000);
  EXPECT_EQ(r->question_points[9], 5625);
  EXPECT_EQ(r->score, 18625);
  EXPECT_EQ(r->level, 0);
}

}  // namespace sz::assessment
