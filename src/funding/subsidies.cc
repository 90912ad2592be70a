#include "funding/subsidies.h"

#include <algorithm>
#include <map>

#include "audit/service.h"
#include "infra/ranges.h"
#include "infra/text.h"
#include "funding/loans.h"
#include "market/directory.h"
#include "market/service.h"
#include "projects/service.h"
#include "records/service.h"
#include "registry/service.h"

namespace sz::funding {

namespace bj = boost::json;

namespace {
bool admin(const auth::Principal& p) { return p.has(auth::Role::city_admin); }
Status admin_only(const auth::Principal& p, const char* what) {
  if (!admin(p)) return err::forbidden(std::string("只有市级管理员可以") + what);
  return ok();
}
Status need_reason(const std::string& reason, const char* label) {
  if (text::trim(reason).empty()) return err::invalid("reason", std::string("请填写") + label);
  if (text::utf8_length(reason) > 1000) return err::invalid("reason", std::string(label) + "不能超过1000个字符");
  return ok();
}
std::string subsidy_audit_json(const store::Subsidy& s) {
  return bj::serialize(bj::object{{"scheme", s.scheme}, {"subject", s.subject_key}, {"proposed_fen", s.proposed_fen},
                                  {"approved_fen", s.approved_fen}, {"status", s.status}, {"rule_version", s.rule_version}});
}
std::string payment_audit_json(const store::Payment& p) {
  bj::object o{{"subsidy_id", p.subsidy_id}, {"fund_id", p.fund_id}, {"label", p.label}, {"amount_fen", p.amount_fen},
               {"status", p.status}};
  if (p.override_reason) o["override_reason"] = *p.override_reason;
  return bj::serialize(o);
}
const char* scheme_subject(const std::string& scheme) {
  if (scheme == "transformation") return "project_id";
  if (scheme == "provider") return "provider_id";
  if (scheme == "loan_interest") return "loan_id";
  return "enterprise_id";
}
}  // namespace

std::string Names::enterprise(std::optional<int64_t> id) const {
  auto it = id ? enterprises.find(*id) : enterprises.end();
  return it == enterprises.end() ? "" : it->second;
}
std::string Names::provider(std::optional<int64_t> id) const {
  auto it = id ? providers.find(*id) : providers.end();
  return it == providers.end() ? "" : it->second;
}
std::string Names::fund(int64_t id) const {
  auto it = funds.find(id);
  return it == funds.end() ? "" : it->second;
}

Result<Names> Subsidies::names(const std::vector<store::Subsidy>& subsidies, const std::vector<store::Payment>& payments) {
  SZ_ASSIGN(auto* c, db_->local());
  Names n;
  auto enterprise = [&](int64_t id) -> Status {
    if (n.enterprises.count(id)) return ok();
    SZ_ASSIGN(auto e, registry::internal::find(*c, id));
    n.enterprises[id] = e ? e->name : "";
    return ok();
  };
  for (const auto& s : subsidies) {
    if (s.enterprise_id) SZ_TRY(enterprise(*s.enterprise_id));
    if (s.provider_id && !n.providers.count(*s.provider_id)) {
      SZ_ASSIGN(auto pv, market::internal::find_provider(*c, *s.provider_id));
      n.providers[*s.provider_id] = pv ? pv->name : "";
    }
  }
  for (const auto& p : payments)
    if (!n.funds.count(p.fund_id)) {
      SZ_ASSIGN(auto f, store::fund(*c, p.fund_id));
      n.funds[p.fund_id] = f ? f->name : "";
    }
  return n;
}

Subsidies::Subsidies(std::shared_ptr<db::Database> db, const Clock& clock, Service& rules, workflow::Workflow payments)
    : db_(std::move(db)), clock_(clock), rules_(rules), payments_(std::move(payments)) {}

namespace {
workflow::Parties payment_parties(const auth::Principal& p) {
  return admin(p) ? workflow::Parties{"city_admin"} : workflow::Parties{};
}
}  // namespace

std::vector<const workflow::Move*> Subsidies::payment_actions(const auth::Principal& p, const store::Payment& pay) const {
  return workflow::open_moves(payments_, pay.status, payment_parties(p));
}

// Reads the facts a scheme needs from the store, fills the quote input, and computes. The inputs recorded with an
// approval say where each fact came from.
Result<Subsidies::Computed> Subsidies::compute(db::Connection& c, const ApproveInput& in) {
  SZ_ASSIGN(const RuleSet* rules, rules_.rules_on(""));
  Computed out;
  auto& s = out.subsidy;
  s.scheme = in.scheme;
  s.rule_version = rules->version;
  s.year = in.year;
  bj::object inputs{{"scheme", in.scheme}};
  std::optional<registry::store::Enterprise> enterprise;
  auto need_enterprise = [&](int64_t id) -> Status {
    SZ_ASSIGN(enterprise, registry::internal::find(c, id));
    if (!enterprise) return err::invalid("enterprise_id", "企业不存在：" + std::to_string(id));
    s.enterprise_id = enterprise->id;
    s.district_code = enterprise->district_code;
    return ok();
  };

  if (in.scheme == "award") {
    if (!in.award_type) return err::invalid("award_type", "请选择奖励类型");
    auto it = std::find_if(rules->awards.begin(), rules->awards.end(), [&](const AwardType& a) { return a.code == *in.award_type; });
    if (it == rules->awards.end()) return err::invalid("award_type", "未知的奖励类型：" + *in.award_type);
    if (!in.amount_fen) return err::invalid("amount_fen", "请填写奖励金额（分）");
    SZ_TRY(ranges::check("award_fen", *in.amount_fen, "amount_fen", "奖励金额（分）"));
    if (in.enterprise_id) {
      SZ_TRY(need_enterprise(*in.enterprise_id));
    } else if (in.provider_id) {
      SZ_ASSIGN(auto pv, market::internal::find_provider(c, *in.provider_id));
      if (!pv) return err::invalid("provider_id", "服务商不存在");
      s.provider_id = pv->id;
    } else {
      return err::invalid("enterprise_id", "请指定获奖的企业或服务商");
    }
    s.award_type = in.award_type;
    s.subject_key = "award:" + *in.award_type + ":" + (s.enterprise_id ? "e" + std::to_string(*s.enterprise_id) : "v" + std::to_string(*s.provider_id)) +
                    (in.year ? ":" + std::to_string(*in.year) : "");
    s.proposed_fen = *in.amount_fen;
    out.eligible = true;
    out.quote = bj::object{{"eligible", true}, {"amount_fen", *in.amount_fen}, {"cap_applied", nullptr}, {"clause", it->clause},
                           {"scheme", "award"}, {"scheme_name", it->name}, {"rule_version", rules->version},
                           {"explanation", it->name + "（" + it->clause + "）：金额由市级管理员按相关规定录入，" + yuan_text(*in.amount_fen) + " 元。"},
                           {"inputs", bj::object{{"award_type", *in.award_type}, {"amount_fen", *in.amount_fen}}}};
    return out;
  }

  const Scheme* scheme = rules->scheme(in.scheme);
  if (!scheme) return err::invalid("scheme", "未知的补助类型：" + in.scheme);
  QuoteInput q;
  q.scheme = in.scheme;
  if (in.scheme == "diagnosis") {
    if (!in.enterprise_id) return err::invalid("enterprise_id", "请指定企业");
    SZ_TRY(need_enterprise(*in.enterprise_id));
    SZ_ASSIGN(auto states, projects::internal::enterprise_project_states(c, enterprise->id));
    bool done = std::any_of(states.begin(), states.end(), [](const std::string& st) { return projects::task_completed(st); });
    SZ_ASSIGN(q.base_fen, projects::internal::diagnosis_cost_total(c, enterprise->id));
    q.facts["task_completed"] = done;
    inputs["cost_fen"] = q.base_fen;
    inputs["cost_source"] = "企业登记的诊断实际费用合计";
    inputs["task_completed"] = done;
    s.subject_key = "diagnosis:e" + std::to_string(enterprise->id);
  } else if (in.scheme == "chain") {
    // 三(五): decided by the recorded 工信部 recognition of the chain model, to its lead enterprise.
    if (!in.chain_model_id) return err::invalid("chain_model_id", "请指定“链式”转型模式");
    SZ_ASSIGN(auto m, records::internal::find_chain(c, *in.chain_model_id));
    if (!m) return err::invalid("chain_model_id", "“链式”转型模式不存在：" + std::to_string(*in.chain_model_id));
    if (!m->lead_enterprise_id) return err::conflict("chain_model_id", "该模式的链主企业未在平台登记，无法核定给链主企业");
    SZ_TRY(need_enterprise(*m->lead_enterprise_id));
    q.facts["recognized_by_miit"] = m->miit.has_value();
    if (!m->miit) q.details["recognized_by_miit"] = "成果记录中没有工信部对「" + m->name + "」的认定";
    inputs["chain_model_id"] = m->id;
    inputs["chain_model"] = m->name;
    inputs["recognized_by_miit"] = m->miit.has_value();
    if (m->miit) inputs["miit_recognition"] = m->miit->on + " " + m->miit->decided_by + " " + m->miit->evidence;
    s.subject_key = "chain:c" + std::to_string(m->id);
  } else if (in.scheme == "transformation") {
    if (!in.project_id) return err::invalid("project_id", "请指定项目");
    SZ_ASSIGN(auto pr, projects::internal::find(c, *in.project_id));
    if (!pr) return err::invalid("project_id", "项目不存在：" + std::to_string(*in.project_id));
    SZ_TRY(need_enterprise(pr->enterprise_id));
    s.project_id = pr->id;
    SZ_ASSIGN(q.base_fen, projects::internal::cost_total(c, pr->id));
    q.level = enterprise->level;
    q.facts["task_completed"] = projects::task_completed(pr->state);
    inputs["project_id"] = pr->id;
    inputs["cost_fen"] = q.base_fen;
    inputs["cost_source"] = "项目登记的实际改造费用合计（附发票）";
    inputs["level"] = enterprise->level;
    inputs["level_source"] = enterprise->level_source;
    inputs["task_completed"] = projects::task_completed(pr->state);
    s.subject_key = "transformation:p" + std::to_string(pr->id);
  } else if (in.scheme == "provider") {
    if (!in.provider_id) return err::invalid("provider_id", "请指定服务商");
    if (!in.year || *in.year < 2000 || *in.year > 2100) return err::invalid("year", "请指定补助年度");
    SZ_ASSIGN(auto pv, market::internal::find_provider(c, *in.provider_id));
    if (!pv) return err::invalid("provider_id", "服务商不存在");
    s.provider_id = pv->id;
    // 纳入试点: in the directory at some moment of the service year, read from the directory's history.
    SZ_ASSIGN(auto stays, market::internal::stays_of(c, pv->id));
    const std::string y = std::to_string(*in.year);
    const int64_t year_start = *shanghai_day_end(std::to_string(*in.year - 1) + "-12-31"), year_end = *shanghai_day_end(y + "-12-31");
    const bool in_directory = market::listed_during(stays, year_start, year_end);
    if (!in_directory) {
      std::optional<int64_t> left;
      for (const auto& st : stays)
        if (st.until && *st.until <= year_start) left = *st.until;
      q.details["in_directory"] = stays.empty() ? "该服务商从未入库"
                                  : left       ? "该服务商已于 " + shanghai_date(*left) + " 出库，" + y + " 年度不在服务商库中"
                                               : "该服务商 " + y + " 年度尚未入库";
    }
    // Fees count on the days the provider was listed; a terminated project's fees are not part of the base.
    SZ_ASSIGN(auto costs, projects::internal::provider_costs(c, pv->id, *in.year));
    int64_t outside = 0;
    for (const auto& x : costs) {
      const int64_t day_end = *shanghai_day_end(x.incurred_on);
      (market::listed_during(stays, day_end - 86400, day_end) ? q.base_fen : outside) += x.amount_fen;
    }
    // 全部完成: every project it serves has ended (accepted, paid out, or terminated), and at least one was completed.
    SZ_ASSIGN(auto projects, projects::internal::provider_projects(c, pv->id));
    std::string open;
    int64_t completed = 0, still_open = 0;
    constexpr int64_t kNamed = 5;  // a refusal names a few, then says how many
    for (const auto& pr : projects) {
      completed += projects::task_completed(pr.state);
      if (projects::ended(pr.state)) continue;
      if (++still_open <= kNamed) open += (open.empty() ? "" : "、") + pr.enterprise_name + "「" + pr.name + "」";
    }
    if (still_open > kNamed) open += "等";
    const bool all_done = !still_open && completed > 0;
    if (still_open)
      q.details["all_tasks_completed"] = "尚未结束的项目 " + std::to_string(still_open) + " 个：" + open;
    else if (!completed) q.details["all_tasks_completed"] = "没有已完成的改造任务";
    q.facts["in_directory"] = in_directory;
    q.facts["in_zhengzhou"] = pv->in_zhengzhou;
    q.facts["all_tasks_completed"] = all_done;
    inputs["provider_id"] = pv->id;
    inputs["year"] = *in.year;
    inputs["service_fees_fen"] = q.base_fen;
    inputs["fees_outside_directory_fen"] = outside;
    inputs["fees_source"] = "该年度各项目（终止的项目除外）登记的、由该服务商开具发票的费用，只计其在服务商库中的日子";
    inputs["in_directory"] = in_directory;
    inputs["in_zhengzhou"] = pv->in_zhengzhou;
    inputs["all_tasks_completed"] = all_done;
    inputs["projects"] = static_cast<int64_t>(projects.size());
    s.subject_key = "provider:v" + std::to_string(pv->id) + ":" + std::to_string(*in.year);
  } else if (in.scheme == "loan_interest") {
    if (!in.loan_id) return err::invalid("loan_id", "请指定贷款");
    SZ_ASSIGN(auto loan, store::loan(c, *in.loan_id));
    if (!loan) return err::invalid("loan_id", "贷款不存在");
    if (loan->state != "applied") return err::conflict("loan_id", "企业尚未申请贴息");
    // Like with like: the LPR interest and the interest actually paid, both over the subsidised months confirmed so far;
    // approvals made on fewer months are topped up.
    SZ_ASSIGN(auto confirmed, internal::confirmed(c, loan->id));
    if (!confirmed.months) return err::conflict("loan_id", "银行尚未确认贴息月份内的实际支付利息");
    SZ_ASSIGN(auto earlier, store::loan_approvals(c, loan->id));
    for (const auto& x : earlier) q.subject_approved_fen += x.approved_fen;
    SZ_TRY(need_enterprise(loan->enterprise_id));
    s.loan_id = loan->id;
    q.base_fen = loan->principal_fen;
    q.loan_date = loan->loan_date;
    q.term_months = static_cast<int>(loan->term_months);
    q.confirmed_months = confirmed.months;
    q.interest_paid_fen = confirmed.interest_paid_fen;
    inputs["loan_id"] = loan->id;
    inputs["principal_fen"] = loan->principal_fen;
    inputs["loan_date"] = loan->loan_date;
    inputs["term_months"] = loan->term_months;
    inputs["confirmed_months"] = confirmed.months;
    bj::array period_ids;
    for (int64_t pid : confirmed.period_ids) period_ids.push_back(pid);
    inputs["period_ids"] = std::move(period_ids);
    inputs["interest_paid_fen"] = confirmed.interest_paid_fen;
    inputs["approved_before_for_loan_fen"] = q.subject_approved_fen;
    s.subject_key = "loan:" + std::to_string(loan->id) + ":m" + std::to_string(confirmed.months);
  } else {
    return err::invalid("scheme", "未知的补助类型：" + in.scheme);
  }
  // Each cap sums the approvals of its own scope (per enterprise or provider; all years or the year).
  for (const auto& cap : scheme->caps) {
    int64_t used = 0;
    if (cap.per == "enterprise" && s.enterprise_id) {
      SZ_ASSIGN(used, store::approved_for_enterprise(c, scheme->code, *s.enterprise_id));
    } else if (cap.per == "provider" && s.provider_id) {
      SZ_ASSIGN(used, store::approved_for_provider(c, scheme->code, *s.provider_id,
                                                   cap.period == "year" ? in.year : std::nullopt));
    }
    q.paid_by_cap[cap.id] = used;
    inputs["approved_before_fen." + cap.id] = used;
  }
  if (!scheme->caps.empty()) q.paid_before_fen = q.paid_by_cap[scheme->caps.front().id];
  std::vector<LprRate> table;
  if (scheme->kind == "loan_interest") {
    SZ_ASSIGN(table, store::lpr_table(c));
    if (!lpr_in_force(table, q.loan_date)) return err::conflict("loan_date", "贷款日期早于利率表中最早的 LPR");
  }
  Quote result = quote(*scheme, q, table);
  out.eligible = result.eligible;
  out.reason = result.reason;
  s.proposed_fen = result.amount_fen;
  out.quote = quote_json(*rules, *scheme, result, inputs);
  return out;
}

Result<bj::object> Subsidies::preview(const auth::Principal& p, const ApproveInput& in) {
  SZ_TRY(admin_only(p, "核定补助"));
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto computed, compute(*c, in));
  SZ_ASSIGN(bool exists, store::subject_approved(*c, computed.subsidy.subject_key));
  if (exists) return err::conflict(scheme_subject(in.scheme), "该对象的这项补助已经核定（一次核定、分期拨付），如需重核请先撤销原核定");
  return computed.quote;
}

Result<store::Subsidy> Subsidies::approve(const auth::Principal& p, const auth::Origin& from, const ApproveInput& in) {
  SZ_TRY(admin_only(p, "核定补助"));
  if (text::utf8_length(in.note) > 1000) return err::invalid("note", "说明不能超过1000个字符");
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto computed, compute(*c, in));
  auto& s = computed.subsidy;
  if (!computed.eligible) return err::conflict("eligible", "不符合补助条件：" + computed.reason);
  SZ_ASSIGN(bool exists, store::subject_approved(*c, s.subject_key));
  if (exists) return err::conflict(scheme_subject(s.scheme), "该对象的这项补助已经核定（一次核定、分期拨付），如需重核请先撤销原核定");
  if (s.proposed_fen == 0) return err::conflict("amount_fen", "已达补助上限，可核定金额为 0：" + std::string(computed.quote["explanation"].as_string()));
  s.approved_fen = in.approved_fen.value_or(s.proposed_fen);
  if (s.approved_fen <= 0) return err::invalid("approved_fen", "核定金额应为正数");
  if (s.approved_fen > s.proposed_fen)
    return err::invalid("approved_fen", "核定金额不能超过规则允许的 " + yuan_text(s.proposed_fen) + " 元");
  s.status = "approved";
  s.note = text::trim(in.note);
  s.inputs_json = bj::serialize(computed.quote["inputs"]);
  s.quote_json = bj::serialize(computed.quote);
  s.created_by = p.user_id;
  s.created_at = clock_.now();
  SZ_ASSIGN(s.id, store::insert_subsidy(*c, s));
  SZ_TRY(audit::record(*c, s.created_at, auth::actor_of(p, from), "subsidy.approve", "subsidy", std::to_string(s.id), "",
                       subsidy_audit_json(s)));
  SZ_TRY(tx->commit());
  return s;
}

Status Subsidies::cancel(const auth::Principal& p, const auth::Origin& from, int64_t id, const std::string& reason) {
  SZ_TRY(admin_only(p, "撤销补助核定"));
  SZ_TRY(need_reason(reason, "撤销原因"));
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto s, store::subsidy(*c, id));
  if (!s) return err::not_found("补助核定不存在");
  if (s->status != "approved") return err::conflict("status", "该核定已撤销");
  SZ_ASSIGN(int64_t committed, store::payments_committed(*c, id));
  if (committed > 0) return err::conflict("payments", "已安排或已拨付 " + yuan_text(committed) + " 元，须先取消或退回各期拨付");
  store::Subsidy after = *s;
  after.status = "cancelled";
  SZ_TRY(store::set_subsidy_status(*c, id, "cancelled"));
  bj::object a = bj::parse(subsidy_audit_json(after)).as_object();
  a["reason"] = text::trim(reason);
  SZ_TRY(audit::record(*c, clock_.now(), auth::actor_of(p, from), "subsidy.cancel", "subsidy", std::to_string(id),
                       subsidy_audit_json(*s), bj::serialize(a)));
  return tx->commit();
}

Status Subsidies::read_access(const auth::Principal& p, const store::Subsidy& s) {
  if (admin(p)) return ok();
  auto scope = auth::enterprise_scope(p);
  if (s.enterprise_id && s.district_code && scope.covers(*s.district_code, *s.enterprise_id)) return ok();
  if (s.provider_id && p.has(auth::Role::provider) && p.provider_id == s.provider_id) return ok();
  return err::forbidden("超出数据权限范围：无权查看该补助");
}

Result<store::Subsidy> Subsidies::get(const auth::Principal& p, int64_t id) {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto s, store::subsidy(*c, id));
  if (!s) return err::not_found("补助核定不存在");
  SZ_TRY(read_access(p, *s));
  return *s;
}

Result<std::vector<store::Subsidy>> Subsidies::list(const auth::Principal& p, store::SubsidyFilter f, int64_t limit,
                                                    int64_t offset, int64_t* total) {
  auto scope = auth::enterprise_scope(p);
  f.all = scope.all;
  f.districts = scope.districts;
  f.enterprise_ids = scope.enterprise_ids;
  if (p.has(auth::Role::provider)) f.provider_id = p.provider_id;
  SZ_ASSIGN(auto* c, db_->local());
  return store::subsidies(*c, f, limit, offset, total);
}

Result<std::vector<store::Payment>> Subsidies::payments(const auth::Principal& p, int64_t subsidy_id) {
  SZ_ASSIGN(auto s, get(p, subsidy_id));
  SZ_ASSIGN(auto* c, db_->local());
  return store::payments_of(*c, s.id);
}

Result<store::Payment> Subsidies::schedule(const auth::Principal& p, const auth::Origin& from, int64_t subsidy_id,
                                           const PaymentInput& in) {
  SZ_TRY(admin_only(p, "安排补助拨付"));
  SZ_TRY(ranges::check("payment_fen", in.amount_fen, "amount_fen", "拨付金额（分）"));
  if (text::trim(in.label).empty()) return err::invalid("label", "请填写拨付批次名称（如 第一期）");
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto s, store::subsidy(*c, subsidy_id));
  if (!s) return err::not_found("补助核定不存在");
  if (s->status != "approved") return err::conflict("status", "该核定已撤销，不能安排拨付");
  SZ_ASSIGN(auto fund, store::fund(*c, in.fund_id));
  if (!fund) return err::invalid("fund_id", "资金来源不存在");
  store::Payment pay;
  pay.subsidy_id = s->id;
  pay.fund_id = fund->id;
  pay.label = text::trim(in.label);
  pay.budget_year = fund->year;
  pay.amount_fen = in.amount_fen;
  pay.status = "scheduled";
  pay.note = text::trim(in.note);
  // The approval is the ceiling of all tranches together (the cumulative cap was applied when it was approved).
  SZ_ASSIGN(int64_t committed, store::payments_committed(*c, s->id));
  int64_t left = s->approved_fen - committed;
  if (pay.amount_fen > left) {
    if (!in.cut || left <= 0)
      return err::conflict("amount_fen", "超过核定金额：核定 " + yuan_text(s->approved_fen) + " 元，已安排 " +
                                             yuan_text(committed) + " 元，尚可安排 " + yuan_text(std::max<int64_t>(left, 0)) + " 元");
    pay.note = (pay.note.empty() ? "" : pay.note + "；") + "按核定余额由 " + yuan_text(in.amount_fen) + " 元核减为 " + yuan_text(left) + " 元";
    pay.amount_fen = left;
  }
  // Nothing beyond a fund's budget without an admin's recorded override.
  SZ_ASSIGN(int64_t used, store::fund_committed(*c, fund->id));
  if (used + pay.amount_fen > fund->budget_fen) {
    if (!in.override_reason || text::trim(*in.override_reason).empty())
      return err::conflict("fund_id", "超出资金预算：" + fund->name + " 预算 " + yuan_text(fund->budget_fen) + " 元，已安排 " +
                                          yuan_text(used) + " 元，尚余 " + yuan_text(fund->budget_fen - used) + " 元；如确需超预算安排，请填写理由");
    pay.override_reason = text::trim(*in.override_reason);
  }
  pay.scheduled_by = p.user_id;
  pay.scheduled_at = clock_.now();
  SZ_ASSIGN(pay.id, store::insert_payment(*c, pay));
  SZ_TRY(audit::record(*c, pay.scheduled_at, auth::actor_of(p, from), "payment.schedule", "subsidy", std::to_string(s->id), "",
                       payment_audit_json(pay)));
  SZ_TRY(tx->commit());
  return pay;
}

Result<store::Payment> Subsidies::move_payment(const auth::Principal& p, const auth::Origin& from, int64_t id,
                                               const std::string& action, const std::string& reason) {
  SZ_TRY(admin_only(p, "办理补助拨付"));
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto pay, store::payment(*c, id));
  if (!pay) return err::not_found("拨付记录不存在");
  SZ_ASSIGN(const workflow::Move* m, workflow::decide_or_error(payments_, pay->status, action, payment_parties(p)));
  if (m->needs_reason) SZ_TRY(need_reason(reason, "原因"));
  store::Payment after = *pay;
  after.status = m->to;
  int64_t now = clock_.now();
  if (after.status == "approved") after.approved_at = now;
  if (after.status == "paid") after.paid_at = now;
  if (after.status == "returned" || after.status == "cancelled") {
    after.closed_at = now;
    after.note = (after.note.empty() ? "" : after.note + "；") + text::trim(reason);
  }
  SZ_TRY(store::update_payment(*c, after));
  SZ_TRY(audit::record(*c, now, auth::actor_of(p, from), "payment." + action, "subsidy", std::to_string(pay->subsidy_id),
                       payment_audit_json(*pay), payment_audit_json(after)));
  SZ_TRY(tx->commit());
  return after;
}

Result<std::vector<FundView>> Subsidies::funds(const auth::Principal& p) {
  SZ_TRY(admin_only(p, "查看专项资金"));
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto list, store::funds(*c));
  std::vector<FundView> out;
  for (auto& f : list) {
    FundView v{f};
    SZ_ASSIGN(auto sums, store::fund_sums(*c, f.id));
    for (const auto& [status, sum] : sums) {
      if (status == "scheduled") v.scheduled = sum;
      else if (status == "approved") v.approved = sum;
      else if (status == "paid") v.paid = sum;
      else if (status == "returned") v.returned = sum;
      else if (status == "cancelled") v.cancelled = sum;
    }
    out.push_back(std::move(v));
  }
  return out;
}

Result<store::Fund> Subsidies::add_fund(const auth::Principal& p, const auth::Origin& from, store::Fund f) {
  SZ_TRY(admin_only(p, "维护专项资金"));
  if (f.source != "central" && f.source != "city") return err::invalid("source", "资金来源应为 central（中央试点资金）或 city（市级配套资金）");
  if (f.year < 2024 || f.year > 2100) return err::invalid("year", "年度应为 2024 及以后");
  SZ_TRY(ranges::check("fund_budget_fen", f.budget_fen, "budget_fen", "预算（分）"));
  if (text::trim(f.name).empty()) f.name = std::to_string(f.year) + "年" + (f.source == "central" ? "中央试点资金" : "市级配套资金");
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto existing, store::funds(*c));
  for (const auto& x : existing)
    if (x.source == f.source && x.year == f.year) return err::conflict("year", "该来源该年度的资金已登记：" + x.name);
  f.created_at = f.updated_at = clock_.now();
  SZ_ASSIGN(f.id, store::insert_fund(*c, f));
  SZ_TRY(audit::record(*c, f.created_at, auth::actor_of(p, from), "fund.create", "fund", std::to_string(f.id), "",
                       bj::serialize(bj::object{{"source", f.source}, {"year", f.year}, {"budget_fen", f.budget_fen}})));
  SZ_TRY(tx->commit());
  return f;
}

Result<store::Fund> Subsidies::set_budget(const auth::Principal& p, const auth::Origin& from, int64_t id, int64_t budget_fen,
                                          const std::string& reason) {
  SZ_TRY(admin_only(p, "调整资金预算"));
  SZ_TRY(need_reason(reason, "调整原因"));
  SZ_TRY(ranges::check("fund_budget_fen", budget_fen, "budget_fen", "预算（分）"));
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto f, store::fund(*c, id));
  if (!f) return err::not_found("资金来源不存在");
  SZ_TRY(store::update_fund_budget(*c, id, budget_fen, clock_.now()));
  SZ_TRY(audit::record(*c, clock_.now(), auth::actor_of(p, from), "fund.budget", "fund", std::to_string(id),
                       bj::serialize(bj::object{{"budget_fen", f->budget_fen}}),
                       bj::serialize(bj::object{{"budget_fen", budget_fen}, {"reason", text::trim(reason)}})));
  SZ_TRY(tx->commit());
  f->budget_fen = budget_fen;
  return *f;
}

Result<CostSharing> Subsidies::cost_sharing(const auth::Principal& p, int64_t project_id) {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_TRY(projects::internal::authorize(*c, p, project_id, false));
  SZ_ASSIGN(auto pr, projects::internal::find(*c, project_id));
  CostSharing cs;
  SZ_ASSIGN(cs.cost_total_fen, projects::internal::cost_total(*c, project_id));
  cs.contract_amount_fen = pr->contract_amount_fen;
  cs.catalogue_price_fen = pr->catalogue_price_fen;
  if (pr->contract_amount_fen && pr->catalogue_price_fen) cs.provider_discount_fen = *pr->catalogue_price_fen - *pr->contract_amount_fen;
  store::SubsidyFilter f;
  f.all = true;
  f.project_id = project_id;
  int64_t total = 0;
  SZ_ASSIGN(auto list, store::subsidies(*c, f, 100, 0, &total));
  for (const auto& s : list) {
    if (s.status != "approved") continue;
    cs.subsidy_approved_fen += s.approved_fen;
    SZ_ASSIGN(auto pays, store::payments_of(*c, s.id));
    for (const auto& x : pays)
      if (x.status == "paid") cs.subsidy_paid_fen += x.amount_fen;
  }
  cs.enterprise_share_fen = cs.cost_total_fen - cs.subsidy_approved_fen;
  return cs;
}

Status internal::transformation_paid(db::Connection& c, int64_t project_id) {
  store::SubsidyFilter f;
  f.all = true;
  f.project_id = project_id;
  f.scheme = "transformation";
  int64_t total = 0;
  SZ_ASSIGN(auto list, store::subsidies(c, f, 10, 0, &total));
  for (const auto& s : list) {
    if (s.status != "approved") continue;
    SZ_ASSIGN(auto pays, store::payments_of(c, s.id));
    int64_t paid = 0;
    for (const auto& x : pays)
      if (x.status == "paid") paid += x.amount_fen;
    if (paid >= s.approved_fen) return ok();
    return err::conflict("subsidy", "改造补助核定 " + yuan_text(s.approved_fen) + " 元，已拨付 " + yuan_text(paid) + " 元，尚未兑现完毕");
  }
  return err::conflict("subsidy", "尚未核定改造补助");
}

}  // namespace sz::funding
