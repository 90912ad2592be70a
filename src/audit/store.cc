#include "audit/store.h"

namespace sz::audit::store {

namespace {
const char* head_sql(db::Engine e) {
  return e == db::Engine::postgresql ? "SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE"
                                     : "SELECT last_seq, last_hash FROM audit_head WHERE id = 1";
}
Result<Head> read_head(db::Connection& c, const char* sql) {
  SZ_ASSIGN(auto row, c.query_one(sql));
  if (!row) return Head{0, kGenesisHash};
  return Head{row->i64(0), row->text(1)};
}
}  // namespace

Result<Head> lock_head(db::Connection& c) { return read_head(c, head_sql(c.engine())); }
Result<Head> head(db::Connection& c) { return read_head(c, "SELECT last_seq, last_hash FROM audit_head WHERE id = 1"); }

Result<std::string> chain_nonce(db::Connection& c) {
  SZ_ASSIGN(auto row, c.query_one("SELECT nonce FROM audit_chain WHERE id = 1", {}));
  if (!row) return err::internal("audit_chain has no row");
  return row->text(0);
}

Status insert(db::Connection& c, const Entry& e) {
  SZ_TRY(c.execute(
      "INSERT INTO audit_log (seq, at, actor_user_id, actor_name, actor_roles, request_id, ip, action, entity_type, "
      "entity_id, before_json, after_json, prev_hash, hash) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)",
      {e.seq, e.at, db::opt(e.actor.user_id), e.actor.name, e.actor.roles, e.actor.request_id, e.actor.ip, e.action,
       e.entity_type, e.entity_id, e.before_json, e.after_json, e.prev_hash, e.hash}));
  return ok();
}

Status set_head(db::Connection& c, const Head& h) {
  // The migration creates the one head row, so appends never race to insert it.
  SZ_TRY(c.execute("UPDATE audit_head SET last_seq = $1, last_hash = $2 WHERE id = 1", {h.seq, h.hash}));
  return ok();
}

namespace {
const char* kColumns =
    "SELECT seq, at, actor_user_id, actor_name, actor_roles, request_id, ip, action, entity_type, entity_id, "
    "before_json, after_json, prev_hash, hash FROM audit_log ";

Entry entry_of(const db::Row& r) {
        Entry e;
        e.seq = r.i64(0);
        e.at = r.i64(1);
        e.actor.user_id = r.opt_i64(2);
        e.actor.name = r.text(3);
        e.actor.roles = r.text(4);
        e.actor.request_id = r.text(5);
        e.actor.ip = r.text(6);
        e.action = r.text(7);
        e.entity_type = r.text(8);
        e.entity_id = r.text(9);
        e.before_json = r.text(10);
        e.after_json = r.text(11);
        e.prev_hash = r.text(12);
        e.hash = r.text(13);
        return e;
}

std::string where(const Filter& f, db::Params& p) {
  std::string w = "WHERE 1=1";
  if (!f.actor.empty()) w += " AND actor_name = " + db::bind(p, f.actor);
  if (!f.action.empty()) w += " AND action = " + db::bind(p, f.action);
  if (!f.entity_type.empty()) w += " AND entity_type = " + db::bind(p, f.entity_type);
  if (!f.entity_id.empty()) w += " AND entity_id = " + db::bind(p, f.entity_id);
  if (f.from) w += " AND at >= " + db::bind(p, *f.from);
  if (f.to) w += " AND at <= " + db::bind(p, *f.to);
  return w;
}
}  // namespace

Status each_entry(db::Connection& c, const std::function<bool(const Entry&)>& fn) {
  return c.stream(std::string(kColumns) + "ORDER BY seq", {}, [&](const db::Row& r) { return fn(entry_of(r)); });
}

Result<std::vector<Entry>> list(db::Connection& c, const Filter& f, int64_t limit, int64_t offset) {
  db::Params p;
  std::string sql = kColumns + where(f, p);
  sql += " ORDER BY seq DESC LIMIT " + db::bind(p, limit) + " OFFSET " + db::bind(p, offset);
  SZ_ASSIGN(auto rows, c.query(sql, p));
  std::vector<Entry> out;
  for (const auto& r : rows) out.push_back(entry_of(r));
  return out;
}

Result<int64_t> count(db::Connection& c, const Filter& f) {
  db::Params p;
  SZ_ASSIGN(auto row, c.query_one("SELECT COUNT(*) FROM audit_log " + where(f, p), p));
  return row->i64(0);
}

Status each_matching(db::Connection& c, const Filter& f, const std::function<bool(const Entry&)>& fn) {
  db::Params p;
  std::string sql = kColumns + where(f, p) + " ORDER BY seq";
  return c.stream(sql, p, [&](const db::Row& r) { return fn(entry_of(r)); });
}

Result<std::optional<Entry>> find(db::Connection& c, int64_t seq) {
  SZ_ASSIGN(auto row, c.query_one(std::string(kColumns) + "WHERE seq = $1", {seq}));
  if (!row) return std::optional<Entry>{};
  return std::optional<Entry>(entry_of(*row));
}

Result<std::vector<std::string>> distinct(db::Connection& c, const std::string& column) {
  // Only the two facet columns, each served by its index.
  if (column != "action" && column != "entity_type") return err::internal("bad facet column");
  SZ_ASSIGN(auto rows, c.query("SELECT DISTINCT " + column + " FROM audit_log ORDER BY " + column));
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.text(0));
  return out;
}

}  // namespace sz::audit::store
