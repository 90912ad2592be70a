#include "assessment/store.h"

namespace sz::assessment::store {

namespace {
const char* kColumns =
    "a.id, a.enterprise_id, a.model_version, a.kind, a.status, a.answers_json, a.scenes_json, a.dimensions_json, "
    "a.explanation, a.score, a.level, a.created_by, a.created_at, a.updated_at, a.submitted_at, "
    "COALESCE(u.display_name, '') FROM assessments a LEFT JOIN users u ON u.id = a.created_by ";

Row row_of(const db::Row& r) {
  Row a;
  a.id = r.i64(0);
  a.enterprise_id = r.i64(1);
  a.model_version = r.text(2);
  a.kind = r.text(3);
  a.status = r.text(4);
  a.answers_json = r.text(5);
  a.scenes_json = r.text(6);
  a.dimensions_json = r.text(7);
  a.explanation = r.text(8);
  a.score = r.i64(9);
  a.level = static_cast<int>(r.i64(10));
  a.created_by = r.i64(11);
  a.created_at = r.i64(12);
  a.updated_at = r.i64(13);
  a.submitted_at = r.opt_i64(14);
  a.created_by_name = r.text(15);
  return a;
}
}  // namespace

Result<int64_t> insert(db::Connection& c, const Row& r) {
  SZ_ASSIGN(auto row, c.query_one("INSERT INTO assessments (enterprise_id, model_version, kind, status, answers_json, "
                                  "scenes_json, score, dimensions_json, level, explanation, created_by, created_at, "
                                  "updated_at) VALUES ($1,$2,$3,'draft',$4,$5,$6,$7,$8,$9,$10,$11,$11) RETURNING id",
                                  {r.enterprise_id, r.model_version, r.kind, r.answers_json, r.scenes_json, r.score,
                                   r.dimensions_json, static_cast<int64_t>(r.level), r.explanation, r.created_by,
                                   r.created_at}));
  return row->i64(0);
}

Status update_answers(db::Connection& c, const Row& r) {
  SZ_TRY(c.execute("UPDATE assessments SET answers_json = $2, scenes_json = $3, score = $4, dimensions_json = $5, "
                   "level = $6, explanation = $7, updated_at = $8 WHERE id = $1 AND status = 'draft'",
                   {r.id, r.answers_json, r.scenes_json, r.score, r.dimensions_json, static_cast<int64_t>(r.level),
                    r.explanation, r.updated_at}));
  return ok();
}

Status mark_submitted(db::Connection& c, int64_t id, int64_t now) {
  SZ_TRY(c.execute("UPDATE assessments SET status = 'submitted', submitted_at = $2, updated_at = $2 WHERE id = $1",
                   {id, now}));
  return ok();
}

Result<std::optional<Row>> find(db::Connection& c, int64_t id) {
  SZ_ASSIGN(auto row, c.query_one(std::string("SELECT ") + kColumns + "WHERE a.id = $1", {id}));
  if (!row) return std::optional<Row>{};
  return std::optional<Row>(row_of(*row));
}

Result<std::vector<Row>> for_enterprise(db::Connection& c, int64_t enterprise_id) {
  SZ_ASSIGN(auto rows, c.query(std::string("SELECT ") + kColumns + "WHERE a.enterprise_id = $1 ORDER BY a.id DESC",
                               {enterprise_id}));
  std::vector<Row> out;
  for (const auto& r : rows) out.push_back(row_of(r));
  return out;
}

Status assign(db::Connection& c, int64_t expert, int64_t enterprise, int64_t by, int64_t now) {
  SZ_TRY(c.execute("INSERT INTO assessment_assignments (expert_user_id, enterprise_id, assigned_by, assigned_at) "
                   "VALUES ($1,$2,$3,$4) ON CONFLICT (expert_user_id, enterprise_id) DO NOTHING",
                   {expert, enterprise, by, now}));
  return ok();
}

Result<bool> is_assigned(db::Connection& c, int64_t expert, int64_t enterprise) {
  SZ_ASSIGN(auto row, c.query_one("SELECT 1 FROM assessment_assignments WHERE expert_user_id = $1 AND enterprise_id = $2",
                                  {expert, enterprise}));
  return row.has_value();
}

}  // namespace sz::assessment::store
