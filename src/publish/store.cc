#include "publish/store.h"

namespace sz::publish::store {

namespace {
constexpr const char* kColumns =
    "id, kind, title, summary, body, industry_code, state, author_id, author_name, reviewer_id, review_note, created_at, "
    "updated_at, published_at";
Article article_of(const db::Row& r) {
  return {r.i64(0), r.text(1), r.text(2), r.text(3), r.text(4), r.opt_text(5), r.text(6), r.i64(7), r.text(8),
          r.opt_i64(9), r.opt_text(10), r.i64(11), r.i64(12), r.opt_i64(13)};
}
}  // namespace

Result<int64_t> insert_article(db::Connection& c, const Article& a) {
  SZ_ASSIGN(auto row, c.query_one("INSERT INTO articles (kind, title, summary, body, industry_code, state, author_id, "
                                  "author_name, created_at, updated_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id",
                                  {a.kind, a.title, a.summary, a.body, db::opt(a.industry_code), a.state, a.author_id,
                                   a.author_name, a.created_at, a.updated_at}));
  return row->i64(0);
}

Status update_article(db::Connection& c, const Article& a) {
  SZ_TRY(c.execute("UPDATE articles SET kind = $2, title = $3, summary = $4, body = $5, industry_code = $6, state = $7, "
                   "reviewer_id = $8, review_note = $9, updated_at = $10, published_at = $11 WHERE id = $1",
                   {a.id, a.kind, a.title, a.summary, a.body, db::opt(a.industry_code), a.state, db::opt(a.reviewer_id),
                    db::opt(a.review_note), a.updated_at, db::opt(a.published_at)}));
  return ok();
}

Result<std::optional<Article>> article(db::Connection& c, int64_t id) {
  SZ_ASSIGN(auto row, c.query_one(std::string("SELECT ") + kColumns + " FROM articles WHERE id = $1", {id}));
  if (!row) return std::optional<Article>();
  return std::optional<Article>(article_of(*row));
}

Result<std::vector<Article>> articles(db::Connection& c, const ArticleFilter& f, int64_t limit, int64_t offset,
                                      int64_t* total) {
  db::Params p;
  std::string where = " WHERE 1=1";
  if (f.published_only) where += " AND state = 'published'";
  if (!f.state.empty()) where += " AND state = " + db::bind(p, f.state);
  if (!f.kind.empty()) where += " AND kind = " + db::bind(p, f.kind);
  if (f.author_id) where += " AND (state = 'published' OR author_id = " + db::bind(p, *f.author_id) + ")";
  SZ_ASSIGN(auto count, c.query_one("SELECT COUNT(*) FROM articles" + where, p));
  *total = count->i64(0);
  // Published ones newest first by publication; drafts by their last change.
  SZ_ASSIGN(auto rows, c.query(std::string("SELECT ") + kColumns + " FROM articles" + where +
                                   " ORDER BY COALESCE(published_at, updated_at) DESC, id DESC LIMIT " + db::bind(p, limit) +
                                   " OFFSET " + db::bind(p, offset),
                               p));
  std::vector<Article> out;
  for (const auto& r : rows) out.push_back(article_of(r));
  return out;
}

Status insert_event(db::Connection& c, int64_t article_id, const ArticleEvent& e) {
  SZ_TRY(c.execute("INSERT INTO article_events (article_id, action, from_state, to_state, actor_name, reason, at) "
                   "VALUES ($1,$2,$3,$4,$5,$6,$7)",
                   {article_id, e.action, e.from_state, e.to_state, e.actor_name, e.reason, e.at}));
  return ok();
}

Result<std::vector<ArticleEvent>> events(db::Connection& c, int64_t article_id) {
  SZ_ASSIGN(auto rows, c.query("SELECT action, from_state, to_state, actor_name, reason, at FROM article_events "
                               "WHERE article_id = $1 ORDER BY id",
                               {article_id}));
  std::vector<ArticleEvent> out;
  for (const auto& r : rows) out.push_back({r.text(0), r.text(1), r.text(2), r.text(3), r.text(4), r.i64(5)});
  return out;
}

Result<std::optional<int64_t>> take_query_slot(db::Connection& c, const std::string& client, int64_t now, int64_t interval) {
  // One statement decides: the row is written only when the last query is old enough, so two nodes serving the same
  // client at once cannot both let it through.
  SZ_ASSIGN(auto taken, c.query_one("INSERT INTO public_queries (client, last_at) VALUES ($1, $2) ON CONFLICT (client) "
                                    "DO UPDATE SET last_at = excluded.last_at WHERE public_queries.last_at <= $3 "
                                    "RETURNING last_at",
                                    {client, now, now - interval}));
  if (taken) return std::optional<int64_t>();
  SZ_ASSIGN(auto row, c.query_one("SELECT last_at FROM public_queries WHERE client = $1", {client}));
  return std::optional<int64_t>(row ? row->i64(0) : now);
}

Status forget_queries_before(db::Connection& c, int64_t before) {
  SZ_TRY(c.execute("DELETE FROM public_queries WHERE last_at < $1", {before}));
  return ok();
}

}  // namespace sz::publish::store
