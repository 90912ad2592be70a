// Rules of expert review (项目评审): scoring rubrics (data/review-rubrics.json), conflicts of interest detected
// from the data, a random draw that anyone can re-check from its seed and candidate list, and the panel average.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sz::reviews {

struct RubricItem {
  std::string code, name;
  int64_t max = 0;  // points
};
struct Rubric {
  std::string subject_type, name;
  int64_t pass_score = 0;
  std::vector<RubricItem> items;
};

// A member's scores per item, checked against the rubric: known items, 0 ≤ points ≤ max, each at most once, and —
// when `complete` (a submitted score) — every item present. Returns the reason when they are not acceptable.
std::optional<std::string> scores_problem(const Rubric& r, const std::vector<std::pair<std::string, int64_t>>& scores,
                                          bool complete = true);

// The facts a conflict of interest is judged on. Credit codes, phones and addresses compare after trimming;
// empty values never match.
struct ExpertFacts {
  std::string employer_name, employer_credit_code, phone, address;
};
struct Party {
  std::string role;  // "企业" / "集成服务商" / "专业服务商" / "服务商"
  std::string name, credit_code, phone, address;
};
struct SubjectFacts {
  std::vector<Party> parties;                       // the enterprise and the providers on the subject
  std::vector<std::string> contract_credit_codes;   // providers that held a contract with the enterprise
};
// Why the expert is conflicted (empty when not): employer is a party, shared credit code, phone or address, or the
// employer held a contract with the enterprise.
std::vector<std::string> conflicts(const ExpertFacts& e, const SubjectFacts& s);

// Draws `n` of `candidates` (user ids, in ascending order) with a deterministic generator seeded by `seed`:
// the same seed and list always give the same panel, so a draw can be re-checked.
std::vector<int64_t> draw(const std::vector<int64_t>& candidates, uint64_t seed, size_t n);

// The panel's average in thousandths of a point over the members who scored; nullopt when none did.
std::optional<int64_t> average_milli(const std::vector<int64_t>& totals);

}  // namespace sz::reviews
