#include "exchange/store.h"

namespace sz::exchange::store {

namespace {
constexpr const char* kNeedColumns =
    "id, enterprise_id, district_code, industry_code, category, title, description, budget_fen, status, created_by, "
    "created_at, closed_at, close_reason";
Need need_of(const db::Row& r) {
  return {r.i64(0), r.i64(1), r.text(2), r.text(3), r.text(4), r.text(5), r.text(6), r.opt_i64(7), r.text(8), r.i64(9),
          r.i64(10), r.opt_i64(11), r.opt_text(12)};
}
}  // namespace

Result<int64_t> insert_need(db::Connection& c, const Need& n) {
  SZ_ASSIGN(auto row, c.query_one("INSERT INTO needs (enterprise_id, district_code, industry_code, category, title, description, "
                                  "budget_fen, status, created_by, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id",
                                  {n.enterprise_id, n.district_code, n.industry_code, n.category, n.title, n.description,
                                   db::opt(n.budget_fen), n.status, n.created_by, n.created_at}));
  return row->i64(0);
}

Result<std::optional<Need>> need(db::Connection& c, int64_t id) {
  SZ_ASSIGN(auto row, c.query_one(std::string("SELECT ") + kNeedColumns + " FROM needs WHERE id = $1", {id}));
  if (!row) return std::optional<Need>();
  return std::optional<Need>(need_of(*row));
}

Status set_need_status(db::Connection& c, int64_t id, const std::string& status, std::optional<int64_t> closed_at,
                       const std::optional<std::string>& close_reason) {
  SZ_TRY(c.execute("UPDATE needs SET status = $2, closed_at = $3, close_reason = $4 WHERE id = $1",
                   {id, status, db::opt(closed_at), db::opt(close_reason)}));
  return ok();
}

Result<std::vector<Need>> needs(db::Connection& c, const NeedFilter& f, int64_t limit, int64_t offset, int64_t* total) {
  db::Params p;
  std::string where = " WHERE 1=1";
  if (!f.all) {
    db::AnyOf any;
    for (const auto& d : f.districts) any.add("district_code = " + db::bind(p, d));
    for (int64_t e : f.enterprise_ids) any.add("enterprise_id = " + db::bind(p, e));
    if (f.open_to_providers) any.add("status = 'open'");
    if (f.answered_by) any.add("id IN (SELECT need_id FROM proposals WHERE provider_id = " + db::bind(p, *f.answered_by) + ")");
    where += " AND " + any.sql();
  }
  if (!f.status.empty()) where += " AND status = " + db::bind(p, f.status);
  if (!f.category.empty()) where += " AND category = " + db::bind(p, f.category);
  SZ_ASSIGN(auto n, c.query_one("SELECT COUNT(*) FROM needs" + where, p));
  *total = n->i64(0);
  std::string page = " LIMIT " + db::bind(p, limit) + " OFFSET " + db::bind(p, offset);
  SZ_ASSIGN(auto rows, c.query(std::string("SELECT ") + kNeedColumns + " FROM needs" + where + " ORDER BY id DESC" + page, p));
  std::vector<Need> out;
  for (const auto& r : rows) out.push_back(need_of(r));
  return out;
}

Result<int64_t> insert_proposal(db::Connection& c, const Proposal& x) {
  SZ_ASSIGN(auto row, c.query_one("INSERT INTO proposals (need_id, provider_id, product_id, summary, price_fen, status, "
                                  "created_by, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id",
                                  {x.need_id, x.provider_id, db::opt(x.product_id), x.summary, x.price_fen, x.status,
                                   x.created_by, x.created_at}));
  return row->i64(0);
}

Result<std::vector<Proposal>> proposals(db::Connection& c, int64_t need_id) {
  SZ_ASSIGN(auto rows, c.query("SELECT id, need_id, provider_id, product_id, summary, price_fen, status, created_by, created_at "
                               "FROM proposals WHERE need_id = $1 ORDER BY id",
                               {need_id}));
  std::vector<Proposal> out;
  for (const auto& r : rows)
    out.push_back({r.i64(0), r.i64(1), r.i64(2), r.opt_i64(3), r.text(4), r.i64(5), r.text(6), r.i64(7), r.i64(8)});
  return out;
}

Status set_proposal_status(db::Connection& c, int64_t need_id, int64_t accepted_id) {
  SZ_TRY(c.execute("UPDATE proposals SET status = CASE WHEN id = $2 THEN 'accepted' ELSE 'declined' END WHERE need_id = $1",
                   {need_id, accepted_id}));
  return ok();
}

Result<int64_t> insert_message(db::Connection& c, const Message& m) {
  SZ_ASSIGN(auto row, c.query_one("INSERT INTO need_messages (need_id, author_id, author_name, body, created_at) "
                                  "VALUES ($1,$2,$3,$4,$5) RETURNING id",
                                  {m.need_id, m.author_id, m.author_name, m.body, m.created_at}));
  return row->i64(0);
}

Result<std::vector<Message>> messages(db::Connection& c, int64_t need_id) {
  SZ_ASSIGN(auto rows, c.query("SELECT id, need_id, author_id, author_name, body, created_at FROM need_messages "
                               "WHERE need_id = $1 ORDER BY id",
                               {need_id}));
  std::vector<Message> out;
  for (const auto& r : rows) out.push_back({r.i64(0), r.i64(1), r.i64(2), r.text(3), r.text(4), r.i64(5)});
  return out;
}

Result<int64_t> insert_event(db::Connection& c, const Event& e) {
  SZ_ASSIGN(auto row, c.query_one("INSERT INTO match_events (title, held_on, place, industry_code, capacity, created_at) "
                                  "VALUES ($1,$2,$3,$4,$5,$6) RETURNING id",
                                  {e.title, e.held_on, e.place, db::opt(e.industry_code), e.capacity, e.created_at}));
  return row->i64(0);
}

namespace {
constexpr const char* kEventSelect =
    "SELECT e.id, e.title, e.held_on, e.place, e.industry_code, e.capacity, e.created_at, "
    "(SELECT COUNT(*) FROM match_registrations r WHERE r.event_id = e.id) FROM match_events e";
Event event_of(const db::Row& r) {
  return {r.i64(0), r.text(1), r.text(2), r.text(3), r.opt_text(4), r.i64(5), r.i64(6), r.i64(7)};
}
}  // namespace

Result<std::vector<Event>> events(db::Connection& c) {
  SZ_ASSIGN(auto rows, c.query(std::string(kEventSelect) + " ORDER BY e.held_on DESC, e.id DESC LIMIT 200"));
  std::vector<Event> out;
  for (const auto& r : rows) out.push_back(event_of(r));
  return out;
}

Result<std::optional<Event>> event(db::Connection& c, int64_t id) {
  SZ_ASSIGN(auto row, c.query_one(std::string(kEventSelect) + " WHERE e.id = $1", {id}));
  if (!row) return std::optional<Event>();
  return std::optional<Event>(event_of(*row));
}

Result<bool> register_user(db::Connection& c, int64_t event_id, int64_t user_id, const std::string& party, int64_t at) {
  SZ_ASSIGN(int64_t n, c.execute("INSERT INTO match_registrations (event_id, user_id, party, registered_at) VALUES ($1,$2,$3,$4) "
                                 "ON CONFLICT DO NOTHING",
                                 {event_id, user_id, party, at}));
  return n > 0;
}

Result<bool> is_registered(db::Connection& c, int64_t event_id, int64_t user_id) {
  SZ_ASSIGN(auto row, c.query_one("SELECT 1 FROM match_registrations WHERE event_id = $1 AND user_id = $2", {event_id, user_id}));
  return row.has_value();
}

Result<std::vector<std::pair<int64_t, std::string>>> registrations(db::Connection& c, int64_t event_id) {
  SZ_ASSIGN(auto rows, c.query("SELECT user_id, party FROM match_registrations WHERE event_id = $1 ORDER BY registered_at, user_id",
                               {event_id}));
  std::vector<std::pair<int64_t, std::string>> out;
  for (const auto& r : rows) out.emplace_back(r.i64(0), r.text(1));
  return out;
}

}  // namespace sz::exchange::store
