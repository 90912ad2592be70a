#include "catalog/samples_api.h"

#include "infra/text.h"

namespace sz::catalog {

namespace bj = boost::json;

namespace {
using json::opt_value;

bj::object sample_json(const Samples& svc, const SampleView& v) {
  bj::array unmet;
  for (const auto& u : v.unmet) unmet.push_back(bj::value(u));
  const auto& s = v.sample;
  return bj::object{{"id", s.id},
                    {"industry", s.industry_code},
                    {"enterprise", bj::object{{"id", s.enterprise_id}, {"name", v.enterprise_name}, {"district", v.district_code}}},
                    {"criteria", bj::parse(s.criteria_json)},
                    {"unmet", std::move(unmet)},
                    {"note", s.note},
                    {"status", s.status},
                    {"status_name", svc.selection().state_name(s.status)},
                    {"deliberation_id", opt_value(s.deliberation_id)},
                    {"decision_reason", opt_value(s.decision_reason)},
                    {"proposed_by", s.proposed_by},
                    {"created_at", iso_utc(s.created_at)}};
}

bj::object deliberation_json(const store::Deliberation& d) {
  return bj::object{{"id", d.id},          {"industry", d.industry_code},         {"held_on", d.held_on},
                    {"experts", bj::parse(d.experts_json)}, {"minutes", d.minutes}, {"recorded_by", d.recorded_by},
                    {"created_at", iso_utc(d.created_at)}};
}

// The items with each sample named, so readers who cannot open the samples still see whose need it was.
bj::array items_json(const ListView& v) {
  bj::array out;
  const bj::value stored = bj::parse(v.list.items_json);
  for (const auto& x : stored.as_array()) {
    bj::object o = x.as_object();
    bj::array named;
    for (const auto& s : o.at("samples").as_array()) {
      auto it = v.sample_names.find(s.as_int64());
      named.push_back(bj::object{{"id", s.as_int64()}, {"enterprise_name", it == v.sample_names.end() ? "" : it->second}});
    }
    o["sample_enterprises"] = std::move(named);
    out.push_back(std::move(o));
  }
  return out;
}

bj::array names(const std::vector<std::string>& list) {
  bj::array a;
  for (const auto& n : list) a.push_back(bj::value(n));
  return a;
}

bj::object list_json(const Samples& svc, const ListView& v) {
  const auto& l = v.list;
  return bj::object{{"id", l.id},
                    {"industry", l.industry_code},
                    {"version", l.version},
                    {"status", l.status},
                    {"status_name", svc.list_workflow().state_name(l.status)},
                    {"actions", json::moves_json(v.actions)},
                    {"items", items_json(v)},
                    {"note", l.note},
                    {"deliberation_id", opt_value(l.deliberation_id)},
                    {"created_by", l.created_by},
                    {"created_at", iso_utc(l.created_at)},
                    {"confirmed_at", l.confirmed_at ? bj::value(iso_utc(*l.confirmed_at)) : bj::value(nullptr)},
                    {"previous_version", opt_value(v.previous_version)},
                    {"changes", bj::object{{"added", names(v.diff.added)}, {"removed", names(v.diff.removed)},
                                           {"changed", names(v.diff.changed)}}}};
}

Result<std::vector<int64_t>> id_list(const bj::object& o, const char* key, const char* label) {
  std::vector<int64_t> out;
  auto* v = o.if_contains(key);
  if (!v) return out;
  if (!v->is_array()) return err::invalid(key, std::string(label) + "应为编号数组");
  for (const auto& x : v->as_array()) {
    if (!x.is_int64() || x.as_int64() <= 0) return err::invalid(key, std::string(label) + "应为正整数编号");
    out.push_back(x.as_int64());
  }
  return out;
}

Result<std::vector<DemandItem>> demand_items(const bj::object& o) {
  auto* v = o.if_contains("items");
  if (!v || !v->is_array() || v->as_array().empty() || v->as_array().size() > 200)
    return err::invalid("items", "items 应为 1–200 个场景的数组");
  std::vector<DemandItem> out;
  for (const auto& x : v->as_array()) {
    if (!x.is_object()) return err::invalid("items", "每个场景应为对象 {kind, name, category, description, samples}");
    const auto& i = x.as_object();
    SZ_TRY(json::only_keys(i, {"kind", "name", "category", "description", "samples"}));
    DemandItem d;
    SZ_ASSIGN(d.kind, json::required_string(i, "kind", "场景类型", 1));
    SZ_ASSIGN(d.name, json::required_string(i, "name", "场景名称", 60));
    d.name = text::trim(d.name);
    SZ_ASSIGN(d.category, json::required_string(i, "category", "场景分类", 40));
    SZ_ASSIGN(auto desc, json::optional_string(i, "description", "场景说明", 1000));
    d.description = desc.value_or("");
    SZ_ASSIGN(d.samples, id_list(i, "samples", "样本企业"));
    out.push_back(std::move(d));
  }
  return out;
}
}  // namespace

void register_sample_routes(auth::Routes& routes, Samples& svc) {
  routes.authed("GET", "/api/v1/sample-criteria", [&svc](http::Request&, const auth::Principal&) -> Result<http::Response> {
    bj::array items;
    for (const auto& c : svc.criteria().criteria) items.push_back(bj::object{{"code", c.code}, {"name", c.name}});
    return json::reply(200, bj::object{{"version", svc.criteria().version}, {"items", std::move(items)}});
  });

  routes.authed("GET", "/api/v1/samples", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto list, svc.samples(p, req.query_param("industry").value_or("")));
    bj::array items;
    for (const auto& v : list) items.push_back(sample_json(svc, v));
    return json::reply(200, bj::object{{"items", std::move(items)}});
  });

  routes.authed("POST", "/api/v1/samples", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"industry", "enterprise_id", "criteria", "note"}));
    SampleInput in;
    SZ_ASSIGN(in.industry, json::required_string(o, "industry", "试点行业", 40));
    SZ_ASSIGN(in.enterprise_id, json::required_int(o, "enterprise_id", "企业", 1, INT64_MAX));
    SZ_ASSIGN(auto note, json::optional_string(o, "note", "推荐说明", 2000));
    in.note = note.value_or("");
    auto* c = o.if_contains("criteria");
    if (!c || !c->is_object()) return err::invalid("criteria", "criteria 应为 {条件: {met, evidence}} 对象");
    for (const auto& kv : c->as_object()) {
      if (!kv.value().is_object()) return err::invalid("criteria", "每项条件应为 {met, evidence}");
      const auto& x = kv.value().as_object();
      SZ_TRY(json::only_keys(x, {"met", "evidence"}));
      Criterion cr;
      SZ_ASSIGN(cr.met, json::required_bool(x, "met", "是否满足"));
      SZ_ASSIGN(auto ev, json::optional_string(x, "evidence", "依据", 500));
      cr.evidence = ev.value_or("");
      in.criteria[std::string(kv.key())] = std::move(cr);
    }
    SZ_ASSIGN(auto v, svc.propose(p, auth::origin_of(req), in));
    return json::reply(201, sample_json(svc, v));
  });

  routes.authed("GET", "/api/v1/sample-deliberations", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto list, svc.deliberations(p, req.query_param("industry").value_or("")));
    bj::array items;
    for (const auto& d : list) items.push_back(deliberation_json(d));
    return json::reply(200, bj::object{{"items", std::move(items)}});
  });

  routes.authed("POST", "/api/v1/sample-deliberations", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"industry", "held_on", "experts", "minutes", "decisions"}));
    DeliberationInput in;
    SZ_ASSIGN(in.industry, json::required_string(o, "industry", "试点行业", 40));
    SZ_ASSIGN(in.held_on, json::required_string(o, "held_on", "审议日期", 10));
    SZ_ASSIGN(in.experts, json::string_list(o, "experts", "参加审议的专家"));
    SZ_ASSIGN(in.minutes, json::required_string(o, "minutes", "审议纪要", 8000));
    if (auto* v = o.if_contains("decisions")) {
      if (!v->is_array()) return err::invalid("decisions", "decisions 应为数组");
      for (const auto& x : v->as_array()) {
        if (!x.is_object()) return err::invalid("decisions", "每项结论应为 {sample_id, decision, reason}");
        const auto& d = x.as_object();
        SZ_TRY(json::only_keys(d, {"sample_id", "decision", "reason"}));
        Decision dec;
        SZ_ASSIGN(dec.sample_id, json::required_int(d, "sample_id", "样本推荐", 1, INT64_MAX));
        SZ_ASSIGN(dec.decision, json::required_string(d, "decision", "审议结论", 20));
        SZ_ASSIGN(auto reason, json::optional_string(d, "reason", "理由", 500));
        dec.reason = reason.value_or("");
        in.decisions.push_back(std::move(dec));
      }
    }
    SZ_ASSIGN(auto d, svc.deliberate(p, auth::origin_of(req), in));
    return json::reply(201, deliberation_json(d));
  });

  routes.authed("GET", "/api/v1/demand-lists", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto list, svc.lists(p, req.query_param("industry").value_or("")));
    bj::array items;
    for (const auto& v : list) items.push_back(list_json(svc, v));
    return json::reply(200, bj::object{{"items", std::move(items)}});
  });

  routes.authed("POST", "/api/v1/demand-lists", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"industry", "items", "note"}));
    SZ_ASSIGN(auto industry, json::required_string(o, "industry", "试点行业", 40));
    SZ_ASSIGN(auto items, demand_items(o));
    SZ_ASSIGN(auto note, json::optional_string(o, "note", "说明", 2000));
    SZ_ASSIGN(auto v, svc.draft_list(p, auth::origin_of(req), industry, items, note.value_or("")));
    return json::reply(201, list_json(svc, v));
  });

  routes.authed("GET", "/api/v1/demand-lists/{id}", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto v, svc.list(p, id));
    return json::reply(200, list_json(svc, v));
  });

  routes.authed("POST", "/api/v1/demand-lists/{id}/confirm", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"deliberation_id"}));
    SZ_ASSIGN(int64_t did, json::required_int(o, "deliberation_id", "专家审议记录", 1, INT64_MAX));
    SZ_ASSIGN(auto v, svc.confirm_list(p, auth::origin_of(req), id, did));
    return json::reply(200, list_json(svc, v));
  });
}

}  // namespace sz::catalog
