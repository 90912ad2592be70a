// Registry rules: tiers, SME classification, the counting of indicators, names and the character grams that serve
// name search. Private to registry; the credit-code rules every area uses are registry/credit_code.h.
#pragma once
#include <map>
#include <optional>
#include <tuple>
#include <string>
#include <string_view>
#include <vector>

#include "registry/credit_code.h"

namespace sz::registry {

// 企业梯度: none, 创新型, 专精特新, 专精特新"小巨人". 创新型 counts include the two higher tiers (indicator 3).
bool valid_tier(const std::string& tier);
const char* tier_name(const std::string& tier);

// 中小企业划型 for industry (工信部联企业〔2011〕300号), kept as data with its own reading of 以上/以下: an enterprise is
// an SME unless it reaches both upper bounds; the lower bounds of 中型 and 小型 include their number ("及以上"), the
// upper bounds ("以下") do not.
struct SmeRule {
  std::string version, document, clause, reading;
  int64_t large_employees = 1000, large_revenue_fen = 40'000'000'000;   // 1000人 / 40000万元: both reached → not an SME
  int64_t medium_employees = 300, medium_revenue_fen = 2'000'000'000;   // 300人及以上且2000万元及以上 → 中型
  int64_t small_employees = 20, small_revenue_fen = 300'000'000;        // 20人及以上且300万元及以上 → 小型; else 微型
};
enum class SmeClass { unknown, medium, small, micro, large };
const char* sme_class_code(SmeClass c);  // "", "medium", "small", "micro", "large"
const char* sme_class_name(SmeClass c);  // "未知", "中型", "小型", "微型", "非中小企业"
std::optional<SmeClass> parse_sme_class(const std::string& code);
struct SmeVerdict {
  SmeClass cls = SmeClass::unknown;
  int64_t year = 0;    // the yearly figures it was judged on; 0 without figures
  std::string reason;  // the figures, the bound that decided, and the rule
};
// `year` and its figures: the latest yearly figures on or before the day being judged; nullopt when there are none.
struct YearFigures {
  int64_t revenue = 0, rd_spending = 0, invention_patents = 0, employees = 0;
};
SmeVerdict classify_sme(const SmeRule& r, std::optional<std::pair<int64_t, YearFigures>> figures);
// True, false, or nullopt while unknown: the enterprise record's is_sme.
std::optional<bool> is_sme(SmeClass c);

// Registry parameters kept as data (data/registry-rules.json).
struct Params {
  int64_t scale_above_revenue_fen = 0;  // 规上: revenue at or above this (分)
  std::vector<int64_t> batches;          // pilot batches (2024, 2025)
  int qualifying_level = 2;              // 二级: the level the pilot requires
  SmeRule sme;
};

// What one enterprise adds to the summary tables (DOMAIN.md "How the indicators are counted", docs/counting-rules.md).
// Three parts, each a pure function of the enterprise's records:
//  - `now`: its counts today, under its (district, industry, batch); nothing once it has left the pilot;
//  - `years`: its yearly figures for every year at whose end it was still in the pilot;
//  - `timeline`: the changes of its transformed-enterprise counts (indicators 1–4) by day, under the year it was
//    accepted (its cohort), so a figure "at the end of day D" is the sum of the changes dated D or before. Its SME and
//    规上 tests on a day use the latest yearly figures on or before that day's year.
struct CountKey {
  std::string district, industry;
  int64_t batch = 0;
  bool operator<(const CountKey& o) const {
    return std::tie(district, industry, batch) < std::tie(o.district, o.industry, o.batch);
  }
};
// 改造企业 (accepted at 二级 or higher and an SME) and those among them that are 规上, 创新型 and on the cloud.
struct StageCounts {
  int64_t accepted = 0, scale_above_accepted = 0, innovative_accepted = 0, cloud_accepted = 0;
  StageCounts& operator+=(const StageCounts& o);
  StageCounts operator-(const StageCounts& o) const;
  bool operator==(const StageCounts& o) const = default;
  bool empty() const { return *this == StageCounts{}; }
};
struct NowCounts {
  int64_t pilot = 0, assessed = 0, level2 = 0, scale_above_level2 = 0, innovative_level2 = 0, specialized = 0, cloud = 0;
  StageCounts stage;
  int64_t cloud_undated = 0;     // transformed and on the cloud with no day recorded: today's figure only
  int64_t non_sme = 0;           // in the pilot, classified 非中小企业 (left out of indicators 1–4)
  int64_t non_sme_accepted = 0;  // … and accepted at 二级 or higher: a transformation that does not count
  int64_t sme_unknown = 0;       // in the pilot without yearly figures: counted, its class unknown
  NowCounts& operator+=(const NowCounts& o);
  bool operator==(const NowCounts& o) const = default;
};
struct DayChange {
  std::string day;     // YYYY-MM-DD (Beijing)
  int64_t cohort = 0;  // the year of acceptance
  StageCounts change;
};
struct Contribution {
  CountKey key;
  bool in_pilot = false;  // `now` counts only while in the pilot
  NowCounts now;
  std::map<int64_t, YearFigures> years;
  std::vector<DayChange> timeline;
};
struct EnterpriseFacts {
  std::string district, industry, status, tier, level_source, scale_source;
  int64_t batch = 0;
  int level = 0;
  bool scale_above = false;  // read only when an admin decided it (scale_source "admin")
  bool cloud = false;
  std::optional<int64_t> withdrawn_at, accepted_at, cloud_at;  // epoch seconds
  int accepted_level = 0;  // the on-site level the acceptance was granted on
};
Contribution contribution_of(const Params& p, const EnterpriseFacts& e, const std::map<int64_t, YearFigures>& years);
// The metrics that count 验收通过 enterprises: the only ones whose records keep the day they came to count.
bool accepted_metric(const std::string& metric);

// 规上 from a year's revenue, unless an admin set it.
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
