#include "reviews/rules.h"

#include <algorithm>
#include <map>
#include <random>

#include "infra/text.h"

namespace sz::reviews {

std::optional<std::string> scores_problem(const Rubric& r, const std::vector<std::pair<std::string, int64_t>>& scores,
                                          bool complete) {
  std::map<std::string, int64_t> given;
  for (const auto& [code, points] : scores) {
    auto it = std::find_if(r.items.begin(), r.items.end(), [&](const RubricItem& i) { return i.code == code; });
    if (it == r.items.end()) return "评分项不存在：" + code;
    if (points < 0 || points > it->max)
      return "「" + it->name + "」应在 0–" + std::to_string(it->max) + " 分之间";
    if (!given.emplace(code, points).second) return "评分项重复：" + code;
  }
  if (complete)
    for (const auto& i : r.items)
      if (!given.count(i.code)) return "请为「" + i.name + "」打分";
  return std::nullopt;
}

namespace {
bool same(const std::string& a, const std::string& b) {
  std::string x = text::trim(a), y = text::trim(b);
  return !x.empty() && x == y;
}
}  // namespace

std::vector<std::string> conflicts(const ExpertFacts& e, const SubjectFacts& s) {
  std::vector<std::string> out;
  for (const auto& p : s.parties) {
    if (same(e.employer_credit_code, p.credit_code))
      out.push_back("专家所在单位即" + p.role + "「" + p.name + "」（统一社会信用代码相同）");
    else if (same(e.employer_name, p.name))
      out.push_back("专家所在单位即" + p.role + "「" + p.name + "」");
    if (same(e.phone, p.phone)) out.push_back("专家与" + p.role + "「" + p.name + "」登记的电话相同");
    if (same(e.address, p.address)) out.push_back("专家与" + p.role + "「" + p.name + "」登记的地址相同");
  }
  for (const auto& code : s.contract_credit_codes)
    if (same(e.employer_credit_code, code)) {
      out.push_back("专家所在单位曾与该企业签订改造合同");
      break;
    }
  return out;
}

std::vector<int64_t> draw(const std::vector<int64_t>& candidates, uint64_t seed, size_t n) {
  // Fisher–Yates with std::mt19937_64, whose output sequence the C++ standard fixes; the index is taken by
  // rejection sampling so it is unbiased and the same on every platform (std::shuffle's algorithm is not fixed).
  std::vector<int64_t> pool = candidates;
  std::mt19937_64 gen(seed);
  size_t take = std::min(n, pool.size());
  for (size_t i = 0; i < take; ++i) {
    uint64_t range = pool.size() - i;
    uint64_t limit = UINT64_MAX - UINT64_MAX % range;
    uint64_t x;
    do x = gen();
    while (x >= limit);
    std::swap(pool[i], pool[i + x % range]);
  }
  pool.resize(take);
  return pool;
}

std::optional<int64_t> average_milli(const std::vector<int64_t>& totals) {
  if (totals.empty()) return std::nullopt;
  int64_t sum = 0;
  for (int64_t t : totals) sum += t;
  return sum * 1000 / static_cast<int64_t>(totals.size());
}

}  // namespace sz::reviews
