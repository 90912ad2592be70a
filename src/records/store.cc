#include "records/store.h"

#include <boost/json.hpp>

namespace sz::records::store {

namespace bj = boost::json;

Result<int64_t> insert_chain(db::Connection& c, const ChainModel& m) {
  bj::array scenarios;
  for (const auto& s : m.scenarios) scenarios.push_back(bj::value(s));
  SZ_ASSIGN(auto row, c.query_one("INSERT INTO chain_models (name, industry_code, lead_enterprise_id, lead_name, provider_id, "
                                  "scenarios, created_at, updated_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$7) RETURNING id",
                                  {m.name, m.industry_code, db::opt(m.lead_enterprise_id), m.lead_name, db::opt(m.provider_id),
                                   bj::serialize(scenarios), m.created_at}));
  int64_t id = row->i64(0);
  for (int64_t e : m.members)
    SZ_TRY(c.execute("INSERT INTO chain_members (model_id, enterprise_id) VALUES ($1,$2) ON CONFLICT DO NOTHING", {id, e}));
  return id;
}

namespace {
// A decision's five columns from `first` on (on, by, evidence, recorded_by, recorded_at); none when `on` is empty.
std::optional<Decision> decision_at(const db::Row& r, size_t first) {
  if (r.is_null(first)) return std::nullopt;
  return Decision{r.text(first), r.text(first + 1), r.text(first + 2), r.opt_i64(first + 3), "", r.i64(first + 4)};
}
std::string decision_columns(const std::string& prefix) {
  return prefix + "_on, " + prefix + "_by, " + prefix + "_evidence, " + prefix + "_recorded_by, " + prefix + "_recorded_at";
}

const std::string kChainColumns = "id, name, industry_code, lead_enterprise_id, lead_name, provider_id, scenarios, created_at, "
                                  "updated_at, " + decision_columns("completed") + ", " + decision_columns("miit");

Result<ChainModel> chain_of(db::Connection& c, const db::Row& r) {
  ChainModel m;
  m.id = r.i64(0);
  m.name = r.text(1);
  m.industry_code = r.text(2);
  m.lead_enterprise_id = r.opt_i64(3);
  m.lead_name = r.text(4);
  m.provider_id = r.opt_i64(5);
  const bj::value scenarios = bj::parse(r.text(6));
  for (const auto& s : scenarios.as_array()) m.scenarios.emplace_back(s.as_string());
  m.created_at = r.i64(7);
  m.updated_at = r.i64(8);
  m.completed = decision_at(r, 9);
  m.miit = decision_at(r, 14);
  SZ_ASSIGN(auto members, c.query("SELECT enterprise_id FROM chain_members WHERE model_id = $1 ORDER BY enterprise_id", {m.id}));
  for (const auto& x : members) m.members.push_back(x.i64(0));
  return m;
}
}  // namespace

Result<std::vector<ChainModel>> chains(db::Connection& c, const std::string& industry) {
  db::Params p;
  std::string where = industry.empty() ? "" : " WHERE industry_code = " + db::bind(p, industry);
  SZ_ASSIGN(auto rows, c.query("SELECT " + kChainColumns + " FROM chain_models" + where + " ORDER BY id", p));
  std::vector<ChainModel> out;
  for (const auto& r : rows) {
    SZ_ASSIGN(auto m, chain_of(c, r));
    out.push_back(std::move(m));
  }
  return out;
}

Result<std::optional<ChainModel>> chain(db::Connection& c, int64_t id) {
  SZ_ASSIGN(auto row, c.query_one("SELECT " + kChainColumns + " FROM chain_models WHERE id = $1", {id}));
  if (!row) return std::optional<ChainModel>{};
  SZ_ASSIGN(auto m, chain_of(c, *row));
  return std::optional<ChainModel>(std::move(m));
}

Status set_chain_decision(db::Connection& c, int64_t id, const std::string& which, const Decision& d) {
  const std::string w = which == "miit" ? "miit" : "completed";
  SZ_TRY(c.execute("UPDATE chain_models SET " + w + "_on = $2, " + w + "_by = $3, " + w + "_evidence = $4, " + w +
                       "_recorded_by = $5, " + w + "_recorded_at = $6, updated_at = $6 WHERE id = $1",
                   {id, d.on, d.decided_by, d.evidence, db::opt(d.recorded_by), d.recorded_at}));
  return ok();
}

Result<int64_t> insert_recognition(db::Connection& c, const Recognition& r) {
  SZ_ASSIGN(auto row, c.query_one("INSERT INTO recognitions (enterprise_id, kind, level, name, recognized_on, created_at) "
                                  "VALUES ($1,$2,$3,$4,$5,$6) RETURNING id",
                                  {r.enterprise_id, r.kind, r.level, r.name, r.recognized_on, r.created_at}));
  return row->i64(0);
}

Result<std::vector<Recognition>> recognitions(db::Connection& c, std::optional<int64_t> enterprise_id) {
  db::Params p;
  std::string where = enterprise_id ? " WHERE enterprise_id = " + db::bind(p, *enterprise_id) : "";
  SZ_ASSIGN(auto rows, c.query("SELECT id, enterprise_id, kind, level, name, recognized_on, created_at FROM recognitions" + where +
                                   " ORDER BY id",
                               p));
  std::vector<Recognition> out;
  for (const auto& r : rows) out.push_back({r.i64(0), r.i64(1), r.text(2), r.text(3), r.text(4), r.text(5), r.i64(6), ""});
  return out;
}

Result<int64_t> insert_park(db::Connection& c, const Park& k) {
  SZ_ASSIGN(auto row, c.query_one("INSERT INTO parks (name, district_code, industry_code, recognized_on, enterprises, created_at) "
                                  "VALUES ($1,$2,$3,$4,$5,$6) RETURNING id",
                                  {k.name, k.district_code, k.industry_code, k.recognized_on, k.enterprises, k.created_at}));
  return row->i64(0);
}

Result<std::vector<Park>> parks(db::Connection& c) {
  SZ_ASSIGN(auto rows, c.query("SELECT id, name, district_code, industry_code, recognized_on, enterprises, created_at, " +
                               decision_columns("transformed") + " FROM parks ORDER BY id"));
  std::vector<Park> out;
  for (const auto& r : rows)
    out.push_back({r.i64(0), r.text(1), r.text(2), r.text(3), r.text(4), r.i64(5), r.i64(6), decision_at(r, 7)});
  return out;
}

Status set_park_transformed(db::Connection& c, int64_t id, const Decision& d) {
  SZ_TRY(c.execute("UPDATE parks SET transformed_on = $2, transformed_by = $3, transformed_evidence = $4, "
                   "transformed_recorded_by = $5, transformed_recorded_at = $6 WHERE id = $1",
                   {id, d.on, d.decided_by, d.evidence, db::opt(d.recorded_by), d.recorded_at}));
  return ok();
}

Result<int64_t> insert_lighthouse(db::Connection& c, const Lighthouse& l) {
  const auto& d = l.designated;
  SZ_ASSIGN(auto row, c.query_one("INSERT INTO lighthouses (enterprise_id, designated_on, decided_by, evidence, note, "
                                  "recorded_by, recorded_at) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id",
                                  {l.enterprise_id, d.on, d.decided_by, d.evidence, l.note, db::opt(d.recorded_by),
                                   d.recorded_at}));
  return row->i64(0);
}

Result<std::vector<Lighthouse>> lighthouses(db::Connection& c, std::optional<int64_t> enterprise_id) {
  db::Params p;
  std::string where = enterprise_id ? " WHERE enterprise_id = " + db::bind(p, *enterprise_id) : "";
  SZ_ASSIGN(auto rows, c.query("SELECT id, enterprise_id, designated_on, decided_by, evidence, recorded_by, recorded_at, note "
                               "FROM lighthouses" + where + " ORDER BY designated_on, id",
                               p));
  std::vector<Lighthouse> out;
  for (const auto& r : rows) {
    Lighthouse l;
    l.id = r.i64(0);
    l.enterprise_id = r.i64(1);
    l.designated = *decision_at(r, 2);
    l.note = r.text(7);
    out.push_back(std::move(l));
  }
  return out;
}

Result<int64_t> insert_workshop(db::Connection& c, const Workshop& w) {
  const auto& d = w.established;
  SZ_ASSIGN(auto row, c.query_one("INSERT INTO digital_workshops (name, lead_enterprise_id, partners, provider_id, "
                                  "established_on, decided_by, evidence, recorded_by, recorded_at) "
                                  "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id",
                                  {w.name, w.lead_enterprise_id, w.partners, db::opt(w.provider_id), d.on, d.decided_by,
                                   d.evidence, db::opt(d.recorded_by), d.recorded_at}));
  return row->i64(0);
}

Result<std::vector<Workshop>> workshops(db::Connection& c, std::optional<int64_t> enterprise_id) {
  db::Params p;
  std::string where = enterprise_id ? " WHERE lead_enterprise_id = " + db::bind(p, *enterprise_id) : "";
  SZ_ASSIGN(auto rows, c.query("SELECT id, name, lead_enterprise_id, partners, provider_id, established_on, decided_by, "
                               "evidence, recorded_by, recorded_at FROM digital_workshops" + where +
                                   " ORDER BY established_on, id",
                               p));
  std::vector<Workshop> out;
  for (const auto& r : rows) {
    Workshop w;
    w.id = r.i64(0);
    w.name = r.text(1);
    w.lead_enterprise_id = r.i64(2);
    w.partners = r.text(3);
    w.provider_id = r.opt_i64(4);
    w.established = *decision_at(r, 5);
    out.push_back(std::move(w));
  }
  return out;
}

Result<int64_t> insert_training(db::Connection& c, const Training& t) {
  SZ_ASSIGN(auto row, c.query_one("INSERT INTO trainings (title, audience, held_on, place, created_at) VALUES ($1,$2,$3,$4,$5) "
                                  "RETURNING id",
                                  {t.title, t.audience, t.held_on, t.place, t.created_at}));
  return row->i64(0);
}

Result<bool> training_exists(db::Connection& c, int64_t id) {
  SZ_ASSIGN(auto row, c.query_one("SELECT 1 FROM trainings WHERE id = $1", {id}));
  return row.has_value();
}

Status upsert_attendance(db::Connection& c, int64_t training_id, int64_t enterprise_id, int64_t people) {
  SZ_TRY(c.execute("INSERT INTO training_attendance (training_id, enterprise_id, people) VALUES ($1,$2,$3) "
                   "ON CONFLICT (training_id, enterprise_id) DO UPDATE SET people = excluded.people",
                   {training_id, enterprise_id, people}));
  return ok();
}

Result<std::vector<Training>> trainings(db::Connection& c) {
  SZ_ASSIGN(auto rows, c.query("SELECT id, title, audience, held_on, place, created_at FROM trainings ORDER BY held_on DESC, id DESC"));
  std::vector<Training> out;
  for (const auto& r : rows) {
    Training t{r.i64(0), r.text(1), r.text(2), r.text(3), r.text(4), r.i64(5), {}};
    SZ_ASSIGN(auto att, c.query("SELECT enterprise_id, people FROM training_attendance WHERE training_id = $1 ORDER BY enterprise_id",
                                {t.id}));
    for (const auto& a : att) t.attendance.emplace_back(a.i64(0), a.i64(1));
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace sz::records::store
