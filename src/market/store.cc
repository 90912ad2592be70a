#include "market/store.h"

namespace sz::market::store {

Result<int64_t> insert_provider(db::Connection& c, const Provider& p, int64_t now) {
  SZ_ASSIGN(auto row, c.query_one("INSERT INTO providers (name, credit_code, kind, in_zhengzhou, created_at) "
                                  "VALUES ($1,$2,$3,$4,$5) RETURNING id",
                                  {p.name, p.credit_code, p.kind, static_cast<int64_t>(p.in_zhengzhou), now}));
  return row->i64(0);
}

Result<bool> provider_exists(db::Connection& c, int64_t id) {
  SZ_ASSIGN(auto row, c.query_one("SELECT 1 FROM providers WHERE id = $1", {id}));
  return row.has_value();
}

Result<std::optional<Provider>> provider_by_id(db::Connection& c, int64_t id) {
  SZ_ASSIGN(auto row, c.query_one("SELECT id, name, credit_code, kind, in_zhengzhou FROM providers WHERE id = $1", {id}));
  if (!row) return std::optional<Provider>();
  return std::optional<Provider>(Provider{row->i64(0), row->text(1), row->text(2), row->text(3), row->i64(4) != 0});
}

Result<std::vector<Provider>> providers(db::Connection& c, int64_t limit) {
  SZ_ASSIGN(auto rows, c.query("SELECT id, name, credit_code, kind, in_zhengzhou FROM providers ORDER BY id LIMIT $1", {limit}));
  std::vector<Provider> out;
  for (const auto& r : rows) out.push_back({r.i64(0), r.text(1), r.text(2), r.text(3), r.i64(4) != 0});
  return out;
}

}  // namespace sz::market::store
