#include "reports/quality.h"

#include <boost/json.hpp>

#include "audit/service.h"
#include "infra/jobs/jobs.h"
#include "reports/rules.h"

namespace sz::reports {

Result<std::vector<registry::Service::Difference>> verify_summaries(db::Connection& c, const registry::Params& params) {
  SZ_ASSIGN(auto out, registry::internal::verify_counts(c, params));
  SZ_ASSIGN(auto funnel, projects::internal::verify_state_counts(c));
  out.insert(out.end(), funnel.begin(), funnel.end());
  return out;
}

std::string difference_text(const registry::Service::Difference& d) {
  return d.table + " " + d.key + " " + d.column + "：存储 " + d.stored + "，按明细重算 " + d.expected;
}

Result<std::vector<registry::Service::Difference>> repair_summaries(db::Connection& c, const registry::Params& params,
                                                                   const audit::Actor& actor, int64_t now) {
  SZ_ASSIGN(auto tx, db::Transaction::begin(c));
  SZ_ASSIGN(auto found, verify_summaries(c, params));
  if (found.empty()) return found;
  SZ_TRY(registry::internal::rebuild_counts(c, params));
  SZ_TRY(projects::internal::rebuild_state_counts(c));
  boost::json::array items;
  for (size_t i = 0; i < found.size() && i < 200; ++i) items.push_back(boost::json::value(difference_text(found[i])));
  SZ_TRY(audit::record(c, now, actor, "stats.repair", "summary", "all",
                       boost::json::serialize(boost::json::object{{"differences", static_cast<int64_t>(found.size())}}),
                       boost::json::serialize(boost::json::object{{"rebuilt", true}, {"first", std::move(items)}})));
  SZ_TRY(tx->commit());
  return found;
}

namespace {
constexpr int64_t kSamples = 10;

// A difference means a write bypassed the rules or the data was edited by hand: operations repairs it (docs/operations.md).
constexpr const char* kRepairHint = "请运维人员核查原因后重建汇总表";

QualityCheck summaries_check(const std::vector<registry::Service::Difference>& found, int64_t now) {
  QualityCheck q{"summaries", "汇总表与明细记录不一致", "error", static_cast<int64_t>(found.size()), {}, ""};
  for (size_t i = 0; i < found.size() && static_cast<int64_t>(i) < kSamples; ++i)
    q.samples.push_back({static_cast<int64_t>(i + 1), difference_text(found[i]), kRepairHint});
  q.checked_at = now;
  return q;
}

// What the last scheduled check found: the page itself does not recompute a national registry on every visit.
Result<QualityCheck> summaries_last_checked(db::Connection& c) {
  jobs::ListFilter f;
  f.state = "succeeded";
  f.kind = "reports.quality";
  SZ_ASSIGN(auto last, jobs::list(c, f, 1, 0));
  if (last.empty() || !last.front().result_json)
    return QualityCheck{"summaries", "汇总表与明细记录是否一致（由定时任务“数据质量检查”核对，尚未运行）", "info", 0, {},
                        "/admin/schedules"};
  boost::system::error_code ec;
  auto v = boost::json::parse(*last.front().result_json, ec);
  std::vector<registry::Service::Difference> found;
  const auto* o = !ec && v.is_object() ? v.as_object().if_contains("summaries") : nullptr;
  int64_t count = 0;
  std::vector<QualitySample> samples;
  if (o && o->is_object()) {
    if (const auto* n = o->as_object().if_contains("count"); n && n->is_int64()) count = n->as_int64();
    if (const auto* first = o->as_object().if_contains("first"); first && first->is_array())
      for (const auto& t : first->as_array())
        if (t.is_string()) samples.push_back({static_cast<int64_t>(samples.size() + 1), std::string(t.as_string()), kRepairHint});
  }
  QualityCheck q{"summaries", "汇总表与明细记录不一致", "error", count, std::move(samples), ""};
  q.checked_at = last.front().finished_at.value_or(last.front().created_at);
  return q;
}

QualityCheck enterprises_check(const std::string& code, const std::string& name, const std::string& severity,
                               const registry::EnterprisePage& page, const std::string& link) {
  QualityCheck q{code, name, severity, page.total, {}, link};
  for (const auto& e : page.items) q.samples.push_back({e.id, e.name, e.district_name});
  return q;
}
}  // namespace

Result<std::vector<QualityCheck>> Quality::check(db::Connection& c, const auth::Principal& p, const std::string& district,
                                                 int64_t now, bool verify) {
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
  out.push_back(enterprises_check("accepted_below_level2", "验收通过但验收时现场评定低于二级（不计入改造企业）", "error", b,
                                  "/enterprises"));

  // 中小企业划型 (工信部联企业〔2011〕300号): enterprises that are not SMEs are left out of indicators 1–4.
  registry::store::Filter large;
  large.district = district;
  large.status = "active";
  large.sme_class = std::string("large");
  SZ_ASSIGN(auto l, registry_.list_enterprises(p, large, kSamples, 0));
  out.push_back(enterprises_check("not_sme", "按最新年度数据划型为非中小企业（不计入指标1–4）", "warning", l,
                                  "/enterprises?sme=large"));
  registry::store::Filter unknown = large;
  unknown.sme_class = std::string();
  SZ_ASSIGN(auto u, registry_.list_enterprises(p, unknown, kSamples, 0));
  out.push_back(enterprises_check("sme_unknown", "尚无年度数据，无法划型（暂按中小企业计）", "warning", u,
                                  "/enterprises?sme=unknown"));

  int64_t no_contract = 0;
  SZ_ASSIGN(auto nc, projects::internal::without_contract(c, district, kSamples, &no_contract));
  QualityCheck contract{"no_contract", "项目已实施但未登记合同", "warning", no_contract, {}, "/projects"};
  for (const auto& pr : nc) contract.samples.push_back({pr.id, pr.name, pr.state});
  out.push_back(std::move(contract));

  // A passed project counts its enterprise as accepted: an enterprise left out means the registry missed the write.
  std::vector<std::pair<int64_t, int64_t>> passed;  // project, enterprise
  SZ_TRY(projects::internal::each_stage_times(c, district, [&](const projects::store::StageTimes& t) {
    if (stage_of(t.state) == 4) passed.emplace_back(t.project_id, t.enterprise_id);
    return true;
  }));
  QualityCheck uncounted{"passed_not_accepted", "项目验收通过但企业未计入改造完成", "error", 0, {}, "/projects?state=passed"};
  for (const auto& [project, enterprise] : passed) {
    SZ_ASSIGN(auto e, registry::internal::find(c, enterprise));
    if (e && e->status == "active" && !e->accepted_at) {
      ++uncounted.count;
      if (static_cast<int64_t>(uncounted.samples.size()) < kSamples) uncounted.samples.push_back({project, e->name, "项目 " + std::to_string(project)});
    }
  }
  out.push_back(std::move(uncounted));

  int64_t late = 0;
  SZ_ASSIGN(auto lm, projects::internal::late_milestones(c, district, today, kSamples, &late));
  QualityCheck milestones{"late_milestones", "里程碑逾期未完成", "warning", late, {}, "/projects?overdue=1"};
  for (const auto& m : lm) milestones.samples.push_back({m.project_id, m.project_name, m.milestone + "（应于 " + m.due_on + "）"});
  out.push_back(std::move(milestones));

  if (district.empty()) {
    SZ_ASSIGN(auto overdue, market::internal::rectifying_until(c, day_text(*day_number(today) - 1)));
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
  for (auto& q : out) q.checked_at = now;
  if (district.empty()) {
    if (verify) {
      SZ_ASSIGN(auto found, verify_summaries(c, registry_.params()));
      out.push_back(summaries_check(found, now));
    } else {
      SZ_ASSIGN(auto last, summaries_last_checked(c));
      out.push_back(std::move(last));
    }
  }
  return out;
}

}  // namespace sz::reports
