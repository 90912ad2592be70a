#include "catalog/store.h"

namespace sz::catalog::store {

namespace {
constexpr const char* kProductColumns =
    "id, provider_id, name, category, industries, deployment, price_fen, delivery_days, description, status, status_note, "
    "created_at, updated_at, listed_at, delisted_at";
Product product_of(const db::Row& r) {
  return {r.i64(0), r.i64(1),      r.text(2),  r.text(3),  r.text(4),  r.text(5), r.i64(6),
          r.i64(7), r.text(8),     r.text(9),  r.opt_text(10), r.i64(11), r.i64(12), r.opt_i64(13), r.opt_i64(14)};
}
}  // namespace

Result<int64_t> insert_product(db::Connection& c, const Product& p) {
  SZ_ASSIGN(auto row, c.query_one("INSERT INTO products (provider_id, name, category, industries, deployment, price_fen, "
                                  "delivery_days, description, status, created_at, updated_at) "
                                  "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) RETURNING id",
                                  {p.provider_id, p.name, p.category, p.industries_json, p.deployment, p.price_fen,
                                   p.delivery_days, p.description, p.status, p.created_at, p.updated_at}));
  return row->i64(0);
}

Status update_product(db::Connection& c, const Product& p) {
  SZ_TRY(c.execute("UPDATE products SET name = $2, category = $3, industries = $4, deployment = $5, price_fen = $6, "
                   "delivery_days = $7, description = $8, status = $9, status_note = $10, updated_at = $11, listed_at = $12, "
                   "delisted_at = $13 WHERE id = $1",
                   {p.id, p.name, p.category, p.industries_json, p.deployment, p.price_fen, p.delivery_days, p.description,
                    p.status, db::opt(p.status_note), p.updated_at, db::opt(p.listed_at), db::opt(p.delisted_at)}));
  return ok();
}

Result<std::optional<Product>> product(db::Connection& c, int64_t id) {
  SZ_ASSIGN(auto row, c.query_one(std::string("SELECT ") + kProductColumns + " FROM products WHERE id = $1", {id}));
  if (!row) return std::optional<Product>();
  return std::optional<Product>(product_of(*row));
}

Result<std::vector<Product>> products(db::Connection& c, const ProductFilter& f, int64_t limit) {
  db::Params p;
  std::string where = " WHERE 1=1";
  if (f.listed_or_own)
    where += " AND (status = 'listed'" + (f.provider_id ? " OR provider_id = " + db::bind(p, *f.provider_id) : std::string()) + ")";
  else if (f.provider_id)
    where += " AND provider_id = " + db::bind(p, *f.provider_id);
  if (!f.status.empty()) where += " AND status = " + db::bind(p, f.status);
  if (f.ever_listed) where += " AND listed_at IS NOT NULL";
  if (!f.category.empty()) where += " AND category = " + db::bind(p, f.category);
  // A catalogue of hundreds of products: a contains-match on the name and the industry list is enough.
  if (!f.industry.empty()) where += " AND industries LIKE " + db::bind(p, "%\"" + f.industry + "\"%");
  if (!f.q.empty()) where += " AND lower(name) LIKE " + db::bind(p, db::like_contains(f.q)) + " ESCAPE '\\'";
  SZ_ASSIGN(auto rows, c.query(std::string("SELECT ") + kProductColumns + " FROM products" + where + " ORDER BY id LIMIT " +
                                   db::bind(p, limit),
                               p));
  std::vector<Product> out;
  for (const auto& r : rows) out.push_back(product_of(r));
  return out;
}

Result<int64_t> insert_scenario(db::Connection& c, const Scenario& s) {
  SZ_ASSIGN(auto row, c.query_one("INSERT INTO scenarios (industry_code, kind, name, category, description, created_at) "
                                  "VALUES ($1,$2,$3,$4,$5,$6) RETURNING id",
                                  {s.industry_code, s.kind, s.name, s.category, s.description, s.created_at}));
  return row->i64(0);
}

namespace {
constexpr const char* kScenarioColumns =
    "id, industry_code, kind, name, category, description, created_at, replicable_on, replicable_selection_id";
Scenario scenario_of(const db::Row& r) {
  return {r.i64(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.i64(6), r.opt_text(7), r.opt_i64(8)};
}
}  // namespace

Result<std::optional<Scenario>> scenario(db::Connection& c, int64_t id) {
  SZ_ASSIGN(auto row, c.query_one(std::string("SELECT ") + kScenarioColumns + " FROM scenarios WHERE id = $1", {id}));
  if (!row) return std::optional<Scenario>();
  return std::optional<Scenario>(scenario_of(*row));
}

Result<std::vector<Scenario>> scenarios(db::Connection& c, const std::string& industry) {
  db::Params p;
  std::string where = industry.empty() ? "" : " WHERE industry_code = " + db::bind(p, industry);
  SZ_ASSIGN(auto rows, c.query(std::string("SELECT ") + kScenarioColumns + " FROM scenarios" + where +
                                   " ORDER BY industry_code, kind, id",
                               p));
  std::vector<Scenario> out;
  for (const auto& r : rows) out.push_back(scenario_of(r));
  return out;
}

Status link(db::Connection& c, int64_t scenario_id, int64_t product_id, bool linked) {
  if (linked)
    SZ_TRY(c.execute("INSERT INTO scenario_products (scenario_id, product_id) VALUES ($1,$2) ON CONFLICT DO NOTHING",
                     {scenario_id, product_id}));
  else
    SZ_TRY(c.execute("DELETE FROM scenario_products WHERE scenario_id = $1 AND product_id = $2", {scenario_id, product_id}));
  return ok();
}

Result<int64_t> insert_selection(db::Connection& c, const Selection& s) {
  SZ_ASSIGN(auto row, c.query_one("INSERT INTO scenario_selections (industry_code, held_on, experts, minutes, recorded_by, "
                                  "recorded_at) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id",
                                  {s.industry_code, s.held_on, s.experts_json, s.minutes, s.recorded_by, s.recorded_at}));
  int64_t id = row->i64(0);
  for (const auto& i : s.items)
    SZ_TRY(c.execute("INSERT INTO scenario_selection_items (selection_id, scenario_id, decision, reason, projects, "
                     "accepted_enterprises) VALUES ($1,$2,$3,$4,$5,$6)",
                     {id, i.scenario_id, i.decision, i.reason, i.projects, i.accepted_enterprises}));
  return id;
}

Result<std::vector<Selection>> selections(db::Connection& c, const std::string& industry) {
  db::Params p;
  std::string where = industry.empty() ? "" : " WHERE industry_code = " + db::bind(p, industry);
  SZ_ASSIGN(auto rows, c.query("SELECT id, industry_code, held_on, experts, minutes, recorded_by, recorded_at "
                               "FROM scenario_selections" + where + " ORDER BY held_on DESC, id DESC",
                               p));
  std::vector<Selection> out;
  for (const auto& r : rows) {
    Selection s{r.i64(0), r.text(1), r.text(2), r.text(3), r.text(4), r.i64(5), r.i64(6), {}};
    SZ_ASSIGN(auto items, c.query("SELECT i.scenario_id, s.name, i.decision, i.reason, i.projects, i.accepted_enterprises "
                                  "FROM scenario_selection_items i JOIN scenarios s ON s.id = i.scenario_id "
                                  "WHERE i.selection_id = $1 ORDER BY i.scenario_id",
                                  {s.id}));
    for (const auto& x : items) s.items.push_back({x.i64(0), x.text(1), x.text(2), x.text(3), x.i64(4), x.i64(5)});
    out.push_back(std::move(s));
  }
  return out;
}

Status mark_replicable(db::Connection& c, int64_t scenario_id, const std::string& on, int64_t selection_id) {
  SZ_TRY(c.execute("UPDATE scenarios SET replicable_on = $2, replicable_selection_id = $3 WHERE id = $1",
                   {scenario_id, on, selection_id}));
  return ok();
}

Result<std::vector<int64_t>> products_of_scenario(db::Connection& c, int64_t scenario_id) {
  SZ_ASSIGN(auto rows, c.query("SELECT product_id FROM scenario_products WHERE scenario_id = $1 ORDER BY product_id", {scenario_id}));
  std::vector<int64_t> out;
  for (const auto& r : rows) out.push_back(r.i64(0));
  return out;
}

namespace {
constexpr const char* kSampleColumns =
    "id, industry_code, enterprise_id, criteria, note, status, deliberation_id, decision_reason, proposed_by, created_at";
Sample sample_of(const db::Row& r) {
  return {r.i64(0), r.text(1), r.i64(2), r.text(3), r.text(4), r.text(5), r.opt_i64(6), r.opt_text(7), r.text(8), r.i64(9)};
}
constexpr const char* kListColumns =
    "id, industry_code, version, items, note, status, deliberation_id, created_by, created_at, confirmed_at";
DemandList list_of(const db::Row& r) {
  return {r.i64(0), r.text(1), r.i64(2), r.text(3), r.text(4), r.text(5), r.opt_i64(6), r.text(7), r.i64(8), r.opt_i64(9)};
}
}  // namespace

Result<int64_t> insert_sample(db::Connection& c, const Sample& s) {
  SZ_ASSIGN(auto row, c.query_one("INSERT INTO sample_enterprises (industry_code, enterprise_id, criteria, note, status, "
                                  "proposed_by, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id",
                                  {s.industry_code, s.enterprise_id, s.criteria_json, s.note, s.status, s.proposed_by,
                                   s.created_at}));
  return row->i64(0);
}

Result<std::optional<Sample>> sample(db::Connection& c, int64_t id) {
  SZ_ASSIGN(auto row, c.query_one(std::string("SELECT ") + kSampleColumns + " FROM sample_enterprises WHERE id = $1", {id}));
  if (!row) return std::optional<Sample>();
  return std::optional<Sample>(sample_of(*row));
}

Result<bool> sample_exists(db::Connection& c, const std::string& industry, int64_t enterprise_id) {
  SZ_ASSIGN(auto row, c.query_one("SELECT 1 FROM sample_enterprises WHERE industry_code = $1 AND enterprise_id = $2",
                                  {industry, enterprise_id}));
  return row.has_value();
}

Result<std::vector<Sample>> samples(db::Connection& c, const std::string& industry) {
  db::Params p;
  std::string where = industry.empty() ? "" : " WHERE industry_code = " + db::bind(p, industry);
  SZ_ASSIGN(auto rows, c.query(std::string("SELECT ") + kSampleColumns + " FROM sample_enterprises" + where +
                                   " ORDER BY industry_code, id",
                               p));
  std::vector<Sample> out;
  for (const auto& r : rows) out.push_back(sample_of(r));
  return out;
}

Status decide_sample(db::Connection& c, int64_t id, const std::string& status, int64_t deliberation_id,
                     const std::string& reason) {
  SZ_TRY(c.execute("UPDATE sample_enterprises SET status = $2, deliberation_id = $3, decision_reason = $4 WHERE id = $1",
                   {id, status, deliberation_id, reason}));
  return ok();
}

Result<int64_t> insert_deliberation(db::Connection& c, const Deliberation& d) {
  SZ_ASSIGN(auto row, c.query_one("INSERT INTO sample_deliberations (industry_code, held_on, experts, minutes, recorded_by, "
                                  "created_at) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id",
                                  {d.industry_code, d.held_on, d.experts_json, d.minutes, d.recorded_by, d.created_at}));
  return row->i64(0);
}

Result<std::optional<Deliberation>> deliberation(db::Connection& c, int64_t id) {
  SZ_ASSIGN(auto row, c.query_one("SELECT id, industry_code, held_on, experts, minutes, recorded_by, created_at "
                                  "FROM sample_deliberations WHERE id = $1",
                                  {id}));
  if (!row) return std::optional<Deliberation>();
  const auto& r = *row;
  return std::optional<Deliberation>(Deliberation{r.i64(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.i64(6)});
}

Result<std::vector<Deliberation>> deliberations(db::Connection& c, const std::string& industry) {
  db::Params p;
  std::string where = industry.empty() ? "" : " WHERE industry_code = " + db::bind(p, industry);
  SZ_ASSIGN(auto rows, c.query("SELECT id, industry_code, held_on, experts, minutes, recorded_by, created_at "
                               "FROM sample_deliberations" + where + " ORDER BY id",
                               p));
  std::vector<Deliberation> out;
  for (const auto& r : rows) out.push_back({r.i64(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.i64(6)});
  return out;
}

Result<int64_t> insert_demand_list(db::Connection& c, const DemandList& l) {
  SZ_ASSIGN(auto row, c.query_one("INSERT INTO demand_lists (industry_code, version, items, note, status, created_by, "
                                  "created_at) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id",
                                  {l.industry_code, l.version, l.items_json, l.note, l.status, l.created_by, l.created_at}));
  return row->i64(0);
}

Result<std::optional<DemandList>> demand_list(db::Connection& c, int64_t id) {
  SZ_ASSIGN(auto row, c.query_one(std::string("SELECT ") + kListColumns + " FROM demand_lists WHERE id = $1", {id}));
  if (!row) return std::optional<DemandList>();
  return std::optional<DemandList>(list_of(*row));
}

Result<int64_t> latest_version(db::Connection& c, const std::string& industry) {
  SZ_ASSIGN(auto row, c.query_one("SELECT COALESCE(MAX(version), 0) FROM demand_lists WHERE industry_code = $1", {industry}));
  return row->i64(0);
}

Result<std::vector<DemandList>> demand_lists(db::Connection& c, const std::string& industry) {
  db::Params p;
  std::string where = industry.empty() ? "" : " WHERE industry_code = " + db::bind(p, industry);
  SZ_ASSIGN(auto rows, c.query(std::string("SELECT ") + kListColumns + " FROM demand_lists" + where +
                                   " ORDER BY industry_code, version DESC",
                               p));
  std::vector<DemandList> out;
  for (const auto& r : rows) out.push_back(list_of(r));
  return out;
}

Status confirm_demand_list(db::Connection& c, int64_t id, int64_t deliberation_id, int64_t at) {
  SZ_TRY(c.execute("UPDATE demand_lists SET status = 'confirmed', deliberation_id = $2, confirmed_at = $3 WHERE id = $1",
                   {id, deliberation_id, at}));
  return ok();
}

}  // namespace sz::catalog::store
