// Rules of the 通报 (monitoring reports): what a reporting period is, and what changed since the previous report.
// Pure: no I/O.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sz::reports {

// A reporting period: a month "2026-10" or a quarter "2026-Q3".
struct Period {
  std::string code, kind;  // kind: month | quarter
  int64_t year = 0, number = 0;
  std::string label() const;      // 2026年10月 / 2026年第三季度
  std::string first_day() const;  // 2026-10-01 / 2026-07-01
  std::string last_day() const;   // 2026-10-31 / 2026-09-30
};
std::optional<Period> parse_period(const std::string& code);
// The period before the one containing `day` (YYYY-MM-DD): last month, or last quarter.
Period previous_period(const std::string& kind, const std::string& day);

// The forecast's stage of a project state: 1 申报评审, 2 立项实施, 3 验收中, 4 验收通过; 0 for a terminated project.
int stage_of(const std::string& project_state);

// One figure then and now, for "what changed since the previous report".
struct Change {
  std::string item;
  int64_t before = 0, after = 0;
};
struct Figure {
  std::string item;
  int64_t value = 0;
};
// The figures that moved, in the current report's order; figures new in this report count from 0.
std::vector<Change> changes(const std::vector<Figure>& before, const std::vector<Figure>& after);

// 0.2345 → "23.45%" from a count and a target (basis points, rounded down); "—" without a target.
std::string percent(int64_t part, int64_t whole);

}  // namespace sz::reports
