#include "market/api.h"

#include "registry/credit_code.h"

namespace sz::market {

namespace bj = boost::json;

namespace {
using json::opt_value;


// What anyone may see of a listed provider.
bj::object public_json(const Directory& dir, const store::ProviderRecord& r) {
  return bj::object{{"id", r.base.id},
                    {"name", r.base.name},
                    {"credit_code", r.base.credit_code},
                    {"kind", r.base.kind},
                    {"kind_name", provider_kind_name(r.base.kind)},
                    {"in_zhengzhou", r.base.in_zhengzhou},
                    {"industries", bj::parse(r.industries_json)},
                    {"status", r.base.status},
                    {"status_name", dir.rules().status_name(r.base.status)},
                    {"listed", listed(r.base.status)}};
}

bj::object full_json(const Directory& dir, const store::ProviderRecord& r) {
  bj::object o = public_json(dir, r);
  o["qualifications"] = r.qualifications;
  o["cases"] = r.cases;
  o["address"] = r.address;
  o["contact_name"] = r.contact_name;
  o["contact_phone"] = r.contact_phone;
  o["notice_from"] = opt_value(r.notice_from);
  o["notice_to"] = opt_value(r.notice_to);
  o["rectify_due"] = opt_value(r.rectify_due);
  o["status_changed_at"] = iso_utc(r.status_changed_at);
  return o;
}

// One provider as the caller reads it, with the moves open to the caller.
bj::object detail_json(const Directory& dir, const auth::Principal& p, const store::ProviderRecord& r, bool full) {
  bj::object o = full ? full_json(dir, r) : public_json(dir, r);
  o["actions"] = json::moves_json(dir.actions(p, r));
  return o;
}

Result<std::optional<std::vector<std::string>>> optional_list(const bj::object& o, const char* key, const char* label) {
  if (!o.contains(key) || o.at(key).is_null()) return std::optional<std::vector<std::string>>();
  SZ_ASSIGN(auto list, json::string_list(o, key, label));
  return std::optional<std::vector<std::string>>(std::move(list));
}
}  // namespace

void register_routes(auth::Routes& routes, Directory& dir) {
  // The public directory: listed providers only (in the library, not under removal).
  routes.pub("GET", "/api/v1/providers", [&dir](http::Request& req) -> Result<http::Response> {
    store::DirectoryFilter f;
    f.kind = req.query_param("kind").value_or("");
    f.industry = req.query_param("industry").value_or("");
    auth::Principal anyone;
    SZ_ASSIGN(auto list, dir.list(anyone, f));
    bj::array items;
    for (const auto& r : list) items.push_back(public_json(dir, r));
    return json::reply(200, bj::object{{"items", std::move(items)}});
  });

  routes.authed("GET", "/api/v1/provider-directory", [&dir](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    store::DirectoryFilter f;
    f.status = req.query_param("status").value_or("");
    f.kind = req.query_param("kind").value_or("");
    f.industry = req.query_param("industry").value_or("");
    SZ_ASSIGN(auto list, dir.list(p, f));
    bj::array items;
    bool admin = p.has(auth::Role::city_admin);
    for (const auto& r : list) items.push_back(admin ? full_json(dir, r) : public_json(dir, r));
    return json::reply(200, bj::object{{"items", std::move(items)}});
  });

  routes.authed("POST", "/api/v1/providers", [&dir](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"name", "credit_code", "kind", "in_zhengzhou"}));
    store::Provider in;
    SZ_ASSIGN(in.name, json::required_string(o, "name", "服务商名称", 100));
    SZ_ASSIGN(auto code, json::required_string(o, "credit_code", "统一社会信用代码", 30));
    in.credit_code = registry::normalize_credit_code(code);
    if (auto why = registry::credit_code_problem(in.credit_code)) return err::invalid("credit_code", *why);
    SZ_ASSIGN(in.kind, json::required_string(o, "kind", "类型", 20));
    SZ_ASSIGN(in.in_zhengzhou, json::required_bool(o, "in_zhengzhou", "是否在郑"));
    SZ_ASSIGN(auto r, dir.create(p, auth::origin_of(req), in));
    return json::reply(201, detail_json(dir, p, r, true));
  });

  routes.authed("GET", "/api/v1/providers/{id}", [&dir](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    bool full = false;
    SZ_ASSIGN(auto r, dir.get(p, id, &full));
    return json::reply(200, detail_json(dir, p, r, full));
  });

  routes.authed("PATCH", "/api/v1/providers/{id}", [&dir](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"name", "kind", "in_zhengzhou", "industries", "qualifications", "cases", "address",
                               "contact_name", "contact_phone"}));
    ProfileInput in;
    SZ_ASSIGN(in.name, json::optional_string(o, "name", "服务商名称", 100));
    SZ_ASSIGN(in.kind, json::optional_string(o, "kind", "类型", 20));
    SZ_ASSIGN(in.in_zhengzhou, json::optional_bool(o, "in_zhengzhou", "是否在郑"));
    SZ_ASSIGN(in.industries, optional_list(o, "industries", "服务行业"));
    SZ_ASSIGN(in.qualifications, json::optional_string(o, "qualifications", "资质", 2000));
    SZ_ASSIGN(in.cases, json::optional_string(o, "cases", "服务案例", 4000));
    SZ_ASSIGN(in.address, json::optional_string(o, "address", "地址", 200));
    SZ_ASSIGN(in.contact_name, json::optional_string(o, "contact_name", "联系人", 50));
    SZ_ASSIGN(in.contact_phone, json::optional_string(o, "contact_phone", "联系电话", 30));
    SZ_ASSIGN(auto r, dir.update_profile(p, auth::origin_of(req), id, in));
    return json::reply(200, detail_json(dir, p, r, true));
  });

  routes.authed("POST", "/api/v1/providers/{id}/transitions", [&dir](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"action", "reason", "due_on"}));
    SZ_ASSIGN(auto action, json::required_string(o, "action", "操作", 40));
    SZ_ASSIGN(auto reason, json::optional_string(o, "reason", "原因", 1000));
    SZ_ASSIGN(auto due, json::optional_string(o, "due_on", "整改期限", 10));
    SZ_ASSIGN(auto r, dir.move(p, auth::origin_of(req), id, action, reason.value_or(""), due));
    return json::reply(200, detail_json(dir, p, r, true));
  });

  routes.authed("GET", "/api/v1/providers/{id}/events", [&dir](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto list, dir.events(p, id));
    bj::array items;
    for (const auto& e : list)
      items.push_back(bj::object{{"id", e.id}, {"action", e.action}, {"from", e.from_status}, {"to", e.to_status},
                                 {"to_name", dir.rules().status_name(e.to_status)}, {"reason", e.reason},
                                 {"due_on", opt_value(e.due_on)}, {"actor", e.actor}, {"at", iso_utc(e.at)}});
    return json::reply(200, bj::object{{"items", std::move(items)}});
  });

  routes.authed("GET", "/api/v1/providers/{id}/objections", [&dir](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto list, dir.objections(p, id));
    bj::array items;
    for (const auto& o : list)
      items.push_back(bj::object{{"id", o.id}, {"objector", o.objector}, {"content", o.content},
                                 {"received_at", iso_utc(o.received_at)}, {"resolution", opt_value(o.resolution)}});
    return json::reply(200, bj::object{{"items", std::move(items)}});
  });

  routes.authed("POST", "/api/v1/providers/{id}/objections", [&dir](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"objector", "content"}));
    SZ_ASSIGN(auto objector, json::optional_string(o, "objector", "异议人", 100));
    SZ_ASSIGN(auto content, json::required_string(o, "content", "异议内容", 2000));
    SZ_ASSIGN(auto ob, dir.object(p, auth::origin_of(req), id, objector.value_or(""), content));
    return json::reply(201, bj::object{{"id", ob.id}});
  });

  routes.authed("POST", "/api/v1/providers/{id}/objections/{oid}/resolution", [&dir](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(int64_t oid, json::id_param(req, "oid"));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"resolution"}));
    SZ_ASSIGN(auto resolution, json::required_string(o, "resolution", "处理意见", 2000));
    SZ_TRY(dir.resolve(p, auth::origin_of(req), id, oid, resolution));
    return http::no_content();
  });

  routes.authed("GET", "/api/v1/providers/{id}/appeals", [&dir](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto list, dir.appeals(p, id));
    bj::array items;
    for (const auto& a : list)
      items.push_back(bj::object{{"id", a.id}, {"event_id", a.event_id}, {"reason", a.reason}, {"status", a.status},
                                 {"decision_note", opt_value(a.decision_note)}, {"created_at", iso_utc(a.created_at)}});
    return json::reply(200, bj::object{{"items", std::move(items)}});
  });

  routes.authed("POST", "/api/v1/providers/{id}/appeals", [&dir](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"reason"}));
    SZ_ASSIGN(auto reason, json::required_string(o, "reason", "申诉理由", 2000));
    SZ_ASSIGN(auto a, dir.appeal(p, auth::origin_of(req), id, reason));
    return json::reply(201, bj::object{{"id", a.id}, {"status", a.status}});
  });

  routes.authed("POST", "/api/v1/providers/{id}/appeals/{aid}/decision", [&dir](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(int64_t aid, json::id_param(req, "aid"));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"overturn", "note"}));
    SZ_ASSIGN(bool overturn, json::required_bool(o, "overturn", "是否撤销原决定"));
    SZ_ASSIGN(auto note, json::required_string(o, "note", "处理意见", 2000));
    SZ_ASSIGN(auto a, dir.decide_appeal(p, auth::origin_of(req), id, aid, overturn, note));
    return json::reply(200, bj::object{{"id", a.id}, {"status", a.status}});
  });

  routes.authed("GET", "/api/v1/provider-selections", [&dir](http::Request&, const auth::Principal&) -> Result<http::Response> {
    SZ_ASSIGN(auto s, dir.selection_summary());
    bj::array by;
    for (const auto& [industry, ids] : s.by_industry) {
      bj::array list;
      for (int64_t id : ids) list.push_back(id);
      by.push_back(bj::object{{"industry", industry}, {"selected", static_cast<int64_t>(ids.size())}, {"provider_ids", std::move(list)},
                              {"target", s.per_industry_target}});
    }
    return json::reply(200, bj::object{{"integrators_listed", s.integrators_listed}, {"city_minimum", s.city_minimum},
                                       {"per_industry_target", s.per_industry_target}, {"by_industry", std::move(by)}});
  });

  routes.authed("PUT", "/api/v1/provider-selections", [&dir](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"industry", "provider_id", "selected", "note"}));
    SZ_ASSIGN(auto industry, json::required_string(o, "industry", "行业", 40));
    SZ_ASSIGN(int64_t id, json::required_int(o, "provider_id", "服务商", 1, INT64_MAX));
    SZ_ASSIGN(bool selected, json::required_bool(o, "selected", "是否入选"));
    SZ_ASSIGN(auto note, json::optional_string(o, "note", "说明", 500));
    SZ_TRY(dir.select(p, auth::origin_of(req), industry, id, note.value_or(""), selected));
    return http::no_content();
  });

  routes.authed("GET", "/api/v1/provider-flows", [&dir](http::Request&, const auth::Principal&) -> Result<http::Response> {
    SZ_ASSIGN(auto months, dir.flows());
    bj::array items;
    for (const auto& [month, in, out] : months) items.push_back(bj::object{{"month", month}, {"admitted", in}, {"removed", out}});
    return json::reply(200, bj::object{{"items", std::move(items)}});
  });
}

}  // namespace sz::market
