#include "assessment/rules.h"

#include <algorithm>
#include <set>

namespace sz::assessment {

std::optional<int64_t> parse_points(const std::string& s) {
  if (s.empty() || s.size() > 12) return std::nullopt;
  int64_t whole = 0, frac = 0;
  size_t i = 0, digits = 0;
  for (; i < s.size() && s[i] != '.'; ++i) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    whole = whole * 10 + (s[i] - '0');
  }
  if (i == 0) return std::nullopt;
  if (i < s.size()) {
    for (++i; i < s.size(); ++i, ++digits) {
      if (s[i] < '0' || s[i] > '9' || digits >= 3) return std::nullopt;
      frac = frac * 10 + (s[i] - '0');
    }
    if (digits == 0) return std::nullopt;
    for (size_t k = digits; k < 3; ++k) frac *= 10;
  }
  return whole * 1000 + frac;
}

std::string format_points(int64_t v) {
  std::string s = std::to_string(v / 1000);
  int64_t frac = v % 1000;
  if (frac == 0) return s;
  std::string f = std::to_string(frac);
  f = std::string(3 - f.size(), '0') + f;
  while (f.back() == '0') f.pop_back();
  return s + "." + f;
}

const Option* Question::option(const std::string& letter) const {
  for (const auto& o : options)
    if (o.letter == letter) return &o;
  return nullptr;
}

const Question* Model::question(int no) const {
  for (const auto& q : questions)
    if (q.no == no) return &q;
  return nullptr;
}

const Scene* Model::scene(const std::string& name) const {
  for (const auto& s : scenes)
    if (s.name == name) return &s;
  return nullptr;
}

std::vector<std::string> model_problems(const Model& m) {
  std::vector<std::string> out;
  std::map<std::string, int64_t> dim_sum;
  for (const auto& q : m.questions) {
    int64_t best = 0, all = 0;
    for (const auto& o : q.options) {
      best = std::max(best, o.points);
      all += o.points;
    }
    int64_t reach = q.multi ? all : best;
    if (reach != q.max)
      out.push_back("第" + std::to_string(q.no) + "题选项分值可达 " + format_points(reach) + "，与满分 " +
                    format_points(q.max) + " 不符");
    dim_sum[q.dimension] += q.max;
  }
  int64_t total = 0;
  for (const auto& d : m.dimensions) {
    if (dim_sum[d.code] != d.max)
      out.push_back("维度「" + d.name + "」各题满分之和 " + format_points(dim_sum[d.code]) + " 与其满分 " +
                    format_points(d.max) + " 不符");
    total += d.max;
  }
  if (total != 100000) out.push_back("总分不是100分：" + format_points(total));
  for (size_t i = 1; i < m.levels.size(); ++i)
    if (m.levels[i].level != m.levels[i - 1].level + 1 || m.levels[i].min_score < m.levels[i - 1].min_score)
      out.push_back("等级规则未按一级到四级递增");
  return out;
}

namespace {

// Which conditions of rule `r` fail, in words ("得分 35 < 40").
std::vector<std::string> unmet(const LevelRule& r, const Evaluation& e) {
  std::vector<std::string> why;
  int scenes = e.scenes_at[r.level], mandatory = e.mandatory_at[r.level];
  if (e.score < r.min_score)
    why.push_back("得分 " + format_points(e.score) + " < " + format_points(r.min_score));
  if (scenes < r.min_scenes)
    why.push_back("达到" + r.name + "及以上的场景仅 " + std::to_string(scenes) + " 个，需 " + std::to_string(r.min_scenes) + " 个");
  if (mandatory < r.min_mandatory)
    why.push_back("其中约束性场景仅 " + std::to_string(mandatory) + " 个，需 " + std::to_string(r.min_mandatory) + " 个");
  return why;
}

std::string met(const LevelRule& r, const Evaluation& e) {
  return "得分 " + format_points(e.score) + " ≥ " + format_points(r.min_score) + "，达到" + r.name + "及以上的场景 " +
         std::to_string(e.scenes_at[r.level]) + " 个（需 " + std::to_string(r.min_scenes) + "），其中约束性 " +
         std::to_string(e.mandatory_at[r.level]) + " 个（需 " + std::to_string(r.min_mandatory) + "）";
}

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : "；") + x;
  return s;
}
}  // namespace

Result<Evaluation> evaluate(const Model& m, const Answers& a) {
  Evaluation e;
  for (const auto& d : m.dimensions) e.dimensions[d.code] = 0;
  for (const auto& [no, letters] : a.choices) {
    const Question* q = m.question(no);
    std::string field = "answers." + std::to_string(no);
    if (!q) return err::invalid(field, "评测模型 " + m.version + " 没有第" + std::to_string(no) + "题");
    if (!q->multi && letters.size() > 1) return err::invalid(field, "第" + std::to_string(no) + "题为单选题，只能选一个选项");
    std::set<std::string> seen;
    int64_t points = 0;
    for (const auto& l : letters) {
      const Option* o = q->option(l);
      if (!o) return err::invalid(field, "第" + std::to_string(no) + "题没有选项 " + l);
      if (!seen.insert(l).second) return err::invalid(field, "第" + std::to_string(no) + "题重复选择了 " + l);
      points += o->points;
    }
    if (q->none_letter && seen.count(*q->none_letter) && seen.size() > 1)
      return err::invalid(field, "第" + std::to_string(no) + "题选择“无”时不能再选其他选项");
    points = std::min(points, q->max);
    e.question_points[no] = points;
    e.dimensions[q->dimension] += points;
    e.score += points;
  }
  e.scenes_at.assign(5, 0);
  e.mandatory_at.assign(5, 0);
  for (const auto& [name, level] : a.scenes) {
    const Scene* s = m.scene(name);
    if (!s) return err::invalid("scenes." + name, "评测模型 " + m.version + " 没有场景「" + name + "」");
    if (level < 0 || level > 4) return err::invalid("scenes." + name, "场景「" + name + "」的等级应为 0–4");
    for (int l = 1; l <= level; ++l) {
      ++e.scenes_at[l];
      if (s->mandatory) ++e.mandatory_at[l];
    }
  }
  // The highest level whose three conditions all hold.
  const LevelRule* reached = nullptr;
  for (const auto& r : m.levels)
    if (unmet(r, e).empty()) reached = &r;
  e.level = reached ? reached->level : 0;
  const LevelRule* next = nullptr;
  for (const auto& r : m.levels)
    if (r.level == e.level + 1) next = &r;
  std::vector<std::string> parts;
  if (reached) parts.push_back(met(*reached, e) + " → " + reached->name);
  if (next) parts.push_back("未达" + next->name + "：" + join(unmet(*next, e)));
  e.explanation = join(parts);
  return e;
}

}  // namespace sz::assessment
