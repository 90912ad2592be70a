// The national digital-level assessment (数字化水平评测) as pure rules: the model (questions, options, points,
// scenes, level thresholds — loaded from data/assessment/*.json), scoring in exact thousandths of a point, and the
// level with an explanation of the condition that decided it.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "infra/result.h"

namespace sz::assessment {

// Points are held in thousandths (1.875 → 1875): 0.7 + 0.9 … summed in floating point can land on 39.999…
// and flip a level at the 40-point boundary.
std::optional<int64_t> parse_points(const std::string& decimal);
std::string format_points(int64_t thousandths);  // 52500 → "52.5"

struct Option {
  std::string letter, text;
  int64_t points = 0;
};

struct Question {
  int no = 0;
  std::string dimension, topic, title;
  bool multi = false;
  int64_t max = 0;
  std::optional<std::string> none_letter;  // "无": cannot be combined with another option
  std::vector<Option> options;
  const Option* option(const std::string& letter) const;
};

struct Scene {
  std::string name, group;
  bool mandatory = false;  // 约束性
};

struct LevelRule {
  int level = 0;
  std::string name;       // 一级 …
  int64_t min_score = 0;  // thousandths
  int min_scenes = 0, min_mandatory = 0;
};

struct Dimension {
  std::string code, name;
  int64_t max = 0;
};

struct Model {
  std::string model, version;
  std::vector<Dimension> dimensions;
  std::vector<Question> questions;
  std::vector<Scene> scenes;
  std::vector<LevelRule> levels;  // ascending
  const Question* question(int no) const;
  const Scene* scene(const std::string& name) const;
};

// Checks that points add up to each question's and dimension's maximum and the levels ascend.
std::vector<std::string> model_problems(const Model& m);

struct Answers {
  std::map<int, std::vector<std::string>> choices;  // question no → option letters
  std::map<std::string, int> scenes;                // scene name → level 0–4 (absent = 0)
};

struct Evaluation {
  int64_t score = 0;                            // thousandths
  std::map<std::string, int64_t> dimensions;    // dimension code → thousandths
  std::map<int, int64_t> question_points;       // question no → thousandths
  int level = 0;                                // 0 = below 一级
  std::vector<int> scenes_at;                   // scenes_at[L] = scenes at level ≥ L (L = 1..4)
  std::vector<int> mandatory_at;                // the same for 约束性 scenes
  std::string explanation;
};

// Refuses (422 naming the item) unknown question numbers, option letters and scene names, several options on a
// single-choice question, "无" combined with others, repeated letters and scene levels outside 0–4.
// Unanswered questions score 0.
Result<Evaluation> evaluate(const Model& m, const Answers& a);

}  // namespace sz::assessment
