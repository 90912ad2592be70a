#include "registry/store.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "infra/clock.h"
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
                        "scale_above, scale_source, cloud, cloud_stars, key_cultivation, replaces_id, cloud_at) "
                        "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20) RETURNING id",
                        {e.name, e.credit_code, e.industry_code, e.district_code, e.batch, e.status, e.address,
                         e.legal_rep, e.contact_name, e.contact_phone, now, e.credit_code_override, e.tier,
                         static_cast<int64_t>(e.scale_above), e.scale_source, static_cast<int64_t>(e.cloud),
                         e.cloud_stars, static_cast<int64_t>(e.key_cultivation), db::opt(e.replaces_id),
                         db::opt(e.cloud_at)}));
  int64_t id = row->i64(0);
  if (index) SZ_TRY(index_name(c, id, e.name));
  return id;
}

Status update_enterprise(db::Connection& c, const Enterprise& e, bool name_changed, int64_t now) {
  SZ_TRY(c.execute("UPDATE enterprises SET name = $2, credit_code = $3, industry_code = $4, district_code = $5, batch = $6, "
                   "address = $7, legal_rep = $8, contact_name = $9, contact_phone = $10, credit_code_override = $11, "
                   "tier = $12, scale_above = $13, scale_source = $14, cloud = $15, cloud_stars = $16, "
                   "key_cultivation = $17, updated_at = $18, cloud_at = $19 WHERE id = $1",
                   {e.id, e.name, e.credit_code, e.industry_code, e.district_code, e.batch, e.address, e.legal_rep,
                    e.contact_name, e.contact_phone, e.credit_code_override, e.tier, static_cast<int64_t>(e.scale_above),
                    e.scale_source, static_cast<int64_t>(e.cloud), e.cloud_stars,
                    static_cast<int64_t>(e.key_cultivation), now, db::opt(e.cloud_at)}));
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

namespace {
// The columns of the summary tables, each in the order of its struct's fields (count_slots, stage_slots).
constexpr const char* kCountColumns[] = {
    "pilot",       "assessed", "level2",   "scale_above_level2",  "innovative_level2", "specialized",
    "cloud",       "accepted", "scale_above_accepted", "innovative_accepted", "cloud_accepted", "cloud_undated",
    "non_sme",     "non_sme_accepted",     "sme_unknown"};
std::vector<int64_t*> count_slots(NowCounts& n) {
  return {&n.pilot, &n.assessed, &n.level2, &n.scale_above_level2, &n.innovative_level2, &n.specialized, &n.cloud,
          &n.stage.accepted, &n.stage.scale_above_accepted, &n.stage.innovative_accepted, &n.stage.cloud_accepted,
          &n.cloud_undated, &n.non_sme, &n.non_sme_accepted, &n.sme_unknown};
}
constexpr const char* kStageColumns[] = {"accepted", "scale_above_accepted", "innovative_accepted", "cloud_accepted"};
std::vector<int64_t*> stage_slots(StageCounts& s) {
  return {&s.accepted, &s.scale_above_accepted, &s.innovative_accepted, &s.cloud_accepted};
}
constexpr const char* kYearColumns[] = {"revenue", "rd_spending", "invention_patents"};

// "a, b, c" from a pattern where @ stands for each column: "@ = t.@ + excluded.@".
template <size_t N>
std::string each_column(const char* const (&cols)[N], const std::string& pattern) {
  std::string out;
  for (size_t i = 0; i < N; ++i) {
    std::string item = pattern;
    for (size_t pos; (pos = item.find('@')) != std::string::npos;) item.replace(pos, 1, cols[i]);
    out += (i ? ", " : "") + item;
  }
  return out;
}

// Adds `values` to the row of `table` at `key` (bound first), creating it when missing: the summary tables' one write.
template <size_t N>
Status add_to_row(db::Connection& c, const std::string& table, const std::vector<std::string>& key_cols,
                  db::Params key, const char* const (&cols)[N], const std::vector<int64_t>& values) {
  std::string keys, binds;
  for (size_t i = 0; i < key_cols.size(); ++i) {
    keys += (i ? ", " : "") + key_cols[i];
    binds += (i ? ",$" : "$") + std::to_string(i + 1);
  }
  for (auto v : values) binds += "," + db::bind(key, v);
  SZ_TRY(c.execute("INSERT INTO " + table + " (" + keys + ", " + each_column(cols, "@") + ") VALUES (" + binds +
                       ") ON CONFLICT (" + keys + ") DO UPDATE SET " + each_column(cols, "@ = " + table + ".@ + excluded.@"),
                   key));
  return ok();
}

const std::vector<std::string> kGroupKey = {"district_code", "industry_code", "batch"};
const std::vector<std::string> kYearKey = {"district_code", "industry_code", "batch", "year"};
const std::vector<std::string> kMonthKey = {"month", "district_code", "industry_code", "batch", "cohort"};

// The net change of one enterprise's contribution, table by table: a write that changes nothing counted writes nothing.
struct Net {
  std::map<CountKey, std::vector<int64_t>> now;
  std::map<std::pair<CountKey, int64_t>, std::vector<int64_t>> years;
  std::map<std::tuple<std::string, CountKey, int64_t>, std::vector<int64_t>> months;

  static void add_into(std::vector<int64_t>& to, const std::vector<int64_t>& values, int64_t sign) {
    if (to.empty()) to.assign(values.size(), 0);
    for (size_t i = 0; i < values.size(); ++i) to[i] += sign * values[i];
  }
  void add(const Contribution& x, int64_t sign) {
    if (x.in_pilot) {
      NowCounts n = x.now;
      std::vector<int64_t> v;
      for (auto* slot : count_slots(n)) v.push_back(*slot);
      add_into(now[x.key], v, sign);
    }
    for (const auto& [year, y] : x.years)
      add_into(years[{x.key, year}], {y.revenue, y.rd_spending, y.invention_patents}, sign);
    for (const auto& d : x.timeline) {
      StageCounts s = d.change;
      std::vector<int64_t> v;
      for (auto* slot : stage_slots(s)) v.push_back(*slot);
      add_into(months[{d.day.substr(0, 7), x.key, d.cohort}], v, sign);
    }
  }
  static bool zero(const std::vector<int64_t>& v) {
    return std::all_of(v.begin(), v.end(), [](int64_t x) { return x == 0; });
  }
};
}  // namespace

Status apply_counts(db::Connection& c, const Contribution& before, const Contribution& after) {
  Net net;
  net.add(before, -1);
  net.add(after, 1);
  for (const auto& [k, v] : net.now)
    if (!Net::zero(v)) SZ_TRY(add_to_row(c, "enterprise_counts", kGroupKey, {k.district, k.industry, k.batch}, kCountColumns, v));
  for (const auto& [at, v] : net.years) {
    const auto& [k, year] = at;
    if (!Net::zero(v)) SZ_TRY(add_to_row(c, "enterprise_year_sums", kYearKey, {k.district, k.industry, k.batch, year}, kYearColumns, v));
  }
  for (const auto& [at, v] : net.months) {
    const auto& [month, k, cohort] = at;
    if (!Net::zero(v))
      SZ_TRY(add_to_row(c, "enterprise_month_counts", kMonthKey, {month, k.district, k.industry, k.batch, cohort},
                        kStageColumns, v));
  }
  return ok();
}

Result<std::vector<CountRow>> counts(db::Connection& c, const std::string& district) {
  SZ_ASSIGN(auto rows, c.query("SELECT district_code, industry_code, batch, " + each_column(kCountColumns, "@") +
                                   " FROM enterprise_counts WHERE ($1 = '' OR district_code = $1) "
                                   "ORDER BY district_code, industry_code, batch",
                               {district}));
  std::vector<CountRow> out;
  for (const auto& r : rows) {
    CountRow row{{r.text(0), r.text(1), r.i64(2)}, {}};
    size_t i = 3;
    for (auto* v : count_slots(row.counts)) *v = r.i64(i++);
    out.push_back(std::move(row));
  }
  return out;
}

Result<std::vector<YearSumRow>> year_sums(db::Connection& c, const std::string& district) {
  SZ_ASSIGN(auto rows, c.query("SELECT district_code, industry_code, batch, year, revenue, rd_spending, invention_patents "
                               "FROM enterprise_year_sums WHERE ($1 = '' OR district_code = $1) "
                               "ORDER BY district_code, industry_code, batch, year",
                               {district}));
  std::vector<YearSumRow> out;
  for (const auto& r : rows) out.push_back({{r.text(0), r.text(1), r.i64(2)}, r.i64(3), {r.i64(4), r.i64(5), r.i64(6), 0}});
  return out;
}

Result<std::vector<StageRow>> stage_counts(db::Connection& c, const std::string& month, const std::string& district) {
  SZ_ASSIGN(auto rows, c.query("SELECT district_code, industry_code, batch, cohort, " +
                                   each_column(kStageColumns, "SUM(@)") +
                                   " FROM enterprise_month_counts WHERE month <= $1 AND ($2 = '' OR district_code = $2) "
                                   "GROUP BY district_code, industry_code, batch, cohort "
                                   "ORDER BY district_code, industry_code, batch, cohort",
                               {month, district}));
  std::vector<StageRow> out;
  for (const auto& r : rows) {
    StageRow row{{r.text(0), r.text(1), r.i64(2)}, r.i64(3), {}};
    size_t i = 4;
    for (auto* v : stage_slots(row.counts)) *v = r.i64(i++);
    out.push_back(std::move(row));
  }
  return out;
}

Result<std::vector<MonthRow>> month_rows(db::Connection& c) {
  SZ_ASSIGN(auto rows, c.query("SELECT district_code, industry_code, batch, cohort, month, " + each_column(kStageColumns, "@") +
                               " FROM enterprise_month_counts ORDER BY district_code, industry_code, batch, cohort, month"));
  std::vector<MonthRow> out;
  for (const auto& r : rows) {
    MonthRow row{{r.text(0), r.text(1), r.i64(2)}, r.i64(3), r.text(4), {}};
    size_t i = 5;
    for (auto* v : stage_slots(row.change)) *v = r.i64(i++);
    out.push_back(std::move(row));
  }
  return out;
}

Status replace_counts(db::Connection& c, const std::vector<CountRow>& counts, const std::vector<YearSumRow>& years,
                      const std::vector<MonthRow>& months) {
  for (const char* t : {"enterprise_counts", "enterprise_year_sums", "enterprise_month_counts"})
    SZ_TRY(c.execute(std::string("DELETE FROM ") + t));
  for (auto row : counts) {
    std::vector<int64_t> values;
    for (auto* v : count_slots(row.counts)) values.push_back(*v);
    SZ_TRY(add_to_row(c, "enterprise_counts", kGroupKey, {row.key.district, row.key.industry, row.key.batch},
                      kCountColumns, values));
  }
  for (const auto& y : years)
    SZ_TRY(add_to_row(c, "enterprise_year_sums", kYearKey, {y.key.district, y.key.industry, y.key.batch, y.year}, kYearColumns,
                      {y.sums.revenue, y.sums.rd_spending, y.sums.invention_patents}));
  for (auto m : months) {
    std::vector<int64_t> values;
    for (auto* v : stage_slots(m.change)) values.push_back(*v);
    SZ_TRY(add_to_row(c, "enterprise_month_counts", kMonthKey, {m.month, m.key.district, m.key.industry, m.key.batch, m.cohort},
                      kStageColumns, values));
  }
  return ok();
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
    "e.withdrawn_at, e.replaces_id, e.accepted_at, e.accepted_level, e.cloud_at, e.sme_class, e.sme_year ";
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
  e.accepted_level = static_cast<int>(r.i64(28));
  e.cloud_at = r.opt_i64(29);
  e.sme_class = r.text(30);
  e.sme_year = r.i64(31);
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
    w += " AND e.accepted_at IS NOT NULL AND e.accepted_level < " + db::bind(p, static_cast<int64_t>(*f.accepted_below));
  if (f.sme_class) w += " AND e.sme_class = " + db::bind(p, *f.sme_class);
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

Status set_accepted(db::Connection& c, int64_t id, int64_t at, int level) {
  SZ_TRY(c.execute("UPDATE enterprises SET accepted_at = $2, accepted_level = $3 WHERE id = $1",
                   {id, at, static_cast<int64_t>(level)}));
  return ok();
}

Status set_cloud(db::Connection& c, int64_t id, int64_t since, int64_t at) {
  SZ_TRY(c.execute("UPDATE enterprises SET cloud = 1, cloud_at = $2, updated_at = $3 WHERE id = $1", {id, since, at}));
  return ok();
}

Status set_scale_above(db::Connection& c, int64_t id, bool above) {
  SZ_TRY(c.execute("UPDATE enterprises SET scale_above = $2 WHERE id = $1", {id, static_cast<int64_t>(above)}));
  return ok();
}

Status set_sme(db::Connection& c, int64_t id, const std::string& sme_class, int64_t year) {
  SZ_TRY(c.execute("UPDATE enterprises SET sme_class = $2, sme_year = $3 WHERE id = $1", {id, sme_class, year}));
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

Status each_with_years(db::Connection& c, const std::function<void(const Enterprise&, const std::vector<Year>&)>& fn) {
  // One ordered stream of enterprises joined with their years, grouped as it goes: constant memory at any size.
  std::optional<Enterprise> current;
  std::vector<Year> years;
  SZ_TRY(c.stream(std::string("SELECT ") + kSelect + ", y.year, y.revenue, y.employees, y.rd_spending, y.invention_patents " +
                      kFrom + "LEFT JOIN enterprise_years y ON y.enterprise_id = e.id ORDER BY e.id, y.year",
                  {}, [&](const db::Row& r) {
                    int64_t id = r.i64(0);
                    if (current && current->id != id) {
                      fn(*current, years);
                      years.clear();
                    }
                    if (!current || current->id != id) current = enterprise_of(r);
                    const size_t y = r.size() - 5;
                    if (!r.is_null(y)) years.push_back({r.i64(y), r.i64(y + 1), r.i64(y + 2), r.i64(y + 3), r.i64(y + 4)});
                    return true;
                  }));
  if (current) fn(*current, years);
  return ok();
}

namespace {
// The moment a year ends in Beijing, for comparing epoch columns with "in the pilot at the end of that year".
int64_t year_end(int64_t year) { return *shanghai_day_end(std::to_string(year) + "-12-31"); }

// "in the pilot at the end of the year of the row `y`": a withdrawn enterprise's figures count for the years it was in.
std::string in_pilot_at_year_end(db::Params& p, int64_t from, int64_t to) {
  std::string sql = "(e.withdrawn_at IS NULL OR e.withdrawn_at >= CASE y.year";
  for (int64_t year = from; year <= to; ++year) sql += " WHEN " + db::bind(p, year) + " THEN " + db::bind(p, year_end(year));
  return sql + " ELSE 0 END)";
}

// The transformed metrics (indicators 1–4), as registry/rules.cc counts them: today from the enterprise's kept class
// and flags, or at the end of a day from its dated facts and the latest yearly figures on or before that day's year.
std::string transformed_condition(const MetricFilter& f, db::Params& p, std::string& from) {
  auto level = db::bind(p, static_cast<int64_t>(f.qualifying_level));
  std::string w = " AND e.accepted_at IS NOT NULL AND e.accepted_level >= " + level;
  if (f.cohort) {
    w += " AND e.accepted_at >= " + db::bind(p, year_end(*f.cohort - 1)) + " AND e.accepted_at < " +
         db::bind(p, year_end(*f.cohort));
  }
  if (!f.as_of) {
    w += " AND e.status = 'active' AND e.sme_class <> 'large'";
    if (f.metric == "scale_above_accepted") w += " AND e.scale_above = 1";
    if (f.metric == "cloud_accepted") w += " AND e.cloud = 1";
  } else {
    const int64_t end = *shanghai_day_end(*f.as_of);
    const int64_t year = std::stoll(f.as_of->substr(0, 4));
    w += " AND e.accepted_at < " + db::bind(p, end) + " AND (e.withdrawn_at IS NULL OR e.withdrawn_at >= " +
         db::bind(p, end) + ")";
    from += "LEFT JOIN enterprise_years fy ON fy.enterprise_id = e.id AND fy.year = (SELECT MAX(year) FROM "
            "enterprise_years WHERE enterprise_id = e.id AND year <= " + db::bind(p, year) + ") ";
    w += " AND (fy.enterprise_id IS NULL OR fy.employees < " + db::bind(p, f.sme.large_employees) +
         " OR fy.revenue < " + db::bind(p, f.sme.large_revenue_fen) + ")";
    if (f.metric == "scale_above_accepted")
      w += " AND ((e.scale_source = 'admin' AND e.scale_above = 1) OR (e.scale_source <> 'admin' AND fy.revenue >= " +
           db::bind(p, f.scale_above_revenue_fen) + "))";
    if (f.metric == "cloud_accepted") w += " AND e.cloud = 1 AND e.cloud_at < " + db::bind(p, end);
  }
  if (f.metric == "innovative_accepted") w += " AND e.tier <> 'none'";
  return w;
}
}  // namespace

Result<std::vector<std::pair<Enterprise, std::string>>> by_metric(db::Connection& c, const auth::EnterpriseScope& scope,
                                                                  const MetricFilter& f, int64_t limit, int64_t offset,
                                                                  int64_t* total, std::optional<int64_t> known_total) {
  db::Params p;
  std::string w = "WHERE " + scope_condition(scope, "e.district_code", "e.id", p);
  if (!f.industry.empty()) w += " AND e.industry_code IN " + industry_and_subsectors(p, f.industry);
  if (!f.district.empty()) w += " AND e.district_code = " + db::bind(p, f.district);
  if (f.batch) w += " AND e.batch = " + db::bind(p, *f.batch);
  auto level = [&] { return db::bind(p, static_cast<int64_t>(f.qualifying_level)); };
  std::string from = kFrom;
  std::string value = "''";
  const bool yearly = f.metric == "patents" || f.metric == "rd";
  if (!accepted_metric(f.metric) && !yearly) w += " AND e.status = 'active'";
  if (f.metric == "assessed") w += " AND e.level_source <> ''";
  else if (f.metric == "level2") w += " AND e.level >= " + level();
  else if (f.metric == "scale_above_level2") w += " AND e.level >= " + level() + " AND e.scale_above = 1";
  else if (f.metric == "innovative_level2") w += " AND e.level >= " + level() + " AND e.tier <> 'none'";
  else if (accepted_metric(f.metric)) w += transformed_condition(f, p, from);
  else if (f.metric == "specialized") w += " AND e.tier IN ('specialized', 'little_giant')";
  else if (f.metric == "cloud") w += " AND e.cloud = 1";
  else if (f.metric == "non_sme") w += " AND e.sme_class = 'large'";
  else if (f.metric == "patents") {
    // Invention patents granted from 2024 to the stage's year, in the years the enterprise was in the pilot.
    if (!f.year) return err::invalid("year", "新增发明专利的明细需要指定阶段年度");
    const int64_t last = *f.year;
    std::string y = "SELECT y.enterprise_id, SUM(y.invention_patents) AS invention_patents FROM enterprise_years y "
                    "JOIN enterprises e ON e.id = y.enterprise_id WHERE y.year >= 2024 AND y.year <= " +
                    db::bind(p, last) + " AND " + in_pilot_at_year_end(p, 2024, last) + " GROUP BY y.enterprise_id";
    from += "JOIN (" + y + ") py ON py.enterprise_id = e.id ";
    w += " AND py.invention_patents > 0";
    value = "CAST(py.invention_patents AS TEXT)";
  } else if (f.metric == "rd") {
    const int64_t year = f.year.value_or(0);
    from += "JOIN enterprise_years y ON y.enterprise_id = e.id AND y.year = " + db::bind(p, year) + " ";
    w += " AND y.revenue > 0 AND " + in_pilot_at_year_end(p, year, year);
    value = "CAST(y.rd_spending AS TEXT) || '/' || CAST(y.revenue AS TEXT)";
  } else if (f.metric != "pilot") {
    return err::invalid("metric", "未知的统计口径：" + f.metric);
  }
  if (known_total) {
    *total = *known_total;
  } else {
    SZ_ASSIGN(auto n, c.query_one("SELECT COUNT(*) " + from + w, p));
    *total = n->i64(0);
  }
  // Acceptances in their order: the index on accepted_at then finds a page without reading every acceptance.
  const char* order = accepted_metric(f.metric) ? " ORDER BY e.accepted_at, e.id" : " ORDER BY e.id";
  std::string sql = std::string("SELECT ") + kSelect + ", " + value + " " + from + w + order + " LIMIT " +
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
