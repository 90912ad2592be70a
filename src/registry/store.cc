#include "registry/store.h"

#include "registry/rules.h"

namespace sz::registry::store {

Status upsert_industry(db::Connection& c, const Industry& i) {
  SZ_TRY(c.execute("INSERT INTO industries (code, name, short_name, sort_order) VALUES ($1,$2,$3,$4) "
                   "ON CONFLICT (code) DO UPDATE SET name = excluded.name, short_name = excluded.short_name, "
                   "sort_order = excluded.sort_order",
                   {i.code, i.name, i.short_name, i.sort_order}));
  SZ_TRY(c.execute("DELETE FROM industry_key_districts WHERE industry_code = $1", {i.code}));
  int64_t order = 0;
  for (const auto& d : i.key_districts)
    SZ_TRY(c.execute("INSERT INTO industry_key_districts (industry_code, district_code, sort_order) VALUES ($1,$2,$3)",
                     {i.code, d, ++order}));
  return ok();
}

Status upsert_district(db::Connection& c, const District& d) {
  SZ_TRY(c.execute("INSERT INTO districts (code, name, division_code, kind, sort_order) VALUES ($1,$2,$3,$4,$5) "
                   "ON CONFLICT (code) DO UPDATE SET name = excluded.name, division_code = excluded.division_code, "
                   "kind = excluded.kind, sort_order = excluded.sort_order",
                   {d.code, d.name, d.division_code, d.kind, d.sort_order}));
  return ok();
}

Result<std::vector<Industry>> industries(db::Connection& c) {
  SZ_ASSIGN(auto rows, c.query("SELECT code, name, short_name, sort_order FROM industries ORDER BY sort_order, code"));
  SZ_ASSIGN(auto keys, c.query("SELECT industry_code, district_code FROM industry_key_districts "
                               "ORDER BY industry_code, sort_order"));
  std::vector<Industry> out;
  for (const auto& r : rows) {
    Industry i{r.text(0), r.text(1), r.text(2), r.i64(3), {}};
    for (const auto& k : keys)
      if (k.text(0) == i.code) i.key_districts.push_back(k.text(1));
    out.push_back(std::move(i));
  }
  return out;
}

Result<std::vector<District>> districts(db::Connection& c) {
  SZ_ASSIGN(auto rows, c.query("SELECT code, name, division_code, kind, sort_order FROM districts "
                               "ORDER BY sort_order, code"));
  std::vector<District> out;
  for (const auto& r : rows) out.push_back({r.text(0), r.text(1), r.text(2), r.text(3), r.i64(4)});
  return out;
}

Result<bool> district_exists(db::Connection& c, const std::string& code) {
  SZ_ASSIGN(auto row, c.query_one("SELECT 1 FROM districts WHERE code = $1", {code}));
  return row.has_value();
}

Result<bool> industry_exists(db::Connection& c, const std::string& code) {
  SZ_ASSIGN(auto row, c.query_one("SELECT 1 FROM industries WHERE code = $1", {code}));
  return row.has_value();
}

Result<int64_t> insert_enterprise(db::Connection& c, const Enterprise& e, int64_t now) {
  SZ_ASSIGN(auto row, c.query_one("INSERT INTO enterprises (name, credit_code, industry_code, district_code, batch, "
                                  "status, address, legal_rep, contact_name, contact_phone, created_at, updated_at) "
                                  "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$11) RETURNING id",
                                  {e.name, e.credit_code, e.industry_code, e.district_code, e.batch, e.status,
                                   e.address, e.legal_rep, e.contact_name, e.contact_phone, now}));
  int64_t id = row->i64(0);
  for (const auto& g : name_grams(e.name))
    SZ_TRY(c.execute("INSERT INTO enterprise_name_grams (gram, enterprise_id) VALUES ($1, $2)", {g, id}));
  return id;
}

namespace {
const char* kColumns =
    "e.id, e.name, e.credit_code, e.industry_code, i.name, e.district_code, d.name, e.batch, e.status, e.address, "
    "e.legal_rep, e.contact_name, e.contact_phone, e.created_at, e.updated_at, e.level, e.level_source, e.assessed_at "
    "FROM enterprises e JOIN industries i ON i.code = e.industry_code JOIN districts d ON d.code = e.district_code ";

Enterprise enterprise_of(const db::Row& r) {
  Enterprise e;
  e.id = r.i64(0);
  e.name = r.text(1);
  e.credit_code = r.text(2);
  e.industry_code = r.text(3);
  e.industry_name = r.text(4);
  e.district_code = r.text(5);
  e.district_name = r.text(6);
  e.batch = r.i64(7);
  e.status = r.text(8);
  e.address = r.text(9);
  e.legal_rep = r.text(10);
  e.contact_name = r.text(11);
  e.contact_phone = r.text(12);
  e.created_at = r.i64(13);
  e.updated_at = r.i64(14);
  e.level = static_cast<int>(r.i64(15));
  e.level_source = r.text(16);
  e.assessed_at = r.opt_i64(17);
  return e;
}

std::string placeholder(db::Params& p, db::Value v) {
  p.push_back(std::move(v));
  return "$" + std::to_string(p.size());
}

// The WHERE clause of a scoped, filtered enterprise query. The scope comes first and fails closed:
// the caller returns nothing at all for an empty scope before this is built.
std::string where_clause(const auth::EnterpriseScope& scope, const Filter& f, db::Params& p) {
  std::string w = "WHERE 1=1";
  if (!scope.all) {
    std::string any;
    for (const auto& d : scope.districts) any += (any.empty() ? "" : " OR ") + ("e.district_code = " + placeholder(p, d));
    for (auto id : scope.enterprise_ids) any += (any.empty() ? "" : " OR ") + ("e.id = " + placeholder(p, id));
    w += " AND (" + any + ")";
  }
  if (!f.industry.empty()) w += " AND e.industry_code = " + placeholder(p, f.industry);
  if (!f.district.empty()) w += " AND e.district_code = " + placeholder(p, f.district);
  if (!f.q.empty()) {
    std::string code = normalize_credit_code(f.q);
    if (!credit_code_problem(code)) {
      w += " AND e.credit_code = " + placeholder(p, code);
    } else {
      auto grams = query_grams(f.q);
      std::string in;
      for (const auto& g : grams) in += (in.empty() ? "" : ",") + placeholder(p, g);
      if (!grams.empty())
        w += " AND e.id IN (SELECT enterprise_id FROM enterprise_name_grams WHERE gram IN (" + in +
             ") GROUP BY enterprise_id HAVING COUNT(*) = " + std::to_string(grams.size()) + ")";
      // Grams narrow to a few candidates; the exact substring test settles them the same way on both engines.
      w += " AND lower(e.name) LIKE " + placeholder(p, db::like_contains(f.q)) + " ESCAPE '\\'";
    }
  }
  return w;
}
}  // namespace

Result<std::optional<Enterprise>> enterprise_by_id(db::Connection& c, int64_t id) {
  SZ_ASSIGN(auto row, c.query_one(std::string("SELECT ") + kColumns + "WHERE e.id = $1", {id}));
  if (!row) return std::optional<Enterprise>{};
  return std::optional<Enterprise>(enterprise_of(*row));
}

Result<bool> enterprise_exists(db::Connection& c, int64_t id) {
  SZ_ASSIGN(auto row, c.query_one("SELECT 1 FROM enterprises WHERE id = $1", {id}));
  return row.has_value();
}

Status set_level(db::Connection& c, int64_t id, int level, const std::string& source, int64_t at) {
  SZ_TRY(c.execute("UPDATE enterprises SET level = $2, level_source = $3, assessed_at = $4, updated_at = $4 WHERE id = $1",
                   {id, static_cast<int64_t>(level), source, at}));
  return ok();
}

Result<std::vector<Enterprise>> list_enterprises(db::Connection& c, const auth::EnterpriseScope& scope,
                                                 const Filter& f, int64_t limit, int64_t offset) {
  db::Params p;
  std::string sql = std::string("SELECT ") + kColumns + where_clause(scope, f, p);
  sql += " ORDER BY e.id LIMIT " + placeholder(p, limit) + " OFFSET " + placeholder(p, offset);
  SZ_ASSIGN(auto rows, c.query(sql, p));
  std::vector<Enterprise> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(enterprise_of(r));
  return out;
}

Result<int64_t> count_enterprises(db::Connection& c, const auth::EnterpriseScope& scope, const Filter& f) {
  db::Params p;
  SZ_ASSIGN(auto row, c.query_one("SELECT COUNT(*) FROM enterprises e " + where_clause(scope, f, p), p));
  return row->i64(0);
}

}  // namespace sz::registry::store
