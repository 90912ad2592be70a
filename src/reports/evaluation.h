// 绩效评价 (plan 二(8)): the sheet for the 2024 stage and the 2025 stage — each of the plan's 12 indicators, the
// stage's target, what was achieved by the stage's last day, the completion rate, how it was counted, and where the
// evidence is (the dashboard's drill-down of that indicator). Exported as .xlsx and PDF.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "registry/service.h"
#include "stats/service.h"

namespace sz::reports {

struct EvaluationRow {
  int64_t no = 0;
  std::string name, unit;
  std::optional<int64_t> target, achieved;  // hundredths, like the plan's table
  std::string basis;                        // how it was counted, and what is counted as it stands now
  std::string drill, metric;                // the evidence: /stats/progress/{drill}?metric=
  std::optional<std::string> evidence_as_of;  // &as_of= when the evidence lists what counted by the stage's end
};
struct EvaluationSheet {
  int64_t stage = 0;
  std::string last_day;
  int64_t as_of = 0;
  std::vector<EvaluationRow> rows;
};

class Evaluation {
 public:
  explicit Evaluation(stats::Service& stats) : stats_(stats) {}
  Result<EvaluationSheet> sheet(int64_t stage, int64_t now);

 private:
  stats::Service& stats_;
};

Status render_evaluation_pdf(const EvaluationSheet& s, const std::string& path);
Status render_evaluation_xlsx(const EvaluationSheet& s, const std::string& path);

}  // namespace sz::reports
