// Rules of information publishing and the public portal: the article workflow (draft → review → published), the
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

// Article states: draft → in_review → published → withdrawn; a reviewer may send one back to draft.
struct ArticleMove {
  const char* action;
  const char* from;
  const char* to;
  const char* name;
  bool reviewer;      // the city admin's move (审核); otherwise the author's (or any editor's)
  bool needs_reason;
};
const ArticleMove* article_move(const std::string& action);
// Every move the caller may take from `state`: reviewers' moves for the city admin, the author's for the author
// (an editor) or the city admin.
std::vector<const ArticleMove*> open_article_moves(const std::string& state, bool is_admin, bool is_author);
const char* state_name(const std::string& state);

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
