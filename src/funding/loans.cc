#include "funding/loans.h"

#include <boost/json.hpp>

#include "audit/service.h"
#include "infra/ranges.h"
#include "infra/text.h"
#include "projects/service.h"
#include "registry/service.h"

namespace sz::funding {

namespace bj = boost::json;

namespace {
bool admin(const auth::Principal& p) { return p.has(auth::Role::city_admin); }

int confirmed_months_of(const std::vector<store::InterestPeriod>& periods) {
  int64_t n = 0;
  for (const auto& x : periods)
    if (x.state == "confirmed") n += x.months();
  return static_cast<int>(n);
}

// The first subsidised month no confirmed period covers, and how far a confirmation from it may reach: to the next
// confirmed period, the subsidised months' end, and the months already over.
std::pair<std::optional<int>, int> next_months(const std::vector<store::InterestPeriod>& periods, int subsidised, int elapsed) {
  std::vector<bool> covered(static_cast<size_t>(subsidised) + 2, false);
  for (const auto& x : periods)
    if (x.state == "confirmed")
      for (int64_t m = x.first_month; m <= x.last_month && m <= subsidised; ++m) covered[static_cast<size_t>(m)] = true;
  for (int m = 1; m <= subsidised; ++m) {
    if (covered[static_cast<size_t>(m)]) continue;
    int last = m;
    while (last + 1 <= subsidised && !covered[static_cast<size_t>(last + 1)]) ++last;
    return {m, std::min(last, elapsed)};
  }
  return {std::nullopt, 0};
}

std::string period_audit_json(const store::InterestPeriod& x) {
  return bj::serialize(bj::object{{"loan_id", x.loan_id}, {"first_month", x.first_month}, {"last_month", x.last_month},
                                  {"interest_paid_fen", x.interest_paid_fen}, {"state", x.state}});
}
}  // namespace

const Scheme& Loans::scheme() const {
  // The loan-interest scheme is required by the rules' parser for every rule set that the platform loads.
  return *(*rules_.rules_on(""))->scheme("loan_interest");
}

Result<int64_t> Loans::enterprise_by_credit_code(const std::string& code) {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto id, registry::internal::id_by_credit_code(*c, code));
  if (!id) return err::invalid("credit_code", "没有该统一社会信用代码的试点企业：" + code);
  return *id;
}

Result<Loans::Confirmed> internal::confirmed(db::Connection& c, int64_t loan_id) {
  SZ_ASSIGN(auto periods, store::periods_of(c, loan_id));
  Loans::Confirmed out;
  for (const auto& x : periods)
    if (x.state == "confirmed") {
      out.months += static_cast<int>(x.months());
      out.interest_paid_fen += x.interest_paid_fen;
      out.period_ids.push_back(x.id);
    }
  return out;
}

Result<LoanView> Loans::view(db::Connection& c, const store::Loan& l) {
  LoanView v;
  v.loan = l;
  SZ_ASSIGN(auto e, registry::internal::find(c, l.enterprise_id));
  v.enterprise_name = e ? e->name : "";
  SZ_ASSIGN(v.periods, store::periods_of(c, l.id));
  for (const auto& x : v.periods) {
    std::string by, reopened;
    if (x.confirmed_by) {
      SZ_ASSIGN(by, auth::internal::display_name_of(c, *x.confirmed_by));
    }
    if (x.reopened_by) {
      SZ_ASSIGN(reopened, auth::internal::display_name_of(c, *x.reopened_by));
    }
    v.recorded_by_names.push_back(by);
    v.reopened_by_names.push_back(reopened);
  }
  v.subsidised_months = subsidised_months(scheme(), static_cast<int>(l.term_months));
  v.confirmed_months = confirmed_months_of(v.periods);
  v.elapsed_months = months_elapsed(l.loan_date, shanghai_date(clock_.now()));
  auto [first, last] = next_months(v.periods, v.subsidised_months, v.elapsed_months);
  v.next_first_month = first;
  v.next_last_month = last;
  if (l.state == "granted") {
    v.waiting_for = "待企业申请贴息";
  } else if (!first) {
    v.waiting_for = "贴息期内 " + std::to_string(v.subsidised_months) + " 个月的利息均已确认，待市级管理员核定贴息";
  } else if (last < *first) {
    v.waiting_for = "待第 " + std::to_string(*first) + " 个月（" + month_start(l.loan_date, *first + 1) + " 前）结束后由银行确认利息";
  } else {
    v.waiting_for = "待银行确认第 " + std::to_string(*first) + " 个月起的实际支付利息";
  }
  return v;
}

Result<LoanView> Loans::record(const auth::Principal& p, const auth::Origin& from, store::Loan in) {
  if (!p.has(auth::Role::bank)) return err::forbidden("只有合作银行可以登记“数字贷”贷款");
  SZ_TRY(ranges::check("loan_principal_fen", in.principal_fen, "principal_fen", "贷款本金（分）"));
  if (!valid_date(in.loan_date)) return err::invalid("loan_date", "贷款日期应为有效日期 YYYY-MM-DD");
  if (in.loan_date > shanghai_date(clock_.now())) return err::invalid("loan_date", "贷款日期不能晚于今天");
  SZ_TRY(ranges::check("loan_term_months", in.term_months, "term_months", "贷款期限（月）"));
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto e, registry::internal::find(*c, in.enterprise_id));
  if (!e) return err::invalid("enterprise_id", "企业不存在：" + std::to_string(in.enterprise_id));
  if (e->status != "active") return err::conflict("enterprise_id", "企业已退出试点");
  in.bank_user_id = p.user_id;
  in.bank_name = p.display_name;
  in.state = "granted";
  in.created_at = clock_.now();
  SZ_ASSIGN(in.id, store::insert_loan(*c, in));
  SZ_TRY(audit::record(*c, in.created_at, auth::actor_of(p, from), "loan.create", "enterprise", std::to_string(in.enterprise_id), "",
                       bj::serialize(bj::object{{"loan_id", in.id}, {"principal_fen", in.principal_fen}, {"loan_date", in.loan_date},
                                                {"term_months", in.term_months}})));
  SZ_TRY(tx->commit());
  return view(*c, in);
}

Result<std::vector<LoanView>> Loans::list(const auth::Principal& p) {
  store::LoanFilter f;
  f.all = admin(p);
  if (p.has(auth::Role::enterprise) && p.enterprise_id) f.enterprise_ids.push_back(*p.enterprise_id);
  if (p.has(auth::Role::bank)) f.bank_user_id = p.user_id;
  if (!f.all && f.enterprise_ids.empty() && !f.bank_user_id) return err::forbidden("只有合作银行、企业本身和市级管理员可以查看贷款");
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto loans, store::loans(*c, f, 500));
  std::vector<LoanView> out;
  for (const auto& l : loans) {
    SZ_ASSIGN(auto v, view(*c, l));
    out.push_back(std::move(v));
  }
  return out;
}

Result<LoanView> Loans::apply(const auth::Principal& p, const auth::Origin& from, int64_t id) {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto l, store::loan(*c, id));
  if (!l) return err::not_found("贷款不存在");
  if (!p.has(auth::Role::enterprise) || p.enterprise_id != l->enterprise_id) return err::forbidden("只有借款企业本身可以申请贴息");
  if (l->state != "granted") return err::conflict("state", "该笔贷款已申请贴息");
  store::Loan after = *l;
  after.state = "applied";
  after.applied_at = clock_.now();
  SZ_TRY(store::update_loan(*c, after));
  SZ_TRY(audit::record(*c, clock_.now(), auth::actor_of(p, from), "loan.apply", "enterprise", std::to_string(l->enterprise_id), "",
                       bj::serialize(bj::object{{"loan_id", id}})));
  SZ_TRY(tx->commit());
  return view(*c, after);
}

Result<InterestPreview> Loans::check(db::Connection& c, const auth::Principal& p, const store::Loan& l, int last_month,
                                     int64_t interest_paid_fen) {
  if (!p.has(auth::Role::bank) || p.user_id != l.bank_user_id) return err::forbidden("只有放贷银行可以确认实际支付利息");
  if (l.state != "applied") return err::conflict("state", "企业尚未申请贴息");
  SZ_TRY(ranges::check("interest_paid_fen", interest_paid_fen, "interest_paid_fen", "实际支付利息（分）"));
  SZ_ASSIGN(auto v, view(c, l));
  if (!v.next_first_month)
    return err::conflict("last_month", "贴息期内 " + std::to_string(v.subsidised_months) + " 个月的利息均已确认");
  const int first = *v.next_first_month;
  if (v.next_last_month < first)
    return err::conflict("last_month", "第 " + std::to_string(first) + " 个月尚未结束，暂不能确认其利息");
  if (last_month < first || last_month > v.next_last_month)
    return err::invalid("last_month", "本次确认应从第 " + std::to_string(first) + " 个月起，截止月份应在第 " +
                                          std::to_string(first) + "–" + std::to_string(v.next_last_month) +
                                          " 个月之间（贴息最多 " + std::to_string(v.subsidised_months) + " 个月，只能确认已结束的月份）");
  const Scheme& s = scheme();
  InterestPreview out;
  out.first_month = first;
  out.last_month = last_month;
  out.from_day = month_start(l.loan_date, first);
  out.to_day = day_text(*day_number(month_start(l.loan_date, last_month + 1)) - 1);
  out.interest_paid_fen = interest_paid_fen;
  const int months = last_month - first + 1;
  out.plausible_max_fen = plausible_interest_fen(s, l.principal_fen, months);
  if (interest_paid_fen > out.plausible_max_fen)
    return err::invalid("interest_paid_fen", "实际支付利息 " + yuan_text(interest_paid_fen) + " 元超过合理上限 " +
                                                 yuan_text(out.plausible_max_fen) + " 元（本金 × " +
                                                 percent_text(s.plausible_rate_bp) + "% × " + std::to_string(months) +
                                                 " 个月 ÷ 12）：" + s.plausible_rate_reason);
  SZ_ASSIGN(auto table, store::lpr_table(c));
  auto row = lpr_in_force(table, l.loan_date);
  if (row) {
    const bool long_loan = l.term_months > s.long_loan_months;
    const int64_t rate = long_loan ? row->five_year_bp : row->one_year_bp;
    out.lpr_interest_fen = simple_interest_fen(l.principal_fen, rate, months);
    out.lpr_text = std::string(long_loan ? "5年期以上" : "1年期") + " LPR " + percent_text(rate) + "%（" + row->announced_on +
                   " 公布）计 " + std::to_string(months) + " 个月利息 " + yuan_text(out.lpr_interest_fen) + " 元";
  }
  out.lock_text = "确认后，第 " + std::to_string(first) + "–" + std::to_string(last_month) + " 个月（" + out.from_day + " 至 " +
                  out.to_day + "）的实际支付利息 " + yuan_text(interest_paid_fen) +
                  " 元将锁定，作为贴息核定的依据；如有错误，只能由市级管理员书面说明理由后退回重新确认。";
  return out;
}

Result<InterestPreview> Loans::preview(const auth::Principal& p, int64_t id, int last_month, int64_t interest_paid_fen) {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto l, store::loan(*c, id));
  if (!l) return err::not_found("贷款不存在");
  return check(*c, p, *l, last_month, interest_paid_fen);
}

Result<LoanView> Loans::confirm(const auth::Principal& p, const auth::Origin& from, int64_t id, int last_month,
                                int64_t interest_paid_fen) {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto l, store::loan(*c, id));
  if (!l) return err::not_found("贷款不存在");
  SZ_ASSIGN(auto checked, check(*c, p, *l, last_month, interest_paid_fen));
  store::InterestPeriod x{0, id, checked.first_month, checked.last_month, interest_paid_fen, "confirmed", p.user_id,
                          clock_.now(), std::nullopt, std::nullopt, ""};
  SZ_ASSIGN(x.id, store::insert_period(*c, x));
  SZ_TRY(audit::record(*c, x.confirmed_at, auth::actor_of(p, from), "loan.confirm", "enterprise",
                       std::to_string(l->enterprise_id), "", period_audit_json(x)));
  SZ_TRY(tx->commit());
  return view(*c, *l);
}

Result<LoanView> Loans::reopen(const auth::Principal& p, const auth::Origin& from, int64_t id, int64_t period_id,
                               const std::string& reason) {
  if (!admin(p)) return err::forbidden("只有市级管理员可以退回已确认的利息");
  if (text::trim(reason).empty() || text::utf8_length(reason) > 1000)
    return err::invalid("reason", "请书面说明退回理由（不超过1000个字符）");
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto l, store::loan(*c, id));
  if (!l) return err::not_found("贷款不存在");
  SZ_ASSIGN(auto periods, store::periods_of(*c, id));
  auto it = std::find_if(periods.begin(), periods.end(), [&](const auto& x) { return x.id == period_id; });
  if (it == periods.end()) return err::not_found("该笔贷款没有这一期利息确认");
  if (it->state != "confirmed") return err::conflict("state", "该期利息已退回，待银行重新确认");
  // An approval that counted this period still stands: it must be cancelled first, so no money rests on a figure
  // that is no longer confirmed. (An approval that does not say which periods it used is taken to have used all.)
  SZ_ASSIGN(auto approvals, store::loan_approvals(*c, id));
  for (const auto& s : approvals) {
    boost::system::error_code ec;
    auto inputs = bj::parse(s.inputs_json, ec);
    const auto* used = !ec && inputs.is_object() ? inputs.as_object().if_contains("period_ids") : nullptr;
    bool rests = !used || !used->is_array();
    if (!rests)
      for (const auto& x : used->as_array()) rests = rests || (x.is_int64() && x.as_int64() == period_id);
    if (rests) return err::conflict("period_id", "贴息核定（编号 " + std::to_string(s.id) + "）依据了该期利息，请先撤销该核定再退回");
  }
  store::InterestPeriod after = *it;
  after.state = "reopened";
  SZ_TRY(store::reopen_period(*c, period_id, p.user_id, clock_.now(), text::trim(reason)));
  bj::object a = bj::parse(period_audit_json(after)).as_object();
  a["reason"] = text::trim(reason);
  SZ_TRY(audit::record(*c, clock_.now(), auth::actor_of(p, from), "loan.reopen", "enterprise", std::to_string(l->enterprise_id),
                       period_audit_json(*it), bj::serialize(a)));
  SZ_TRY(tx->commit());
  return view(*c, *l);
}

Result<store::PoolEntry> Loans::recommend(const auth::Principal& p, const auth::Origin& from, store::PoolEntry e) {
  if (!admin(p)) return err::forbidden("只有市级管理员可以推荐项目进入制造业中长期贷款项目库");
  SZ_TRY(ranges::check("pool_amount_fen", e.amount_fen, "amount_fen", "融资需求（分）"));
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto ent, registry::internal::find(*c, e.enterprise_id));
  if (!ent) return err::invalid("enterprise_id", "企业不存在");
  if (e.project_id) {
    SZ_ASSIGN(auto pr, projects::internal::find(*c, *e.project_id));
    if (!pr || pr->enterprise_id != e.enterprise_id) return err::invalid("project_id", "项目不存在或不属于该企业");
  }
  e.note = text::trim(e.note);
  e.recommended_by = p.user_id;
  e.recommended_at = clock_.now();
  SZ_ASSIGN(e.id, store::insert_pool_entry(*c, e));
  SZ_TRY(audit::record(*c, e.recommended_at, auth::actor_of(p, from), "loan_pool.add", "enterprise", std::to_string(e.enterprise_id), "",
                       bj::serialize(bj::object{{"entry_id", e.id}, {"amount_fen", e.amount_fen}})));
  SZ_TRY(tx->commit());
  return e;
}

Result<std::vector<store::PoolEntry>> Loans::pool(const auth::Principal& p) {
  if (!admin(p) && !p.has(auth::Role::bank)) return err::forbidden("只有市级管理员和合作银行可以查看贷款项目库");
  SZ_ASSIGN(auto* c, db_->local());
  return store::pool(*c, 500);
}

}  // namespace sz::funding
