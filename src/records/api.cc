#include "records/api.h"

namespace sz::records {

namespace bj = boost::json;

namespace {
using json::opt_value;
bj::object counts(const std::map<std::string, int64_t>& m) {
  bj::object o;
  int64_t total = 0;
  for (const auto& [k, v] : m) o[k] = v, total += v;
  o["total"] = total;
  return o;
}
}  // namespace

void register_routes(auth::Routes& routes, Service& svc) {
  routes.authed("GET", "/api/v1/chain-models", [&svc](http::Request& req, const auth::Principal&) -> Result<http::Response> {
    SZ_ASSIGN(auto list, svc.chains(req.query_param("industry").value_or("")));
    bj::array items;
    for (const auto& m : list) {
      bj::array scenarios, members, member_names;
      for (const auto& n : m.member_names) member_names.push_back(bj::value(n));
      for (const auto& s : m.scenarios) scenarios.push_back(bj::value(s));
      for (int64_t e : m.members) members.push_back(e);
      items.push_back(bj::object{{"id", m.id}, {"name", m.name}, {"industry", m.industry_code},
                                 {"lead_enterprise_id", opt_value(m.lead_enterprise_id)}, {"lead_name", m.lead_name},
                                 {"provider_id", opt_value(m.provider_id)}, {"scenarios", std::move(scenarios)},
                                 {"status", m.status}, {"status_name", m.status == "building" ? "建设中" : "运行中"},
                                 {"recognized_by_miit", m.recognized_by_miit}, {"members", std::move(members)},
                                 {"member_names", std::move(member_names)}});
    }
    return json::reply(200, bj::object{{"items", std::move(items)}});
  });

  routes.authed("POST", "/api/v1/chain-models", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"name", "industry", "lead_enterprise_id", "lead_name", "provider_id", "scenarios", "status",
                               "recognized_by_miit", "members"}));
    ChainModel m;
    SZ_ASSIGN(m.name, json::required_string(o, "name", "模式名称", 100));
    SZ_ASSIGN(m.industry_code, json::required_string(o, "industry", "行业", 40));
    SZ_ASSIGN(m.lead_enterprise_id, json::optional_int(o, "lead_enterprise_id", "链主企业"));
    SZ_ASSIGN(auto lead, json::optional_string(o, "lead_name", "链主企业名称", 100));
    m.lead_name = lead.value_or("");
    SZ_ASSIGN(m.provider_id, json::optional_int(o, "provider_id", "服务商"));
    SZ_ASSIGN(m.scenarios, json::string_list(o, "scenarios", "场景"));
    SZ_ASSIGN(auto status, json::optional_string(o, "status", "状态", 20));
    m.status = status.value_or("building");
    SZ_ASSIGN(auto miit, json::optional_bool(o, "recognized_by_miit", "获评工信部典型案例"));
    m.recognized_by_miit = miit.value_or(false);
    if (auto* v = o.if_contains("members"); v && v->is_array())
      for (const auto& x : v->as_array()) {
        if (!x.is_int64()) return err::invalid("members", "链上企业应为企业编号数组");
        m.members.push_back(x.as_int64());
      }
    SZ_ASSIGN(auto saved, svc.add_chain(p, auth::origin_of(req), m));
    return json::reply(201, bj::object{{"id", saved.id}});
  });

  routes.authed("GET", "/api/v1/recognitions", [&svc](http::Request& req, const auth::Principal&) -> Result<http::Response> {
    SZ_ASSIGN(auto eid, json::id_query(req, "enterprise_id", "企业编号"));
    SZ_ASSIGN(auto list, svc.recognitions(eid));
    bj::array items;
    for (const auto& r : list)
      items.push_back(bj::object{{"id", r.id}, {"enterprise_id", r.enterprise_id}, {"enterprise_name", r.enterprise_name},
                                 {"kind", r.kind}, {"level", r.level},
                                 {"name", r.name}, {"recognized_on", r.recognized_on}});
    return json::reply(200, bj::object{{"items", std::move(items)}});
  });

  routes.authed("POST", "/api/v1/recognitions", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"enterprise_id", "kind", "level", "name", "recognized_on"}));
    Recognition r;
    SZ_ASSIGN(r.enterprise_id, json::required_int(o, "enterprise_id", "企业编号", 1, INT64_MAX));
    SZ_ASSIGN(r.kind, json::required_string(o, "kind", "类型", 20));
    SZ_ASSIGN(r.level, json::required_string(o, "level", "级别", 20));
    SZ_ASSIGN(r.name, json::required_string(o, "name", "认定名称", 100));
    SZ_ASSIGN(r.recognized_on, json::required_string(o, "recognized_on", "认定日期", 10));
    SZ_ASSIGN(auto saved, svc.recognize(p, auth::origin_of(req), r));
    return json::reply(201, bj::object{{"id", saved.id}});
  });

  routes.authed("GET", "/api/v1/parks", [&svc](http::Request&, const auth::Principal&) -> Result<http::Response> {
    SZ_ASSIGN(auto list, svc.parks());
    bj::array items;
    for (const auto& k : list)
      items.push_back(bj::object{{"id", k.id}, {"name", k.name}, {"district", k.district_code}, {"industry", k.industry_code},
                                 {"recognized_on", k.recognized_on}, {"enterprises", k.enterprises}});
    return json::reply(200, bj::object{{"items", std::move(items)}});
  });

  routes.authed("POST", "/api/v1/parks", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"name", "district", "industry", "recognized_on", "enterprises"}));
    Park k;
    SZ_ASSIGN(k.name, json::required_string(o, "name", "园区名称", 100));
    SZ_ASSIGN(k.district_code, json::required_string(o, "district", "区县", 20));
    SZ_ASSIGN(k.industry_code, json::required_string(o, "industry", "行业", 40));
    SZ_ASSIGN(k.recognized_on, json::required_string(o, "recognized_on", "认定日期", 10));
    SZ_ASSIGN(k.enterprises, json::required_int(o, "enterprises", "入园企业数", 0, 100000));
    SZ_ASSIGN(auto saved, svc.add_park(p, auth::origin_of(req), k));
    return json::reply(201, bj::object{{"id", saved.id}});
  });

  routes.authed("GET", "/api/v1/trainings", [&svc](http::Request&, const auth::Principal&) -> Result<http::Response> {
    SZ_ASSIGN(auto list, svc.trainings());
    bj::array items;
    for (const auto& t : list) {
      int64_t people = 0;
      for (const auto& [e, n] : t.attendance) people += n;
      items.push_back(bj::object{{"id", t.id}, {"title", t.title}, {"audience", t.audience},
                                 {"audience_name", t.audience == "management" ? "管理人员" : "技术人员"}, {"held_on", t.held_on},
                                 {"place", t.place}, {"enterprises", static_cast<int64_t>(t.attendance.size())}, {"people", people}});
    }
    return json::reply(200, bj::object{{"items", std::move(items)}});
  });

  routes.authed("POST", "/api/v1/trainings", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"title", "audience", "held_on", "place"}));
    Training t;
    SZ_ASSIGN(t.title, json::required_string(o, "title", "培训名称", 100));
    SZ_ASSIGN(t.audience, json::required_string(o, "audience", "培训对象", 20));
    SZ_ASSIGN(t.held_on, json::required_string(o, "held_on", "举办日期", 10));
    SZ_ASSIGN(auto place, json::optional_string(o, "place", "地点", 200));
    t.place = place.value_or("");
    SZ_ASSIGN(auto saved, svc.add_training(p, auth::origin_of(req), t));
    return json::reply(201, bj::object{{"id", saved.id}});
  });

  routes.authed("PUT", "/api/v1/trainings/{id}/attendance", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"enterprise_id", "people"}));
    SZ_ASSIGN(int64_t eid, json::required_int(o, "enterprise_id", "企业编号", 1, INT64_MAX));
    SZ_ASSIGN(int64_t people, json::required_int(o, "people", "参训人数", 1, 1000));
    SZ_TRY(svc.attend(p, auth::origin_of(req), id, eid, people));
    return http::no_content();
  });

  routes.authed("GET", "/api/v1/records/tally", [&svc](http::Request&, const auth::Principal&) -> Result<http::Response> {
    SZ_ASSIGN(auto t, svc.tally());
    return json::reply(200, bj::object{{"smart_factories", counts(t.smart)}, {"chain_models", counts(t.chains)},
                                       {"parks", counts(t.parks)},
                                       {"training", bj::object{{"sessions", t.trainings}, {"enterprises", t.trained_enterprises},
                                                               {"people", t.trained_people}}}});
  });
}

}  // namespace sz::records
