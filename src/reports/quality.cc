#include "reports/quality.h"


#include "reports/rules.h"

namespace sz::reports {

namespace {
constexpr int64_t kSamples = 10;

QualityCheck enterprises_check(const std::string& code, const std::string& name, const std::string& severity,
                               const registry::EnterprisePage& page, const std::string& link) {
  QualityCheck q{code, name, severity, page.total, {}, link};
  for (const auto& e : page.items) q.samples.push_back({e.id, e.name, e.district_name});
  return q;
}
}  // namespace

Result<std::vector<QualityCheck>> Quality::check(db::Connection& c, const auth::Principal& p, const std::string& district,
                                                 int64_t now) {
  std::vector<QualityCheck> out;
  const std::string today = shanghai_date(now);

  registry::store::Filter unassessed;
  unassessed.district = district;
  unassessed.status = "active";
  unassessed.stage = "registered";
  SZ_ASSIGN(auto a, registry_.list_enterprises(p, unassessed, kSamples, 0));
  out.push_back(enterprises_check("unassessed", "试点企业尚未评测", "warning", a, "/enterprises?stage=registered"));

  registry::store::Filter below;
  below.district = district;
  below.status = "active";
  below.accepted_below = registry_.qualifying_level();
  SZ_ASSIGN(auto b, registry_.list_enterprises(p, below, kSamples, 0));
  out.push_back(enterprises_check("accepted_below_level2", "验收通过但数字化水平低于二级", "error", b, "/enterprises"));

  int64_t no_contract = 0;
  SZ_ASSIGN(auto nc, projects::Service::without_contract(c, district, kSamples, &no_contract));
  QualityCheck contract{"no_contract", "项目已实施但未登记合同", "warning", no_contract, {}, "/projects"};
  for (const auto& pr : nc) contract.samples.push_back({pr.id, pr.name, pr.state});
  out.push_back(std::move(contract));

  // A passed project counts its enterprise as accepted: an enterprise left out means the registry missed the write.
  std::vector<std::pair<int64_t, int64_t>> passed;  // project, enterprise
  SZ_TRY(projects::Service::each_stage_times(c, district, [&](const projects::store::StageTimes& t) {
    if (stage_of(t.state) == 4) passed.emplace_back(t.project_id, t.enterprise_id);
    return true;
  }));
  QualityCheck uncounted{"passed_not_accepted", "项目验收通过但企业未计入改造完成", "error", 0, {}, "/projects?state=passed"};
  for (const auto& [project, enterprise] : passed) {
    SZ_ASSIGN(auto e, registry::Service::find(c, enterprise));
    if (e && e->status == "active" && !e->accepted_at) {
      ++uncounted.count;
      if (static_cast<int64_t>(uncounted.samples.size()) < kSamples) uncounted.samples.push_back({project, e->name, "项目 " + std::to_string(project)});
    }
  }
  out.push_back(std::move(uncounted));

  int64_t late = 0;
  SZ_ASSIGN(auto lm, projects::Service::late_milestones(c, district, today, kSamples, &late));
  QualityCheck milestones{"late_milestones", "里程碑逾期未完成", "warning", late, {}, "/projects?overdue=1"};
  for (const auto& m : lm) milestones.samples.push_back({m.project_id, m.project_name, m.milestone + "（应于 " + m.due_on + "）"});
  out.push_back(std::move(milestones));

  if (district.empty()) {
    SZ_ASSIGN(auto overdue, market::Directory::rectifying_until(c, day_text(*day_number(today) - 1)));
    QualityCheck rect{"rectification_overdue", "服务商整改逾期", "warning", static_cast<int64_t>(overdue.size()), {}, "/providers?status=rectifying"};
    for (size_t i = 0; i < overdue.size() && static_cast<int64_t>(i) < kSamples; ++i)
      rect.samples.push_back({overdue[i].base.id, overdue[i].base.name, "整改期限 " + overdue[i].rectify_due.value_or("")});
    out.push_back(std::move(rect));

    SZ_ASSIGN(auto targets, stats_.targets());
    QualityCheck plan{"plan_inconsistent", "实施方案自身的不一致", "info", 0, {}, "/targets"};
    for (const auto& f : targets.findings)
      if (f.severity != "info") {
        ++plan.count;
        plan.samples.push_back({plan.count, f.message, f.severity == "error" ? "合计不符" : "表述矛盾"});
      }
    out.push_back(std::move(plan));
  }
  return out;
}

}  // namespace sz::reports
