#include "catalog/samples.h"

#include <boost/json.hpp>

#include <set>

#include "audit/service.h"
#include "infra/json.h"
#include "infra/text.h"
#include "registry/service.h"

namespace sz::catalog {

namespace bj = boost::json;

Result<SampleCriteria> Samples::parse_criteria(std::string_view json) {
  boost::system::error_code ec;
  auto v = bj::parse(json, ec);
  if (ec || !v.is_object()) return err::internal("sample-criteria.json is not a JSON object");
  SampleCriteria c;
  c.version = json::text_of(v.as_object(), "version");
  for (const auto& x : v.at("criteria").as_array())
    c.criteria.push_back({json::text_of(x.as_object(), "code"), json::text_of(x.as_object(), "name")});
  return c;
}

namespace {
bool admin(const auth::Principal& p) { return p.has(auth::Role::city_admin); }
bool official_or_expert(const auth::Principal& p) {
  return admin(p) || (p.has(auth::Role::district_officer) && p.district) || p.has(auth::Role::expert);
}

std::vector<DemandItem> items_of(const std::string& items_json) {
  std::vector<DemandItem> out;
  const bj::value v = bj::parse(items_json);
  for (const auto& x : v.as_array()) {
    const auto& o = x.as_object();
    DemandItem i{json::text_of(o, "kind"), json::text_of(o, "name"), json::text_of(o, "category"),
                 json::text_of(o, "description"), {}};
    for (const auto& s : o.at("samples").as_array()) i.samples.push_back(s.as_int64());
    out.push_back(std::move(i));
  }
  return out;
}

std::string items_json(const std::vector<DemandItem>& items) {
  bj::array a;
  for (const auto& i : items) {
    bj::array samples;
    for (int64_t s : i.samples) samples.push_back(s);
    a.push_back(bj::object{{"kind", i.kind}, {"name", i.name}, {"category", i.category}, {"description", i.description},
                           {"samples", std::move(samples)}});
  }
  return bj::serialize(a);
}

Status need_industry(db::Connection& c, const std::string& industry) {
  SZ_ASSIGN(bool known, registry::internal::industry_exists(c, industry));
  SZ_ASSIGN(auto pilot, registry::internal::pilot_industry_of(c, industry));
  if (!known || pilot != industry) return err::invalid("industry", "试点行业不存在：" + industry);
  return ok();
}
}  // namespace

Result<SampleView> Samples::view(db::Connection& c, store::Sample s) {
  SampleView v{std::move(s), "", "", {}};
  SZ_ASSIGN(auto e, registry::internal::find(c, v.sample.enterprise_id));
  if (e) {
    v.enterprise_name = e->name;
    v.district_code = e->district_code;
  }
  std::map<std::string, bool> met;
  const bj::value criteria = bj::parse(v.sample.criteria_json);
  for (const auto& kv : criteria.as_object()) met[std::string(kv.key())] = kv.value().at("met").as_bool();
  v.unmet = unmet_criteria(criteria_, met);
  return v;
}

Result<SampleView> Samples::propose(const auth::Principal& p, const auth::Origin& from, const SampleInput& in) {
  if (!admin(p) && !(p.has(auth::Role::district_officer) && p.district))
    return err::forbidden("样本企业由市级管理员或区县专班推荐");
  bj::object criteria;
  for (const auto& c : criteria_.criteria) {
    auto it = in.criteria.find(c.code);
    if (it == in.criteria.end()) return err::invalid("criteria", "请逐项说明遴选条件：" + c.name);
    if (text::utf8_length(it->second.evidence) > 500) return err::invalid("criteria", c.name + "的说明不能超过500个字符");
    if (it->second.met && text::trim(it->second.evidence).empty())
      return err::invalid("criteria", "满足的条件须写明依据：" + c.name);
    criteria[c.code] = bj::object{{"met", it->second.met}, {"evidence", text::trim(it->second.evidence)}};
  }
  for (const auto& [code, _] : in.criteria)
    if (!criteria.contains(code)) return err::invalid("criteria", "未知的遴选条件：" + code);
  if (text::utf8_length(in.note) > 2000) return err::invalid("note", "推荐说明不能超过2000个字符");
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_TRY(need_industry(*c, in.industry));
  SZ_ASSIGN(auto e, registry::internal::find(*c, in.enterprise_id));
  if (!e) return err::invalid("enterprise_id", "企业不存在：" + std::to_string(in.enterprise_id));
  if (!auth::enterprise_scope(p).covers(e->district_code, e->id)) return err::forbidden("超出数据权限范围：只能推荐本区县的企业");
  SZ_ASSIGN(auto industry, registry::internal::pilot_industry_of(*c, e->industry_code));
  if (industry != in.industry) return err::invalid("enterprise_id", "该企业不属于所选试点行业");
  SZ_ASSIGN(bool dup, store::sample_exists(*c, in.industry, in.enterprise_id));
  if (dup) return err::conflict("enterprise_id", "该企业已被推荐为本行业样本");
  store::Sample s{0, in.industry, in.enterprise_id, bj::serialize(criteria), in.note, "proposed", std::nullopt, std::nullopt,
                  p.username, clock_.now()};
  SZ_ASSIGN(s.id, store::insert_sample(*c, s));
  SZ_TRY(audit::record(*c, s.created_at, auth::actor_of(p, from), "sample.propose", "sample", std::to_string(s.id), "",
                       bj::serialize(bj::object{{"industry", s.industry_code}, {"enterprise_id", s.enterprise_id},
                                                {"criteria", criteria}})));
  SZ_TRY(tx->commit());
  return view(*c, std::move(s));
}

Result<std::vector<SampleView>> Samples::samples(const auth::Principal& p, const std::string& industry) {
  if (!official_or_expert(p)) return err::forbidden("样本企业的遴选材料仅对主管部门和专家开放");
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto list, store::samples(*c, industry));
  std::vector<SampleView> out;
  for (auto& s : list) {
    SZ_ASSIGN(auto v, view(*c, std::move(s)));
    out.push_back(std::move(v));
  }
  return out;
}

Result<store::Deliberation> Samples::deliberate(const auth::Principal& p, const auth::Origin& from,
                                                const DeliberationInput& in) {
  if (!admin(p)) return err::forbidden("专家审议由市级管理员记录");
  if (auto why = panel_problem({in.held_on, in.minutes, in.experts})) return err::invalid(why->first, why->second);
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_TRY(need_industry(*c, in.industry));
  bj::array experts;
  for (const auto& x : in.experts) experts.push_back(bj::value(text::trim(x)));
  store::Deliberation d{0, in.industry, in.held_on, bj::serialize(experts), in.minutes, p.username, clock_.now()};
  SZ_ASSIGN(d.id, store::insert_deliberation(*c, d));
  bj::array decided;
  for (const auto& dec : in.decisions) {
    SZ_ASSIGN(auto s, store::sample(*c, dec.sample_id));
    if (!s || s->industry_code != in.industry) return err::invalid("decisions", "本行业没有这个样本推荐：" + std::to_string(dec.sample_id));
    if (dec.decision != "selected" && dec.decision != "rejected") return err::invalid("decisions", "审议结论应为 selected 或 rejected");
    auto decided_move = workflow::decide(selection_, s->status, dec.decision == "selected" ? "select" : "reject", {"city_admin"});
    if (std::holds_alternative<workflow::Refused>(decided_move))
      return err::conflict("decisions", "样本推荐已审议过：" + std::to_string(dec.sample_id));
    if (dec.decision == "selected") {  // criteria_met, the guard parse_selection lets through
      SZ_ASSIGN(auto v, view(*c, *s));
      if (!v.unmet.empty()) return err::conflict("decisions", v.enterprise_name + " 未满足：" + v.unmet.front() + "，不能确定为样本");
    } else if (text::trim(dec.reason).empty()) {
      return err::invalid("decisions", "未入选须写明理由");
    }
    SZ_TRY(store::decide_sample(*c, s->id, dec.decision, d.id, text::trim(dec.reason)));
    decided.push_back(bj::object{{"sample_id", s->id}, {"decision", dec.decision}});
  }
  SZ_TRY(audit::record(*c, d.created_at, auth::actor_of(p, from), "sample.deliberate", "sample", std::to_string(d.id), "",
                       bj::serialize(bj::object{{"industry", d.industry_code}, {"held_on", d.held_on},
                                                {"experts", experts}, {"decisions", decided}})));
  SZ_TRY(tx->commit());
  return d;
}

Result<std::vector<store::Deliberation>> Samples::deliberations(const auth::Principal& p, const std::string& industry) {
  if (!official_or_expert(p)) return err::forbidden("专家审议记录仅对主管部门和专家开放");
  SZ_ASSIGN(auto* c, db_->local());
  return store::deliberations(*c, industry);
}

Result<workflow::Workflow> Samples::parse_selection(std::string_view json) {
  return workflow::parse(json, "sample-selection.json", {"criteria_met"});
}

Result<workflow::Workflow> Samples::parse_lists(std::string_view json) {
  return workflow::parse(json, "demand-list.json", {"latest_version"});
}

Result<ListView> Samples::list_view(db::Connection& c, const auth::Principal& p, store::DemandList l) {
  ListView v{std::move(l), {}, std::nullopt, {}, {}, {}};
  // Only the industry's latest version may be confirmed (an older draft was overtaken by a newer one).
  SZ_ASSIGN(int64_t latest, store::latest_version(c, v.list.industry_code));
  workflow::Holding holds;
  if (v.list.version == latest) holds.insert("latest_version");
  v.actions = workflow::open_moves(lists_, v.list.status, admin(p) ? workflow::Parties{"city_admin"} : workflow::Parties{}, &holds);
  v.items = items_of(v.list.items_json);
  for (const auto& i : v.items)
    for (int64_t sid : i.samples) {
      if (v.sample_names.count(sid)) continue;
      SZ_ASSIGN(auto s, store::sample(c, sid));
      std::string name;
      if (s) {
        SZ_ASSIGN(auto e, registry::internal::find(c, s->enterprise_id));
        if (e) name = e->name;
      }
      v.sample_names[sid] = name;
    }
  if (v.list.version > 1) {
    SZ_ASSIGN(auto all, store::demand_lists(c, v.list.industry_code));
    for (const auto& x : all)
      if (x.version == v.list.version - 1) {
        v.previous_version = x.version;
        v.diff = diff_demand_lists(items_of(x.items_json), v.items);
      }
  } else {
    v.diff = diff_demand_lists({}, v.items);
  }
  return v;
}

Result<ListView> Samples::draft_list(const auth::Principal& p, const auth::Origin& from, const std::string& industry,
                                     const std::vector<DemandItem>& items, const std::string& note) {
  if (!admin(p)) return err::forbidden("需求清单由市级管理员编制");
  if (auto problem = demand_list_problem(catalog_, items)) return err::invalid("items", *problem);
  if (text::utf8_length(note) > 2000) return err::invalid("note", "说明不能超过2000个字符");
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_TRY(need_industry(*c, industry));
  for (const auto& i : items)
    for (int64_t sid : i.samples) {
      SZ_ASSIGN(auto s, store::sample(*c, sid));
      if (!s || s->industry_code != industry || s->status != "selected")
        return err::invalid("items", "“" + i.name + "”所注样本不是本行业已确定的样本企业：" + std::to_string(sid));
    }
  SZ_ASSIGN(int64_t latest, store::latest_version(*c, industry));
  store::DemandList l{0, industry, latest + 1, items_json(items), note, "draft", std::nullopt, p.username, clock_.now(),
                      std::nullopt};
  SZ_ASSIGN(l.id, store::insert_demand_list(*c, l));
  SZ_TRY(audit::record(*c, l.created_at, auth::actor_of(p, from), "demand_list.draft", "demand_list", std::to_string(l.id), "",
                       bj::serialize(bj::object{{"industry", industry}, {"version", l.version},
                                                {"items", static_cast<int64_t>(items.size())}})));
  SZ_TRY(tx->commit());
  return list_view(*c, p, std::move(l));
}

Result<ListView> Samples::confirm_list(const auth::Principal& p, const auth::Origin& from, int64_t id, int64_t deliberation_id) {
  if (!admin(p)) return err::forbidden("需求清单经专家审议后由市级管理员确定");
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto l, store::demand_list(*c, id));
  if (!l) return err::not_found("需求清单不存在");
  if (!lists_.move("confirm")->starts_from(l->status)) return err::conflict("status", "该版本已确定，不能再改；请起草新版本");
  SZ_ASSIGN(int64_t latest, store::latest_version(*c, l->industry_code));  // latest_version
  if (l->version != latest) return err::conflict("version", "已有更新的草稿（第" + std::to_string(latest) + "版），只能确定最新版本");
  SZ_ASSIGN(auto d, store::deliberation(*c, deliberation_id));
  if (!d || d->industry_code != l->industry_code) return err::invalid("deliberation_id", "请选择本行业的专家审议记录");
  int64_t now = clock_.now();
  SZ_TRY(store::confirm_demand_list(*c, id, deliberation_id, now));
  // The confirmed list's scenarios stand in the N+X library (形成“N+X”样本库); those already there stay as they are.
  SZ_ASSIGN(auto library, store::scenarios(*c, l->industry_code));
  std::set<std::string> present;
  for (const auto& s : library) present.insert(s.name);
  bj::array added;
  for (const auto& i : items_of(l->items_json)) {
    if (present.count(i.name)) continue;
    store::Scenario s{0, l->industry_code, i.kind, i.name, i.category, i.description, now, std::nullopt, std::nullopt};
    SZ_TRY(store::insert_scenario(*c, s));
    added.push_back(bj::value(i.name));
  }
  SZ_TRY(audit::record(*c, now, auth::actor_of(p, from), "demand_list.confirm", "demand_list", std::to_string(id), "",
                       bj::serialize(bj::object{{"industry", l->industry_code}, {"version", l->version},
                                                {"deliberation_id", deliberation_id}, {"library_added", added}})));
  SZ_TRY(tx->commit());
  SZ_ASSIGN(auto saved, store::demand_list(*c, id));
  return list_view(*c, p, std::move(*saved));
}

Result<ListView> Samples::list(const auth::Principal& p, int64_t id) {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto l, store::demand_list(*c, id));
  if (!l) return err::not_found("需求清单不存在");
  return list_view(*c, p, std::move(*l));
}

Result<std::vector<ListView>> Samples::lists(const auth::Principal& p, const std::string& industry) {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto all, store::demand_lists(*c, industry));
  std::vector<ListView> out;
  for (auto& l : all) {
    SZ_ASSIGN(auto v, list_view(*c, p, std::move(l)));
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace sz::catalog
