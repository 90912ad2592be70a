#include "reports/forecast.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <map>
#include <random>

namespace sz::reports {
namespace {

// A generated pilot: each stage's true duration is log-normal around these medians (days).
constexpr double kMedian[kStages] = {60, 20, 120, 30};
constexpr double kSpread[kStages] = {0.5, 0.4, 0.4, 0.3};

double draw(int stage, std::mt19937_64& rng) {
  std::lognormal_distribution<double> d(std::log(kMedian[stage]), kSpread[stage]);
  return d(rng);
}

// The durations one earlier cohort left behind, every stage completed.
Durations history(std::mt19937_64& rng, int enterprises) {
  Durations d;
  for (int i = 0; i < enterprises; ++i)
    for (int s = 0; s < kStages; ++s) d.days[s].push_back(draw(s, rng));
  return d;
}

struct Cell {
  std::vector<Standing> standing;
  int64_t accepted_now = 0, accepted_later = 0;
};

// A cell of `n` enterprises joining over 300 days, seen on day 300 — where each stands, in weekly buckets — and what
// had actually happened by day 300 + horizon.
Cell generated_cell(std::mt19937_64& rng, int n, double horizon) {
  constexpr double now = 300;
  Cell c;
  std::map<std::pair<int, int64_t>, int64_t> buckets;  // (stage, week in it) → enterprises
  std::uniform_real_distribution<double> join(0, now);
  for (int i = 0; i < n; ++i) {
    double start[kStages + 1];
    start[0] = join(rng);
    for (int s = 0; s < kStages; ++s) start[s + 1] = start[s] + draw(s, rng);
    if (start[kStages] <= now + horizon) ++c.accepted_later;
    if (start[kStages] <= now) {
      ++c.accepted_now;
      continue;
    }
    int stage = 0;
    while (start[stage + 1] <= now) ++stage;
    ++buckets[{stage, static_cast<int64_t>((now - start[stage]) / 7)}];
  }
  for (const auto& [key, count] : buckets) c.standing.push_back({key.first, key.second * 7 + 3.5, count});
  return c;
}

TEST(Forecast, TheBandHoldsAboutEightyPercentOfHeldOutOutcomes) {
  std::mt19937_64 rng(20240415);
  Durations seen = history(rng, 3000);
  int inside = 0, cells = 300;
  for (int k = 0; k < cells; ++k) {
    Cell c = generated_cell(rng, 30, 180);
    CellForecast f = forecast_cell(seen, c.standing, c.accepted_now, 180, 1000 + k);
    ASSERT_TRUE(f.enough_history);
    ASSERT_LE(f.p10, f.p50);
    ASSERT_LE(f.p50, f.p90);
    if (c.accepted_later >= f.p10 && c.accepted_later <= f.p90) ++inside;
  }
  double coverage = static_cast<double>(inside) / cells;
  std::printf("coverage of the 10–90%% band: %.3f\n", coverage);
  EXPECT_GT(coverage, 0.72) << coverage;
  EXPECT_LT(coverage, 0.92) << coverage;
}

TEST(Forecast, SameInputsSameForecast) {
  Durations d;
  for (int s = 0; s < kStages; ++s) d.days[s] = {10, 20, 30, 40};
  std::vector<Standing> st = {{0, 5, 10}, {2, 15, 4}};
  auto a = forecast_cell(d, st, 3, 60, 7), b = forecast_cell(d, st, 3, 60, 7);
  EXPECT_EQ(a.p10, b.p10);
  EXPECT_EQ(a.p90, b.p90);
  EXPECT_GE(a.p10, 3);  // the already accepted stay accepted
  EXPECT_LE(a.p90, 17);
}

TEST(Forecast, NoHistoryForAStageMeansNoForecast) {
  Durations d;
  d.days[0] = {10};
  auto f = forecast_cell(d, {{0, 1, 5}}, 2, 365, 1);
  EXPECT_FALSE(f.enough_history);
  EXPECT_EQ(risk_of(f, 10), "unknown");
}

TEST(Forecast, RiskAgainstTheTarget) {
  CellForecast f;
  f.p10 = 5, f.p50 = 8, f.p90 = 11;
  EXPECT_EQ(risk_of(f, 12), "behind");
  EXPECT_EQ(risk_of(f, 11), "at_risk");
  EXPECT_EQ(risk_of(f, 9), "at_risk");
  EXPECT_EQ(risk_of(f, 8), "on_track");
}

}  // namespace
}  // namespace sz::reports
