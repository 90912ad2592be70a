#include "publish/rules.h"

#include <algorithm>
#include <functional>
#include <map>

namespace sz::publish {

bool valid_kind(const std::string& kind) { return kind == "notice" || kind == "policy" || kind == "case"; }

const char* kind_name(const std::string& kind) {
  return kind == "notice" ? "通知公告" : kind == "policy" ? "政策文件" : kind == "case" ? "典型案例" : "";
}

std::optional<int64_t> retry_after(std::optional<int64_t> last, int64_t now, int64_t interval) {
  if (!last || now - *last >= interval) return std::nullopt;
  return *last + interval - now;
}

namespace {
// The table with its totals as one (R+1) × (C+1) grid: row R holds the column totals, column C the row totals.
// Each figure lies on two lines (its row and its column) and each line sums to its total, so a figure is an edge
// between its row and its column; a hidden figure can be worked out exactly when it is a bridge of the graph the
// hidden figures form (it then lies on no cycle, and cutting there leaves one side's equations to pin it).
struct Grid {
  size_t rows, cols;  // including the totals
  std::vector<std::vector<int64_t>> value;
  std::vector<std::vector<bool>> hidden;
};

Grid grid_of(const std::vector<std::vector<int64_t>>& counts) {
  Grid g;
  g.rows = counts.size() + 1;
  g.cols = (counts.empty() ? 0 : counts[0].size()) + 1;
  g.value.assign(g.rows, std::vector<int64_t>(g.cols, 0));
  g.hidden.assign(g.rows, std::vector<bool>(g.cols, false));
  for (size_t r = 0; r + 1 < g.rows; ++r)
    for (size_t c = 0; c + 1 < g.cols; ++c) {
      int64_t v = counts[r][c];
      g.value[r][c] = v;
      g.value[r][g.cols - 1] += v;
      g.value[g.rows - 1][c] += v;
      g.value[g.rows - 1][g.cols - 1] += v;
    }
  return g;
}

// A bridge among the hidden figures, as (row, column) of the grid; nullopt when there is none.
std::optional<std::pair<size_t, size_t>> find_bridge(const Grid& g) {
  const size_t n = g.rows + g.cols;  // vertices: rows 0..rows-1, then columns
  std::vector<std::vector<std::pair<size_t, size_t>>> adj(n);  // (neighbour, edge id)
  std::vector<std::pair<size_t, size_t>> edges;
  for (size_t r = 0; r < g.rows; ++r)
    for (size_t c = 0; c < g.cols; ++c)
      if (g.hidden[r][c]) {
        adj[r].push_back({g.rows + c, edges.size()});
        adj[g.rows + c].push_back({r, edges.size()});
        edges.push_back({r, c});
      }
  std::vector<int> order(n, -1), low(n, 0);
  int counter = 0;
  std::optional<std::pair<size_t, size_t>> found;
  std::function<void(size_t, size_t)> dfs = [&](size_t v, size_t via) {
    order[v] = low[v] = counter++;
    for (auto [to, id] : adj[v]) {
      if (id == via) continue;
      if (order[to] < 0) {
        dfs(to, id);
        low[v] = std::min(low[v], low[to]);
        if (low[to] > order[v] && !found) found = edges[id];
      } else {
        low[v] = std::min(low[v], order[to]);
      }
    }
  };
  for (size_t v = 0; v < n && !found; ++v)
    if (order[v] < 0) dfs(v, SIZE_MAX);
  return found;
}

Suppression result_of(const Grid& g) {
  Suppression s;
  s.cell.assign(g.rows - 1, std::vector<bool>(g.cols - 1, false));
  for (size_t r = 0; r + 1 < g.rows; ++r)
    for (size_t c = 0; c + 1 < g.cols; ++c) s.cell[r][c] = g.hidden[r][c];
  for (size_t r = 0; r + 1 < g.rows; ++r) s.row_total.push_back(g.hidden[r][g.cols - 1]);
  for (size_t c = 0; c + 1 < g.cols; ++c) s.column_total.push_back(g.hidden[g.rows - 1][c]);
  s.grand_total = g.hidden[g.rows - 1][g.cols - 1];
  return s;
}
}  // namespace

Suppression suppress(const std::vector<std::vector<int64_t>>& counts, int64_t threshold) {
  Grid g = grid_of(counts);
  for (size_t r = 0; r < g.rows; ++r)
    for (size_t c = 0; c < g.cols; ++c) g.hidden[r][c] = g.value[r][c] > 0 && g.value[r][c] < threshold;
  // Complementary suppression: while a hidden figure could be worked out, hide the smallest other figure on its row
  // (or, when the row is all hidden, on its column). Each round hides one more figure, so it ends.
  while (auto bridge = find_bridge(g)) {
    auto [r, c] = *bridge;
    auto pick = [&](bool along_row) -> bool {
      std::optional<std::pair<size_t, size_t>> best;
      size_t len = along_row ? g.cols : g.rows;
      for (size_t k = 0; k < len; ++k) {
        size_t rr = along_row ? r : k, cc = along_row ? k : c;
        if (g.hidden[rr][cc]) continue;
        if (!best || g.value[rr][cc] < g.value[best->first][best->second]) best = {rr, cc};
      }
      if (best) g.hidden[best->first][best->second] = true;
      return best.has_value();
    };
    if (!pick(true) && !pick(false)) break;  // everything on both lines is hidden already
  }
  return result_of(g);
}

bool recoverable(const std::vector<std::vector<int64_t>>& counts, const Suppression& s) {
  Grid g = grid_of(counts);
  for (size_t r = 0; r + 1 < g.rows; ++r) {
    for (size_t c = 0; c + 1 < g.cols; ++c) g.hidden[r][c] = s.cell[r][c];
    g.hidden[r][g.cols - 1] = s.row_total[r];
  }
  for (size_t c = 0; c + 1 < g.cols; ++c) g.hidden[g.rows - 1][c] = s.column_total[c];
  g.hidden[g.rows - 1][g.cols - 1] = s.grand_total;
  return find_bridge(g).has_value();
}

}  // namespace sz::publish
