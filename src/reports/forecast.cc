#include "reports/forecast.h"

#include <algorithm>
#include <random>

namespace sz::reports {

namespace {
// One draw of the days an enterprise still needs to finish `stage`, having spent `elapsed` in it: a duration
// observed to be longer than `elapsed`, less what has passed. When every observation is shorter (the enterprise is
// already late), the remainder is drawn afresh from the observations. `seen` is sorted.
double remaining(const std::vector<double>& seen, double elapsed, std::mt19937_64& rng) {
  size_t first = static_cast<size_t>(std::upper_bound(seen.begin(), seen.end(), elapsed) - seen.begin());
  if (first == seen.size()) return seen[std::uniform_int_distribution<size_t>(0, seen.size() - 1)(rng)];
  return seen[std::uniform_int_distribution<size_t>(first, seen.size() - 1)(rng)] - elapsed;
}

// The chance that an enterprise in `stage`, `elapsed` days in, is accepted within `horizon` days.
double chance(const Durations& d, int stage, double elapsed, double horizon, std::mt19937_64& rng, int draws) {
  int done = 0;
  for (int k = 0; k < draws; ++k) {
    double t = remaining(d.days[stage], elapsed, rng);
    for (int s = stage + 1; s < kStages && t <= horizon; ++s) t += remaining(d.days[s], 0, rng);
    if (t <= horizon) ++done;
  }
  return static_cast<double>(done) / draws;
}
}  // namespace

CellForecast forecast_cell(const Durations& observed, const std::vector<Standing>& standing, int64_t accepted,
                           double horizon, uint64_t seed, int runs) {
  Durations d = observed;
  for (auto& days : d.days) std::sort(days.begin(), days.end());
  CellForecast f;
  f.accepted = accepted;
  std::mt19937_64 rng(seed);
  // Each group's chance of finishing in time, then whole-cell draws: enterprises finish independently.
  std::vector<std::pair<int64_t, double>> groups;
  for (const auto& s : standing) {
    if (s.count <= 0) continue;
    for (int k = s.stage; k < kStages; ++k)
      if (d.days[k].empty()) f.enough_history = false;
    if (!f.enough_history) continue;
    groups.emplace_back(s.count, chance(d, s.stage, s.elapsed, horizon, rng, 400));
  }
  if (!f.enough_history) {
    f.p10 = f.p50 = f.p90 = accepted;
    return f;
  }
  std::vector<int64_t> totals;
  totals.reserve(static_cast<size_t>(runs));
  for (int r = 0; r < runs; ++r) {
    int64_t n = accepted;
    for (const auto& [count, p] : groups) n += std::binomial_distribution<int64_t>(count, p)(rng);
    totals.push_back(n);
  }
  std::sort(totals.begin(), totals.end());
  auto at = [&](double q) { return totals[static_cast<size_t>(q * static_cast<double>(totals.size() - 1) + 0.5)]; };
  f.p10 = at(0.10);
  f.p50 = at(0.50);
  f.p90 = at(0.90);
  return f;
}

std::string risk_of(const CellForecast& f, int64_t target) {
  if (!f.enough_history) return "unknown";
  if (f.p90 < target) return "behind";
  if (f.p50 < target) return "at_risk";
  return "on_track";
}

}  // namespace sz::reports
