#include "funding/service.h"

#include <algorithm>
#include <boost/json.hpp>

#include "audit/service.h"
#include "infra/json.h"
#include "infra/db/ref_versions.h"

namespace sz::funding {

namespace bj = boost::json;

namespace {
Error bad_rules(const std::string& what) { return err::internal("subsidy rules: " + what); }

using json::text_of;
int64_t int_of(const bj::object& o, const char* key) {
  auto* v = o.if_contains(key);
  return v && v->is_int64() ? v->as_int64() : 0;
}

Result<Scheme> scheme_of(const bj::object& o) {
  Scheme s;
  s.code = text_of(o, "code");
  s.name = text_of(o, "name");
  s.clause = text_of(o, "clause");
  s.kind = text_of(o, "kind");
  s.base_field = text_of(o, "base_field");
  s.base_label = text_of(o, "base_label");
  s.rate_bp = int_of(o, "rate_bp");
  s.min_level = static_cast<int>(int_of(o, "min_level"));
  s.max_months = static_cast<int>(int_of(o, "max_months"));
  s.long_loan_months = static_cast<int>(int_of(o, "long_loan_months"));
  s.plausible_rate_bp = int_of(o, "plausible_rate_bp");
  s.plausible_rate_reason = text_of(o, "plausible_rate_reason");
  s.tranches = o.contains("tranches") && o.at("tranches").is_bool() && o.at("tranches").as_bool();
  if (s.code.empty() || s.name.empty() || s.clause.empty()) return bad_rules("a scheme lacks code, name or clause");
  if (s.kind != "share" && s.kind != "fixed" && s.kind != "loan_interest") return bad_rules(s.code + ": unknown kind");
  if (s.kind == "share" && (s.rate_bp <= 0 || s.rate_bp > 10000 || s.base_field.empty()))
    return bad_rules(s.code + ": a share needs base_field and 0 < rate_bp ≤ 10000");
  if (s.kind == "loan_interest" && (s.max_months <= 0 || s.long_loan_months <= 0 || s.base_field.empty() ||
                                    s.plausible_rate_bp <= 0 || s.plausible_rate_reason.empty()))
    return bad_rules(s.code + ": loan interest needs base_field, max_months, long_loan_months and a plausible rate");
  if (auto* cs = o.if_contains("conditions"))
    for (const auto& cv : cs->as_array()) {
      const auto& co = cv.as_object();
      s.conditions.push_back({text_of(co, "field"), text_of(co, "label"), text_of(co, "unmet")});
      if (s.conditions.back().field.empty() || s.conditions.back().unmet.empty())
        return bad_rules(s.code + ": a condition lacks field or unmet");
    }
  if (auto* cs = o.if_contains("caps"))
    for (const auto& cv : cs->as_array()) {
      const auto& co = cv.as_object();
      Cap c{text_of(co, "id"), text_of(co, "label"), int_of(co, "amount_fen"), text_of(co, "per"), text_of(co, "period")};
      if (c.id.empty() || c.label.empty() || c.amount_fen <= 0) return bad_rules(s.code + ": a cap lacks id, label or amount");
      if (c.per != "enterprise" && c.per != "provider" && c.per != "case") return bad_rules(c.id + ": unknown per");
      if (c.period != "all_years" && c.period != "year") return bad_rules(c.id + ": unknown period");
      s.caps.push_back(std::move(c));
    }
  if (s.kind == "fixed" && s.caps.empty()) return bad_rules(s.code + ": a fixed amount needs a cap");
  return s;
}
}  // namespace

Result<RuleSet> Service::parse_rules(std::string_view json) {
  boost::system::error_code ec;
  auto v = bj::parse(json, ec);
  if (ec || !v.is_object()) return bad_rules("not a JSON object");
  const auto& o = v.as_object();
  RuleSet r{text_of(o, "version"), text_of(o, "document"), text_of(o, "effective_from"), {}, {}};
  if (r.version.empty() || !valid_date(r.effective_from)) return bad_rules("version or effective_from missing");
  auto* schemes = o.if_contains("schemes");
  if (!schemes || !schemes->is_array()) return bad_rules("schemes missing");
  for (const auto& sv : schemes->as_array()) {
    if (!sv.is_object()) return bad_rules("a scheme is not an object");
    SZ_ASSIGN(auto s, scheme_of(sv.as_object()));
    if (r.scheme(s.code)) return bad_rules(s.code + " twice");
    r.schemes.push_back(std::move(s));
  }
  if (auto* awards = o.if_contains("awards"))
    for (const auto& av : awards->as_array())
      r.awards.push_back({text_of(av.as_object(), "code"), text_of(av.as_object(), "name"), text_of(av.as_object(), "clause")});
  return r;
}

Status internal::load_lpr(db::Connection& c, std::string_view json, int64_t now) {
  boost::system::error_code ec;
  auto v = bj::parse(json, ec);
  if (ec || !v.is_object()) return err::internal("lpr.json is not a JSON object");
  const auto& o = v.as_object();
  std::string version = text_of(o, "version");
  SZ_ASSIGN(std::string loaded, db::ref_version(c, "lpr"));
  if (loaded == version) return ok();
  for (const auto& rv : o.at("rates").as_array()) {
    const auto& ro = rv.as_object();
    LprRate r{text_of(ro, "announced_on"), int_of(ro, "one_year_bp"), int_of(ro, "five_year_bp")};
    if (!valid_date(r.announced_on) || r.one_year_bp <= 0 || r.five_year_bp <= 0)
      return err::internal("lpr.json: bad row " + r.announced_on);
    SZ_ASSIGN(auto existing, store::lpr_row(c, r.announced_on));
    if (existing) continue;  // an admin's value for that day stands
    SZ_TRY(store::upsert_lpr(c, r, now));
    SZ_TRY(store::insert_lpr_change(c, {0, r.announced_on, "load", "载入参考数据 data/lpr.json " + version, "system",
                                        r.one_year_bp, r.five_year_bp, std::nullopt, std::nullopt, now}));
  }
  return db::record_ref_version(c, "lpr", version, std::string(json), now);
}

Service::Service(std::shared_ptr<db::Database> db, const Clock& clock, std::vector<RuleSet> rule_sets)
    : db_(std::move(db)), clock_(clock), rule_sets_(std::move(rule_sets)) {
  std::sort(rule_sets_.begin(), rule_sets_.end(),
            [](const RuleSet& a, const RuleSet& b) { return a.effective_from < b.effective_from; });
}

Result<const RuleSet*> Service::rules_on(const std::string& date) const {
  const RuleSet* found = nullptr;
  for (const auto& r : rule_sets_)
    if (date.empty() || r.effective_from <= date) found = &r;
  if (!found) return err::invalid("as_of", "该日期之前尚无生效的补助规则：" + date);
  return found;
}

Result<Quote> Service::quote(const QuoteInput& in, const RuleSet& rules) {
  const Scheme* s = rules.scheme(in.scheme);
  if (!s) return err::invalid("scheme", "未知的补助类型：" + in.scheme);
  std::vector<LprRate> table;
  if (s->kind == "loan_interest") {
    SZ_ASSIGN(auto* c, db_->local());
    SZ_ASSIGN(table, store::lpr_table(*c));
    if (!lpr_in_force(table, in.loan_date))
      return err::invalid("loan_date", "贷款日期 " + in.loan_date + " 早于利率表中最早的 LPR（" +
                                           (table.empty() ? std::string("无") : table.front().announced_on) + "）");
  }
  return funding::quote(*s, in, table);
}

Result<std::vector<LprRate>> Service::lpr_table() {
  SZ_ASSIGN(auto* c, db_->local());
  return store::lpr_table(*c);
}

Result<std::vector<store::LprChange>> Service::lpr_history(int64_t limit) {
  SZ_ASSIGN(auto* c, db_->local());
  return store::lpr_changes(*c, limit);
}

namespace {
Status admin_only(const auth::Principal& p) {
  if (!p.has(auth::Role::city_admin)) return err::forbidden("只有市级管理员可以维护 LPR 利率表");
  return ok();
}
Status check_reason(const std::string& reason) {
  if (reason.empty()) return err::invalid("reason", "请填写修改原因");
  return ok();
}
std::string lpr_json(const std::optional<LprRate>& r) {
  if (!r) return "";
  return bj::serialize(bj::object{{"announced_on", r->announced_on}, {"one_year_bp", r->one_year_bp},
                                  {"five_year_bp", r->five_year_bp}});
}
}  // namespace

Status Service::write_lpr_change(db::Connection& c, const auth::Principal& p, const auth::Origin& from,
                                 const std::string& day, const std::optional<LprRate>& before,
                                 const std::optional<LprRate>& after, const std::string& reason) {
  int64_t now = clock_.now();
  std::string action = !before ? "create" : !after ? "delete" : "update";
  store::LprChange ch{0, day, action, reason, p.username, std::nullopt, std::nullopt, std::nullopt, std::nullopt, now};
  if (after) ch.one_year_bp = after->one_year_bp, ch.five_year_bp = after->five_year_bp;
  if (before) ch.before_one_year_bp = before->one_year_bp, ch.before_five_year_bp = before->five_year_bp;
  SZ_TRY(store::insert_lpr_change(c, ch));
  return audit::record(c, now, auth::actor_of(p, from), "lpr." + action, "lpr", day, lpr_json(before), lpr_json(after));
}

Result<LprRate> Service::put_lpr(const auth::Principal& p, const auth::Origin& from, const LprRate& r,
                                 const std::string& reason) {
  SZ_TRY(admin_only(p));
  if (!valid_date(r.announced_on)) return err::invalid("announced_on", "公布日期应为有效日期 YYYY-MM-DD");
  if (r.one_year_bp <= 0 || r.one_year_bp > 2000) return err::invalid("one_year_bp", "1年期 LPR 应为 1–2000 个基点");
  if (r.five_year_bp <= 0 || r.five_year_bp > 2000) return err::invalid("five_year_bp", "5年期以上 LPR 应为 1–2000 个基点");
  SZ_TRY(check_reason(reason));
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto before, store::lpr_row(*c, r.announced_on));
  if (before && before->one_year_bp == r.one_year_bp && before->five_year_bp == r.five_year_bp) return r;
  SZ_TRY(store::upsert_lpr(*c, r, clock_.now()));
  SZ_TRY(write_lpr_change(*c, p, from, r.announced_on, before, r, reason));
  SZ_TRY(tx->commit());
  return r;
}

Status Service::delete_lpr(const auth::Principal& p, const auth::Origin& from, const std::string& day,
                           const std::string& reason) {
  SZ_TRY(admin_only(p));
  SZ_TRY(check_reason(reason));
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto before, store::lpr_row(*c, day));
  if (!before) return err::not_found("利率表中没有该公布日期：" + day);
  SZ_TRY(store::delete_lpr(*c, day));
  SZ_TRY(write_lpr_change(*c, p, from, day, before, std::nullopt, reason));
  return tx->commit();
}

namespace {
bj::value null_if_empty(const std::string& s) { return s.empty() ? bj::value(nullptr) : bj::value(s); }

}  // namespace

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


}  // namespace sz::funding
