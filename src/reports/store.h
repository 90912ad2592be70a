// SQL of the issued reports.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "infra/db/db.h"

namespace sz::reports::store {

struct Report {
  int64_t id = 0;
  std::string kind, period, scope, scope_name, snapshot, snapshot_sm3;
  int64_t audit_seq = 0;
  std::string audit_hash, renderer;
  std::string pdf_file, pdf_sm3;
  int64_t pdf_size = 0;
  std::string xlsx_file, xlsx_sm3;
  int64_t xlsx_size = 0;
  int64_t job_id = 0;
  std::string issued_by;
  int64_t issued_at = 0;
};
Status insert_report(db::Connection& c, const Report& r);
Result<std::optional<Report>> report(db::Connection& c, int64_t id);
struct Filter {
  std::optional<std::string> scope;  // nullopt: every scope
  std::string kind, period;
  std::optional<int64_t> job_id;  // the reports one issuing job wrote
};
// Newest first, without the snapshot text.
Result<std::vector<Report>> reports(db::Connection& c, const Filter& f, int64_t limit, int64_t offset, int64_t* total);
// The latest report of a scope and kind (the one "what changed" compares with).
Result<std::optional<Report>> latest(db::Connection& c, const std::string& scope, const std::string& kind);

}  // namespace sz::reports::store
