// The published 2024 model file itself: it parses, its points add up, and a known answer sheet scores as the
// national tool does.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include <boost/json.hpp>

#include "assessment/service.h"

namespace sz::assessment {

namespace {
std::string read(const std::string& path) {
  std::ifstream in(std::string(SZ_SOURCE_DIR) + "/" + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Model model_file(const std::string& version) {
  auto l = parse_model(read("data/assessment/" + version + ".json"));
  EXPECT_TRUE(l.ok()) << (l.ok() ? "" : l.error().detail);
  return l.ok() ? l->model : Model{};
}
Model real_model() { return model_file("2024-public-1"); }
}  // namespace

// The version enterprises fill in now carries the questionnaire's own texts: every option's text and points and every
// scene's four level descriptions as the national system serves them (docs/sources/, transcribed).
TEST(ModelFile, ServedVersionMatchesTheQuestionnaireWordForWord) {
  auto m = model_file("2024-served-1");
  EXPECT_TRUE(model_problems(m).empty());
  auto served = boost::json::parse(read("docs/sources/assessment-2024-served.json")).as_object();
  size_t q = 0;
  for (const auto& dim : served.at("scored_dimensions").as_array())
    for (const auto& g : dim.at("groups").as_array())
      for (const auto& it : g.at("items").as_array()) {
        ASSERT_LT(q, m.questions.size());
        const auto& mine = m.questions[q++];
        EXPECT_EQ(mine.title, std::string(it.at("question").as_string()));
        const auto& opts = it.at("options").as_array();
        ASSERT_EQ(mine.options.size(), opts.size()) << mine.title;
        for (size_t i = 0; i < opts.size(); ++i) {
          EXPECT_EQ(mine.options[i].text, std::string(opts[i].at("text").as_string())) << mine.title;
          EXPECT_EQ(mine.options[i].points, static_cast<int64_t>(opts[i].at("score").to_number<double>() * 1000 + 0.5))
              << mine.title << " " << mine.options[i].letter;
        }
      }
  EXPECT_EQ(q, 15u);
  auto file = boost::json::parse(read("data/assessment/2024-served-1.json")).as_object();
  size_t scenes = 0;
  for (const auto& cat : served.at("digital_operation_scenes").as_array())
    for (const auto& sc : cat.at("scenes").as_array()) {
      const std::string name(sc.at("scene").as_string());
      const auto* mine = m.scene(name);
      ASSERT_NE(mine, nullptr) << name;
      ++scenes;
      EXPECT_EQ(mine->mandatory, sc.at("sceneType_in_source").as_int64() == 1) << name;
      const boost::json::value* levels = nullptr;
      for (const auto& x : file.at("scenes").as_array())
        if (x.at("name").as_string() == name) levels = &x.at("levels");
      ASSERT_NE(levels, nullptr) << name;
      for (int level = 1; level <= 4; ++level)
        EXPECT_EQ(std::string(levels->at(static_cast<size_t>(level - 1)).as_string()),
                  std::string(sc.at("levels").at(std::to_string(level)).as_string()))
            << name << " " << level;
    }
  EXPECT_EQ(scenes, 16u);
  // The questionnaire carries no provenance notes: they are in the file's own provenance record.
  EXPECT_FALSE(file.contains("source"));
  EXPECT_FALSE(file.contains("scene_notes"));
  EXPECT_TRUE(file.at("provenance").as_object().contains("transcribed_from"));
  for (const auto& qv : file.at("questions").as_array()) {
    EXPECT_FALSE(qv.as_object().contains("note"));
    EXPECT_FALSE(qv.as_object().contains("guidance"));
  }
}

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
