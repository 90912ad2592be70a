#include "records/api.h"

namespace sz::records {

namespace bj = boost::json;

namespace {
using json::opt_value;

bj::value decision_json(const std::optional<Decision>& d) {
  if (!d) return nullptr;
  return bj::object{{"on", d->on}, {"decided_by", d->decided_by}, {"evidence", d->evidence},
                    {"recorded_by_name", d->recorded_by_name}, {"recorded_at", iso_utc(d->recorded_at)}};
}

// {"on", "decided_by", "evidence"}: a decision as a caller records it.
Result<Decision> decision_from(const bj::object& o, std::initializer_list<std::string_view> more = {}) {
  std::vector<std::string> keys = {"on", "decided_by", "evidence"};
  for (auto k : more) keys.emplace_back(k);
  SZ_TRY(json::only_keys(o, keys));
  Decision d;
  SZ_ASSIGN(d.on, json::required_string(o, "on", "日期", 10));
  SZ_ASSIGN(d.decided_by, json::required_string(o, "decided_by", "作出决定的单位", 100));
  SZ_ASSIGN(d.evidence, json::required_string(o, "evidence", "佐证", 500));
  return d;
}

bj::object chain_json(const ChainModel& m) {
  bj::array scenarios, members, member_names;
  for (const auto& n : m.member_names) member_names.push_back(bj::value(n));
  for (const auto& s : m.scenarios) scenarios.push_back(bj::value(s));
  for (int64_t e : m.members) members.push_back(e);
  return bj::object{{"id", m.id}, {"name", m.name}, {"industry", m.industry_code},
                    {"lead_enterprise_id", opt_value(m.lead_enterprise_id)}, {"lead_name", m.lead_name},
                    {"provider_id", opt_value(m.provider_id)}, {"scenarios", std::move(scenarios)},
                    {"status", m.completed ? "completed" : "building"}, {"status_name", m.completed ? "已建成" : "建设中"},
                    {"completed", decision_json(m.completed)}, {"miit", decision_json(m.miit)},
                    {"members", std::move(members)}, {"member_names", std::move(member_names)}};
}

bj::object lighthouse_json(const Lighthouse& l) {
  return bj::object{{"id", l.id}, {"enterprise_id", l.enterprise_id}, {"enterprise_name", l.enterprise_name},
                    {"district", l.district_code}, {"designated", decision_json(l.designated)}, {"note", l.note}};
}

bj::object workshop_json(const Workshop& w) {
  return bj::object{{"id", w.id}, {"name", w.name}, {"lead_enterprise_id", w.lead_enterprise_id}, {"lead_name", w.lead_name},
                    {"partners", w.partners}, {"provider_id", opt_value(w.provider_id)}, {"provider_name", w.provider_name},
                    {"established", decision_json(w.established)}};
}

bj::object park_json(const Park& k) {
  return bj::object{{"id", k.id}, {"name", k.name}, {"district", k.district_code}, {"industry", k.industry_code},
                    {"recognized_on", k.recognized_on}, {"enterprises", k.enterprises},
                    {"transformed", decision_json(k.transformed)}};
}
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
    for (const auto& m : list) items.push_back(chain_json(m));
    return json::reply(200, bj::object{{"items", std::move(items)}});
  });

  routes.authed("POST", "/api/v1/chain-models", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"name", "industry", "lead_enterprise_id", "lead_name", "provider_id", "scenarios", "members"}));
    ChainModel m;
    SZ_ASSIGN(m.name, json::required_string(o, "name", "模式名称", 100));
    SZ_ASSIGN(m.industry_code, json::required_string(o, "industry", "行业", 40));
    SZ_ASSIGN(m.lead_enterprise_id, json::optional_int(o, "lead_enterprise_id", "链主企业"));
    SZ_ASSIGN(auto lead, json::optional_string(o, "lead_name", "链主企业名称", 100));
    m.lead_name = lead.value_or("");
    SZ_ASSIGN(m.provider_id, json::optional_int(o, "provider_id", "服务商"));
    SZ_ASSIGN(m.scenarios, json::string_list(o, "scenarios", "场景"));
    if (auto* v = o.if_contains("members"); v && v->is_array())
      for (const auto& x : v->as_array()) {
        if (!x.is_int64()) return err::invalid("members", "链上企业应为企业编号数组");
        m.members.push_back(x.as_int64());
      }
    SZ_ASSIGN(auto saved, svc.add_chain(p, auth::origin_of(req), m));
    return json::reply(201, bj::object{{"id", saved.id}});
  });

  routes.authed("POST", "/api/v1/chain-models/{id}/completion", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_ASSIGN(auto d, decision_from(o));
    SZ_ASSIGN(auto m, svc.complete_chain(p, auth::origin_of(req), id, d));
    return json::reply(200, chain_json(m));
  });

  routes.authed("POST", "/api/v1/chain-models/{id}/miit-recognition", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_ASSIGN(auto d, decision_from(o));
    SZ_ASSIGN(auto m, svc.recognize_chain(p, auth::origin_of(req), id, d));
    return json::reply(200, chain_json(m));
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
    for (const auto& k : list) items.push_back(park_json(k));
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
    SZ_ASSIGN(k.enterprises, json::required_int(o, "enterprises", "入园企业数", "park_enterprises"));
    SZ_ASSIGN(auto saved, svc.add_park(p, auth::origin_of(req), k));
    return json::reply(201, bj::object{{"id", saved.id}});
  });

  routes.authed("POST", "/api/v1/parks/{id}/transformation", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_ASSIGN(auto d, decision_from(o));
    SZ_ASSIGN(auto k, svc.transform_park(p, auth::origin_of(req), id, d));
    return json::reply(200, park_json(k));
  });

  routes.authed("GET", "/api/v1/lighthouses", [&svc](http::Request& req, const auth::Principal&) -> Result<http::Response> {
    SZ_ASSIGN(auto eid, json::id_query(req, "enterprise_id", "企业编号"));
    SZ_ASSIGN(auto list, svc.lighthouses(eid));
    bj::array items;
    for (const auto& l : list) items.push_back(lighthouse_json(l));
    return json::reply(200, bj::object{{"items", std::move(items)}});
  });

  routes.authed("POST", "/api/v1/lighthouses", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    Lighthouse l;
    SZ_ASSIGN(l.designated, decision_from(o, {"enterprise_id", "note"}));
    SZ_ASSIGN(l.enterprise_id, json::required_int(o, "enterprise_id", "企业编号", 1, INT64_MAX));
    SZ_ASSIGN(auto note, json::optional_string(o, "note", "说明", 500));
    l.note = note.value_or("");
    SZ_ASSIGN(auto saved, svc.designate(p, auth::origin_of(req), l));
    return json::reply(201, lighthouse_json(saved));
  });

  routes.authed("GET", "/api/v1/digital-workshops", [&svc](http::Request& req, const auth::Principal&) -> Result<http::Response> {
    SZ_ASSIGN(auto eid, json::id_query(req, "enterprise_id", "企业编号"));
    SZ_ASSIGN(auto list, svc.workshops(eid));
    bj::array items;
    for (const auto& w : list) items.push_back(workshop_json(w));
    return json::reply(200, bj::object{{"items", std::move(items)}});
  });

  routes.authed("POST", "/api/v1/digital-workshops", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    Workshop w;
    SZ_ASSIGN(w.established, decision_from(o, {"name", "lead_enterprise_id", "partners", "provider_id"}));
    SZ_ASSIGN(w.name, json::required_string(o, "name", "数字工坊名称", 100));
    SZ_ASSIGN(w.lead_enterprise_id, json::required_int(o, "lead_enterprise_id", "牵头企业", 1, INT64_MAX));
    SZ_ASSIGN(w.partners, json::required_string(o, "partners", "合作方", 200));
    SZ_ASSIGN(w.provider_id, json::optional_int(o, "provider_id", "服务商"));
    SZ_ASSIGN(auto saved, svc.add_workshop(p, auth::origin_of(req), w));
    return json::reply(201, workshop_json(saved));
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
    SZ_ASSIGN(int64_t people, json::required_int(o, "people", "参训人数", "training_people"));
    SZ_TRY(svc.attend(p, auth::origin_of(req), id, eid, people));
    return http::no_content();
  });

  routes.authed("GET", "/api/v1/records/tally", [&svc](http::Request&, const auth::Principal&) -> Result<http::Response> {
    SZ_ASSIGN(auto t, svc.tally());
    return json::reply(200, bj::object{{"smart_factories", counts(t.smart)}, {"chain_models", counts(t.chains)},
                                       {"parks", counts(t.parks)}, {"chain_models_registered", t.chains_registered},
                                       {"parks_registered", t.parks_registered}, {"miit_chain_cases", t.miit_cases},
                                       {"lighthouses", t.lighthouses}, {"digital_workshops", t.workshops},
                                       {"training", bj::object{{"sessions", t.trainings}, {"enterprises", t.trained_enterprises},
                                                               {"people", t.trained_people}}}});
  });
}

}  // namespace sz::records
