// Publishing rules: the look-up interval, the article workflow, and open-data suppression checked against an
// independent linear-algebra test of what the published figures reveal.
#include "publish/rules.h"

#include <fstream>
#include <sstream>

#include "publish/service.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace sz::publish {
namespace {

std::string read(const std::string& rel) {
  std::ifstream f(std::string(SZ_SOURCE_DIR) + "/" + rel);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

TEST(Interval, OneQueryPerClientPerInterval) {
  EXPECT_FALSE(retry_after(std::nullopt, 1000, 10));
  EXPECT_EQ(retry_after(1000, 1000, 10), 10);
  EXPECT_EQ(retry_after(1000, 1009, 10), 1);
  EXPECT_FALSE(retry_after(1000, 1010, 10));
}

TEST(Articles, TheWorkflowAsShipped) {
  auto wf = Service::parse_review(read("data/article-review.json"));
  ASSERT_TRUE(wf) << wf.error().detail;
  EXPECT_EQ(wf->move("submit")->to, "in_review");
  EXPECT_TRUE(wf->move("publish")->tagged("review"));
  EXPECT_FALSE(wf->move("submit")->tagged("review"));
  EXPECT_TRUE(wf->move("reject")->needs_reason);
  EXPECT_EQ(wf->move("delete"), nullptr);
  // The author submits; only the city admin reviews.
  EXPECT_TRUE(workflow::decide_or_error(*wf, "draft", "submit", {"author"}));
  EXPECT_EQ(workflow::decide_or_error(*wf, "in_review", "publish", {"author"}).error().status, 403);
  EXPECT_TRUE(valid_kind("case"));
  EXPECT_FALSE(valid_kind("rumour"));
}

// The published figures as equations: every line (row with its total, column with its total) sums to its total.
// A hidden figure is revealed when its unit vector lies in the row space of the equations over the hidden figures
// (Gaussian elimination in doubles: the entries are 0 and ±1 and the tables are small).
bool revealed(const std::vector<std::vector<int64_t>>& counts, const Suppression& s, size_t* which) {
  size_t R = counts.size(), C = counts[0].size();
  std::vector<std::pair<size_t, size_t>> unknown;  // grid coordinates, totals at R / C
  auto hidden = [&](size_t r, size_t c) {
    if (r < R && c < C) return static_cast<bool>(s.cell[r][c]);
    if (r < R) return static_cast<bool>(s.row_total[r]);
    if (c < C) return static_cast<bool>(s.column_total[c]);
    return s.grand_total;
  };
  for (size_t r = 0; r <= R; ++r)
    for (size_t c = 0; c <= C; ++c)
      if (hidden(r, c)) unknown.push_back({r, c});
  size_t n = unknown.size();
  std::vector<std::vector<double>> rows;
  for (size_t line = 0; line < R + 1 + C + 1; ++line) {
    std::vector<double> eq(n, 0);
    for (size_t k = 0; k < n; ++k) {
      auto [r, c] = unknown[k];
      bool is_row_line = line <= R;
      size_t idx = is_row_line ? line : line - (R + 1);
      if (is_row_line && r == idx) eq[k] = c == C ? -1 : 1;
      if (!is_row_line && c == idx) eq[k] = r == R ? -1 : 1;
    }
    rows.push_back(eq);
  }
  auto rank = [](std::vector<std::vector<double>> m) {
    size_t rk = 0, cols = m.empty() ? 0 : m[0].size();
    for (size_t col = 0; col < cols && rk < m.size(); ++col) {
      size_t piv = rk;
      for (size_t i = rk; i < m.size(); ++i)
        if (std::fabs(m[i][col]) > std::fabs(m[piv][col])) piv = i;
      if (std::fabs(m[piv][col]) < 1e-9) continue;
      std::swap(m[piv], m[rk]);
      for (size_t i = 0; i < m.size(); ++i)
        if (i != rk && std::fabs(m[i][col]) > 1e-12) {
          double f = m[i][col] / m[rk][col];
          for (size_t j = col; j < cols; ++j) m[i][j] -= f * m[rk][j];
        }
      ++rk;
    }
    return rk;
  };
  size_t base = rank(rows);
  for (size_t k = 0; k < n; ++k) {
    auto with = rows;
    std::vector<double> e(n, 0);
    e[k] = 1;
    with.push_back(e);
    if (rank(with) == base) {
      *which = k;
      return true;
    }
  }
  return false;
}

void check(const std::vector<std::vector<int64_t>>& counts) {
  auto s = suppress(counts, 3);
  size_t R = counts.size(), C = counts[0].size();
  std::vector<int64_t> rows(R, 0), cols(C, 0);
  int64_t grand = 0;
  for (size_t r = 0; r < R; ++r)
    for (size_t c = 0; c < C; ++c) {
      int64_t v = counts[r][c];
      rows[r] += v, cols[c] += v, grand += v;
      if (v == 1 || v == 2) {
        EXPECT_TRUE(s.cell[r][c]) << r << "," << c;
      }
    }
  for (size_t r = 0; r < R; ++r) {
    if (rows[r] == 1 || rows[r] == 2) {
      EXPECT_TRUE(s.row_total[r]);
    }
  }
  for (size_t c = 0; c < C; ++c) {
    if (cols[c] == 1 || cols[c] == 2) {
      EXPECT_TRUE(s.column_total[c]);
    }
  }
  if (grand == 1 || grand == 2) {
    EXPECT_TRUE(s.grand_total);
  }
  size_t which = 0;
  EXPECT_FALSE(revealed(counts, s, &which)) << "a hidden figure can be worked out (unknown #" << which << ")";
  EXPECT_FALSE(recoverable(counts, s));
}

TEST(Suppression, SmallCellsAreHiddenAndCannotBeWorkedOut) {
  check({{5, 7, 1, 9}, {4, 6, 8, 10}, {3, 5, 9, 2}});
  check({{1, 0}, {0, 5}});
  check({{2}});
  check({{0, 0, 0}, {0, 0, 0}});
  check({{12, 30, 4, 0}, {0, 0, 2, 0}, {7, 0, 0, 15}});
}

TEST(Suppression, NothingHiddenWhenEveryFigureIsLarge) {
  auto s = suppress({{5, 7}, {4, 6}}, 3);
  for (const auto& row : s.cell)
    for (bool h : row) EXPECT_FALSE(h);
  EXPECT_FALSE(s.grand_total);
}

TEST(Suppression, RandomDistrictByIndustryTables) {
  std::mt19937 gen(20240314);
  for (int t = 0; t < 300; ++t) {
    size_t R = 1 + gen() % 16, C = 1 + gen() % 4;
    std::vector<std::vector<int64_t>> counts(R, std::vector<int64_t>(C));
    for (auto& row : counts)
      for (auto& v : row) v = gen() % 3 == 0 ? 0 : static_cast<int64_t>(gen() % 12);
    check(counts);
  }
}

}  // namespace
}  // namespace sz::publish
