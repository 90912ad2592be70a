// The plan's targets (section 一(三) table and the annex) and the checks its own figures must pass.
// Values are exact decimals held as integer hundredths: 3.35 % → 335, 110 家 → 11000.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sz::stats {

// "3.35" → 335; "110" → 11000; nullopt for anything else (more than two decimals, signs, blanks).
std::optional<int64_t> parse_hundredths(std::string_view s);
// 335 → "3.35"; 11000 → "110"; 320 → "3.2".
std::string format_hundredths(int64_t v);

struct Indicator {
  int64_t no = 0;
  std::string group, name, unit;
  std::string kind;                            // "count": total = Σ industries; "ratio": total is its own target
  std::map<std::string, int64_t> values;       // industry code → hundredths
  int64_t total = 0;                           // as the table states it
};

struct DistrictTarget {
  std::string district, name;
  int64_t total = 0, y2024 = 0, y2025 = 0;
};

struct AnnexTotals {
  int64_t total = 0, y2024 = 0, y2025 = 0;     // the annex's own 合计 row
};

// A figure the plan's text states for a table row ("440家", "200家左右").
struct TextStatement {
  int64_t indicator = 0;
  std::string quote;
  int64_t value = 0;                           // hundredths
  std::string relation;                        // "at_least" (以上), "about" (左右), "equal"
};

struct Note {
  std::string code, message;                   // inconsistencies the numbers cannot show (wording)
};

struct Finding {
  std::string code;
  std::string severity;                        // "error": a sum does not hold; "warning": the plan contradicts itself; "info"
  std::string message;
};

struct Plan {
  std::vector<std::string> industries;         // the table's column order
  std::map<std::string, std::string> industry_names;        // code → full name
  std::map<std::string, std::string> industry_short_names;  // code → the table's column heading
  std::vector<Indicator> indicators;
  std::vector<DistrictTarget> districts;
  AnnexTotals annex;
  std::vector<TextStatement> statements;
  std::vector<Note> notes;
};

// Every sum the tables imply, and every place where the text and the tables disagree.
std::vector<Finding> check_plan(const Plan& plan);

}  // namespace sz::stats

namespace sz::stats {

// How each of the plan's indicators is counted from platform data (data/indicator-metrics.json).
struct MetricDef {
  int64_t indicator = 0;
  std::string metric;  // "" when a later module provides the data
  std::string kind;    // count | ratio | sum
  std::string drill = "enterprises";  // what is behind the figure: "enterprises" or "items" (indicators 5–10)
  std::string note;
  std::string records;  // which records the figure is drawn from, in words
};

// Counts of one (district, industry, batch) group, as the registry keeps them: today's (`cohort` 0), or the transformed
// counts at the end of a day under the year of acceptance (`cohort`).
struct GroupCounts {
  std::string district, industry;
  int64_t batch = 0, cohort = 0;
  std::map<std::string, int64_t> metrics;  // pilot, assessed, level2, accepted, …
};
struct GroupYear {
  std::string district, industry;
  int64_t year = 0;
  int64_t revenue = 0, rd_spending = 0, invention_patents = 0;
};

struct ProgressCell {
  std::optional<int64_t> target;  // hundredths, like the plan's table
  std::optional<int64_t> actual;  // hundredths (a count of 12 is 1200; an R&D intensity of 3.12 % is 312)
};
struct IndicatorProgress {
  const Indicator* indicator = nullptr;
  const MetricDef* def = nullptr;
  std::map<std::string, ProgressCell> by_industry;
  ProgressCell total;
};
// One district against the annex, read one way everywhere (docs/counting-rules.md): the 2024 figure counts the
// enterprises accepted at 二级 or higher during 2024 and still counted at its end, the 2025 figure those accepted during
// 2025 whatever their batch, the total all counted at the end of 2025; `accepted_now` is today's count.
struct DistrictProgress {
  const DistrictTarget* target = nullptr;
  int64_t pilot = 0, pilot_2024 = 0, pilot_2025 = 0, assessed = 0, level2 = 0;  // batches as registered
  int64_t accepted_2024 = 0, accepted_2025 = 0, accepted_total = 0, accepted_now = 0;
  int rank = 0;  // by accepted_total ÷ target, descending; ties share a rank
};
struct Progress {
  std::vector<IndicatorProgress> indicators;
  std::vector<DistrictProgress> districts;
  int64_t pilot = 0, assessed = 0, level2 = 0, accepted = 0;  // today
  int64_t cloud_undated = 0;  // transformed and on the cloud with no recorded day: in today's figure only
};

// R&D intensity in hundredths of a percent, rounded half up: Σ R&D ÷ Σ revenue (weighted, not a mean of ratios).
std::optional<int64_t> intensity_hundredths(int64_t rd_spending, int64_t revenue);

// A thing the plan counts that is not an enterprise: a recognition, a provider, a product, a scenario, a chain model,
// a park. Each area lists its own; `app` hands them to stats as sources (stats knows no other area).
struct CountedItem {
  int64_t id = 0;
  std::string name, detail;
  std::vector<std::string> industries;  // pilot industries it counts under (a provider may serve several)
  std::string district;                 // "" for what belongs to the city as a whole
  std::string on;                       // the day it came to count (YYYY-MM-DD); "" when the record keeps no date
  std::string until;                    // the day it stopped counting (its enterprise withdrew); "" while it counts
};
struct ItemTally {
  std::map<std::string, int64_t> by_industry;
  int64_t total = 0;  // distinct items: one serving two industries counts once in the total
};
// Counts items per industry; a non-empty `district` keeps only that district's items.
ItemTally tally_items(const std::vector<CountedItem>& items, const std::string& district);
// The items that counted at the end of `day`: those dated that day or before and not ended by then, and those without
// a date as they are now (`undated` tells how many).
std::vector<CountedItem> items_by_day(const std::vector<CountedItem>& items, const std::string& day, int64_t* undated);
// The items behind one figure: in `industry` (all when empty) and `district` (all when empty).
std::vector<CountedItem> items_behind(const std::vector<CountedItem>& items, const std::string& industry,
                                      const std::string& district);

// What a progress view is computed from.
struct ProgressInput {
  std::vector<GroupCounts> now;                 // today's counts
  std::optional<std::vector<GroupCounts>> stage;  // indicators 1–4 at a stage's end; today's when absent
  std::vector<GroupCounts> at_2024_end, at_2025_end;  // the transformed counts at the ends of the annex's years
  std::vector<GroupYear> years;
  int64_t rd_year = 0;      // indicator 11: the year's R&D ÷ revenue
  int64_t patents_to = 0;   // indicator 12: invention patents from 2024 to this year
  bool city_targets = true;  // false for a district's own view: the plan's industry targets are city-wide
  std::map<std::string, ItemTally> tallies;  // indicators 5–10 by metric; missing: a city-wide count (no figure)
};

// The plan's targets against the figures.
Progress progress(const Plan& plan, const std::vector<MetricDef>& defs, const ProgressInput& in);

}  // namespace sz::stats
