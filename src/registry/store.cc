#include "registry/store.h"

#include <algorithm>

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
  SZ_ASSIGN(auto rows, c.query("SELECT code, name, short_name, sort_order, COALESCE(parent_code, ''), "
                               "COALESCE(district_code, '') FROM industries ORDER BY sort_order, code"));
  SZ_ASSIGN(auto keys, c.query("SELECT industry_code, district_code FROM industry_key_districts "
                               "ORDER BY industry_code, sort_order"));
  std::vector<Industry> out;
  for (const auto& r : rows) {
    Industry i{r.text(0), r.text(1), r.text(2), r.i64(3), {}, r.text(4), r.text(5)};
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

Result<std::optional<Industry>> industry(db::Connection& c, const std::string& code) {
  SZ_ASSIGN(auto r, c.query_one("SELECT code, name, short_name, sort_order, COALESCE(parent_code, ''), "
                                "COALESCE(district_code, '') FROM industries WHERE code = $1",
                                {code}));
  if (!r) return std::optional<Industry>{};
  return std::optional<Industry>(Industry{r->text(0), r->text(1), r->text(2), r->i64(3), {}, r->text(4), r->text(5)});
}

Status insert_subsector(db::Connection& c, const Industry& i, int64_t now) {
  SZ_TRY(c.execute("INSERT INTO industries (code, name, short_name, sort_order, parent_code, district_code, created_at) "
                   "VALUES ($1,$2,$3,(SELECT COALESCE(MAX(sort_order), 0) + 1 FROM industries),$4,$5,$6)",
                   {i.code, i.name, i.short_name, i.parent, i.district, now}));
  return ok();
}

Result<bool> industry_exists(db::Connection& c, const std::string& code) {
  SZ_ASSIGN(auto row, c.query_one("SELECT 1 FROM industries WHERE code = $1", {code}));
  return row.has_value();
}

namespace {
// One statement for all of a name's grams (an import writes a hundred thousand names).
Status index_name(db::Connection& c, int64_t id, const std::string& name) {
  auto grams = name_grams(name);
  if (grams.empty()) return ok();
  db::Params p{id};
  std::string sql = "INSERT INTO enterprise_name_grams (gram, enterprise_id) VALUES ";
  for (size_t i = 0; i < grams.size(); ++i) {
    p.push_back(grams[i]);
    sql += (i ? ",($" : "($") + std::to_string(p.size()) + ",$1)";
  }
  SZ_TRY(c.execute(sql, p));
  return ok();
}

// A pilot industry and the sub-sectors districts added under it: filtering by an industry finds them all.
std::string industry_and_subsectors(db::Params& p, const std::string& code) {
  std::string x = db::bind(p, code);
  return "(SELECT code FROM industries WHERE code = " + x + " OR parent_code = " + x + ")";
}

// "(district = $1 OR id = $2 …)" for a caller's scope; "1=1" for the whole city. Callers return nothing at all
// for an empty scope before building a query (fail closed).
std::string scope_condition(const auth::EnterpriseScope& scope, const char* district_col, const char* id_col,
                            db::Params& p) {
  if (scope.all) return "1=1";
  db::AnyOf any;
  for (const auto& d : scope.districts) any.add(district_col + (" = " + db::bind(p, d)));
  for (auto id : scope.enterprise_ids) any.add(id_col + (" = " + db::bind(p, id)));
  return any.sql();
}
}  // namespace

Status index_names(db::Connection& c, const std::vector<std::pair<int64_t, std::string>>& names) {
  std::vector<std::pair<std::string, int64_t>> rows;
  for (const auto& [id, name] : names)
    for (auto& g : name_grams(name)) rows.emplace_back(std::move(g), id);
  std::sort(rows.begin(), rows.end());
  const size_t chunk = 400;  // rows per statement, well under SQLite's parameter limit
  for (size_t from = 0; from < rows.size(); from += chunk) {
    db::Params p;
    std::string sql = "INSERT INTO enterprise_name_grams (gram, enterprise_id) VALUES ";
    for (size_t i = from; i < std::min(rows.size(), from + chunk); ++i) {
      sql += (i == from ? "(" : ",(") + db::bind(p, rows[i].first) + ",";
      sql += db::bind(p, rows[i].second) + ")";
    }
    SZ_TRY(c.execute(sql + " ON CONFLICT (gram, enterprise_id) DO NOTHING", p));
  }
  return ok();
}

Result<int64_t> insert_enterprise(db::Connection& c, const Enterprise& e, int64_t now, bool index) {
  SZ_ASSIGN(auto row,
            c.query_one("INSERT INTO enterprises (name, credit_code, industry_code, district_code, batch, status, address, "
                        "legal_rep, contact_name, contact_phone, created_at, updated_at, credit_code_override, tier, "
                        "scale_above, scale_source, cloud, cloud_stars, key_cultivation, replaces_id) "
                        "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$11,$12,$13,$14,$15,$16,$17,$18,$19) RETURNING id",
                        {e.name, e.credit_code, e.industry_code, e.district_code, e.batch, e.status, e.address,
                         e.legal_rep, e.contact_name, e.contact_phone, now, e.credit_code_override, e.tier,
                         static_cast<int64_t>(e.scale_above), e.scale_source, static_cast<int64_t>(e.cloud),
                         e.cloud_stars, static_cast<int64_t>(e.key_cultivation), db::opt(e.replaces_id)}));
  int64_t id = row->i64(0);
  if (index) SZ_TRY(index_name(c, id, e.name));
  return id;
}

Status update_enterprise(db::Connection& c, const Enterprise& e, bool name_changed, int64_t now) {
  SZ_TRY(c.execute("UPDATE enterprises SET name = $2, credit_code = $3, industry_code = $4, district_code = $5, batch = $6, "
                   "address = $7, legal_rep = $8, contact_name = $9, contact_phone = $10, credit_code_override = $11, "
                   "tier = $12, scale_above = $13, scale_source = $14, cloud = $15, cloud_stars = $16, "
                   "key_cultivation = $17, updated_at = $18 WHERE id = $1",
                   {e.id, e.name, e.credit_code, e.industry_code, e.district_code, e.batch, e.address, e.legal_rep,
                    e.contact_name, e.contact_phone, e.credit_code_override, e.tier, static_cast<int64_t>(e.scale_above),
                    e.scale_source, static_cast<int64_t>(e.cloud), e.cloud_stars,
                    static_cast<int64_t>(e.key_cultivation), now}));
  if (name_changed) {
    SZ_TRY(c.execute("DELETE FROM enterprise_name_grams WHERE enterprise_id = $1", {e.id}));
    SZ_TRY(index_name(c, e.id, e.name));
  }
  return ok();
}

Result<std::optional<int64_t>> enterprise_by_credit_code(db::Connection& c, const std::string& code) {
  SZ_ASSIGN(auto row, c.query_one("SELECT id FROM enterprises WHERE credit_code = $1", {code}));
  if (!row) return std::optional<int64_t>{};
  return std::optional<int64_t>(row->i64(0));
}

Status set_withdrawn(db::Connection& c, int64_t id, int64_t at) {
  SZ_TRY(c.execute("UPDATE enterprises SET status = 'withdrawn', withdrawn_at = $2, updated_at = $2 WHERE id = $1", {id, at}));
  return ok();
}

Result<std::vector<Year>> years(db::Connection& c, int64_t enterprise_id) {
  SZ_ASSIGN(auto rows, c.query("SELECT year, revenue, employees, rd_spending, invention_patents FROM enterprise_years "
                               "WHERE enterprise_id = $1 ORDER BY year",
                               {enterprise_id}));
  std::vector<Year> out;
  for (const auto& r : rows) out.push_back({r.i64(0), r.i64(1), r.i64(2), r.i64(3), r.i64(4)});
  return out;
}

Status upsert_year(db::Connection& c, int64_t enterprise_id, const Year& y, int64_t now) {
  SZ_TRY(c.execute("INSERT INTO enterprise_years (enterprise_id, year, revenue, employees, rd_spending, invention_patents, "
                   "updated_at) VALUES ($1,$2,$3,$4,$5,$6,$7) ON CONFLICT (enterprise_id, year) DO UPDATE SET "
                   "revenue = excluded.revenue, employees = excluded.employees, rd_spending = excluded.rd_spending, "
                   "invention_patents = excluded.invention_patents, updated_at = excluded.updated_at",
                   {enterprise_id, y.year, y.revenue, y.employees, y.rd_spending, y.invention_patents, now}));
  return ok();
}

namespace {
const char* kWithdrawalColumns =
    "w.id, w.enterprise_id, e.name, w.district_code, d.name, w.reason, w.replacement_json, w.status, w.decision_note, "
    "w.requested_by, w.requested_at, COALESCE(u.display_name, ''), w.decided_by, w.decided_at, w.replacement_id "
    "FROM withdrawals w JOIN enterprises e ON e.id = w.enterprise_id JOIN districts d ON d.code = w.district_code "
    "LEFT JOIN users u ON u.id = w.requested_by ";

Withdrawal withdrawal_of(const db::Row& r) {
  Withdrawal w;
  w.id = r.i64(0);
  w.enterprise_id = r.i64(1);
  w.enterprise_name = r.text(2);
  w.district_code = r.text(3);
  w.district_name = r.text(4);
  w.reason = r.text(5);
  w.replacement_json = r.text(6);
  w.status = r.text(7);
  w.decision_note = r.text(8);
  w.requested_by = r.i64(9);
  w.requested_at = r.i64(10);
  w.requested_by_name = r.text(11);
  w.decided_by = r.opt_i64(12);
  w.decided_at = r.opt_i64(13);
  w.replacement_id = r.opt_i64(14);
  return w;
}
}  // namespace

Status apply_counts(db::Connection& c, const Contribution& before, const Contribution& after) {
  auto add = [&](const Contribution& x, int64_t sign) -> Status {
    if (!x.counted) return ok();
    SZ_TRY(c.execute(
        "INSERT INTO enterprise_counts (district_code, industry_code, batch, pilot, assessed, level2, scale_above_level2, "
        "innovative_level2, specialized, cloud, accepted, scale_above_accepted, innovative_accepted) "
        "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13) "
        "ON CONFLICT (district_code, industry_code, batch) DO UPDATE SET pilot = enterprise_counts.pilot + excluded.pilot, "
        "assessed = enterprise_counts.assessed + excluded.assessed, level2 = enterprise_counts.level2 + excluded.level2, "
        "scale_above_level2 = enterprise_counts.scale_above_level2 + excluded.scale_above_level2, "
        "innovative_level2 = enterprise_counts.innovative_level2 + excluded.innovative_level2, "
        "specialized = enterprise_counts.specialized + excluded.specialized, cloud = enterprise_counts.cloud + excluded.cloud, "
        "accepted = enterprise_counts.accepted + excluded.accepted, "
        "scale_above_accepted = enterprise_counts.scale_above_accepted + excluded.scale_above_accepted, "
        "innovative_accepted = enterprise_counts.innovative_accepted + excluded.innovative_accepted",
        {x.key.district, x.key.industry, x.key.batch, sign * x.pilot, sign * x.assessed, sign * x.level2,
         sign * x.scale_above_level2, sign * x.innovative_level2, sign * x.specialized, sign * x.cloud, sign * x.accepted,
         sign * x.scale_above_accepted, sign * x.innovative_accepted}));
    for (const auto& [year, y] : x.years)
      SZ_TRY(c.execute(
          "INSERT INTO enterprise_year_sums (district_code, industry_code, batch, year, revenue, rd_spending, "
          "invention_patents) VALUES ($1,$2,$3,$4,$5,$6,$7) ON CONFLICT (district_code, industry_code, batch, year) "
          "DO UPDATE SET revenue = enterprise_year_sums.revenue + excluded.revenue, "
          "rd_spending = enterprise_year_sums.rd_spending + excluded.rd_spending, "
          "invention_patents = enterprise_year_sums.invention_patents + excluded.invention_patents",
          {x.key.district, x.key.industry, x.key.batch, year, sign * y.revenue, sign * y.rd_spending,
           sign * y.invention_patents}));
    return ok();
  };
  SZ_TRY(add(before, -1));
  return add(after, 1);
}

Status rebuild_counts(db::Connection& c, int qualifying_level) {
  const int64_t level = qualifying_level;
  SZ_TRY(c.execute("DELETE FROM enterprise_counts"));
  SZ_TRY(c.execute("DELETE FROM enterprise_year_sums"));
  SZ_TRY(c.execute(
      "INSERT INTO enterprise_counts (district_code, industry_code, batch, pilot, assessed, level2, scale_above_level2, "
      "innovative_level2, specialized, cloud, accepted, scale_above_accepted, innovative_accepted) "
      "SELECT district_code, industry_code, batch, COUNT(*), SUM(CASE WHEN level_source <> '' THEN 1 ELSE 0 END), "
      "SUM(CASE WHEN level >= $1 THEN 1 ELSE 0 END), SUM(CASE WHEN level >= $1 AND scale_above = 1 THEN 1 ELSE 0 END), "
      "SUM(CASE WHEN level >= $1 AND tier <> 'none' THEN 1 ELSE 0 END), "
      "SUM(CASE WHEN tier IN ('specialized', 'little_giant') THEN 1 ELSE 0 END), SUM(CASE WHEN cloud = 1 THEN 1 ELSE 0 END), "
      "SUM(CASE WHEN level >= $1 AND accepted_at IS NOT NULL THEN 1 ELSE 0 END), "
      "SUM(CASE WHEN level >= $1 AND accepted_at IS NOT NULL AND scale_above = 1 THEN 1 ELSE 0 END), "
      "SUM(CASE WHEN level >= $1 AND accepted_at IS NOT NULL AND tier <> 'none' THEN 1 ELSE 0 END) "
      "FROM enterprises WHERE status = 'active' GROUP BY district_code, industry_code, batch",
      {level}));
  SZ_TRY(c.execute(
      "INSERT INTO enterprise_year_sums (district_code, industry_code, batch, year, revenue, rd_spending, invention_patents) "
      "SELECT e.district_code, e.industry_code, e.batch, y.year, SUM(y.revenue), SUM(y.rd_spending), "
      "SUM(y.invention_patents) FROM enterprise_years y JOIN enterprises e ON e.id = y.enterprise_id "
      "WHERE e.status = 'active' GROUP BY e.district_code, e.industry_code, e.batch, y.year"));
  return ok();
}

Result<std::vector<CountRow>> counts(db::Connection& c, const std::string& district) {
  SZ_ASSIGN(auto rows, c.query("SELECT district_code, industry_code, batch, pilot, assessed, level2, scale_above_level2, "
                               "innovative_level2, specialized, cloud, accepted, scale_above_accepted, innovative_accepted "
                               "FROM enterprise_counts "
                               "WHERE ($1 = '' OR district_code = $1) ORDER BY district_code, industry_code, batch",
                               {district}));
  std::vector<CountRow> out;
  for (const auto& r : rows)
    out.push_back({{r.text(0), r.text(1), r.i64(2)}, r.i64(3), r.i64(4), r.i64(5), r.i64(6), r.i64(7), r.i64(8), r.i64(9),
                   r.i64(10), r.i64(11), r.i64(12)});
  return out;
}

Result<std::vector<YearSumRow>> year_sums(db::Connection& c, const std::string& district) {
  SZ_ASSIGN(auto rows, c.query("SELECT district_code, industry_code, batch, year, revenue, rd_spending, invention_patents "
                               "FROM enterprise_year_sums WHERE ($1 = '' OR district_code = $1) "
                               "ORDER BY district_code, industry_code, batch, year",
                               {district}));
  std::vector<YearSumRow> out;
  for (const auto& r : rows) out.push_back({{r.text(0), r.text(1), r.i64(2)}, r.i64(3), {r.i64(4), r.i64(5), r.i64(6)}});
  return out;
}

Result<int64_t> insert_withdrawal(db::Connection& c, const Withdrawal& w) {
  SZ_ASSIGN(auto row, c.query_one("INSERT INTO withdrawals (enterprise_id, district_code, reason, replacement_json, status, "
                                  "requested_by, requested_at, decision_note) VALUES ($1,$2,$3,$4,'pending',$5,$6,'') "
                                  "RETURNING id",
                                  {w.enterprise_id, w.district_code, w.reason, w.replacement_json, w.requested_by,
                                   w.requested_at}));
  return row->i64(0);
}

Result<std::optional<Withdrawal>> withdrawal(db::Connection& c, int64_t id) {
  SZ_ASSIGN(auto row, c.query_one(std::string("SELECT ") + kWithdrawalColumns + "WHERE w.id = $1", {id}));
  if (!row) return std::optional<Withdrawal>{};
  return std::optional<Withdrawal>(withdrawal_of(*row));
}

Result<std::vector<Withdrawal>> withdrawals(db::Connection& c, const auth::EnterpriseScope& scope, const std::string& status,
                                            int64_t limit, int64_t offset, int64_t* total) {
  db::Params p;
  std::string w = "WHERE " + scope_condition(scope, "w.district_code", "w.enterprise_id", p);
  if (!status.empty()) w += " AND w.status = " + db::bind(p, status);
  SZ_ASSIGN(auto n, c.query_one("SELECT COUNT(*) FROM withdrawals w " + w, p));
  *total = n->i64(0);
  std::string sql = std::string("SELECT ") + kWithdrawalColumns + w + " ORDER BY w.id DESC LIMIT " +
                    db::bind(p, limit) + " OFFSET " + db::bind(p, offset);
  SZ_ASSIGN(auto rows, c.query(sql, p));
  std::vector<Withdrawal> out;
  for (const auto& r : rows) out.push_back(withdrawal_of(r));
  return out;
}

Status decide_withdrawal(db::Connection& c, int64_t id, const std::string& status, int64_t by, int64_t at,
                         const std::string& note, std::optional<int64_t> replacement_id) {
  SZ_TRY(c.execute("UPDATE withdrawals SET status = $2, decided_by = $3, decided_at = $4, decision_note = $5, "
                   "replacement_id = $6 WHERE id = $1 AND status = 'pending'",
                   {id, status, by, at, note, db::opt(replacement_id)}));
  return ok();
}

Result<bool> pending_withdrawal(db::Connection& c, int64_t enterprise_id) {
  SZ_ASSIGN(auto row, c.query_one("SELECT 1 FROM withdrawals WHERE enterprise_id = $1 AND status = 'pending'", {enterprise_id}));
  return row.has_value();
}

namespace {
// The enterprise columns, and the joins that name its industry and district.
constexpr char kSelect[] =
    "e.id, e.name, e.credit_code, e.industry_code, i.name, e.district_code, d.name, e.batch, e.status, e.address, "
    "e.legal_rep, e.contact_name, e.contact_phone, e.created_at, e.updated_at, e.level, e.level_source, e.assessed_at, "
    "e.credit_code_override, e.tier, e.scale_above, e.scale_source, e.cloud, e.cloud_stars, e.key_cultivation, "
    "e.withdrawn_at, e.replaces_id, e.accepted_at ";
constexpr char kFrom[] =
    "FROM enterprises e JOIN industries i ON i.code = e.industry_code JOIN districts d ON d.code = e.district_code ";
const std::string kColumns = std::string(kSelect) + kFrom;

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
  e.credit_code_override = r.text(18);
  e.tier = r.text(19);
  e.scale_above = r.i64(20) != 0;
  e.scale_source = r.text(21);
  e.cloud = r.i64(22) != 0;
  e.cloud_stars = r.i64(23);
  e.key_cultivation = r.i64(24) != 0;
  e.withdrawn_at = r.opt_i64(25);
  e.replaces_id = r.opt_i64(26);
  e.accepted_at = r.opt_i64(27);
  return e;
}

// The WHERE clause of a scoped, filtered enterprise query. The scope comes first and fails closed:
// the caller returns nothing at all for an empty scope before this is built.
std::string where_clause(const auth::EnterpriseScope& scope, const Filter& f, db::Params& p) {
  std::string w = "WHERE " + scope_condition(scope, "e.district_code", "e.id", p);
  if (!f.industry.empty()) w += " AND e.industry_code IN " + industry_and_subsectors(p, f.industry);
  if (!f.district.empty()) w += " AND e.district_code = " + db::bind(p, f.district);
  if (!f.tier.empty()) w += " AND e.tier = " + db::bind(p, f.tier);
  if (!f.status.empty()) w += " AND e.status = " + db::bind(p, f.status);
  if (f.level) w += " AND e.level = " + db::bind(p, static_cast<int64_t>(*f.level));
  if (f.accepted_below)
    w += " AND e.accepted_at IS NOT NULL AND e.level < " + db::bind(p, static_cast<int64_t>(*f.accepted_below));
  if (f.stage == "registered") w += " AND e.level_source = ''";
  if (f.stage == "assessed") w += " AND e.level_source <> ''";
  if (!f.q.empty()) {
    std::string code = normalize_credit_code(f.q);
    if (!credit_code_problem(code)) {
      w += " AND e.credit_code = " + db::bind(p, code);
    } else {
      // Drive from the first gram's postings (in id order) and require the others; a single gram is already an
      // exact substring match, longer queries are then checked for order by LIKE on the few candidates left.
      auto grams = query_grams(f.q);
      if (!grams.empty()) {
        std::string sub = "SELECT g0.enterprise_id FROM enterprise_name_grams g0 WHERE g0.gram = " + db::bind(p, grams[0]);
        for (size_t i = 1; i < grams.size(); ++i) {
          std::string g = "g" + std::to_string(i);
          sub += " AND EXISTS (SELECT 1 FROM enterprise_name_grams " + g + " WHERE " + g + ".gram = " +
                 db::bind(p, grams[i]) + " AND " + g + ".enterprise_id = g0.enterprise_id)";
        }
        w += " AND e.id IN (" + sub + ")";
      }
      if (grams.size() != 1) w += " AND lower(e.name) LIKE " + db::bind(p, db::like_contains(f.q)) + " ESCAPE '\\'";
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

Status set_accepted(db::Connection& c, int64_t id, std::optional<int64_t> at) {
  SZ_TRY(c.execute("UPDATE enterprises SET accepted_at = $2 WHERE id = $1", {id, db::opt(at)}));
  return ok();
}

Status set_cloud(db::Connection& c, int64_t id, int64_t at) {
  SZ_TRY(c.execute("UPDATE enterprises SET cloud = 1, updated_at = $2 WHERE id = $1", {id, at}));
  return ok();
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
  sql += " ORDER BY e.id LIMIT " + db::bind(p, limit) + " OFFSET " + db::bind(p, offset);
  SZ_ASSIGN(auto rows, c.query(sql, p));
  std::vector<Enterprise> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(enterprise_of(r));
  return out;
}

Status each_enterprise(db::Connection& c, const auth::EnterpriseScope& scope, const Filter& f,
                       const std::function<bool(const Enterprise&)>& fn) {
  db::Params p;
  std::string sql = std::string("SELECT ") + kColumns + where_clause(scope, f, p) + " ORDER BY e.id";
  return c.stream(sql, p, [&](const db::Row& r) { return fn(enterprise_of(r)); });
}

Result<std::vector<AcceptedRow>> accepted_by(db::Connection& c, int64_t until, int level) {
  SZ_ASSIGN(auto rows, c.query("SELECT industry_code, COUNT(*), SUM(CASE WHEN scale_above = 1 THEN 1 ELSE 0 END), "
                               "SUM(CASE WHEN tier <> 'none' THEN 1 ELSE 0 END) FROM enterprises "
                               "WHERE status = 'active' AND accepted_at IS NOT NULL AND accepted_at <= $1 AND level >= $2 "
                               "GROUP BY industry_code ORDER BY industry_code",
                               {until, static_cast<int64_t>(level)}));
  std::vector<AcceptedRow> out;
  for (const auto& r : rows) out.push_back({r.text(0), r.i64(1), r.i64(2), r.i64(3)});
  return out;
}

Result<std::vector<std::pair<Enterprise, std::string>>> by_metric(db::Connection& c, const auth::EnterpriseScope& scope,
                                                                  const MetricFilter& f, int64_t limit, int64_t offset,
                                                                  int64_t* total) {
  db::Params p;
  std::string w = "WHERE e.status = 'active' AND " + scope_condition(scope, "e.district_code", "e.id", p);
  if (!f.industry.empty()) w += " AND e.industry_code IN " + industry_and_subsectors(p, f.industry);
  if (!f.district.empty()) w += " AND e.district_code = " + db::bind(p, f.district);
  if (f.batch) w += " AND e.batch = " + db::bind(p, *f.batch);
  auto level = [&] { return db::bind(p, static_cast<int64_t>(f.qualifying_level)); };
  std::string value = "''";
  if (f.metric == "assessed") w += " AND e.level_source <> ''";
  else if (f.metric == "level2") w += " AND e.level >= " + level();
  else if (f.metric == "scale_above_level2") w += " AND e.level >= " + level() + " AND e.scale_above = 1";
  else if (f.metric == "innovative_level2") w += " AND e.level >= " + level() + " AND e.tier <> 'none'";
  else if (f.metric == "accepted") w += " AND e.accepted_at IS NOT NULL AND e.level >= " + level();
  else if (f.metric == "scale_above_accepted")
    w += " AND e.accepted_at IS NOT NULL AND e.level >= " + level() + " AND e.scale_above = 1";
  else if (f.metric == "innovative_accepted")
    w += " AND e.accepted_at IS NOT NULL AND e.level >= " + level() + " AND e.tier <> 'none'";
  else if (f.metric == "specialized") w += " AND e.tier IN ('specialized', 'little_giant')";
  else if (f.metric == "cloud") w += " AND e.cloud = 1";
  else if (f.metric == "patents") {
    // Invention patents granted since 2024: the enterprises that have any, with their number.
    w += " AND y.invention_patents > 0";
    value = "CAST(y.invention_patents AS TEXT)";
  } else if (f.metric == "rd") {
    w += " AND y.revenue > 0";
    value = "CAST(y.rd_spending AS TEXT) || '/' || CAST(y.revenue AS TEXT)";
  } else if (f.metric != "pilot") {
    return err::invalid("metric", "未知的统计口径：" + f.metric);
  }
  if (f.accepted_before) w += " AND e.accepted_at < " + db::bind(p, *f.accepted_before);
  std::string from = kFrom;
  if (f.metric == "patents")
    from += "JOIN (SELECT enterprise_id, SUM(invention_patents) AS invention_patents FROM enterprise_years "
            "WHERE year >= 2024 GROUP BY enterprise_id) y ON y.enterprise_id = e.id ";
  if (f.metric == "rd")
    from += "JOIN enterprise_years y ON y.enterprise_id = e.id AND y.year = " + db::bind(p, f.year.value_or(0)) + " ";
  SZ_ASSIGN(auto n, c.query_one("SELECT COUNT(*) " + from + w, p));
  *total = n->i64(0);
  std::string sql = std::string("SELECT ") + kSelect + ", " + value + " " + from + w + " ORDER BY e.id LIMIT " +
                    db::bind(p, limit) + " OFFSET " + db::bind(p, offset);
  SZ_ASSIGN(auto rows, c.query(sql, p));
  std::vector<std::pair<Enterprise, std::string>> out;
  for (const auto& r : rows) out.emplace_back(enterprise_of(r), r.text(r.size() - 1));
  return out;
}

Result<int64_t> count_enterprises(db::Connection& c, const auth::EnterpriseScope& scope, const Filter& f,
                                  int64_t cap) {
  db::Params p;
  std::string inner = "SELECT 1 FROM enterprises e " + where_clause(scope, f, p);
  if (cap > 0) inner += " LIMIT " + db::bind(p, cap + 1);
  SZ_ASSIGN(auto row, c.query_one("SELECT COUNT(*) FROM (" + inner + ") t", p));
  return row->i64(0);
}

}  // namespace sz::registry::store
