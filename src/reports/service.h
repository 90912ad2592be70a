// Use cases of the 通报: the city admin issues a period's reports (the city's and each district's) as a background
// job; each freezes its snapshot (SM3, the audit chain head) and renders a PDF and a workbook from it alone; the city
// admin reads every report, a district officer their district's; a document whose file is gone is rendered again from
// its snapshot and must come out byte-for-byte the same.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "auth/service.h"
#include "infra/clock.h"
#include "infra/db/db.h"
#include "infra/jobs/jobs.h"
#include "infra/memo.h"
#include "reports/evaluation.h"
#include "reports/quality.h"
#include "reports/snapshot.h"
#include "reports/store.h"

namespace sz::reports {

struct ReportFile {
  std::string path, download_name, content_type;
};

class Service {
 public:
  Service(std::shared_ptr<db::Database> db, const Clock& clock, Collector collector, Quality quality, Evaluation evaluation,
          std::string dir, bool test_pacing, int64_t live_min_interval = 0)
      : db_(std::move(db)), clock_(clock), collector_(std::move(collector)), quality_(std::move(quality)),
        evaluation_(std::move(evaluation)), dir_(std::move(dir)), test_pacing_(test_pacing),
        forecasts_(live_min_interval) {}

  // Queues the job that issues `period`'s reports ("2026-10" or "2026-Q3").
  // `pace_ms` (test servers only) pauses between scopes, so a test can stop the server half-way through.
  Result<jobs::Job> request_issue(const auth::Principal& p, const auth::Origin& from, const std::string& period,
                                  int64_t pace_ms = 0);
  jobs::Handler issue_handler();

  Result<std::vector<store::Report>> list(const auth::Principal& p, store::Filter f, int64_t limit, int64_t offset,
                                          int64_t* total);
  Result<store::Report> get(const auth::Principal& p, int64_t id);
  // The PDF or workbook; rendered again from the snapshot when the file is missing (and refused if it then differs).
  Result<ReportFile> file(const auth::Principal& p, int64_t id, const std::string& format);
  // For the command line: renders both documents again (to where they are kept, or `out_dir`) and compares.
  struct Rerendered {
    std::string pdf_path, pdf_sm3, xlsx_path, xlsx_sm3;
    bool pdf_same = false, xlsx_same = false;
  };

  // 数据质量 for the caller's scope (the city admin: the city; a district officer: theirs), and the scheduled check.
  Result<QualityFindings> quality(const auth::Principal& p);
  jobs::Handler quality_handler();

  // 绩效评价 of a stage (2024 or 2025), for the city admin; and the sheet as a PDF or workbook.
  Result<EvaluationSheet> evaluation(const auth::Principal& p, int64_t stage);
  Result<ReportFile> evaluation_file(const auth::Principal& p, int64_t stage, const std::string& format);

  // The live forecast for the caller's scope (the dashboard), from the same collector as the reports; kept per scope
  // until the store or the day changes, or for `live_min_interval` seconds whatever changed (infra/memo.h).
  Result<boost::json::object> forecast(const auth::Principal& p);

 private:
  std::shared_ptr<db::Database> db_;
  const Clock& clock_;
  Collector collector_;
  Quality quality_;
  Evaluation evaluation_;
  std::string dir_;
  bool test_pacing_;
  Memo<boost::json::object> forecasts_;
};

// The internal interface of the area's service: for the platform and other modules' services and jobs, inside
// their transaction (the connection is theirs). Each trusts its caller — no principal, no authorization — unless it
// takes the principal it authorizes.
namespace internal {
Result<Service::Rerendered> rerender(db::Connection& c, int64_t id, const std::string& dir, const std::string& out_dir);
}  // namespace internal

}  // namespace sz::reports
