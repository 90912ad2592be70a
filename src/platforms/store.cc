#include "platforms/store.h"

namespace sz::platforms::store {

namespace {
constexpr const char* kPlatformColumns =
    "id, name, operator, credit_code, industries, services, url, status, created_at, updated_at";
Platform platform_of(const db::Row& r) {
  return {r.i64(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.text(6), r.text(7), r.i64(8), r.i64(9)};
}
constexpr const char* kCredentialColumns =
    "id, platform_id, key_id, secret_hash, scopes, label, created_by, created_at, revoked_at, last_used_at";
Credential credential_of(const db::Row& r) {
  return {r.i64(0), r.i64(1), r.text(2), r.text(3), r.text(4), r.text(5), r.text(6), r.i64(7), r.opt_i64(8), r.opt_i64(9)};
}
}  // namespace

Result<int64_t> insert_platform(db::Connection& c, const Platform& p) {
  SZ_ASSIGN(auto row, c.query_one("INSERT INTO iiot_platforms (name, operator, credit_code, industries, services, url, status, "
                                  "created_at, updated_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$8) RETURNING id",
                                  {p.name, p.operator_name, p.credit_code, p.industries_json, p.services_json, p.url,
                                   p.status, p.created_at}));
  return row->i64(0);
}

Status update_platform(db::Connection& c, const Platform& p) {
  SZ_TRY(c.execute("UPDATE iiot_platforms SET name = $2, operator = $3, credit_code = $4, industries = $5, services = $6, "
                   "url = $7, status = $8, updated_at = $9 WHERE id = $1",
                   {p.id, p.name, p.operator_name, p.credit_code, p.industries_json, p.services_json, p.url, p.status,
                    p.updated_at}));
  return ok();
}

Result<std::optional<Platform>> platform(db::Connection& c, int64_t id) {
  SZ_ASSIGN(auto row, c.query_one(std::string("SELECT ") + kPlatformColumns + " FROM iiot_platforms WHERE id = $1", {id}));
  if (!row) return std::optional<Platform>();
  return std::optional<Platform>(platform_of(*row));
}

Result<bool> name_taken(db::Connection& c, const std::string& name, int64_t except_id) {
  SZ_ASSIGN(auto row, c.query_one("SELECT 1 FROM iiot_platforms WHERE name = $1 AND id <> $2", {name, except_id}));
  return row.has_value();
}

Result<std::vector<Platform>> platforms(db::Connection& c) {
  SZ_ASSIGN(auto rows, c.query(std::string("SELECT ") + kPlatformColumns + " FROM iiot_platforms ORDER BY id"));
  std::vector<Platform> out;
  for (const auto& r : rows) out.push_back(platform_of(r));
  return out;
}

Result<int64_t> insert_node(db::Connection& c, const IdentifierNode& n) {
  SZ_ASSIGN(auto row, c.query_one("INSERT INTO identifier_nodes (platform_id, name, prefix, industry_code, approved_on, "
                                  "decided_by, evidence, recorded_by, recorded_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) "
                                  "RETURNING id",
                                  {n.platform_id, n.name, n.prefix, n.industry_code, n.approved_on, n.decided_by, n.evidence,
                                   db::opt(n.recorded_by), n.recorded_at}));
  return row->i64(0);
}

Result<std::vector<IdentifierNode>> nodes_of(db::Connection& c, std::optional<int64_t> platform_id) {
  db::Params p;
  std::string where = platform_id ? " WHERE n.platform_id = " + db::bind(p, *platform_id) : "";
  SZ_ASSIGN(auto rows, c.query("SELECT n.id, n.platform_id, n.name, n.prefix, n.industry_code, n.approved_on, n.decided_by, "
                               "n.evidence, n.recorded_by, n.recorded_at, pl.name, COALESCE(u.display_name, '') "
                               "FROM identifier_nodes n JOIN iiot_platforms pl ON pl.id = n.platform_id "
                               "LEFT JOIN users u ON u.id = n.recorded_by" + where + " ORDER BY n.approved_on, n.id",
                               p));
  std::vector<IdentifierNode> out;
  for (const auto& r : rows)
    out.push_back({r.i64(0), r.i64(1), r.text(2), r.text(3), r.text(4), r.text(5), r.text(6), r.text(7), r.opt_i64(8), r.i64(9),
                   r.text(10), r.text(11)});
  return out;
}

Result<bool> prefix_taken(db::Connection& c, const std::string& prefix) {
  SZ_ASSIGN(auto row, c.query_one("SELECT 1 FROM identifier_nodes WHERE prefix = $1", {prefix}));
  return row.has_value();
}

Result<int64_t> served(db::Connection& c, int64_t platform_id) {
  SZ_ASSIGN(auto row, c.query_one("SELECT COUNT(*) FROM platform_users WHERE platform_id = $1", {platform_id}));
  return row->i64(0);
}

Result<int64_t> insert_credential(db::Connection& c, const Credential& k) {
  SZ_ASSIGN(auto row, c.query_one("INSERT INTO platform_credentials (platform_id, key_id, secret_hash, scopes, label, "
                                  "created_by, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id",
                                  {k.platform_id, k.key_id, k.secret_hash, k.scopes_json, k.label, k.created_by,
                                   k.created_at}));
  return row->i64(0);
}

Result<std::optional<Credential>> credential_by_key(db::Connection& c, const std::string& key_id) {
  SZ_ASSIGN(auto row, c.query_one(std::string("SELECT ") + kCredentialColumns + " FROM platform_credentials WHERE key_id = $1",
                                  {key_id}));
  if (!row) return std::optional<Credential>();
  return std::optional<Credential>(credential_of(*row));
}

Result<std::vector<Credential>> credentials(db::Connection& c, int64_t platform_id) {
  SZ_ASSIGN(auto rows, c.query(std::string("SELECT ") + kCredentialColumns +
                                   " FROM platform_credentials WHERE platform_id = $1 ORDER BY id",
                               {platform_id}));
  std::vector<Credential> out;
  for (const auto& r : rows) out.push_back(credential_of(r));
  return out;
}

Status revoke(db::Connection& c, int64_t id, int64_t at) {
  SZ_TRY(c.execute("UPDATE platform_credentials SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL", {id, at}));
  return ok();
}

Status touch(db::Connection& c, int64_t id, int64_t at) {
  SZ_TRY(c.execute("UPDATE platform_credentials SET last_used_at = $2 WHERE id = $1", {id, at}));
  return ok();
}

namespace {
constexpr const char* kBatchColumns =
    "platform_id, batch_id, digest, credential_id, accepted, rejected, result, received_at";
Batch batch_of(const db::Row& r) {
  return {r.i64(0), r.text(1), r.text(2), r.i64(3), r.i64(4), r.i64(5), r.text(6), r.i64(7)};
}
}  // namespace

Result<std::optional<Batch>> batch(db::Connection& c, int64_t platform_id, const std::string& batch_id) {
  SZ_ASSIGN(auto row, c.query_one(std::string("SELECT ") + kBatchColumns +
                                      " FROM platform_batches WHERE platform_id = $1 AND batch_id = $2",
                                  {platform_id, batch_id}));
  if (!row) return std::optional<Batch>();
  return std::optional<Batch>(batch_of(*row));
}

Result<bool> insert_batch(db::Connection& c, const Batch& b) {
  SZ_ASSIGN(int64_t n, c.execute("INSERT INTO platform_batches (platform_id, batch_id, digest, credential_id, accepted, "
                                 "rejected, result, received_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8) ON CONFLICT DO NOTHING",
                                 {b.platform_id, b.batch_id, b.digest, b.credential_id, b.accepted, b.rejected,
                                  b.result_json, b.received_at}));
  return n == 1;
}

Result<std::vector<Batch>> batches(db::Connection& c, int64_t platform_id, int64_t limit) {
  SZ_ASSIGN(auto rows, c.query(std::string("SELECT ") + kBatchColumns +
                                   " FROM platform_batches WHERE platform_id = $1 ORDER BY received_at DESC, batch_id LIMIT $2",
                               {platform_id, limit}));
  std::vector<Batch> out;
  for (const auto& r : rows) out.push_back(batch_of(r));
  return out;
}

Status upsert_user(db::Connection& c, const User& u) {
  SZ_TRY(c.execute("INSERT INTO platform_users (platform_id, enterprise_id, service, since, batch_id, updated_at) "
                   "VALUES ($1,$2,$3,$4,$5,$6) ON CONFLICT (platform_id, enterprise_id) DO UPDATE SET "
                   "service = excluded.service, since = excluded.since, batch_id = excluded.batch_id, "
                   "updated_at = excluded.updated_at",
                   {u.platform_id, u.enterprise_id, u.service, u.since, u.batch_id, u.updated_at}));
  return ok();
}

Result<std::vector<User>> users(db::Connection& c, int64_t platform_id, int64_t limit, int64_t offset, int64_t* total) {
  SZ_ASSIGN(auto n, c.query_one("SELECT COUNT(*) FROM platform_users WHERE platform_id = $1", {platform_id}));
  *total = n->i64(0);
  SZ_ASSIGN(auto rows, c.query("SELECT platform_id, enterprise_id, service, since, batch_id, updated_at FROM platform_users "
                               "WHERE platform_id = $1 ORDER BY enterprise_id LIMIT $2 OFFSET $3",
                               {platform_id, limit, offset}));
  std::vector<User> out;
  for (const auto& r : rows) out.push_back({r.i64(0), r.i64(1), r.text(2), r.text(3), r.text(4), r.i64(5)});
  return out;
}

Result<bool> evaluation_exists(db::Connection& c, int64_t platform_id, const std::string& period) {
  SZ_ASSIGN(auto row, c.query_one("SELECT 1 FROM platform_evaluations WHERE platform_id = $1 AND period = $2",
                                  {platform_id, period}));
  return row.has_value();
}

Result<int64_t> insert_evaluation(db::Connection& c, const Evaluation& e) {
  SZ_ASSIGN(auto row, c.query_one("INSERT INTO platform_evaluations (platform_id, period, scores, total, grade, "
                                  "served_enterprises, rules_version, note, evaluated_by, created_at) "
                                  "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id",
                                  {e.platform_id, e.period, e.scores_json, e.total, e.grade, e.served_enterprises,
                                   e.rules_version, e.note, e.evaluated_by, e.created_at}));
  return row->i64(0);
}

Result<std::vector<Evaluation>> evaluations(db::Connection& c, const std::string& period) {
  db::Params p;
  std::string where = period.empty() ? "" : " WHERE v.period = " + db::bind(p, period);
  SZ_ASSIGN(auto rows, c.query("SELECT v.id, v.platform_id, v.period, v.scores, v.grade, v.total, v.served_enterprises, "
                               "v.rules_version, v.note, v.evaluated_by, v.created_at, p.name FROM platform_evaluations v "
                               "JOIN iiot_platforms p ON p.id = v.platform_id" + where +
                                   " ORDER BY v.period DESC, v.total DESC, v.platform_id",
                               p));
  std::vector<Evaluation> out;
  for (const auto& r : rows)
    out.push_back({r.i64(0), r.i64(1), r.text(2), r.text(3), r.text(4), r.i64(5), r.i64(6), r.text(7), r.text(8), r.text(9),
                   r.i64(10), r.text(11)});
  return out;
}

}  // namespace sz::platforms::store
