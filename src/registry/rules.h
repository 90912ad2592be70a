// Registry rules: 统一社会信用代码 (GB 32100-2015) and the character grams that serve name search.
#pragma once
#include <map>
#include <optional>
#include <tuple>
#include <string>
#include <string_view>
#include <vector>

namespace sz::registry {

// The 31 characters a credit code may use (no I O S V Z), in the order of their values 0–30.
extern const char* const kCreditCodeAlphabet;

// The check character (position 18) for the first 17 characters; nullopt if they are not all valid.
std::optional<char> credit_code_check_char(std::string_view first17);

// Upper-cases and strips surrounding blanks, as users paste codes.
std::string normalize_credit_code(std::string_view raw);

// Why a (normalized) code is not valid, naming the rule that failed; nullopt when it is valid.
// Positions 3–8 (the registering authority's area) are deliberately not checked: they may name the province.
std::optional<std::string> credit_code_problem(std::string_view code);

// 企业梯度: none, 创新型, 专精特新, 专精特新"小巨人". 创新型 counts include the two higher tiers (indicator 3).
bool valid_tier(const std::string& tier);
const char* tier_name(const std::string& tier);

// Registry parameters kept as data (data/registry-rules.json).
struct Params {
  int64_t scale_above_revenue_fen = 0;  // 规上: revenue at or above this (分)
  std::vector<int64_t> batches;          // pilot batches (2024, 2025)
  int qualifying_level = 2;              // 二级: the level the pilot requires
};

// What one enterprise adds to the summary counts (DOMAIN.md "How the indicators are counted"). A withdrawn
// enterprise adds nothing. The counters are 0 or 1; the years carry its figures.
struct CountKey {
  std::string district, industry;
  int64_t batch = 0;
  bool operator<(const CountKey& o) const {
    return std::tie(district, industry, batch) < std::tie(o.district, o.industry, o.batch);
  }
};
struct YearFigures {
  int64_t revenue = 0, rd_spending = 0, invention_patents = 0;
};
struct Contribution {
  bool counted = false;
  CountKey key;
  int64_t pilot = 0, assessed = 0, level2 = 0, scale_above_level2 = 0, innovative_level2 = 0, specialized = 0, cloud = 0;
  int64_t accepted = 0, scale_above_accepted = 0, innovative_accepted = 0;  // 验收通过 at 二级 or higher
  std::map<int64_t, YearFigures> years;
};
struct EnterpriseFacts {
  std::string district, industry, status, tier, level_source;
  int64_t batch = 0;
  int level = 0;
  bool scale_above = false, cloud = false;
  bool accepted = false;  // a project of the enterprise passed acceptance (验收通过)
};
Contribution contribution_of(const Params& p, const EnterpriseFacts& e, const std::map<int64_t, YearFigures>& years);
// The metrics that count 验收通过 enterprises: the only ones whose records keep the day they came to count.
bool accepted_metric(const std::string& metric);

// 规上 from the latest year's revenue, unless an admin set it.
bool scale_above(const Params& p, std::optional<int64_t> latest_revenue_fen);

// Why a field value is refused (Chinese), or nullopt. Lengths are in characters.
std::optional<std::string> name_problem(const std::string& name);
std::optional<std::string> phone_problem(const std::string& phone);

// Unigrams and bigrams of a name's characters (ASCII lower-cased), without duplicates: the index rows that
// let both engines find a name by any 1- or 2-character piece without scanning the table.
std::vector<std::string> name_grams(std::string_view name);
// The grams a query must all match: its bigrams (or its single character).
std::vector<std::string> query_grams(std::string_view q);

}  // namespace sz::registry
