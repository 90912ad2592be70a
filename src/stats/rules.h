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
