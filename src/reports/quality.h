// 数据质量: what is missing or inconsistent in the data the figures are counted from — pilot enterprises without an
// assessment, projects under way without a contract, enterprises accepted below 二级, passed projects whose enterprise
// is not counted as accepted, late milestones and rectifications, and the plan's own inconsistencies. Each check
// names how many and the first few, with where to look.
#pragma once
#include <string>
#include <vector>

#include "auth/service.h"
#include "market/directory.h"
#include "projects/service.h"
#include "registry/service.h"
#include "stats/service.h"

namespace sz::reports {

struct QualitySample {
  int64_t id = 0;
  std::string name, detail;
};
struct QualityCheck {
  std::string code, name, severity;  // severity: error (figures disagree) | warning (something missing) | info
  int64_t count = 0;
  std::vector<QualitySample> samples;  // the first few
  std::string link;                    // where in the front end the whole list is
  // When it was found: now for the checks computed on the spot; the last scheduled run for the summaries' check, or
  // nullopt before its first run (the page says 尚未核对 instead of 正常).
  std::optional<int64_t> checked_at = std::nullopt;
};

// The checks as of one moment (the page says when it was read).
struct QualityFindings {
  int64_t as_of = 0;
  std::vector<QualityCheck> checks;
};

// Every summary table kept on write (the registry's counts, yearly sums and month-keyed changes, the projects' funnel),
// recomputed from the records: where the kept values differ. `shuzhuan stats verify` and the scheduled check.
Result<std::vector<registry::Service::Difference>> verify_summaries(db::Connection& c, const registry::Params& params);
// Rebuilds them from the records in one transaction, recording in the audit trail what was wrong.
Result<std::vector<registry::Service::Difference>> repair_summaries(db::Connection& c, const registry::Params& params,
                                                                   const audit::Actor& actor, int64_t now);
// "enterprise_counts 410181/auto_parts/2024 accepted：存储 5，重算 4".
std::string difference_text(const registry::Service::Difference& d);

class Quality {
 public:
  Quality(stats::Service& stats, registry::Service& registry) : stats_(stats), registry_(registry) {}
  // The city (district "") or one district, read as `p` may (city admin: any; district officer: their own).
  // `verify`: also recompute the summary tables (the scheduled check; at national scale it takes seconds), else the
  // city's page shows what the last scheduled check found.
  Result<std::vector<QualityCheck>> check(db::Connection& c, const auth::Principal& p, const std::string& district,
                                          int64_t now, bool verify = false);

 private:
  stats::Service& stats_;
  registry::Service& registry_;
};

}  // namespace sz::reports
