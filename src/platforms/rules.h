// Rules of the industrial internet platforms (行业级工业互联网平台, plan 二(6)(9)(12), 三(四)): API keys and their
// scopes, the canonical form of a pushed 上云 batch (what "the same batch" means), and the evaluation score and
// grade from data/platform-evaluation.json. Pure.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sz::platforms {

struct Criterion {
  std::string code, name;
  int64_t max = 0;
};
struct Grade {
  std::string code, name;
  int64_t min = 0;
  bool award = false;
};
struct EvaluationRules {
  std::string version;
  std::vector<Criterion> criteria;   // scored by the evaluators
  std::string served_name;
  int64_t served_max = 0, served_full_at = 1;  // computed from the platform's reported enterprises
  std::vector<Grade> grades;         // by descending `min`
  std::vector<Criterion> scopes;     // what an API key may be allowed to do (max unused)
  bool knows_scope(const std::string& code) const;
};

// Points for the enterprises a platform serves: proportional up to `served_full_at`, rounded down.
int64_t served_points(const EvaluationRules& r, int64_t served);
// The first grade whose minimum the total reaches.
const Grade& grade_of(const EvaluationRules& r, int64_t total);
// Checks evaluators' scores: every criterion present, within 0..max, nothing else. Returns the problem in Chinese.
std::optional<std::string> score_problem(const EvaluationRules& r, const std::map<std::string, int64_t>& scores);

// An API key as the platform presents it: "szp_<key id>_<secret>" (key id: 16 hex digits).
struct KeyParts {
  std::string key_id, secret;
};
std::optional<KeyParts> split_key(std::string_view presented);
std::string join_key(const std::string& key_id, const std::string& secret);

// One enterprise reported as using a platform.
struct CloudItem {
  std::string credit_code, service, since;
};
// The batch's identity for idempotency: the same batch id must carry the same items (in any key order).
std::string canonical_batch(const std::vector<CloudItem>& items);

}  // namespace sz::platforms
