#include "coaching/store.h"

namespace sz::coaching::store {

namespace {
constexpr const char* kRequestColumns =
    "id, enterprise_id, district_code, topic, needs, mode, state, expert_user_id, requested_by, reason, summary, "
    "rating, comment, sessions, minutes, created_at, updated_at, assigned_at, closed_at, rated_at";

Request request_of(const db::Row& r) {
  Request q;
  q.id = r.i64(0);
  q.enterprise_id = r.i64(1);
  q.district_code = r.text(2);
  q.topic = r.text(3);
  q.needs = r.text(4);
  q.mode = r.text(5);
  q.state = r.text(6);
  q.expert_user_id = r.opt_i64(7);
  q.requested_by = r.i64(8);
  q.reason = r.opt_text(9);
  q.summary = r.opt_text(10);
  q.rating = r.opt_i64(11);
  q.comment = r.opt_text(12);
  q.sessions = r.i64(13);
  q.minutes = r.i64(14);
  q.created_at = r.i64(15);
  q.updated_at = r.i64(16);
  q.assigned_at = r.opt_i64(17);
  q.closed_at = r.opt_i64(18);
  q.rated_at = r.opt_i64(19);
  return q;
}
}  // namespace

Result<int64_t> insert_request(db::Connection& c, const Request& r) {
  SZ_ASSIGN(auto row, c.query_one("INSERT INTO coaching_requests (enterprise_id, district_code, topic, needs, mode, state, "
                                  "requested_by, sessions, minutes, created_at, updated_at) "
                                  "VALUES ($1,$2,$3,$4,$5,$6,$7,0,0,$8,$8) RETURNING id",
                                  {r.enterprise_id, r.district_code, r.topic, r.needs, r.mode, r.state, r.requested_by,
                                   r.created_at}));
  return row->i64(0);
}

Result<std::optional<Request>> request(db::Connection& c, int64_t id) {
  SZ_ASSIGN(auto row, c.query_one(std::string("SELECT ") + kRequestColumns + " FROM coaching_requests WHERE id = $1", {id}));
  if (!row) return std::optional<Request>();
  return std::optional<Request>(request_of(*row));
}

Result<bool> update_request(db::Connection& c, const Request& r, const std::string& expected_state) {
  SZ_ASSIGN(int64_t n, c.execute("UPDATE coaching_requests SET state = $3, expert_user_id = $4, reason = $5, summary = $6, "
                                 "rating = $7, comment = $8, updated_at = $9, assigned_at = $10, closed_at = $11, "
                                 "rated_at = $12 WHERE id = $1 AND state = $2",
                                 {r.id, expected_state, r.state, db::opt(r.expert_user_id), db::opt(r.reason),
                                  db::opt(r.summary), db::opt(r.rating), db::opt(r.comment), r.updated_at,
                                  db::opt(r.assigned_at), db::opt(r.closed_at), db::opt(r.rated_at)}));
  return n == 1;
}

Result<std::vector<Request>> requests(db::Connection& c, const Scope& s, const Filter& f, int64_t limit, int64_t offset,
                                      int64_t* total) {
  db::Params p;
  std::string where = " WHERE 1=1";
  if (!s.all) {
    db::AnyOf any;
    if (s.district) any.add("district_code = " + db::bind(p, *s.district));
    if (s.enterprise_id) any.add("enterprise_id = " + db::bind(p, *s.enterprise_id));
    if (s.expert_user_id) any.add("expert_user_id = " + db::bind(p, *s.expert_user_id));
    where += " AND " + any.sql();
  }
  if (!f.state.empty()) where += " AND state = " + db::bind(p, f.state);
  if (!f.topic.empty()) where += " AND topic = " + db::bind(p, f.topic);
  SZ_ASSIGN(auto n, c.query_one("SELECT COUNT(*) FROM coaching_requests" + where, p));
  *total = n->i64(0);
  std::string page = " ORDER BY id DESC LIMIT " + db::bind(p, limit) + " OFFSET " + db::bind(p, offset);
  SZ_ASSIGN(auto rows, c.query(std::string("SELECT ") + kRequestColumns + " FROM coaching_requests" + where + page, p));
  std::vector<Request> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(request_of(r));
  return out;
}

Result<bool> add_session(db::Connection& c, Session& s, const std::string& expected_state) {
  SZ_ASSIGN(int64_t n, c.execute("UPDATE coaching_requests SET sessions = sessions + 1, minutes = minutes + $2, "
                                 "updated_at = $3 WHERE id = $1 AND state = $4",
                                 {s.request_id, s.minutes, s.recorded_at, expected_state}));
  if (n != 1) return false;
  SZ_ASSIGN(auto row, c.query_one("INSERT INTO coaching_sessions (request_id, held_on, minutes, mode, content, advice, "
                                  "recorded_by, recorded_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id",
                                  {s.request_id, s.held_on, s.minutes, s.mode, s.content, s.advice, s.recorded_by,
                                   s.recorded_at}));
  s.id = row->i64(0);
  return true;
}

Result<std::vector<Session>> sessions(db::Connection& c, int64_t request_id) {
  SZ_ASSIGN(auto rows, c.query("SELECT id, request_id, held_on, minutes, mode, content, advice, recorded_by, recorded_at "
                               "FROM coaching_sessions WHERE request_id = $1 ORDER BY held_on, id",
                               {request_id}));
  std::vector<Session> out;
  out.reserve(rows.size());
  for (const auto& r : rows)
    out.push_back({r.i64(0), r.i64(1), r.text(2), r.i64(3), r.text(4), r.text(5), r.text(6), r.i64(7), r.i64(8)});
  return out;
}

}  // namespace sz::coaching::store
