// SQL of publishing: articles and their history, and the public look-up interval per client.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "infra/db/db.h"

namespace sz::publish::store {

struct Article {
  int64_t id = 0;
  std::string kind, title, summary, body;
  std::optional<std::string> industry_code;
  std::string state;
  int64_t author_id = 0;
  std::string author_name;
  std::optional<int64_t> reviewer_id;
  std::optional<std::string> review_note;
  int64_t created_at = 0, updated_at = 0;
  std::optional<int64_t> published_at;
};
Result<int64_t> insert_article(db::Connection& c, const Article& a);
Status update_article(db::Connection& c, const Article& a);
Result<std::optional<Article>> article(db::Connection& c, int64_t id);
struct ArticleFilter {
  std::string kind, state;
  std::optional<int64_t> author_id;  // non-admin editors see their own drafts
  bool published_only = false;
};
Result<std::vector<Article>> articles(db::Connection& c, const ArticleFilter& f, int64_t limit, int64_t offset,
                                      int64_t* total);

struct ArticleEvent {
  std::string action, from_state, to_state, actor_name, reason;
  int64_t at = 0;
};
Status insert_event(db::Connection& c, int64_t article_id, const ArticleEvent& e);
Result<std::vector<ArticleEvent>> events(db::Connection& c, int64_t article_id);

// Takes the client's query slot when its last query is at least `interval` old; returns the last query time that
// blocks it otherwise. Call inside a write transaction.
Result<std::optional<int64_t>> take_query_slot(db::Connection& c, const std::string& client, int64_t now, int64_t interval);
Status forget_queries_before(db::Connection& c, int64_t before);

}  // namespace sz::publish::store
