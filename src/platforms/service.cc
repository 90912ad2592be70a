#include "platforms/service.h"

#include <boost/json.hpp>

#include <cstdio>

#include "audit/service.h"
#include "infra/crypto.h"
#include "infra/text.h"
#include "records/service.h"
#include "registry/credit_code.h"

namespace sz::platforms {

namespace bj = boost::json;

Result<EvaluationRules> Service::parse_rules(std::string_view json) {
  boost::system::error_code ec;
  auto v = bj::parse(json, ec);
  if (ec || !v.is_object()) return err::internal("platform-evaluation.json is not a JSON object");
  const auto& o = v.as_object();
  EvaluationRules r;
  r.version = std::string(o.at("version").as_string());
  auto criteria = [](const bj::value& list) {
    std::vector<Criterion> out;
    for (const auto& x : list.as_array()) {
      const auto& c = x.as_object();
      out.push_back({std::string(c.at("code").as_string()), std::string(c.at("name").as_string()),
                     c.contains("max") ? c.at("max").as_int64() : 0});
    }
    return out;
  };
  r.criteria = criteria(o.at("criteria"));
  r.scopes = criteria(o.at("scopes"));
  const auto& served = o.at("served").as_object();
  r.served_name = std::string(served.at("name").as_string());
  r.served_max = served.at("max").as_int64();
  r.served_full_at = served.at("full_at").as_int64();
  for (const auto& x : o.at("grades").as_array()) {
    const auto& g = x.as_object();
    r.grades.push_back({std::string(g.at("code").as_string()), std::string(g.at("name").as_string()),
                        g.at("min").as_int64(), g.at("award").as_bool()});
  }
  if (r.grades.empty() || r.grades.back().min != 0) return err::internal("platform-evaluation.json: grades must end at 0");
  return r;
}

namespace {
Status need_admin(const auth::Principal& p) {
  if (!p.has(auth::Role::city_admin)) return err::forbidden("工业互联网平台由市级管理员管理");
  return ok();
}

Result<store::Platform> existing(db::Connection& c, int64_t id) {
  SZ_ASSIGN(auto pl, store::platform(c, id));
  if (!pl) return err::not_found("平台不存在");
  return *pl;
}

std::string services_json(const std::vector<PlatformService>& list) {
  bj::array a;
  for (const auto& s : list) a.push_back(bj::object{{"name", s.name}, {"kind", s.kind}, {"description", s.description}});
  return bj::serialize(a);
}
}  // namespace

Status Service::apply(db::Connection& c, const PlatformInput& in, store::Platform& pl) {
  if (in.name) {
    if (text::trim(*in.name).empty() || text::utf8_length(*in.name) > 60) return err::invalid("name", "平台名称应为1–60个字符");
    pl.name = text::trim(*in.name);
    SZ_ASSIGN(bool taken, store::name_taken(c, pl.name, pl.id));
    if (taken) return err::conflict("name", "已有同名平台：" + pl.name);
  }
  if (in.operator_name) {
    if (text::trim(*in.operator_name).empty() || text::utf8_length(*in.operator_name) > 100)
      return err::invalid("operator", "运营单位应为1–100个字符");
    pl.operator_name = text::trim(*in.operator_name);
  }
  if (in.credit_code) {
    std::string code = registry::normalize_credit_code(*in.credit_code);
    if (auto problem = registry::credit_code_problem(code)) return err::invalid("credit_code", *problem);
    pl.credit_code = code;
  }
  if (in.url) {
    if (in.url->size() > 200 || (!in.url->empty() && in.url->rfind("https://", 0) != 0 && in.url->rfind("http://", 0) != 0))
      return err::invalid("url", "平台网址应以 http:// 或 https:// 开头，不超过200个字符");
    pl.url = *in.url;
  }
  if (in.status) {
    if (*in.status != "active" && *in.status != "suspended") return err::invalid("status", "状态应为 active（在用）或 suspended（暂停）");
    pl.status = *in.status;
  }
  if (in.industries) {
    if (in.industries->empty()) return err::invalid("industries", "请至少选择一个服务行业");
    bj::array a;
    for (const auto& code : *in.industries) {
      SZ_ASSIGN(bool known, registry::internal::industry_exists(c, code));
      if (!known) return err::invalid("industries", "行业不存在：" + code);
      a.push_back(bj::value(code));
    }
    pl.industries_json = bj::serialize(a);
  }
  if (in.services) {
    if (in.services->empty() || in.services->size() > 50) return err::invalid("services", "请列出1–50项平台服务");
    for (const auto& s : *in.services) {
      if (text::trim(s.name).empty() || text::utf8_length(s.name) > 60) return err::invalid("services", "服务名称应为1–60个字符");
      if (s.kind != "saas" && s.kind != "onsite" && s.kind != "maintenance")
        return err::invalid("services", "服务模式应为 saas（平台服务）、onsite（项目建设）或 maintenance（项目运维）");
      if (text::utf8_length(s.description) > 500) return err::invalid("services", "服务说明不能超过500个字符");
    }
    pl.services_json = services_json(*in.services);
  }
  return ok();
}

Result<PlatformView> Service::create(const auth::Principal& p, const auth::Origin& from, const PlatformInput& in) {
  SZ_TRY(need_admin(p));
  if (!in.name || !in.operator_name || !in.credit_code || !in.industries || !in.services)
    return err::invalid(!in.name ? "name" : !in.operator_name ? "operator" : !in.credit_code ? "credit_code"
                        : !in.industries ? "industries" : "services",
                        "登记平台需要名称、运营单位、统一社会信用代码、服务行业和平台服务");
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  store::Platform pl;
  SZ_TRY(apply(*c, in, pl));
  pl.created_at = pl.updated_at = clock_.now();
  SZ_ASSIGN(pl.id, store::insert_platform(*c, pl));
  SZ_TRY(audit::record(*c, pl.created_at, auth::actor_of(p, from), "platform.create", "platform", std::to_string(pl.id), "",
                       bj::serialize(bj::object{{"name", pl.name}, {"operator", pl.operator_name}})));
  SZ_TRY(tx->commit());
  return PlatformView{pl, 0, {}};
}

Result<PlatformView> Service::edit(const auth::Principal& p, const auth::Origin& from, int64_t id, const PlatformInput& in) {
  SZ_TRY(need_admin(p));
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto pl, existing(*c, id));
  std::string before = pl.status;
  SZ_TRY(apply(*c, in, pl));
  pl.updated_at = clock_.now();
  SZ_TRY(store::update_platform(*c, pl));
  SZ_TRY(audit::record(*c, pl.updated_at, auth::actor_of(p, from), "platform.update", "platform", std::to_string(id),
                       bj::serialize(bj::object{{"status", before}}),
                       bj::serialize(bj::object{{"name", pl.name}, {"status", pl.status}})));
  SZ_TRY(tx->commit());
  SZ_ASSIGN(int64_t served, store::served(*c, id));
  SZ_ASSIGN(auto nodes, store::nodes_of(*c, id));
  return PlatformView{pl, served, std::move(nodes)};
}

Result<PlatformView> Service::get(int64_t id) {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto pl, existing(*c, id));
  SZ_ASSIGN(int64_t served, store::served(*c, id));
  SZ_ASSIGN(auto nodes, store::nodes_of(*c, id));
  return PlatformView{pl, served, std::move(nodes)};
}

Result<std::vector<PlatformView>> Service::list() {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto all, store::platforms(*c));
  std::vector<PlatformView> out;
  for (auto& pl : all) {
    SZ_ASSIGN(int64_t served, store::served(*c, pl.id));
    SZ_ASSIGN(auto nodes, store::nodes_of(*c, pl.id));
    out.push_back({std::move(pl), served, std::move(nodes)});
  }
  return out;
}

Result<store::IdentifierNode> Service::add_node(const auth::Principal& p, const auth::Origin& from, store::IdentifierNode n) {
  SZ_TRY(need_admin(p));
  if (text::trim(n.name).empty() || text::utf8_length(n.name) > 100) return err::invalid("name", "节点名称应为1–100个字符");
  // An 标识解析 prefix: digits in dot-separated groups (e.g. 88.118.8).
  const auto& x = n.prefix;
  bool well_formed = !x.empty() && x.size() <= 40 && x.front() != '.' && x.back() != '.' && x.find("..") == std::string::npos &&
                     x.find_first_not_of("0123456789.") == std::string::npos && x.find('.') != std::string::npos;
  if (!well_formed) return err::invalid("prefix", "节点前缀应为以“.”分隔的数字，如 88.118.8");
  records::Decision d{n.approved_on, n.decided_by, n.evidence, {}, "", 0};
  SZ_TRY(records::check_decision(d, shanghai_date(clock_.now()), "批复日期"));
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto pl, existing(*c, n.platform_id));
  SZ_ASSIGN(bool industry_ok, registry::internal::industry_exists(*c, n.industry_code));
  if (!industry_ok) return err::invalid("industry", "行业不存在：" + n.industry_code);
  SZ_ASSIGN(bool taken, store::prefix_taken(*c, n.prefix));
  if (taken) return err::conflict("prefix", "节点前缀已登记：" + n.prefix);
  n.recorded_by = p.user_id;
  n.recorded_by_name = p.display_name;
  n.platform_name = pl.name;
  n.recorded_at = clock_.now();
  SZ_ASSIGN(n.id, store::insert_node(*c, n));
  SZ_TRY(audit::record(*c, n.recorded_at, auth::actor_of(p, from), "platform.node", "platform", std::to_string(pl.id), "",
                       bj::serialize(bj::object{{"node_id", n.id}, {"name", n.name}, {"prefix", n.prefix},
                                                {"approved_on", n.approved_on}, {"decided_by", n.decided_by},
                                                {"evidence", n.evidence}})));
  SZ_TRY(tx->commit());
  return n;
}

Result<std::vector<store::IdentifierNode>> Service::nodes() {
  SZ_ASSIGN(auto* c, db_->local());
  return store::nodes_of(*c, std::nullopt);
}

Result<IssuedKey> Service::issue_key(const auth::Principal& p, const auth::Origin& from, int64_t platform_id,
                                     const std::string& label, const std::vector<std::string>& scopes) {
  SZ_TRY(need_admin(p));
  if (text::trim(label).empty() || text::utf8_length(label) > 60) return err::invalid("label", "密钥用途说明应为1–60个字符");
  if (scopes.empty()) return err::invalid("scopes", "请至少授予一项权限");
  bj::array granted;
  for (const auto& s : scopes) {
    if (!rules_.knows_scope(s)) return err::invalid("scopes", "未知的权限：" + s);
    granted.push_back(bj::value(s));
  }
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_TRY(existing(*c, platform_id));
  char id[17];
  std::snprintf(id, sizeof id, "%016llx", static_cast<unsigned long long>(crypto::random_u64()));
  std::string secret = crypto::random_token();
  store::Credential k{0, platform_id, id, crypto::sha256_hex(secret), bj::serialize(granted), text::trim(label),
                      p.username, clock_.now(), std::nullopt, std::nullopt};
  SZ_ASSIGN(k.id, store::insert_credential(*c, k));
  SZ_TRY(audit::record(*c, k.created_at, auth::actor_of(p, from), "platform.key_issue", "platform", std::to_string(platform_id),
                       "", bj::serialize(bj::object{{"key_id", k.key_id}, {"scopes", granted}, {"label", k.label}})));
  SZ_TRY(tx->commit());
  return IssuedKey{k, join_key(k.key_id, secret)};
}

Result<std::vector<store::Credential>> Service::keys(const auth::Principal& p, int64_t platform_id) {
  SZ_TRY(need_admin(p));
  SZ_ASSIGN(auto* c, db_->local());
  SZ_TRY(existing(*c, platform_id));
  return store::credentials(*c, platform_id);
}

Status Service::revoke_key(const auth::Principal& p, const auth::Origin& from, int64_t platform_id, int64_t credential_id) {
  SZ_TRY(need_admin(p));
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto list, store::credentials(*c, platform_id));
  const store::Credential* k = nullptr;
  for (const auto& x : list)
    if (x.id == credential_id) k = &x;
  if (!k) return err::not_found("该平台没有这个密钥");
  if (k->revoked_at) return err::conflict("status", "密钥已吊销");
  SZ_TRY(store::revoke(*c, credential_id, clock_.now()));
  SZ_TRY(audit::record(*c, clock_.now(), auth::actor_of(p, from), "platform.key_revoke", "platform",
                       std::to_string(platform_id), "", bj::serialize(bj::object{{"key_id", k->key_id}})));
  return tx->commit();
}

Result<std::vector<store::Batch>> Service::batches(const auth::Principal& p, int64_t platform_id) {
  SZ_TRY(need_admin(p));
  SZ_ASSIGN(auto* c, db_->local());
  SZ_TRY(existing(*c, platform_id));
  return store::batches(*c, platform_id, 200);
}

Result<std::vector<UserView>> Service::user_page(db::Connection& c, int64_t platform_id, int64_t limit, int64_t offset,
                                                 int64_t* total) {
  SZ_ASSIGN(auto rows, store::users(c, platform_id, limit, offset, total));
  std::vector<UserView> out;
  for (auto& u : rows) {
    SZ_ASSIGN(auto e, registry::internal::find(c, u.enterprise_id));
    out.push_back({std::move(u), e ? e->name : "", e ? e->credit_code : ""});
  }
  return out;
}

Result<std::vector<UserView>> Service::users(const auth::Principal& p, int64_t platform_id, int64_t limit, int64_t offset,
                                             int64_t* total) {
  SZ_TRY(need_admin(p));
  SZ_ASSIGN(auto* c, db_->local());
  SZ_TRY(existing(*c, platform_id));
  return user_page(*c, platform_id, limit, offset, total);
}

Result<Caller> Service::authenticate(const std::optional<std::string>& authorization, const std::string& scope) {
  if (!authorization || authorization->rfind("Bearer ", 0) != 0) return err::unauthorized("缺少平台密钥（Authorization: Bearer szp_…）");
  auto parts = split_key(std::string_view(*authorization).substr(7));
  if (!parts) return err::unauthorized("平台密钥格式不正确");
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto k, store::credential_by_key(*c, parts->key_id));
  if (!k || !crypto::equal(crypto::sha256_hex(parts->secret), k->secret_hash)) return err::unauthorized("平台密钥无效");
  if (k->revoked_at) return err::unauthorized("平台密钥已吊销");
  bool granted = false;
  const bj::value scopes = bj::parse(k->scopes_json);
  for (const auto& s : scopes.as_array()) granted = granted || s.as_string() == scope;
  if (!granted) return err::forbidden("该密钥未获授权：" + scope);
  SZ_ASSIGN(auto pl, existing(*c, k->platform_id));
  if (pl.status != "active") return err::forbidden("平台已暂停，不能调用接口");
  return Caller{pl, *k};
}

namespace {
audit::Actor platform_actor(const Caller& caller, const auth::Origin& from) {
  return audit::Actor{std::nullopt, "platform:" + caller.credential.key_id, "platform", from.request_id, from.ip};
}

bj::object outcome_json(const BatchOutcome& o) {
  bj::array items;
  for (const auto& i : o.items) {
    bj::object x{{"credit_code", i.credit_code}, {"status", i.status}};
    if (!i.reason.empty()) x["reason"] = i.reason;
    if (i.enterprise_id) x["enterprise_id"] = *i.enterprise_id;
    items.push_back(std::move(x));
  }
  return bj::object{{"items", std::move(items)}};
}

std::vector<ItemOutcome> outcomes_of(const std::string& result_json) {
  std::vector<ItemOutcome> out;
  const bj::value v = bj::parse(result_json);
  for (const auto& x : v.at("items").as_array()) {
    const auto& o = x.as_object();
    ItemOutcome i{std::string(o.at("credit_code").as_string()), std::string(o.at("status").as_string()), "", std::nullopt};
    if (auto* r = o.if_contains("reason")) i.reason = std::string(r->as_string());
    if (auto* e = o.if_contains("enterprise_id")) i.enterprise_id = e->as_int64();
    out.push_back(std::move(i));
  }
  return out;
}
}  // namespace

Result<BatchOutcome> Service::push(const Caller& caller, const auth::Origin& from, const std::string& batch_id,
                                   const std::vector<CloudItem>& items) {
  std::string digest = crypto::sha256_hex(canonical_batch(items));
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  int64_t now = clock_.now();
  SZ_TRY(store::touch(*c, caller.credential.id, now));
  // The same batch again (a retry after a lost reply): answer as the first time, write nothing twice.
  SZ_ASSIGN(auto seen, store::batch(*c, caller.platform.id, batch_id));
  if (seen) {
    if (seen->digest != digest) return err::conflict("batch_id", "批次号 " + batch_id + " 已用于内容不同的批次，请换用新的批次号");
    SZ_TRY(tx->commit());
    return BatchOutcome{batch_id, seen->accepted, seen->rejected, outcomes_of(seen->result_json), true, seen->received_at};
  }
  BatchOutcome out{batch_id, 0, 0, {}, false, now};
  auto actor = platform_actor(caller, from);
  for (const auto& item : items) {
    ItemOutcome o{item.credit_code, "rejected", "", std::nullopt};
    std::string code = registry::normalize_credit_code(item.credit_code);
    if (auto problem = registry::credit_code_problem(code)) {
      o.reason = *problem;
    } else if (item.since > shanghai_date(now)) {
      o.reason = "开始使用日期晚于今天：" + item.since;
    } else {
      SZ_ASSIGN(auto id, registry::internal::id_by_credit_code(*c, code));
      if (!id) {
        o.reason = "不是平台登记的试点企业";
      } else {
        SZ_TRY(store::upsert_user(*c, {caller.platform.id, *id, item.service, item.since, batch_id, now}));
        // On the cloud from the day the platform says the enterprise began to use it (indicator 4 by that day).
        SZ_TRY(registry_.set_cloud(*c, actor, *id, caller.platform.name, now, *shanghai_day_end(item.since) - 86400));
        o.status = "accepted";
        o.enterprise_id = *id;
      }
    }
    ++(o.status == "accepted" ? out.accepted : out.rejected);
    out.items.push_back(std::move(o));
  }
  std::string result = bj::serialize(outcome_json(out));
  SZ_ASSIGN(bool stored, store::insert_batch(*c, {caller.platform.id, batch_id, digest, caller.credential.id, out.accepted,
                                                  out.rejected, result, now}));
  if (!stored) return err::conflict("batch_id", "批次号 " + batch_id + " 正由另一请求处理，请稍后重试");
  SZ_TRY(audit::record(*c, now, actor, "platform.cloud_batch", "platform", std::to_string(caller.platform.id), "",
                       bj::serialize(bj::object{{"batch_id", batch_id}, {"digest", digest}, {"accepted", out.accepted},
                                                {"rejected", out.rejected}})));
  SZ_TRY(tx->commit());
  return out;
}

Result<std::vector<UserView>> Service::own_users(const Caller& caller, int64_t limit, int64_t offset, int64_t* total) {
  SZ_ASSIGN(auto* c, db_->local());
  return user_page(*c, caller.platform.id, limit, offset, total);
}

Result<store::Evaluation> Service::evaluate(const auth::Principal& p, const auth::Origin& from, int64_t platform_id,
                                            const EvaluationInput& in) {
  SZ_TRY(need_admin(p));
  if (in.period.size() != 7 || !day_number(in.period + "-01")) return err::invalid("period", "考评期应为 YYYY-MM（如 2025-12）");
  if (auto problem = score_problem(rules_, in.scores)) return err::invalid("scores", *problem);
  if (text::utf8_length(in.note) > 2000) return err::invalid("note", "考评意见不能超过2000个字符");
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto pl, existing(*c, platform_id));
  SZ_ASSIGN(bool done, store::evaluation_exists(*c, platform_id, in.period));
  if (done) return err::conflict("period", "该平台本期已考评：" + in.period);
  store::Evaluation e;
  e.platform_id = platform_id;
  e.period = in.period;
  SZ_ASSIGN(e.served_enterprises, store::served(*c, platform_id));
  bj::object scores;
  for (const auto& [code, v] : in.scores) {
    scores[code] = v;
    e.total += v;
  }
  int64_t served = served_points(rules_, e.served_enterprises);
  scores["served"] = served;
  e.total += served;
  e.scores_json = bj::serialize(scores);
  e.grade = grade_of(rules_, e.total).code;
  e.rules_version = rules_.version;
  e.note = in.note;
  e.evaluated_by = p.username;
  e.created_at = clock_.now();
  e.platform_name = pl.name;
  SZ_ASSIGN(e.id, store::insert_evaluation(*c, e));
  SZ_TRY(audit::record(*c, e.created_at, auth::actor_of(p, from), "platform.evaluate", "platform", std::to_string(platform_id),
                       "", bj::serialize(bj::object{{"period", e.period}, {"total", e.total}, {"grade", e.grade}})));
  SZ_TRY(tx->commit());
  return e;
}

Result<std::vector<store::Evaluation>> Service::evaluations(const std::string& period) {
  SZ_ASSIGN(auto* c, db_->local());
  return store::evaluations(*c, period);
}

}  // namespace sz::platforms
