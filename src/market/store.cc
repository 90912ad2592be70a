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

}  // namespace sz::market::store
