#include "platforms/rules.h"

#include <algorithm>

namespace sz::platforms {

bool EvaluationRules::knows_scope(const std::string& code) const {
  return std::any_of(scopes.begin(), scopes.end(), [&](const Criterion& s) { return s.code == code; });
}

int64_t served_points(const EvaluationRules& r, int64_t served) {
  if (served <= 0 || r.served_full_at <= 0) return 0;
  if (served >= r.served_full_at) return r.served_max;
  return served * r.served_max / r.served_full_at;
}

const Grade& grade_of(const EvaluationRules& r, int64_t total) {
  for (const auto& g : r.grades)
    if (total >= g.min) return g;
  return r.grades.back();
}

std::optional<std::string> score_problem(const EvaluationRules& r, const std::map<std::string, int64_t>& scores) {
  for (const auto& c : r.criteria) {
    auto it = scores.find(c.code);
    if (it == scores.end()) return "缺少评分项：" + c.name;
    if (it->second < 0 || it->second > c.max) return c.name + "的得分应在 0–" + std::to_string(c.max) + " 之间";
  }
  for (const auto& [code, v] : scores)
    if (std::none_of(r.criteria.begin(), r.criteria.end(), [&](const Criterion& c) { return c.code == code; }))
      return "未知的评分项：" + code;
  return std::nullopt;
}

std::optional<KeyParts> split_key(std::string_view presented) {
  constexpr std::string_view prefix = "szp_";
  if (presented.substr(0, prefix.size()) != prefix) return std::nullopt;
  presented.remove_prefix(prefix.size());
  if (presented.size() < 18 || presented[16] != '_') return std::nullopt;
  std::string id(presented.substr(0, 16));
  if (id.find_first_not_of("0123456789abcdef") != std::string::npos) return std::nullopt;
  std::string secret(presented.substr(17));
  if (secret.empty() || secret.size() > 128) return std::nullopt;
  return KeyParts{id, secret};
}

std::string join_key(const std::string& key_id, const std::string& secret) { return "szp_" + key_id + "_" + secret; }

std::string canonical_batch(const std::vector<CloudItem>& items) {
  std::vector<std::string> lines;
  lines.reserve(items.size());
  // Fields cannot hold a newline or a unit separator (the API refuses control characters), so this is unambiguous.
  for (const auto& i : items) lines.push_back(i.credit_code + '\x1f' + i.service + '\x1f' + i.since);
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const auto& l : lines) out += l + '\n';
  return out;
}

}  // namespace sz::platforms
