#include "catalog/api.h"

namespace sz::catalog {

namespace bj = boost::json;

namespace {
using json::opt_value;

Result<ProductInput> product_input(const bj::object& o) {
  SZ_TRY(json::only_keys(o, {"provider_id", "name", "category", "deployment", "description", "industries", "price_fen", "delivery_days"}));
  ProductInput in;
  SZ_ASSIGN(in.provider_id, json::optional_int(o, "provider_id", "服务商"));
  SZ_ASSIGN(in.name, json::optional_string(o, "name", "产品名称", 60));
  SZ_ASSIGN(in.category, json::optional_string(o, "category", "场景分类", 40));
  SZ_ASSIGN(in.deployment, json::optional_string(o, "deployment", "部署方式", 20));
  SZ_ASSIGN(in.description, json::optional_string(o, "description", "产品说明", 4000));
  SZ_ASSIGN(in.price_fen, json::optional_int(o, "price_fen", "价格（分）", "price_fen"));
  SZ_ASSIGN(in.delivery_days, json::optional_int(o, "delivery_days", "交付周期（天）", "delivery_days"));
  if (o.contains("industries") && !o.at("industries").is_null()) {
    SZ_ASSIGN(auto list, json::string_list(o, "industries", "适用行业"));
    in.industries = std::move(list);
  }
  return in;
}

bj::object usage_json(const projects::store::Usage& u) {
  return bj::object{{"projects", u.projects}, {"accepted_enterprises", u.accepted_enterprises}};
}
}  // namespace

namespace {
// One product as the caller reads it, with the moves open to the caller.
bj::object product_detail(const Service& svc, const auth::Principal& p, const ProductView& v) {
  bj::object o = product_json(svc, v);
  o["actions"] = json::moves_json(svc.actions(p, v.product));
  return o;
}
}  // namespace

bj::object product_json(const Service& svc, const ProductView& v) {
  const auto& p = v.product;
  const Code* cat = svc.catalog().category(p.category);
  const Code* dep = svc.catalog().deployment(p.deployment);
  return bj::object{{"id", p.id},
                    {"provider", bj::object{{"id", p.provider_id}, {"name", v.provider_name}}},
                    {"name", p.name},
                    {"category", p.category},
                    {"category_name", cat ? cat->name : ""},
                    {"industries", bj::parse(p.industries_json)},
                    {"deployment", p.deployment},
                    {"deployment_name", dep ? dep->name : ""},
                    {"price_fen", p.price_fen},
                    {"delivery_days", p.delivery_days},
                    {"description", p.description},
                    {"status", p.status},
                    {"status_name", svc.review_workflow().state_name(p.status)},
                    {"status_note", opt_value(p.status_note)},
                    {"usage", usage_json(v.usage)},
                    {"listed_at", p.listed_at ? bj::value(iso_utc(*p.listed_at)) : bj::value(nullptr)}};
}

namespace {
bj::object selection_json(const store::Selection& s) {
  bj::array items;
  for (const auto& i : s.items)
    items.push_back(bj::object{{"scenario_id", i.scenario_id}, {"scenario_name", i.scenario_name}, {"decision", i.decision},
                               {"decision_name", i.decision == "selected" ? "评定为可复制可推广" : "未评定"},
                               {"reason", i.reason},
                               {"usage", bj::object{{"projects", i.projects}, {"accepted_enterprises", i.accepted_enterprises}}}});
  boost::system::error_code ec;
  auto experts = bj::parse(s.experts_json, ec);
  return bj::object{{"id", s.id}, {"industry", s.industry_code}, {"held_on", s.held_on},
                    {"experts", ec ? bj::value(bj::array{}) : experts}, {"minutes", s.minutes},
                    {"recorded_at", iso_utc(s.recorded_at)}, {"items", std::move(items)}};
}
}  // namespace

void register_routes(auth::Routes& routes, Service& svc) {
  routes.pub("GET", "/api/v1/product-catalog", [&svc](http::Request&) -> Result<http::Response> {
    bj::array categories, deployments;
    for (const auto& c : svc.catalog().categories) categories.push_back(bj::object{{"code", c.code}, {"name", c.name}});
    for (const auto& c : svc.catalog().deployments) deployments.push_back(bj::object{{"code", c.code}, {"name", c.name}});
    return json::reply(200, bj::object{{"version", svc.catalog().version}, {"categories", std::move(categories)},
                                       {"deployments", std::move(deployments)}});
  });

  routes.authed("GET", "/api/v1/products", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    store::ProductFilter f;
    f.status = req.query_param("status").value_or("");
    f.category = req.query_param("category").value_or("");
    f.industry = req.query_param("industry").value_or("");
    f.q = req.query_param("q").value_or("");
    SZ_ASSIGN(auto list, svc.products(p, f));
    bj::array items;
    for (const auto& v : list) items.push_back(product_json(svc, v));
    return json::reply(200, bj::object{{"items", std::move(items)}});
  });

  routes.authed("POST", "/api/v1/products", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_ASSIGN(auto in, product_input(o));
    SZ_ASSIGN(auto v, svc.create_product(p, auth::origin_of(req), in));
    return json::reply(201, product_detail(svc, p, v));
  });

  routes.authed("GET", "/api/v1/product-ranking", [&svc](http::Request& req, const auth::Principal&) -> Result<http::Response> {
    SZ_ASSIGN(auto list, svc.ranking(req.query_param("category").value_or("")));
    bj::array items;
    int64_t rank = 0;
    for (const auto& v : list) {
      bj::object o = product_json(svc, v);
      o["rank"] = ++rank;
      items.push_back(std::move(o));
    }
    return json::reply(200, bj::object{{"items", std::move(items)},
                                       {"basis", "依次按试点成效（验收通过的企业数）、推广数量（使用项目数）、性价比（价格）排序，供专家评审产品奖励"}});
  });

  routes.authed("GET", "/api/v1/products/{id}", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto v, svc.product(p, id));
    return json::reply(200, product_detail(svc, p, v));
  });

  routes.authed("PATCH", "/api/v1/products/{id}", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_ASSIGN(auto in, product_input(o));
    if (in.provider_id) return err::invalid("provider_id", "产品的服务商不能修改");
    SZ_ASSIGN(auto v, svc.edit_product(p, auth::origin_of(req), id, in));
    return json::reply(200, product_detail(svc, p, v));
  });

  routes.authed("POST", "/api/v1/products/{id}/transitions", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"action", "reason"}));
    SZ_ASSIGN(auto action, json::required_string(o, "action", "操作", 20));
    SZ_ASSIGN(auto reason, json::optional_string(o, "reason", "原因", 1000));
    SZ_ASSIGN(auto v, svc.move_product(p, auth::origin_of(req), id, action, reason.value_or("")));
    return json::reply(200, product_detail(svc, p, v));
  });

  routes.authed("GET", "/api/v1/scenarios", [&svc](http::Request& req, const auth::Principal&) -> Result<http::Response> {
    SZ_ASSIGN(auto list, svc.library(req.query_param("industry").value_or("")));
    bj::array items;
    for (const auto& v : list) {
      const Code* cat = svc.catalog().category(v.scenario.category);
      bj::array ids;
      for (int64_t id : v.product_ids) ids.push_back(id);
      items.push_back(bj::object{{"id", v.scenario.id}, {"industry", v.scenario.industry_code}, {"kind", v.scenario.kind},
                                 {"kind_name", v.scenario.kind == "N" ? "共性场景" : "个性场景"}, {"name", v.scenario.name},
                                 {"category", v.scenario.category}, {"category_name", cat ? cat->name : ""},
                                 {"description", v.scenario.description}, {"product_ids", std::move(ids)},
                                 {"usage", usage_json(v.usage)},
                                 {"replicable_on", json::opt_value(v.scenario.replicable_on)}});
    }
    return json::reply(200, bj::object{{"items", std::move(items)}});
  });

  routes.authed("POST", "/api/v1/scenarios", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"industry", "kind", "name", "category", "description"}));
    store::Scenario s;
    SZ_ASSIGN(s.industry_code, json::required_string(o, "industry", "行业", 40));
    SZ_ASSIGN(s.kind, json::required_string(o, "kind", "场景类型", 2));
    SZ_ASSIGN(s.name, json::required_string(o, "name", "场景名称", 60));
    SZ_ASSIGN(s.category, json::required_string(o, "category", "场景分类", 40));
    SZ_ASSIGN(auto d, json::optional_string(o, "description", "说明", 2000));
    s.description = d.value_or("");
    SZ_ASSIGN(auto v, svc.add_scenario(p, auth::origin_of(req), s));
    return json::reply(201, bj::object{{"id", v.scenario.id}, {"name", v.scenario.name}});
  });

  routes.authed("GET", "/api/v1/scenario-selections", [&svc](http::Request& req, const auth::Principal&) -> Result<http::Response> {
    SZ_ASSIGN(auto list, svc.selections(req.query_param("industry").value_or("")));
    bj::array items;
    for (const auto& s : list) items.push_back(selection_json(s));
    return json::reply(200, bj::object{{"items", std::move(items)}});
  });

  routes.authed("POST", "/api/v1/scenario-selections", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"industry", "held_on", "experts", "minutes", "decisions"}));
    SelectionInput in;
    SZ_ASSIGN(in.industry, json::required_string(o, "industry", "行业", 40));
    SZ_ASSIGN(in.panel.held_on, json::required_string(o, "held_on", "审议日期", 10));
    SZ_ASSIGN(in.panel.experts, json::string_list(o, "experts", "专家"));
    SZ_ASSIGN(in.panel.minutes, json::required_string(o, "minutes", "审议纪要", 8000));
    const auto* list = o.if_contains("decisions");
    if (!list || !list->is_array()) return err::invalid("decisions", "请列出各场景的审议结论");
    for (const auto& v : list->as_array()) {
      if (!v.is_object()) return err::invalid("decisions", "审议结论的每一项应为对象");
      const auto& d = v.as_object();
      SZ_TRY(json::only_keys(d, {"scenario_id", "decision", "reason"}));
      ScenarioDecision x;
      SZ_ASSIGN(x.scenario_id, json::required_int(d, "scenario_id", "场景", 1, INT64_MAX));
      SZ_ASSIGN(x.decision, json::required_string(d, "decision", "审议结论", 20));
      SZ_ASSIGN(auto reason, json::optional_string(d, "reason", "理由", 1000));
      x.reason = reason.value_or("");
      in.decisions.push_back(std::move(x));
    }
    SZ_ASSIGN(auto saved, svc.select_scenarios(p, auth::origin_of(req), in));
    return json::reply(201, selection_json(saved));
  });

  routes.authed("POST", "/api/v1/scenarios/{id}/links", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"product_id", "linked"}));
    SZ_ASSIGN(int64_t product, json::required_int(o, "product_id", "产品", 1, INT64_MAX));
    SZ_ASSIGN(bool linked, json::required_bool(o, "linked", "是否关联"));
    SZ_TRY(svc.link(p, auth::origin_of(req), id, product, linked));
    return http::no_content();
  });
}

}  // namespace sz::catalog
