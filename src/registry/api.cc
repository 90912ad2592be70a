#include "registry/api.h"

#include "infra/text.h"

namespace sz::registry {

namespace bj = boost::json;

namespace {
const char* status_name(const std::string& s) { return s == "withdrawn" ? "已退出" : "试点中"; }

bj::object list_item(const store::Enterprise& e) {
  return bj::object{{"id", e.id},
                    {"name", e.name},
                    {"credit_code", e.credit_code},
                    {"industry", bj::object{{"code", e.industry_code}, {"name", e.industry_name}}},
                    {"district", bj::object{{"code", e.district_code}, {"name", e.district_name}}},
                    {"batch", e.batch},
                    {"status", e.status},
                    {"status_name", status_name(e.status)},
                    {"level", e.level},
                    {"level_source", e.level_source}};
}

bj::object detail(const store::Enterprise& e, const auth::Principal& p) {
  bj::object o = list_item(e);
  bool full = auth::sees_personal_data(p, e.district_code, e.id);
  o["address"] = e.address;
  o["legal_rep"] = e.legal_rep;
  o["contact_name"] = full ? e.contact_name : text::mask_name(e.contact_name);
  o["contact_phone"] = full ? e.contact_phone : text::mask_phone(e.contact_phone);
  o["created_at"] = iso_utc(e.created_at);
  o["updated_at"] = iso_utc(e.updated_at);
  return o;
}

std::string trimmed(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  size_t i = 0;
  while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  return s.substr(i);
}
}  // namespace

void register_routes(auth::Routes& routes, Service& registry) {
  routes.pub("GET", "/api/v1/industries", [&registry](http::Request&) -> Result<http::Response> {
    SZ_ASSIGN(auto list, registry.industries());
    bj::array items;
    for (const auto& i : list) {
      bj::array keys;
      for (const auto& k : i.key_districts) keys.emplace_back(k);
      items.push_back(bj::object{{"code", i.code}, {"name", i.name}, {"short_name", i.short_name}, {"key_districts", std::move(keys)}});
    }
    return json::reply(200, bj::object{{"items", std::move(items)}});
  });

  routes.pub("GET", "/api/v1/districts", [&registry](http::Request&) -> Result<http::Response> {
    SZ_ASSIGN(auto list, registry.districts());
    bj::array items;
    for (const auto& d : list)
      items.push_back(bj::object{{"code", d.code}, {"name", d.name}, {"division_code", d.division_code}, {"kind", d.kind}});
    return json::reply(200, bj::object{{"items", std::move(items)}});
  });

  routes.authed("GET", "/api/v1/enterprises", [&registry](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto page, json::page_of(req));
    store::Filter f;
    f.industry = req.query_param("industry").value_or("");
    f.district = req.query_param("district").value_or("");
    f.q = trimmed(req.query_param("q").value_or(""));
    if (text::utf8_length(f.q) > 50 || !text::valid_utf8(f.q)) return err::invalid("q", "搜索词不能超过50个字符");
    SZ_ASSIGN(auto r, registry.list_enterprises(p, f, page.size, page.offset()));
    bj::array items;
    for (const auto& e : r.items) items.push_back(list_item(e));
    return json::reply(200, json::page_reply(std::move(items), r.total, page));
  });

  routes.authed("GET", "/api/v1/enterprises/{id}", [&registry](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto e, registry.get_enterprise(p, id));
    return json::reply(200, detail(e, p));
  });
}

}  // namespace sz::registry
