#include "funding/api.h"

#include "infra/text.h"

namespace sz::funding {

namespace bj = boost::json;

namespace {
constexpr int64_t kMaxFen = 1'000'000'000'000'00;  // 1万亿元: far above any real amount, far below overflow

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

Result<int64_t> amount_field(const bj::object& o, const std::string& key, const std::string& label, bool required) {
  SZ_ASSIGN(auto v, json::optional_int(o, key, label));
  if (!v && required) return err::invalid(key, "缺少" + label);
  if (v && (*v < 0 || *v > kMaxFen)) return err::invalid(key, label + "应为不小于 0 的整数（分）");
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
    SZ_ASSIGN(int64_t term, json::required_int(o, "term_months", "贷款期限（月）", 1, 600));
    in.term_months = static_cast<int>(term);
    if (o.contains("interest_paid_fen") && !o.at("interest_paid_fen").is_null()) {
      SZ_ASSIGN(in.interest_paid_fen, amount_field(o, "interest_paid_fen", "实际支付利息", true));
    }
  }
  SZ_ASSIGN(in.paid_before_fen, amount_field(o, "paid_before_fen", "此前已补助金额", false));
  return in;
}

bj::value null_if_empty(const std::string& s) { return s.empty() ? bj::value(nullptr) : bj::value(s); }

bj::object quote_json(const RuleSet& rules, const Scheme& s, const Quote& q, const bj::object& request) {
  bj::array steps;
  for (const auto& st : q.steps) steps.push_back(bj::object{{"label", st.label}, {"fen", st.fen}});
  bj::object out{{"eligible", q.eligible},
                 {"amount_fen", q.amount_fen},
                 {"cap_applied", null_if_empty(q.cap_applied)},
                 {"cap_label", null_if_empty(q.cap_label)},
                 {"clause", s.clause},
                 {"scheme", s.code},
                 {"scheme_name", s.name},
                 {"rule_version", rules.version},
                 {"explanation", q.explanation},
                 {"proposed_fen", q.proposed_fen},
                 {"steps", std::move(steps)},
                 {"inputs", request}};
  if (!q.eligible) out["reason"] = q.reason;
  if (q.lpr)
    out["lpr"] = bj::object{{"announced_on", q.lpr->announced_on}, {"rate_bp", q.rate_bp}, {"months", q.months}};
  return out;
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

void register_routes(auth::Routes& routes, Service& svc) {
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
    SZ_ASSIGN(int64_t one, json::required_int(o, "one_year_bp", "1年期 LPR（基点）", 1, 2000));
    SZ_ASSIGN(int64_t five, json::required_int(o, "five_year_bp", "5年期以上 LPR（基点）", 1, 2000));
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
}

}  // namespace sz::funding
