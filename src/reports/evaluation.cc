#include "reports/evaluation.h"

#include "infra/clock.h"
#include "infra/pdf.h"
#include "infra/xlsx.h"
#include "reports/rules.h"

namespace sz::reports {

Result<EvaluationSheet> Evaluation::sheet(int64_t stage, int64_t now) {
  if (stage != 2024 && stage != 2025) return err::invalid("stage", "绩效评价分 2024 年、2025 年两个阶段");
  EvaluationSheet s;
  s.stage = stage;
  s.last_day = std::to_string(stage) + "-12-31";
  s.as_of = now;
  SZ_ASSIGN(auto view, stats_.progress_of("", stage));
  const auto& plan = view.targets.plan;
  int64_t accepted_in_stage_year = 0;
  for (const auto& d : view.progress.districts) accepted_in_stage_year += stage == 2024 ? d.accepted_2024 : d.accepted_2025;
  for (const auto& ip : view.progress.indicators) {
    EvaluationRow row;
    row.no = ip.indicator->no;
    row.name = ip.indicator->name;
    row.unit = ip.indicator->unit;
    const stats::MetricDef* def = ip.def;
    row.metric = def ? def->metric : "";
    row.drill = def ? def->drill : "";
    if (stage == 2025) {
      row.target = ip.indicator->total;
    } else if (row.no == 1) {
      row.target = plan.annex.y2024 * 100;  // the annex's 2024 targets, summed over the districts
    }
    row.achieved = ip.total.actual;
    std::string basis = def ? def->note + "；" + stats::drawn_from(view, *def) : "";
    if (row.no == 1)
      basis += "；其中 " + std::to_string(stage) + " 年内验收通过 " + std::to_string(accepted_in_stage_year) + " 家（附件 " +
               std::to_string(stage) + " 年考核目标 " + std::to_string(stage == 2024 ? plan.annex.y2024 : plan.annex.y2025) + " 家）";
    if (def && (registry::accepted_metric(def->metric) || def->drill == "items")) row.evidence_as_of = view.as_of;
    if (!row.target) basis += "；方案未将该指标分解到 " + std::to_string(stage) + " 年";
    row.basis = basis;
    s.rows.push_back(std::move(row));
  }
  return s;
}

namespace {
std::string hundredths(const std::optional<int64_t>& v) { return v ? stats::format_hundredths(*v) : "—"; }

std::vector<std::vector<std::string>> rows_of(const EvaluationSheet& s) {
  std::vector<std::vector<std::string>> out;
  for (const auto& r : s.rows)
    out.push_back({std::to_string(r.no), r.name, r.unit, hundredths(r.target), hundredths(r.achieved),
                   r.target && r.achieved ? percent(*r.achieved, *r.target) : "—", r.basis});
  return out;
}
const std::vector<std::string> kHeaders = {"序号", "指标", "单位", "阶段目标", "完成值", "完成率", "计数口径与说明"};
std::string title_of(const EvaluationSheet& s) { return "郑州市中小企业数字化转型试点 " + std::to_string(s.stage) + " 年度绩效评价表"; }
}  // namespace

Status render_evaluation_pdf(const EvaluationSheet& s, const std::string& path) {
  SZ_ASSIGN(auto doc, pdf::Document::create(path, {title_of(s), "郑州市工业和信息化局", "绩效评价", s.as_of, "郑州市工业和信息化局"}));
  doc->title(title_of(s), "评价截止 " + s.last_day + " · 生成于 " + shanghai_time(s.as_of).substr(0, 16));
  doc->table({{"序号", 0.8}, {"指标", 3}, {"单位", 0.7}, {"阶段目标", 0.9, true}, {"完成值", 0.9, true}, {"完成率", 1, true},
              {"计数口径与说明", 4}},
             rows_of(s));
  doc->paragraph("各项完成值的明细见平台“数据驾驶舱”中对应指标的明细列表；完成率为完成值 ÷ 阶段目标（向下取两位小数）。");
  return doc->close();
}

Status render_evaluation_xlsx(const EvaluationSheet& s, const std::string& path) {
  SZ_ASSIGN(auto book, xlsx::Writer::create(path, std::to_string(s.stage) + "年度绩效评价", kHeaders, {s.as_of, title_of(s)}));
  for (const auto& r : rows_of(s)) SZ_TRY(book->add_row(r));
  return book->close();
}

}  // namespace sz::reports
