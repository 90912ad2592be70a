#include "funding/api.h"

#include <map>

#include "infra/text.h"
#include "registry/credit_code.h"

namespace sz::funding {

namespace bj = boost::json;

namespace {
using json::opt_value;

Result<std::string> date_field(const bj::object& o, const char* key, const char* label, bool required) {
  SZ_ASSIGN(auto v, json::optional_string(o, key, label, 10));
  if (!v) {
    if (required) return err::invalid(key, std::string("缺少") + label);
    return std::string();
  }
  if (!valid_date(*v)) return err::invalid(key, std::string(label) + "应为有效日期 YYYY-MM-DD：" + *v);
  return *v;
}

// The fields a scheme takes are named by its rule data: its base, its conditions, a level, a loan's terms.
// The keys a scheme takes, named by its rule data: its base, its conditions, a level, a loan's terms.
std::vector<std::string> quote_keys(const Scheme& s) {
  std::vector<std::string> keys = {"scheme", "as_of", "paid_before_fen"};
  if (!s.base_field.empty()) keys.push_back(s.base_field);
  for (const auto& c : s.conditions) keys.push_back(c.field);
  if (s.min_level > 0) keys.push_back("level");
  if (s.kind == "loan_interest")
    for (const char* k : {"loan_date", "term_months", "interest_paid_fen"}) keys.push_back(k);
  return keys;
}

Result<int64_t> amount_field(const bj::object& o, const std::string& key, const std::string& label, bool required,
                             const char* range = "quote_base_fen") {
  SZ_ASSIGN(auto v, json::optional_int(o, key, label, range));
  if (!v && required) return err::invalid(key, "缺少" + label);
  return v.value_or(0);
}

Result<QuoteInput> quote_input(const bj::object& o, const Scheme& s) {
  SZ_TRY(json::only_keys(o, quote_keys(s)));
  QuoteInput in;
  in.scheme = s.code;
  if (!s.base_field.empty()) {
    SZ_ASSIGN(in.base_fen, amount_field(o, s.base_field, s.base_label + "（" + s.base_field + "）", true));
  }
  for (const auto& c : s.conditions) {
    SZ_ASSIGN(in.facts[c.field], json::required_bool(o, c.field, c.label));
  }
  if (s.min_level > 0) {
    SZ_ASSIGN(int64_t level, json::required_int(o, "level", "数字化水平等级", 0, 4));
    in.level = static_cast<int>(level);
  }
  if (s.kind == "loan_interest") {
    SZ_ASSIGN(in.loan_date, date_field(o, "loan_date", "贷款日期", true));
    SZ_ASSIGN(int64_t term, json::required_int(o, "term_months", "贷款期限（月）", "loan_term_months"));
    in.term_months = static_cast<int>(term);
    if (o.contains("interest_paid_fen") && !o.at("interest_paid_fen").is_null()) {
      SZ_ASSIGN(in.interest_paid_fen, amount_field(o, "interest_paid_fen", "实际支付利息", true, "interest_paid_fen"));
    }
  }
  SZ_ASSIGN(in.paid_before_fen, amount_field(o, "paid_before_fen", "此前已补助金额", false));
  return in;
}

bj::object lpr_row_json(const LprRate& r) {
  return bj::object{{"announced_on", r.announced_on},
                    {"one_year_bp", r.one_year_bp},
                    {"five_year_bp", r.five_year_bp},
                    {"one_year", percent_text(r.one_year_bp)},
                    {"five_year", percent_text(r.five_year_bp)}};
}

bj::value bp_or_null(const std::optional<int64_t>& v) { return v ? bj::value(*v) : bj::value(nullptr); }

bj::object rules_json(const RuleSet& r) {
  bj::array schemes;
  for (const auto& s : r.schemes) {
    bj::array caps, conditions;
    for (const auto& c : s.caps)
      caps.push_back(bj::object{{"id", c.id}, {"label", c.label}, {"amount_fen", c.amount_fen}, {"per", c.per}, {"period", c.period}});
    for (const auto& c : s.conditions) conditions.push_back(bj::object{{"field", c.field}, {"label", c.label}});
    schemes.push_back(bj::object{{"code", s.code}, {"name", s.name}, {"clause", s.clause}, {"kind", s.kind},
                                 {"base_field", s.base_field}, {"base_label", s.base_label}, {"rate_bp", s.rate_bp},
                                 {"min_level", s.min_level}, {"max_months", s.max_months},
                                 {"long_loan_months", s.long_loan_months}, {"tranches", s.tranches},
                                 {"conditions", std::move(conditions)}, {"caps", std::move(caps)}});
  }
  bj::array awards;
  for (const auto& a : r.awards) awards.push_back(bj::object{{"code", a.code}, {"name", a.name}, {"clause", a.clause}});
  return bj::object{{"version", r.version}, {"document", r.document}, {"effective_from", r.effective_from},
                    {"schemes", std::move(schemes)}, {"awards", std::move(awards)}};
}

Result<std::string> reason_of(const bj::object& o) {
  SZ_ASSIGN(auto reason, json::optional_string(o, "reason", "修改原因", 200));
  return text::trim(reason.value_or(""));
}


// A tranche with the moves open to the caller.
bj::object payment_json(const Subsidies& subsidies, const auth::Principal& who, const store::Payment& p, const Names& n) {
  return bj::object{{"id", p.id}, {"subsidy_id", p.subsidy_id}, {"fund_id", p.fund_id}, {"fund_name", n.fund(p.fund_id)}, {"label", p.label},
                    {"budget_year", p.budget_year}, {"amount_fen", p.amount_fen}, {"status", p.status},
                    {"status_name", subsidies.payment_workflow().state_name(p.status)}, {"note", p.note},
                    {"actions", json::moves_json(subsidies.payment_actions(who, p))},
                    {"override_reason", opt_value(p.override_reason)}, {"scheduled_at", iso_utc(p.scheduled_at)},
                    {"approved_at", p.approved_at ? bj::value(iso_utc(*p.approved_at)) : bj::value(nullptr)},
                    {"paid_at", p.paid_at ? bj::value(iso_utc(*p.paid_at)) : bj::value(nullptr)},
                    {"closed_at", p.closed_at ? bj::value(iso_utc(*p.closed_at)) : bj::value(nullptr)}};
}

bj::object subsidy_json(const store::Subsidy& s, const Names& n) {
  return bj::object{{"id", s.id}, {"scheme", s.scheme}, {"enterprise_id", opt_value(s.enterprise_id)},
                    {"enterprise_name", n.enterprise(s.enterprise_id)}, {"provider_name", n.provider(s.provider_id)},
                    {"district_code", opt_value(s.district_code)}, {"provider_id", opt_value(s.provider_id)},
                    {"project_id", opt_value(s.project_id)}, {"loan_id", opt_value(s.loan_id)},
                    {"award_type", opt_value(s.award_type)}, {"year", opt_value(s.year)}, {"rule_version", s.rule_version},
                    {"proposed_fen", s.proposed_fen}, {"approved_fen", s.approved_fen}, {"status", s.status},
                    {"status_name", s.status == "approved" ? "已核定" : "已撤销"}, {"note", s.note},
                    {"quote", bj::parse(s.quote_json)}, {"created_at", iso_utc(s.created_at)}};
}

bj::object loan_json(const LoanView& v) {
  const auto& l = v.loan;
  bj::array periods;
  int64_t confirmed_paid = 0;
  for (size_t i = 0; i < v.periods.size(); ++i) {
    const auto& x = v.periods[i];
    if (x.state == "confirmed") confirmed_paid += x.interest_paid_fen;
    periods.push_back(bj::object{{"id", x.id}, {"first_month", x.first_month}, {"last_month", x.last_month},
                                 {"from_day", month_start(l.loan_date, static_cast<int>(x.first_month))},
                                 {"to_day", day_text(*day_number(month_start(l.loan_date, static_cast<int>(x.last_month) + 1)) - 1)},
                                 {"interest_paid_fen", x.interest_paid_fen}, {"state", x.state},
                                 {"state_name", x.state == "confirmed" ? "已确认（锁定）" : "已退回，待银行重新确认"},
                                 {"confirmed_by_name", v.recorded_by_names[i]}, {"confirmed_at", iso_utc(x.confirmed_at)},
                                 {"reopened_by_name", v.reopened_by_names[i]},
                                 {"reopened_at", x.reopened_at ? bj::value(iso_utc(*x.reopened_at)) : bj::value(nullptr)},
                                 {"reopen_reason", x.reopen_reason}});
  }
  bj::value next = nullptr;
  if (v.next_first_month && v.next_last_month >= *v.next_first_month)
    next = bj::object{{"first_month", *v.next_first_month}, {"last_month_max", v.next_last_month}};
  return bj::object{{"id", l.id}, {"enterprise_id", l.enterprise_id}, {"enterprise_name", v.enterprise_name},
                    {"bank", l.bank_name}, {"principal_fen", l.principal_fen}, {"loan_date", l.loan_date},
                    {"term_months", l.term_months}, {"state", l.state},
                    {"state_name", l.state == "granted" ? "已放款" : "已申请贴息"}, {"waiting_for", v.waiting_for},
                    {"subsidised_months", v.subsidised_months}, {"confirmed_months", v.confirmed_months},
                    {"elapsed_months", v.elapsed_months}, {"confirmed_interest_fen", confirmed_paid},
                    {"next_confirmation", std::move(next)}, {"periods", std::move(periods)},
                    {"created_at", iso_utc(l.created_at)}};
}

Result<std::pair<int, int64_t>> interest_input(const bj::object& o) {
  SZ_TRY(json::only_keys(o, {"last_month", "interest_paid_fen"}));
  SZ_ASSIGN(int64_t last, json::required_int(o, "last_month", "截止月份", 1, 360));
  SZ_ASSIGN(int64_t paid, json::required_int(o, "interest_paid_fen", "实际支付利息（分）", "interest_paid_fen"));
  return std::pair<int, int64_t>{static_cast<int>(last), paid};
}

Result<ApproveInput> approve_input(const bj::object& o) {
  if (o.contains("recognized_by_miit"))
    return err::invalid("recognized_by_miit", "是否获评工信部“链式”典型案例以成果记录中登记的认定为准，不能由申请填写");
  SZ_TRY(json::only_keys(o, {"scheme", "enterprise_id", "project_id", "provider_id", "loan_id", "chain_model_id", "year",
                             "award_type", "amount_fen", "approved_fen", "note"}));
  ApproveInput in;
  SZ_ASSIGN(in.scheme, json::required_string(o, "scheme", "补助类型", 40));
  SZ_ASSIGN(in.enterprise_id, json::optional_int(o, "enterprise_id", "企业编号"));
  SZ_ASSIGN(in.project_id, json::optional_int(o, "project_id", "项目编号"));
  SZ_ASSIGN(in.provider_id, json::optional_int(o, "provider_id", "服务商编号"));
  SZ_ASSIGN(in.loan_id, json::optional_int(o, "loan_id", "贷款编号"));
  SZ_ASSIGN(in.year, json::optional_int(o, "year", "年度"));
  SZ_ASSIGN(in.chain_model_id, json::optional_int(o, "chain_model_id", "“链式”转型模式"));
  SZ_ASSIGN(in.award_type, json::optional_string(o, "award_type", "奖励类型", 40));
  SZ_ASSIGN(in.amount_fen, json::optional_int(o, "amount_fen", "奖励金额（分）", "award_fen"));
  SZ_ASSIGN(in.approved_fen, json::optional_int(o, "approved_fen", "核定金额（分）", "subsidy_fen"));
  SZ_ASSIGN(auto note, json::optional_string(o, "note", "说明", 1000));
  in.note = note.value_or("");
  return in;
}

Result<int64_t> query_id(const http::Request& req, const char* name, const char* label) {
  auto v = req.query_param(name);
  if (!v || v->empty()) return int64_t{0};
  char* end = nullptr;
  long long n = std::strtoll(v->c_str(), &end, 10);
  if (*end || n <= 0) return err::invalid(name, std::string(label) + "应为正整数");
  return static_cast<int64_t>(n);
}
}  // namespace

Result<bj::object> quote_reply(Service& svc, std::string_view body) {
  SZ_ASSIGN(auto o, json::parse_object(body));
  SZ_ASSIGN(std::string scheme, json::required_string(o, "scheme", "补助类型", 40));
  SZ_ASSIGN(std::string as_of, date_field(o, "as_of", "适用日期", false));
  SZ_ASSIGN(const RuleSet* rules, svc.rules_on(as_of));
  const Scheme* s = rules->scheme(scheme);
  if (!s) return err::invalid("scheme", "未知的补助类型：" + scheme);
  SZ_ASSIGN(auto in, quote_input(o, *s));
  SZ_ASSIGN(auto q, svc.quote(in, *rules));
  return quote_json(*rules, *s, q, o);
}

void register_routes(auth::Routes& routes, Service& svc, Subsidies& subsidies, Loans& loans) {
  routes.pub("POST", "/api/v1/subsidies/quote", [&svc](http::Request& req) -> Result<http::Response> {
    SZ_ASSIGN(auto reply, quote_reply(svc, req.body));
    return json::reply(200, reply);
  });

  routes.pub("GET", "/api/v1/subsidies/rules", [&svc](http::Request&) -> Result<http::Response> {
    bj::array items;
    for (const auto& r : svc.rule_sets()) items.push_back(rules_json(r));
    return json::reply(200, bj::object{{"items", std::move(items)}});
  });

  routes.pub("GET", "/api/v1/lpr", [&svc](http::Request&) -> Result<http::Response> {
    SZ_ASSIGN(auto rows, svc.lpr_table());
    bj::array items;
    for (const auto& r : rows) items.push_back(lpr_row_json(r));
    return json::reply(200, bj::object{{"items", std::move(items)}});
  });

  routes.authed("GET", "/api/v1/lpr/changes", [&svc](http::Request&, const auth::Principal& p) -> Result<http::Response> {
    if (!p.has(auth::Role::city_admin)) return err::forbidden("只有市级管理员可以查看利率表修改记录");
    SZ_ASSIGN(auto rows, svc.lpr_history(500));
    bj::array items;
    for (const auto& ch : rows)
      items.push_back(bj::object{{"id", ch.id}, {"announced_on", ch.announced_on}, {"action", ch.action},
                                 {"one_year_bp", bp_or_null(ch.one_year_bp)}, {"five_year_bp", bp_or_null(ch.five_year_bp)},
                                 {"before_one_year_bp", bp_or_null(ch.before_one_year_bp)},
                                 {"before_five_year_bp", bp_or_null(ch.before_five_year_bp)}, {"reason", ch.reason},
                                 {"actor", ch.actor}, {"changed_at", iso_utc(ch.changed_at)}});
    return json::reply(200, bj::object{{"items", std::move(items)}});
  });

  routes.authed("PUT", "/api/v1/lpr/{date}", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"one_year_bp", "five_year_bp", "reason"}));
    SZ_ASSIGN(int64_t one, json::required_int(o, "one_year_bp", "1年期 LPR（基点）", "lpr_bp"));
    SZ_ASSIGN(int64_t five, json::required_int(o, "five_year_bp", "5年期以上 LPR（基点）", "lpr_bp"));
    SZ_ASSIGN(auto reason, reason_of(o));
    SZ_ASSIGN(auto r, svc.put_lpr(p, auth::origin_of(req), {req.path_params["date"], one, five}, reason));
    return json::reply(200, lpr_row_json(r));
  });

  routes.authed("DELETE", "/api/v1/lpr/{date}", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"reason"}));
    SZ_ASSIGN(auto reason, reason_of(o));
    SZ_TRY(svc.delete_lpr(p, auth::origin_of(req), req.path_params["date"], reason));
    return http::no_content();
  });
  routes.authed("POST", "/api/v1/subsidies/preview", [&subsidies](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_ASSIGN(auto in, approve_input(o));
    SZ_ASSIGN(auto q, subsidies.preview(p, in));
    return json::reply(200, q);
  });

  routes.authed("POST", "/api/v1/subsidies", [&subsidies](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_ASSIGN(auto in, approve_input(o));
    SZ_ASSIGN(auto s, subsidies.approve(p, auth::origin_of(req), in));
    SZ_ASSIGN(auto names, subsidies.names({s}, {}));
    return json::reply(201, subsidy_json(s, names));
  });

  routes.authed("GET", "/api/v1/subsidies", [&subsidies](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto page, json::page_of(req));
    store::SubsidyFilter f;
    f.scheme = req.query_param("scheme").value_or("");
    SZ_ASSIGN(int64_t e, query_id(req, "enterprise_id", "企业编号"));
    SZ_ASSIGN(int64_t pr, query_id(req, "project_id", "项目编号"));
    if (e) f.enterprise_id = e;
    if (pr) f.project_id = pr;
    int64_t total = 0;
    SZ_ASSIGN(auto list, subsidies.list(p, f, page.size, page.offset(), &total));
    SZ_ASSIGN(auto names, subsidies.names(list, {}));
    bj::array items;
    for (const auto& s : list) items.push_back(subsidy_json(s, names));
    return json::reply(200, json::page_reply(std::move(items), total, page));
  });

  routes.authed("GET", "/api/v1/subsidies/{id}", [&subsidies](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto s, subsidies.get(p, id));
    SZ_ASSIGN(auto pays, subsidies.payments(p, id));
    SZ_ASSIGN(auto names, subsidies.names({s}, pays));
    bj::object o = subsidy_json(s, names);
    bj::array items;
    int64_t committed = 0, paid = 0;
    for (const auto& x : pays) {
      items.push_back(payment_json(subsidies, p, x, names));
      if (x.status == "scheduled" || x.status == "approved" || x.status == "paid") committed += x.amount_fen;
      if (x.status == "paid") paid += x.amount_fen;
    }
    o["payments"] = std::move(items);
    o["scheduled_total_fen"] = committed;
    o["paid_total_fen"] = paid;
    o["unscheduled_fen"] = s.approved_fen - committed;
    return json::reply(200, o);
  });

  routes.authed("POST", "/api/v1/subsidies/{id}/cancel", [&subsidies](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"reason"}));
    SZ_ASSIGN(auto reason, reason_of(o));
    SZ_TRY(subsidies.cancel(p, auth::origin_of(req), id, reason));
    return http::no_content();
  });

  routes.authed("POST", "/api/v1/subsidies/{id}/payments", [&subsidies](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"fund_id", "amount_fen", "label", "note", "cut", "override_reason"}));
    PaymentInput in;
    SZ_ASSIGN(in.fund_id, json::required_int(o, "fund_id", "资金来源", 1, INT64_MAX));
    SZ_ASSIGN(in.amount_fen, json::required_int(o, "amount_fen", "拨付金额（分）", "payment_fen"));
    SZ_ASSIGN(in.label, json::required_string(o, "label", "批次名称", 40));
    SZ_ASSIGN(auto note, json::optional_string(o, "note", "说明", 1000));
    in.note = note.value_or("");
    SZ_ASSIGN(auto cut, json::optional_bool(o, "cut", "超出时核减"));
    in.cut = cut.value_or(false);
    SZ_ASSIGN(in.override_reason, json::optional_string(o, "override_reason", "超预算理由", 1000));
    SZ_ASSIGN(auto pay, subsidies.schedule(p, auth::origin_of(req), id, in));
    SZ_ASSIGN(auto names, subsidies.names({}, {pay}));
    return json::reply(201, payment_json(subsidies, p, pay, names));
  });

  routes.authed("POST", "/api/v1/payments/{id}/transitions", [&subsidies](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"action", "reason"}));
    SZ_ASSIGN(auto action, json::required_string(o, "action", "操作", 20));
    SZ_ASSIGN(auto reason, reason_of(o));
    SZ_ASSIGN(auto pay, subsidies.move_payment(p, auth::origin_of(req), id, action, reason));
    SZ_ASSIGN(auto names, subsidies.names({}, {pay}));
    return json::reply(200, payment_json(subsidies, p, pay, names));
  });

  routes.authed("GET", "/api/v1/funds", [&subsidies](http::Request&, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto list, subsidies.funds(p));
    bj::array items;
    int64_t budget = 0, committed = 0, paid = 0;
    for (const auto& v : list) {
      items.push_back(bj::object{{"id", v.fund.id}, {"source", v.fund.source},
                                 {"source_name", v.fund.source == "central" ? "中央试点资金" : "市级配套资金"},
                                 {"year", v.fund.year}, {"name", v.fund.name}, {"budget_fen", v.fund.budget_fen},
                                 {"scheduled_fen", v.scheduled}, {"approved_fen", v.approved}, {"paid_fen", v.paid},
                                 {"returned_fen", v.returned}, {"committed_fen", v.committed()}, {"remaining_fen", v.remaining()}});
      budget += v.fund.budget_fen;
      committed += v.committed();
      paid += v.paid;
    }
    return json::reply(200, bj::object{{"items", std::move(items)},
                                       {"total", bj::object{{"budget_fen", budget}, {"committed_fen", committed}, {"paid_fen", paid},
                                                            {"remaining_fen", budget - committed}}}});
  });

  routes.authed("POST", "/api/v1/funds", [&subsidies](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"source", "year", "name", "budget_fen"}));
    store::Fund f;
    SZ_ASSIGN(f.source, json::required_string(o, "source", "资金来源", 20));
    SZ_ASSIGN(f.year, json::required_int(o, "year", "年度", 2024, 2100));
    SZ_ASSIGN(auto name, json::optional_string(o, "name", "名称", 100));
    f.name = name.value_or("");
    SZ_ASSIGN(f.budget_fen, json::required_int(o, "budget_fen", "预算（分）", "fund_budget_fen"));
    SZ_ASSIGN(auto saved, subsidies.add_fund(p, auth::origin_of(req), f));
    return json::reply(201, bj::object{{"id", saved.id}, {"name", saved.name}, {"budget_fen", saved.budget_fen}});
  });

  routes.authed("PUT", "/api/v1/funds/{id}", [&subsidies](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"budget_fen", "reason"}));
    SZ_ASSIGN(int64_t budget, json::required_int(o, "budget_fen", "预算（分）", "fund_budget_fen"));
    SZ_ASSIGN(auto reason, reason_of(o));
    SZ_ASSIGN(auto f, subsidies.set_budget(p, auth::origin_of(req), id, budget, reason));
    return json::reply(200, bj::object{{"id", f.id}, {"budget_fen", f.budget_fen}});
  });

  routes.authed("GET", "/api/v1/projects/{id}/cost-sharing", [&subsidies](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto cs, subsidies.cost_sharing(p, id));
    return json::reply(200, bj::object{{"cost_total_fen", cs.cost_total_fen}, {"contract_amount_fen", opt_value(cs.contract_amount_fen)},
                                       {"catalogue_price_fen", opt_value(cs.catalogue_price_fen)},
                                       {"provider_discount_fen", opt_value(cs.provider_discount_fen)},
                                       {"subsidy_approved_fen", cs.subsidy_approved_fen}, {"subsidy_paid_fen", cs.subsidy_paid_fen},
                                       {"enterprise_share_fen", cs.enterprise_share_fen}});
  });

  routes.authed("POST", "/api/v1/loans", [&loans](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"enterprise_id", "credit_code", "principal_fen", "loan_date", "term_months"}));
    store::Loan l;
    // The bank names the borrower by its 统一社会信用代码 (or the platform's id).
    SZ_ASSIGN(auto code, json::optional_string(o, "credit_code", "统一社会信用代码", 30));
    if (code) {
      SZ_ASSIGN(l.enterprise_id, loans.enterprise_by_credit_code(registry::normalize_credit_code(*code)));
    } else {
      SZ_ASSIGN(l.enterprise_id, json::required_int(o, "enterprise_id", "企业编号", 1, INT64_MAX));
    }
    SZ_ASSIGN(l.principal_fen, json::required_int(o, "principal_fen", "贷款本金（分）", "loan_principal_fen"));
    SZ_ASSIGN(l.loan_date, date_field(o, "loan_date", "贷款日期", true));
    SZ_ASSIGN(l.term_months, json::required_int(o, "term_months", "贷款期限（月）", "loan_term_months"));
    SZ_ASSIGN(auto saved, loans.record(p, auth::origin_of(req), l));
    return json::reply(201, loan_json(saved));
  });

  routes.authed("GET", "/api/v1/loans", [&loans](http::Request&, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto list, loans.list(p));
    bj::array items;
    for (const auto& v : list) items.push_back(loan_json(v));
    return json::reply(200, bj::object{{"items", std::move(items)}});
  });

  routes.authed("POST", "/api/v1/loans/{id}/apply", [&loans](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto v, loans.apply(p, auth::origin_of(req), id));
    return json::reply(200, loan_json(v));
  });

  // The bank's confirmation of the interest paid in the next months: first what it will lock, then the lock.
  routes.authed("POST", "/api/v1/loans/{id}/interest-periods/preview", [&loans](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_ASSIGN(auto in, interest_input(o));
    SZ_ASSIGN(auto x, loans.preview(p, id, in.first, in.second));
    return json::reply(200, bj::object{{"first_month", x.first_month}, {"last_month", x.last_month}, {"from_day", x.from_day},
                                       {"to_day", x.to_day}, {"interest_paid_fen", x.interest_paid_fen},
                                       {"plausible_max_fen", x.plausible_max_fen}, {"lpr_interest_fen", x.lpr_interest_fen},
                                       {"lpr_text", x.lpr_text}, {"lock_text", x.lock_text}});
  });

  routes.authed("POST", "/api/v1/loans/{id}/interest-periods", [&loans](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_ASSIGN(auto in, interest_input(o));
    SZ_ASSIGN(auto v, loans.confirm(p, auth::origin_of(req), id, in.first, in.second));
    return json::reply(201, loan_json(v));
  });

  routes.authed("POST", "/api/v1/loans/{id}/interest-periods/{period}/reopen", [&loans](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(int64_t period, json::id_param(req, "period"));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"reason"}));
    SZ_ASSIGN(auto reason, json::required_string(o, "reason", "退回理由", 1000));
    SZ_ASSIGN(auto v, loans.reopen(p, auth::origin_of(req), id, period, reason));
    return json::reply(200, loan_json(v));
  });

  routes.authed("POST", "/api/v1/loan-pool", [&loans](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"enterprise_id", "project_id", "amount_fen", "note"}));
    store::PoolEntry e;
    SZ_ASSIGN(e.enterprise_id, json::required_int(o, "enterprise_id", "企业编号", 1, INT64_MAX));
    SZ_ASSIGN(e.project_id, json::optional_int(o, "project_id", "项目编号"));
    SZ_ASSIGN(e.amount_fen, json::required_int(o, "amount_fen", "融资需求（分）", "pool_amount_fen"));
    SZ_ASSIGN(auto note, json::optional_string(o, "note", "说明", 1000));
    e.note = note.value_or("");
    SZ_ASSIGN(auto saved, loans.recommend(p, auth::origin_of(req), e));
    return json::reply(201, bj::object{{"id", saved.id}});
  });

  routes.authed("GET", "/api/v1/loan-pool", [&loans](http::Request&, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto list, loans.pool(p));
    bj::array items;
    for (const auto& e : list)
      items.push_back(bj::object{{"id", e.id}, {"enterprise_id", e.enterprise_id}, {"enterprise_name", e.enterprise_name},
                                 {"project_id", opt_value(e.project_id)}, {"project_name", e.project_name},
                                 {"amount_fen", e.amount_fen}, {"note", e.note}, {"recommended_by_name", e.recommended_by_name},
                                 {"recommended_at", iso_utc(e.recommended_at)}});
    return json::reply(200, bj::object{{"items", std::move(items)}});
  });
}

}  // namespace sz::funding
