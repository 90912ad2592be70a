// 达标预测: how many enterprises of a cell (district × industry) will be accepted at 二级 or higher by a target day,
// from where each enterprise stands in the pipeline now and the stage durations observed so far. Each enterprise's
// remaining path is resampled from the observed durations (conditioned on the time it has already spent in its
// stage), so the band says what the history supports and nothing more. Pure and seeded: the same inputs give the
// same forecast.
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace sz::reports {

// 0 未立项 (no project yet) → 1 申报评审 → 2 立项实施 → 3 验收中 → 4 验收通过.
constexpr int kStages = 4;

// Observed durations (days) of each stage, from enterprises that have left it.
struct Durations {
  std::array<std::vector<double>, kStages> days;
};

// Enterprises of one cell standing in `stage` for `elapsed` days.
struct Standing {
  int stage = 0;
  double elapsed = 0;
  int64_t count = 0;
};

struct CellForecast {
  int64_t accepted = 0;               // already accepted
  int64_t p10 = 0, p50 = 0, p90 = 0;  // accepted by the target day (already accepted included)
  bool enough_history = true;         // every stage some enterprise stands in has observed durations
};

// `horizon`: days from now to the target day. `runs`: draws of the whole cell.
CellForecast forecast_cell(const Durations& d, const std::vector<Standing>& standing, int64_t accepted, double horizon,
                           uint64_t seed, int runs = 400);

// How a cell compares with its target: "behind" when even the optimistic end (p90) misses it, "at_risk" when the
// median does, "on_track" otherwise; "unknown" without enough history.
std::string risk_of(const CellForecast& f, int64_t target);

}  // namespace sz::reports
