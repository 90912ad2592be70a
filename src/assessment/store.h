// SQL of assessments and on-site assignments.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "infra/db/db.h"

namespace sz::assessment::store {

struct Row {
  int64_t id = 0, enterprise_id = 0;
  std::string model_version, kind, status, answers_json, scenes_json, dimensions_json, explanation;
  int64_t score = 0;
  int level = 0;
  int64_t created_by = 0, created_at = 0, updated_at = 0;
  std::optional<int64_t> submitted_at;
  std::string created_by_name;
};

Result<int64_t> insert(db::Connection& c, const Row& r);
Status update_answers(db::Connection& c, const Row& r);
Status mark_submitted(db::Connection& c, int64_t id, int64_t now);
Result<std::optional<Row>> find(db::Connection& c, int64_t id);
Result<std::vector<Row>> for_enterprise(db::Connection& c, int64_t enterprise_id);

Status assign(db::Connection& c, int64_t expert, int64_t enterprise, int64_t by, int64_t now);
Result<bool> is_assigned(db::Connection& c, int64_t expert, int64_t enterprise);

}  // namespace sz::assessment::store
