#include "exchange/api.h"

#include "catalog/api.h"
#include "projects/service.h"

namespace sz::exchange {

namespace bj = boost::json;

namespace {
using json::opt_value;
bj::object need_json(const Service& svc, const catalog::Service& cat, const Need& n) {
  const auto* c = cat.catalog().category(n.category);
  return bj::object{{"id", n.id}, {"enterprise_id", n.enterprise_id}, {"district_code", n.district_code},
                    {"industry_code", n.industry_code}, {"category", n.category}, {"category_name", c ? c->name : ""},
                    {"title", n.title}, {"description", n.description}, {"budget_fen", opt_value(n.budget_fen)},
                    {"status", n.status}, {"status_name", svc.matching().state_name(n.status)}, {"created_at", iso_utc(n.created_at)},
                    {"closed_at", n.closed_at ? bj::value(iso_utc(*n.closed_at)) : bj::value(nullptr)},
                    {"close_reason", opt_value(n.close_reason)}};
}
}  // namespace

void register_routes(auth::Routes& routes, Service& svc, const catalog::Service& cat) {
  routes.authed("GET", "/api/v1/needs", [&svc, &cat](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto page, json::page_of(req));
    int64_t total = 0;
    SZ_ASSIGN(auto list, svc.needs(p, req.query_param("status").value_or(""), req.query_param("category").value_or(""),
                                   page.size, page.offset(), &total));
    bj::array items;
    for (const auto& row : list) {
      bj::object o = need_json(svc, cat, row.need);
      o["enterprise_name"] = row.enterprise_name;
      items.push_back(std::move(o));
    }
    return json::reply(200, json::page_reply(std::move(items), total, page));
  });

  routes.authed("POST", "/api/v1/needs", [&svc, &cat](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"enterprise_id", "category", "title", "description", "budget_fen"}));
    SZ_ASSIGN(auto eid, json::optional_int(o, "enterprise_id", "企业编号"));
    SZ_ASSIGN(auto category, json::required_string(o, "category", "场景分类", 40));
    SZ_ASSIGN(auto title, json::required_string(o, "title", "需求标题", 100));
    SZ_ASSIGN(auto description, json::optional_string(o, "description", "需求说明", 4000));
    SZ_ASSIGN(auto budget, json::optional_int(o, "budget_fen", "预算（分）", "need_budget_fen"));
    SZ_ASSIGN(auto row, svc.post(p, auth::origin_of(req), eid, category, title, description.value_or(""), budget));
    bj::object body = need_json(svc, cat, row.need);
    body["enterprise_name"] = row.enterprise_name;  // as the list and the record have it
    return json::reply(201, std::move(body));
  });

  routes.authed("GET", "/api/v1/needs/{id}", [&svc, &cat](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto v, svc.need(p, id));
    bj::object o = need_json(svc, cat, v.need);
    o["enterprise_name"] = v.enterprise_name;
    bj::array proposals, messages;
    for (const auto& x : v.proposals)
      proposals.push_back(bj::object{{"id", x.id}, {"provider", bj::object{{"id", x.provider_id}, {"name", v.provider_names[x.provider_id]}}},
                                     {"product_id", opt_value(x.product_id)},
                                     {"product_name", x.product_id ? bj::value(v.product_names[*x.product_id]) : bj::value(nullptr)},
                                     {"summary", x.summary}, {"price_fen", x.price_fen},
                                     {"status", x.status}, {"created_at", iso_utc(x.created_at)}});
    for (const auto& m : v.messages)
      messages.push_back(bj::object{{"id", m.id}, {"author", m.author_name}, {"body", m.body}, {"created_at", iso_utc(m.created_at)}});
    o["proposals"] = std::move(proposals);
    o["messages"] = std::move(messages);
    bj::array actions;
    for (const auto& a : v.actions) actions.push_back(bj::object{{"action", a.action}, {"name", a.name}});
    o["actions"] = std::move(actions);
    return json::reply(200, o);
  });

  routes.authed("GET", "/api/v1/needs/{id}/suggestions", [&svc, &cat](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto s, svc.suggest(p, id));
    bj::array products, providers;
    for (const auto& v : s.products) products.push_back(catalog::product_json(cat, v));
    for (const auto& v : s.providers) providers.push_back(projects::scorecard_json(v));
    return json::reply(200, bj::object{{"products", std::move(products)}, {"providers", std::move(providers)}});
  });

  routes.authed("POST", "/api/v1/needs/{id}/proposals", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"product_id", "summary", "price_fen"}));
    SZ_ASSIGN(auto product, json::optional_int(o, "product_id", "产品"));
    SZ_ASSIGN(auto summary, json::required_string(o, "summary", "方案概要", 4000));
    SZ_ASSIGN(int64_t price, json::required_int(o, "price_fen", "报价（分）", "price_fen"));
    SZ_ASSIGN(auto x, svc.propose(p, auth::origin_of(req), id, product, summary, price));
    return json::reply(201, bj::object{{"id", x.id}, {"status", x.status}});
  });

  routes.authed("POST", "/api/v1/needs/{id}/accept", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"proposal_id"}));
    SZ_ASSIGN(int64_t proposal, json::required_int(o, "proposal_id", "响应方案", 1, INT64_MAX));
    SZ_TRY(svc.accept(p, auth::origin_of(req), id, proposal));
    return http::no_content();
  });

  routes.authed("POST", "/api/v1/needs/{id}/close", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"reason"}));
    SZ_ASSIGN(auto reason, json::required_string(o, "reason", "关闭原因", 1000));
    SZ_TRY(svc.close(p, auth::origin_of(req), id, reason));
    return http::no_content();
  });

  routes.authed("POST", "/api/v1/needs/{id}/messages", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"body"}));
    SZ_ASSIGN(auto body, json::required_string(o, "body", "留言", 2000));
    SZ_ASSIGN(auto m, svc.say(p, auth::origin_of(req), id, body));
    return json::reply(201, bj::object{{"id", m.id}});
  });

  routes.authed("GET", "/api/v1/match-events", [&svc](http::Request&, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto list, svc.events(p));
    bj::array items;
    for (const auto& e : list)
      items.push_back(bj::object{{"id", e.id}, {"title", e.title}, {"held_on", e.held_on}, {"place", e.place},
                                 {"industry", e.industry_code ? bj::value(*e.industry_code) : bj::value(nullptr)},
                                 {"capacity", e.capacity}, {"registered", e.registered}, {"registered_by_me", e.mine}});
    return json::reply(200, bj::object{{"items", std::move(items)}});
  });

  routes.authed("POST", "/api/v1/match-events", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"title", "held_on", "place", "industry", "capacity"}));
    Event e;
    SZ_ASSIGN(e.title, json::required_string(o, "title", "对接会名称", 100));
    SZ_ASSIGN(e.held_on, json::required_string(o, "held_on", "举办日期", 10));
    SZ_ASSIGN(auto place, json::optional_string(o, "place", "地点", 200));
    e.place = place.value_or("");
    SZ_ASSIGN(e.industry_code, json::optional_string(o, "industry", "行业", 40));
    SZ_ASSIGN(e.capacity, json::required_int(o, "capacity", "名额", "capacity"));
    SZ_ASSIGN(auto saved, svc.add_event(p, auth::origin_of(req), e));
    return json::reply(201, bj::object{{"id", saved.id}});
  });

  routes.authed("POST", "/api/v1/match-events/{id}/registrations", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_TRY(svc.register_for(p, auth::origin_of(req), id));
    return http::no_content();
  });

  routes.authed("GET", "/api/v1/match-events/{id}/registrations", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto list, svc.registrations(p, id));
    bj::array items;
    for (const auto& [name, party] : list) items.push_back(bj::object{{"name", name}, {"party", party}});
    return json::reply(200, bj::object{{"items", std::move(items)}});
  });
}

}  // namespace sz::exchange
