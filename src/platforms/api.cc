#include "platforms/api.h"

namespace sz::platforms {

namespace bj = boost::json;

namespace {
using json::opt_value;

bj::object node_json(const store::IdentifierNode& n) {
  return bj::object{{"id", n.id}, {"platform_id", n.platform_id}, {"name", n.name}, {"prefix", n.prefix},
                    {"industry", n.industry_code}, {"approved_on", n.approved_on}, {"decided_by", n.decided_by},
                    {"evidence", n.evidence}, {"platform_name", n.platform_name},
                    {"recorded_by_name", n.recorded_by_name}, {"recorded_at", iso_utc(n.recorded_at)}};
}

bj::array nodes_json(const std::vector<store::IdentifierNode>& nodes) {
  bj::array out;
  for (const auto& n : nodes) out.push_back(node_json(n));
  return out;
}

bj::object platform_json(const PlatformView& v) {
  const auto& p = v.platform;
  return bj::object{{"id", p.id},
                    {"name", p.name},
                    {"operator", p.operator_name},
                    {"credit_code", p.credit_code},
                    {"industries", bj::parse(p.industries_json)},
                    {"services", bj::parse(p.services_json)},
                    {"url", p.url},
                    {"status", p.status},
                    {"status_name", p.status == "active" ? "在用" : "暂停"},
                    {"served_enterprises", v.served},
                    {"identifier_nodes", nodes_json(v.nodes)},
                    {"created_at", iso_utc(p.created_at)}};
}

bj::object key_json(const store::Credential& k) {
  auto at = [](const std::optional<int64_t>& t) { return t ? bj::value(iso_utc(*t)) : bj::value(nullptr); };
  return bj::object{{"id", k.id},
                    {"key_id", k.key_id},
                    {"label", k.label},
                    {"scopes", bj::parse(k.scopes_json)},
                    {"created_by", k.created_by},
                    {"created_at", iso_utc(k.created_at)},
                    {"revoked_at", at(k.revoked_at)},
                    {"last_used_at", at(k.last_used_at)}};
}

bj::object batch_json(const BatchOutcome& o) {
  bj::array items;
  for (const auto& i : o.items) {
    bj::object x{{"credit_code", i.credit_code}, {"status", i.status}, {"enterprise_id", opt_value(i.enterprise_id)}};
    if (!i.reason.empty()) x["reason"] = i.reason;
    items.push_back(std::move(x));
  }
  return bj::object{{"batch_id", o.batch_id}, {"accepted", o.accepted}, {"rejected", o.rejected},
                    {"replay", o.replay},     {"received_at", iso_utc(o.received_at)}, {"items", std::move(items)}};
}

bj::array users_json(const std::vector<UserView>& list) {
  bj::array items;
  for (const auto& u : list)
    items.push_back(bj::object{{"enterprise_id", u.user.enterprise_id}, {"name", u.enterprise_name},
                               {"credit_code", u.credit_code}, {"service", u.user.service}, {"since", u.user.since},
                               {"batch_id", u.user.batch_id}, {"updated_at", iso_utc(u.user.updated_at)}});
  return items;
}

bj::object evaluation_json(const store::Evaluation& e, const EvaluationRules& rules) {
  const auto& g = grade_of(rules, e.total);
  return bj::object{{"id", e.id},
                    {"platform", bj::object{{"id", e.platform_id}, {"name", e.platform_name}}},
                    {"period", e.period},
                    {"scores", bj::parse(e.scores_json)},
                    {"served_enterprises", e.served_enterprises},
                    {"total", e.total},
                    {"grade", e.grade},
                    {"grade_name", g.name},
                    {"award", g.award},
                    {"rules_version", e.rules_version},
                    {"note", e.note},
                    {"evaluated_by", e.evaluated_by},
                    {"created_at", iso_utc(e.created_at)}};
}

bool has_control(const std::string& s) {
  for (unsigned char ch : s)
    if (ch < 0x20 || ch == 0x7f) return true;
  return false;
}

Result<PlatformInput> platform_input(const bj::object& o) {
  SZ_TRY(json::only_keys(o, {"name", "operator", "credit_code", "url", "status", "industries", "services"}));
  PlatformInput in;
  SZ_ASSIGN(in.name, json::optional_string(o, "name", "平台名称", 60));
  SZ_ASSIGN(in.operator_name, json::optional_string(o, "operator", "运营单位", 100));
  SZ_ASSIGN(in.credit_code, json::optional_string(o, "credit_code", "统一社会信用代码", 30));
  SZ_ASSIGN(in.url, json::optional_string(o, "url", "平台网址", 200));
  SZ_ASSIGN(in.status, json::optional_string(o, "status", "状态", 20));
  if (o.contains("industries")) {
    SZ_ASSIGN(in.industries, json::string_list(o, "industries", "服务行业"));
  }
  if (auto* v = o.if_contains("services")) {
    if (!v->is_array()) return err::invalid("services", "平台服务应为数组");
    std::vector<PlatformService> list;
    for (const auto& x : v->as_array()) {
      if (!x.is_object()) return err::invalid("services", "每项平台服务应为对象 {name, kind, description}");
      const auto& s = x.as_object();
      SZ_TRY(json::only_keys(s, {"name", "kind", "description"}));
      PlatformService ps;
      SZ_ASSIGN(ps.name, json::required_string(s, "name", "服务名称", 60));
      SZ_ASSIGN(ps.kind, json::required_string(s, "kind", "服务模式", 20));
      SZ_ASSIGN(auto d, json::optional_string(s, "description", "服务说明", 500));
      ps.description = d.value_or("");
      list.push_back(std::move(ps));
    }
    in.services = std::move(list);
  }
  return in;
}

// A pushed batch: {"batch_id": "...", "items": [{"credit_code", "service", "since"}]} with at most 1000 items.
Result<std::pair<std::string, std::vector<CloudItem>>> batch_input(const bj::object& o) {
  SZ_TRY(json::only_keys(o, {"batch_id", "items"}));
  SZ_ASSIGN(auto id, json::required_string(o, "batch_id", "批次号", 64));
  if (id.empty() || id.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:") != std::string::npos)
    return err::invalid("batch_id", "批次号应为1–64个字母、数字或 - _ . :");
  auto* v = o.if_contains("items");
  if (!v || !v->is_array() || v->as_array().empty() || v->as_array().size() > 1000)
    return err::invalid("items", "items 应为 1–1000 条企业记录的数组");
  std::vector<CloudItem> items;
  for (const auto& x : v->as_array()) {
    if (!x.is_object()) return err::invalid("items", "每条记录应为对象 {credit_code, service, since}");
    const auto& i = x.as_object();
    SZ_TRY(json::only_keys(i, {"credit_code", "service", "since"}));
    CloudItem c;
    SZ_ASSIGN(c.credit_code, json::required_string(i, "credit_code", "统一社会信用代码", 30));
    SZ_ASSIGN(c.service, json::required_string(i, "service", "使用的平台服务", 60));
    SZ_ASSIGN(c.since, json::required_string(i, "since", "开始使用日期", 10));
    if (has_control(c.credit_code) || has_control(c.service) || c.service.empty())
      return err::invalid("items", "统一社会信用代码和平台服务不能为空或含控制字符");
    if (!day_number(c.since)) return err::invalid("items", "开始使用日期应为 YYYY-MM-DD：" + c.since);
    if (c.since < "2000-01-01") return err::invalid("items", "开始使用日期过早：" + c.since);
    items.push_back(std::move(c));
  }
  return std::make_pair(std::move(id), std::move(items));
}
}  // namespace

void register_routes(auth::Routes& routes, Service& svc) {
  routes.authed("GET", "/api/v1/platforms", [&svc](http::Request&, const auth::Principal&) -> Result<http::Response> {
    SZ_ASSIGN(auto list, svc.list());
    bj::array items, scopes;
    for (const auto& v : list) items.push_back(platform_json(v));
    for (const auto& s : svc.rules().scopes) scopes.push_back(bj::object{{"code", s.code}, {"name", s.name}});
    return json::reply(200, bj::object{{"items", std::move(items)}, {"scopes", std::move(scopes)}});
  });

  routes.authed("POST", "/api/v1/platforms", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_ASSIGN(auto in, platform_input(o));
    SZ_ASSIGN(auto v, svc.create(p, auth::origin_of(req), in));
    return json::reply(201, platform_json(v));
  });

  routes.authed("GET", "/api/v1/platforms/{id}", [&svc](http::Request& req, const auth::Principal&) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto v, svc.get(id));
    return json::reply(200, platform_json(v));
  });

  routes.authed("PATCH", "/api/v1/platforms/{id}", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_ASSIGN(auto in, platform_input(o));
    SZ_ASSIGN(auto v, svc.edit(p, auth::origin_of(req), id, in));
    return json::reply(200, platform_json(v));
  });

  routes.authed("GET", "/api/v1/platforms/{id}/keys", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto list, svc.keys(p, id));
    bj::array items;
    for (const auto& k : list) items.push_back(key_json(k));
    return json::reply(200, bj::object{{"items", std::move(items)}});
  });

  routes.authed("POST", "/api/v1/platforms/{id}/keys", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"label", "scopes"}));
    SZ_ASSIGN(auto label, json::required_string(o, "label", "密钥用途", 60));
    SZ_ASSIGN(auto scopes, json::string_list(o, "scopes", "权限"));
    SZ_ASSIGN(auto issued, svc.issue_key(p, auth::origin_of(req), id, label, scopes));
    auto body = key_json(issued.credential);
    body["key"] = issued.key;  // the only time the secret is shown
    return json::reply(201, body);
  });

  routes.authed("POST", "/api/v1/platforms/{id}/keys/{kid}/revoke",
                [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
                  SZ_ASSIGN(int64_t id, json::id_param(req));
                  SZ_ASSIGN(int64_t kid, json::id_param(req, "kid"));
                  SZ_TRY(svc.revoke_key(p, auth::origin_of(req), id, kid));
                  return http::no_content();
                });

  routes.authed("GET", "/api/v1/platforms/{id}/batches", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto list, svc.batches(p, id));
    bj::array items;
    for (const auto& b : list)
      items.push_back(bj::object{{"batch_id", b.batch_id}, {"digest", b.digest}, {"accepted", b.accepted},
                                 {"rejected", b.rejected}, {"received_at", iso_utc(b.received_at)}});
    return json::reply(200, bj::object{{"items", std::move(items)}});
  });

  routes.authed("GET", "/api/v1/platforms/{id}/users", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto page, json::page_of(req));
    int64_t total = 0;
    SZ_ASSIGN(auto list, svc.users(p, id, page.size, page.offset(), &total));
    return json::reply(200, json::page_reply(users_json(list), total, page));
  });

  routes.authed("POST", "/api/v1/platforms/{id}/evaluations",
                [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
                  SZ_ASSIGN(int64_t id, json::id_param(req));
                  SZ_ASSIGN(auto o, json::parse_object(req.body));
                  SZ_TRY(json::only_keys(o, {"period", "scores", "note"}));
                  EvaluationInput in;
                  SZ_ASSIGN(in.period, json::required_string(o, "period", "考评期", 7));
                  SZ_ASSIGN(auto note, json::optional_string(o, "note", "考评意见", 2000));
                  in.note = note.value_or("");
                  auto* s = o.if_contains("scores");
                  if (!s || !s->is_object()) return err::invalid("scores", "scores 应为 {评分项: 分数} 对象");
                  for (const auto& kv : s->as_object()) {
                    if (!kv.value().is_int64()) return err::invalid("scores", "分数应为整数：" + std::string(kv.key()));
                    in.scores[std::string(kv.key())] = kv.value().as_int64();
                  }
                  SZ_ASSIGN(auto e, svc.evaluate(p, auth::origin_of(req), id, in));
                  return json::reply(201, evaluation_json(e, svc.rules()));
                });

  routes.authed("GET", "/api/v1/identifier-nodes", [&svc](http::Request&, const auth::Principal&) -> Result<http::Response> {
    SZ_ASSIGN(auto list, svc.nodes());
    return json::reply(200, bj::object{{"items", nodes_json(list)}});
  });

  routes.authed("POST", "/api/v1/platforms/{id}/identifier-nodes", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"name", "prefix", "industry", "on", "decided_by", "evidence"}));
    store::IdentifierNode n;
    n.platform_id = id;
    SZ_ASSIGN(n.name, json::required_string(o, "name", "节点名称", 100));
    SZ_ASSIGN(n.prefix, json::required_string(o, "prefix", "节点前缀", 40));
    SZ_ASSIGN(n.industry_code, json::required_string(o, "industry", "行业", 40));
    SZ_ASSIGN(n.approved_on, json::required_string(o, "on", "批复日期", 10));
    SZ_ASSIGN(n.decided_by, json::required_string(o, "decided_by", "批复单位", 100));
    SZ_ASSIGN(n.evidence, json::required_string(o, "evidence", "佐证", 500));
    SZ_ASSIGN(auto saved, svc.add_node(p, auth::origin_of(req), n));
    return json::reply(201, node_json(saved));
  });

  routes.authed("GET", "/api/v1/platform-evaluations", [&svc](http::Request& req, const auth::Principal&) -> Result<http::Response> {
    SZ_ASSIGN(auto list, svc.evaluations(req.query_param("period").value_or("")));
    bj::array items, criteria;
    for (const auto& e : list) items.push_back(evaluation_json(e, svc.rules()));
    for (const auto& c : svc.rules().criteria) criteria.push_back(bj::object{{"code", c.code}, {"name", c.name}, {"max", c.max}});
    criteria.push_back(bj::object{{"code", "served"}, {"name", svc.rules().served_name}, {"max", svc.rules().served_max},
                                  {"full_at", svc.rules().served_full_at}, {"computed", true}});
    return json::reply(200, bj::object{{"items", std::move(items)}, {"criteria", std::move(criteria)},
                                       {"rules_version", svc.rules().version}});
  });

  // The platforms' own interface: authenticated by an API key, not a session.
  routes.pub("POST", "/api/v1/platform-api/cloud-batches", [&svc](http::Request& req) -> Result<http::Response> {
    SZ_ASSIGN(auto caller, svc.authenticate(req.header("authorization"), "cloud:push"));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_ASSIGN(auto batch, batch_input(o));
    SZ_ASSIGN(auto out, svc.push(caller, auth::origin_of(req), batch.first, batch.second));
    return json::reply(out.replay ? 200 : 201, batch_json(out));
  });

  routes.pub("GET", "/api/v1/platform-api/cloud-users", [&svc](http::Request& req) -> Result<http::Response> {
    SZ_ASSIGN(auto caller, svc.authenticate(req.header("authorization"), "cloud:read"));
    SZ_ASSIGN(auto page, json::page_of(req));
    int64_t total = 0;
    SZ_ASSIGN(auto list, svc.own_users(caller, page.size, page.offset(), &total));
    return json::reply(200, json::page_reply(users_json(list), total, page));
  });
}

}  // namespace sz::platforms
