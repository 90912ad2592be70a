#include "records/store.h"

#include <boost/json.hpp>

namespace sz::records::store {

namespace bj = boost::json;

Result<int64_t> insert_chain(db::Connection& c, const ChainModel& m) {
  bj::array scenarios;
  for (const auto& s : m.scenarios) scenarios.push_back(bj::value(s));
  SZ_ASSIGN(auto row, c.query_one("INSERT INTO chain_models (name, industry_code, lead_enterprise_id, lead_name, provider_id, "
                                  "scenarios, status, recognized_by_miit, created_at, updated_at) "
                                  "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$9) RETURNING id",
                                  {m.name, m.industry_code, db::opt(m.lead_enterprise_id), m.lead_name, db::opt(m.provider_id),
                                   bj::serialize(scenarios), m.status, static_cast<int64_t>(m.recognized_by_miit), m.created_at}));
  int64_t id = row->i64(0);
  for (int64_t e : m.members)
    SZ_TRY(c.execute("INSERT INTO chain_members (model_id, enterprise_id) VALUES ($1,$2) ON CONFLICT DO NOTHING", {id, e}));
  return id;
}

Result<std::vector<ChainModel>> chains(db::Connection& c, const std::string& industry) {
  db::Params p;
  std::string where = industry.empty() ? "" : " WHERE industry_code = " + db::bind(p, industry);
  SZ_ASSIGN(auto rows, c.query("SELECT id, name, industry_code, lead_enterprise_id, lead_name, provider_id, scenarios, status, "
                               "recognized_by_miit, created_at, updated_at FROM chain_models" + where + " ORDER BY id",
                               p));
  std::vector<ChainModel> out;
  for (const auto& r : rows) {
    ChainModel m{r.i64(0), r.text(1), r.text(2), r.opt_i64(3), r.text(4), r.opt_i64(5), {}, r.text(7), r.i64(8) != 0, {},
                 r.i64(9), r.i64(10), {}};
    const bj::value scenarios = bj::parse(r.text(6));
    for (const auto& s : scenarios.as_array()) m.scenarios.emplace_back(s.as_string());
    SZ_ASSIGN(auto members, c.query("SELECT enterprise_id FROM chain_members WHERE model_id = $1 ORDER BY enterprise_id", {m.id}));
    for (const auto& x : members) m.members.push_back(x.i64(0));
    out.push_back(std::move(m));
  }
  return out;
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
  SZ_ASSIGN(auto rows, c.query("SELECT id, name, district_code, industry_code, recognized_on, enterprises, created_at FROM parks ORDER BY id"));
  std::vector<Park> out;
  for (const auto& r : rows) out.push_back({r.i64(0), r.text(1), r.text(2), r.text(3), r.text(4), r.i64(5), r.i64(6)});
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
