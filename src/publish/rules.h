// Rules of information publishing and the public portal (the article workflow is data/article-review.json), the
// public look-up interval (the seed's first line, "查询间隔10秒"), and small-cell suppression of open data.
// Pure: no I/O, no SQL.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sz::publish {

// 通知公告 / 政策文件 / 典型案例
bool valid_kind(const std::string& kind);
const char* kind_name(const std::string& kind);

// Seconds the client must still wait, or nullopt when it may query now (its last query `interval` or more ago).
std::optional<int64_t> retry_after(std::optional<int64_t> last_query_at, int64_t now, int64_t interval);

// Open data: a table of counts (rows × columns) with row, column and grand totals. Every figure from 1 to
// threshold − 1 enterprises is suppressed (a zero describes no enterprise and is shown); then further cells are
// suppressed so that no suppressed figure can be worked out from the totals: every row and column that hides a
// figure hides at least two (or none), the totals included.
struct Suppression {
  std::vector<std::vector<bool>> cell;
  std::vector<bool> row_total, column_total;
  bool grand_total = false;
};
Suppression suppress(const std::vector<std::vector<int64_t>>& counts, int64_t threshold);

// For tests and for the open-data page's own check: whether `s` leaves any suppressed figure determined by the
// published figures (cells and totals) through the table's additive equations.
bool recoverable(const std::vector<std::vector<int64_t>>& counts, const Suppression& s);

}  // namespace sz::publish
