#include "auth/store.h"

namespace sz::auth::store {
namespace {

const char* kUserColumns =
    "u.id, u.username, u.display_name, u.password_hash, u.district_code, COALESCE(d.name, ''), u.enterprise_id, "
    "u.provider_id, (SELECT MAX(lt.locked_until) FROM login_throttle lt WHERE lt.username = u.username), "
    "u.locked_by_admin, u.last_login_at, u.created_at, "
    "CASE WHEN EXISTS (SELECT 1 FROM user_totp t WHERE t.user_id = u.id AND t.confirmed_at IS NOT NULL) "
    "THEN 1 ELSE 0 END "
    "FROM users u LEFT JOIN districts d ON d.code = u.district_code ";

User user_of(const db::Row& r) {
  User u;
  u.id = r.i64(0);
  u.username = r.text(1);
  u.display_name = r.text(2);
  u.password_hash = r.text(3);
  u.district = r.opt_text(4);
  u.district_name = r.text(5);
  u.enterprise_id = r.opt_i64(6);
  u.provider_id = r.opt_i64(7);
  u.locked_until = r.opt_i64(8);
  u.locked_by_admin = r.i64(9) != 0;
  u.last_login_at = r.opt_i64(10);
  u.created_at = r.i64(11);
  u.totp_enrolled = r.i64(12) != 0;
  return u;
}

Status load_roles(db::Connection& c, User& u) {
  SZ_ASSIGN(auto rows, c.query("SELECT role FROM user_roles WHERE user_id = $1 ORDER BY role", {u.id}));
  for (const auto& r : rows)
    if (auto role = parse_role(r.text(0))) u.roles.push_back(*role);
  return ok();
}

Result<std::optional<User>> one_user(db::Connection& c, const std::string& where, const db::Params& params) {
  SZ_ASSIGN(auto row, c.query_one(std::string("SELECT ") + kUserColumns + where, params));
  if (!row) return std::optional<User>{};
  User u = user_of(*row);
  SZ_TRY(load_roles(c, u));
  return std::optional<User>(std::move(u));
}

}  // namespace

Result<std::optional<User>> user_by_name(db::Connection& c, const std::string& username) {
  return one_user(c, "WHERE u.username = $1", {username});
}

Result<std::optional<User>> user_by_id(db::Connection& c, int64_t id) { return one_user(c, "WHERE u.id = $1", {id}); }

Result<int64_t> insert_user(db::Connection& c, const NewUser& u, int64_t now) {
  SZ_ASSIGN(auto row, c.query_one("INSERT INTO users (username, display_name, password_hash, district_code, "
                                  "enterprise_id, provider_id, locked_by_admin, "
                                  "password_changed_at, created_at, updated_at) "
                                  "VALUES ($1,$2,$3,$4,$5,$6,0,$7,$7,$7) RETURNING id",
                                  {u.username, u.display_name, u.password_hash, db::opt(u.district),
                                   db::opt(u.enterprise_id), db::opt(u.provider_id), now}));
  int64_t id = row->i64(0);
  for (Role r : u.roles)
    SZ_TRY(c.execute("INSERT INTO user_roles (user_id, role) VALUES ($1, $2)", {id, std::string(role_code(r))}));
  return id;
}

Status set_admin_lock(db::Connection& c, int64_t id, bool locked, int64_t now) {
  SZ_TRY(c.execute("UPDATE users SET locked_by_admin = $2, updated_at = $3 WHERE id = $1",
                   {id, static_cast<int64_t>(locked), now}));
  return ok();
}

Status record_login(db::Connection& c, int64_t id, int64_t now) {
  SZ_TRY(c.execute("UPDATE users SET last_login_at = $2 WHERE id = $1", {id, now}));
  return ok();
}

Result<std::optional<int64_t>> locked_until(db::Connection& c, const std::string& username, const std::string& ip,
                                            int64_t now) {
  SZ_ASSIGN(auto row, c.query_one("SELECT locked_until FROM login_throttle WHERE username = $1 AND ip = $2 "
                                  "AND locked_until > $3",
                                  {username, ip, now}));
  if (!row) return std::optional<int64_t>{};
  return std::optional<int64_t>(row->i64(0));
}

Result<int64_t> add_failure(db::Connection& c, const std::string& username, const std::string& ip, int64_t now,
                            int64_t forget_before) {
  SZ_ASSIGN(auto row, c.query_one("INSERT INTO login_throttle (username, ip, failures, last_failure_at) "
                                  "VALUES ($1, $2, 1, $3) ON CONFLICT (username, ip) DO UPDATE SET "
                                  "failures = CASE WHEN login_throttle.last_failure_at < $4 THEN 1 "
                                  "ELSE login_throttle.failures + 1 END, last_failure_at = excluded.last_failure_at "
                                  "RETURNING failures",
                                  {username, ip, now, forget_before}));
  return row->i64(0);
}

Status lock_at(db::Connection& c, const std::string& username, const std::string& ip, int64_t until) {
  SZ_TRY(c.execute("UPDATE login_throttle SET failures = 0, locked_until = $3 WHERE username = $1 AND ip = $2",
                   {username, ip, until}));
  return ok();
}

Status clear_throttle(db::Connection& c, const std::string& username, const std::optional<std::string>& ip) {
  if (ip)
    SZ_TRY(c.execute("DELETE FROM login_throttle WHERE username = $1 AND ip = $2", {username, *ip}));
  else
    SZ_TRY(c.execute("DELETE FROM login_throttle WHERE username = $1", {username}));
  return ok();
}

Status forget_throttle_before(db::Connection& c, int64_t before, int64_t now) {
  SZ_TRY(c.execute("DELETE FROM login_throttle WHERE last_failure_at < $1 AND (locked_until IS NULL OR locked_until <= $2)",
                   {before, now}));
  return ok();
}

Status set_password(db::Connection& c, int64_t id, const std::string& hash, int64_t now) {
  SZ_TRY(c.execute("UPDATE users SET password_hash = $2, password_changed_at = $3, updated_at = $3 WHERE id = $1",
                   {id, hash, now}));
  return ok();
}

namespace {
// The accounts whose username or name holds `q` and, when `role` is not empty, that hold that role.
const char* kUserMatch =
    "WHERE ($1 = '' OR lower(u.username) LIKE $2 ESCAPE '\\' OR lower(u.display_name) LIKE $2 ESCAPE '\\') "
    "AND ($3 = '' OR EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = $3)) ";
}  // namespace

Result<std::vector<User>> list_users(db::Connection& c, const std::string& q, const std::string& role, int64_t limit,
                                     int64_t offset) {
  SZ_ASSIGN(auto rows, c.query(std::string("SELECT ") + kUserColumns + kUserMatch + "ORDER BY u.id LIMIT $4 OFFSET $5",
                               {q, db::like_contains(q), role, limit, offset}));
  std::vector<User> out;
  for (const auto& r : rows) {
    out.push_back(user_of(r));
    SZ_TRY(load_roles(c, out.back()));
  }
  return out;
}

Result<int64_t> count_users(db::Connection& c, const std::string& q, const std::string& role) {
  SZ_ASSIGN(auto row, c.query_one(std::string("SELECT COUNT(*) FROM users u ") + kUserMatch, {q, db::like_contains(q), role}));
  return row->i64(0);
}

Result<int64_t> insert_session(db::Connection& c, const std::string& token_hash, const std::string& csrf_hash,
                               int64_t user_id, int64_t now, int64_t expires_at, const std::string& ip) {
  SZ_ASSIGN(auto row, c.query_one("INSERT INTO sessions (token_hash, csrf_hash, user_id, created_at, last_seen_at, "
                                  "expires_at, ip, revoked) VALUES ($1,$2,$3,$4,$4,$5,$6,0) RETURNING id",
                                  {token_hash, csrf_hash, user_id, now, expires_at, ip}));
  return row->i64(0);
}

Result<std::optional<Session>> live_session(db::Connection& c, const std::string& token_hash) {
  SZ_ASSIGN(auto row, c.query_one("SELECT id, user_id, csrf_hash, last_seen_at, expires_at FROM sessions "
                                  "WHERE token_hash = $1 AND revoked = 0",
                                  {token_hash}));
  if (!row) return std::optional<Session>{};
  return std::optional<Session>(Session{row->i64(0), row->i64(1), row->text(2), row->i64(3), row->i64(4)});
}

Status touch_session(db::Connection& c, int64_t id, int64_t now) {
  SZ_TRY(c.execute("UPDATE sessions SET last_seen_at = $2 WHERE id = $1", {id, now}));
  return ok();
}

Status revoke_session(db::Connection& c, int64_t id) {
  SZ_TRY(c.execute("UPDATE sessions SET revoked = 1 WHERE id = $1", {id}));
  return ok();
}

Status revoke_user_sessions(db::Connection& c, int64_t user_id) {
  SZ_TRY(c.execute("UPDATE sessions SET revoked = 1 WHERE user_id = $1", {user_id}));
  return ok();
}

Status log_login(db::Connection& c, const LoginAttempt& a) {
  SZ_TRY(c.execute("INSERT INTO login_log (at, username, user_id, success, reason, ip) VALUES ($1,$2,$3,$4,$5,$6)",
                   {a.at, a.username, db::opt(a.user_id), static_cast<int64_t>(a.success), a.reason, a.ip}));
  return ok();
}

namespace {
std::string login_where(const LoginFilter& f, db::Params& p) {
  std::string w = "WHERE 1=1";
  if (!f.username.empty()) w += " AND username = " + db::bind(p, f.username);
  if (f.success) w += " AND success = " + db::bind(p, static_cast<int64_t>(*f.success));
  if (f.from) w += " AND at >= " + db::bind(p, *f.from);
  if (f.to) w += " AND at <= " + db::bind(p, *f.to);
  return w;
}
}  // namespace

Result<std::vector<LoginAttempt>> list_logins(db::Connection& c, const LoginFilter& f, int64_t limit, int64_t offset) {
  db::Params p;
  std::string sql = "SELECT id, at, username, user_id, success, reason, ip FROM login_log " + login_where(f, p);
  sql += " ORDER BY id DESC LIMIT " + db::bind(p, limit) + " OFFSET " + db::bind(p, offset);
  SZ_ASSIGN(auto rows, c.query(sql, p));
  std::vector<LoginAttempt> out;
  for (const auto& r : rows)
    out.push_back({r.i64(0), r.i64(1), r.text(2), r.opt_i64(3), r.i64(4) != 0, r.text(5), r.text(6)});
  return out;
}

Result<int64_t> count_users(db::Connection& c) {
  SZ_ASSIGN(auto row, c.query_one("SELECT COUNT(*) FROM users"));
  return row->i64(0);
}

Result<int64_t> count_logins(db::Connection& c, const LoginFilter& f) {
  db::Params p;
  SZ_ASSIGN(auto row, c.query_one("SELECT COUNT(*) FROM login_log " + login_where(f, p), p));
  return row->i64(0);
}

Result<std::vector<int64_t>> accounts_of(db::Connection& c, std::optional<int64_t> enterprise_id,
                                         std::optional<int64_t> provider_id) {
  db::Params p;
  std::string who = enterprise_id ? "enterprise_id = " + db::bind(p, *enterprise_id) : "provider_id = " + db::bind(p, provider_id.value_or(0));
  SZ_ASSIGN(auto rows, c.query("SELECT id FROM users WHERE " + who + " AND locked_by_admin = 0 ORDER BY id", p));
  std::vector<int64_t> out;
  for (const auto& r : rows) out.push_back(r.i64(0));
  return out;
}

// The second factor.

Result<std::optional<Totp>> totp_of(db::Connection& c, int64_t user_id) {
  SZ_ASSIGN(auto row, c.query_one("SELECT secret, confirmed_at, last_step FROM user_totp WHERE user_id = $1", {user_id}));
  if (!row) return std::optional<Totp>{};
  return std::optional<Totp>(Totp{row->text(0), row->opt_i64(1), row->i64(2)});
}

Status start_totp(db::Connection& c, int64_t user_id, const std::string& secret, int64_t now) {
  SZ_TRY(c.execute("DELETE FROM user_totp WHERE user_id = $1 AND confirmed_at IS NULL", {user_id}));
  SZ_TRY(c.execute("INSERT INTO user_totp (user_id, secret, confirmed_at, last_step, created_at) VALUES ($1,$2,NULL,0,$3)",
                   {user_id, secret, now}));
  return ok();
}

Result<bool> accept_totp_step(db::Connection& c, int64_t user_id, int64_t step, int64_t now) {
  SZ_ASSIGN(int64_t n, c.execute("UPDATE user_totp SET last_step = $2, confirmed_at = COALESCE(confirmed_at, $3) "
                                 "WHERE user_id = $1 AND last_step < $2",
                                 {user_id, step, now}));
  return n == 1;
}

Status remove_totp(db::Connection& c, int64_t user_id) {
  SZ_TRY(c.execute("DELETE FROM recovery_codes WHERE user_id = $1", {user_id}));
  SZ_TRY(c.execute("DELETE FROM user_totp WHERE user_id = $1", {user_id}));
  return ok();
}

Status replace_recovery_codes(db::Connection& c, int64_t user_id, const std::vector<std::string>& hashes) {
  SZ_TRY(c.execute("DELETE FROM recovery_codes WHERE user_id = $1", {user_id}));
  for (const auto& h : hashes)
    SZ_TRY(c.execute("INSERT INTO recovery_codes (user_id, code_hash, used_at) VALUES ($1, $2, NULL)", {user_id, h}));
  return ok();
}

Result<bool> use_recovery_code(db::Connection& c, int64_t user_id, const std::string& hash, int64_t now) {
  SZ_ASSIGN(int64_t n, c.execute("UPDATE recovery_codes SET used_at = $3 WHERE user_id = $1 AND code_hash = $2 "
                                 "AND used_at IS NULL",
                                 {user_id, hash, now}));
  return n == 1;
}

Result<int64_t> recovery_codes_left(db::Connection& c, int64_t user_id) {
  SZ_ASSIGN(auto row, c.query_one("SELECT COUNT(*) FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL", {user_id}));
  return row->i64(0);
}

Status insert_challenge(db::Connection& c, const std::string& token_hash, int64_t user_id, int64_t now,
                        int64_t expires_at, const std::string& ip) {
  // The account's finished and expired ones go: the table holds no more than the logins under way.
  SZ_TRY(c.execute("DELETE FROM login_challenges WHERE user_id = $1 AND (done = 1 OR expires_at <= $2)", {user_id, now}));
  SZ_TRY(c.execute("INSERT INTO login_challenges (token_hash, user_id, created_at, expires_at, ip, failures, done) "
                   "VALUES ($1,$2,$3,$4,$5,0,0)",
                   {token_hash, user_id, now, expires_at, ip}));
  return ok();
}

Result<std::optional<Challenge>> open_challenge(db::Connection& c, const std::string& token_hash) {
  SZ_ASSIGN(auto row, c.query_one("SELECT id, user_id, expires_at, failures FROM login_challenges "
                                  "WHERE token_hash = $1 AND done = 0",
                                  {token_hash}));
  if (!row) return std::optional<Challenge>{};
  return std::optional<Challenge>(Challenge{row->i64(0), row->i64(1), row->i64(2), row->i64(3)});
}

Result<int64_t> add_challenge_failure(db::Connection& c, int64_t id) {
  SZ_ASSIGN(auto row, c.query_one("UPDATE login_challenges SET failures = failures + 1 WHERE id = $1 RETURNING failures",
                                  {id}));
  return row ? row->i64(0) : 0;
}

Status close_challenge(db::Connection& c, int64_t id) {
  SZ_TRY(c.execute("UPDATE login_challenges SET done = 1 WHERE id = $1", {id}));
  return ok();
}

}  // namespace sz::auth::store
