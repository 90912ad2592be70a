#include "market/api.h"

#include "market/service.h"

namespace sz::market {

namespace bj = boost::json;

void register_routes(auth::Routes& routes, std::shared_ptr<db::Database> db) {
  routes.pub("GET", "/api/v1/providers", [db](http::Request&) -> Result<http::Response> {
    SZ_ASSIGN(auto* c, db->local());
    SZ_ASSIGN(auto list, provider_directory(*c));
    bj::array items;
    for (const auto& p : list)
      items.push_back(bj::object{{"id", p.id}, {"name", p.name}, {"credit_code", p.credit_code}, {"kind", p.kind},
                                 {"kind_name", p.kind == "integrator" ? "集成服务商" : "专业服务商"},
                                 {"in_zhengzhou", p.in_zhengzhou}});
    return json::reply(200, bj::object{{"items", std::move(items)}});
  });
}

}  // namespace sz::market
