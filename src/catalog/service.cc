#include "catalog/service.h"

#include <algorithm>
#include <boost/json.hpp>
#include <set>

#include "audit/service.h"
#include "infra/json.h"
#include "infra/ranges.h"
#include "infra/text.h"
#include "market/directory.h"
#include "market/service.h"
#include "projects/service.h"

namespace sz::catalog {

namespace bj = boost::json;

namespace {
bool admin(const auth::Principal& p) { return p.has(auth::Role::city_admin); }
using json::text_of;
std::string audit_json(const store::Product& p) {
  return bj::serialize(bj::object{{"name", p.name}, {"category", p.category}, {"price_fen", p.price_fen}, {"status", p.status}});
}
}  // namespace

Result<Catalog> Service::parse_catalog(std::string_view json) {
  boost::system::error_code ec;
  auto v = bj::parse(json, ec);
  if (ec || !v.is_object()) return err::internal("product-catalog.json is not a JSON object");
  const auto& o = v.as_object();
  Catalog c;
  c.version = text_of(o, "version");
  for (const auto& x : o.at("categories").as_array()) c.categories.push_back({text_of(x.as_object(), "code"), text_of(x.as_object(), "name")});
  for (const auto& x : o.at("deployments").as_array()) c.deployments.push_back({text_of(x.as_object(), "code"), text_of(x.as_object(), "name")});
  return c;
}

Result<std::optional<std::pair<int64_t, std::string>>> internal::owner(db::Connection& c, int64_t product_id) {
  SZ_ASSIGN(auto p, store::product(c, product_id));
  if (!p) return std::optional<std::pair<int64_t, std::string>>();
  return std::optional<std::pair<int64_t, std::string>>(std::make_pair(p->provider_id, p->name));
}

Result<std::map<std::string, std::string>> internal::library_names(db::Connection& c, const std::string& industry) {
  SZ_ASSIGN(auto list, store::scenarios(c, industry));
  std::map<std::string, std::string> out;
  for (const auto& s : list) out[s.name] = s.kind;
  return out;
}

Result<ProductView> Service::view(db::Connection& c, store::Product p) {
  ProductView v{std::move(p), "", {}};
  SZ_ASSIGN(auto pv, market::internal::find_provider(c, v.product.provider_id));
  v.provider_name = pv ? pv->name : "";
  SZ_ASSIGN(v.usage, projects::internal::product_usage(c, v.product.name));
  return v;
}

Status Service::apply(const ProductInput& in, store::Product& p) {
  if (in.name) {
    if (text::trim(*in.name).empty() || text::utf8_length(*in.name) > 60) return err::invalid("name", "产品名称应为1–60个字符");
    p.name = text::trim(*in.name);
  }
  if (in.category) {
    if (!catalog_.category(*in.category)) return err::invalid("category", "未知的场景分类：" + *in.category);
    p.category = *in.category;
  }
  if (in.deployment) {
    if (!catalog_.deployment(*in.deployment)) return err::invalid("deployment", "部署方式应为 saas 或 onsite");
    p.deployment = *in.deployment;
  }
  if (in.description) {
    if (text::utf8_length(*in.description) > 4000) return err::invalid("description", "产品说明不能超过4000个字符");
    p.description = *in.description;
  }
  if (in.price_fen) {
    SZ_TRY(ranges::check("price_fen", *in.price_fen, "price_fen"));
    p.price_fen = *in.price_fen;
  }
  if (in.delivery_days) {
    SZ_TRY(ranges::check("delivery_days", *in.delivery_days, "delivery_days"));
    p.delivery_days = *in.delivery_days;
  }
  if (in.industries) {
    bj::array a;
    for (const auto& x : *in.industries) a.push_back(bj::value(x));
    p.industries_json = bj::serialize(a);
  }
  return ok();
}

Result<ProductView> Service::create_product(const auth::Principal& p, const auth::Origin& from, const ProductInput& in) {
  // A provider declares its own products; naming another provider is refused, not silently replaced by its own.
  if (!admin(p) && in.provider_id) return err::invalid("provider_id", "服务商只能申报本服务商的产品，不能指定 provider_id");
  int64_t provider = admin(p) && in.provider_id ? *in.provider_id : p.provider_id.value_or(0);
  if (!admin(p) && !(p.has(auth::Role::provider) && p.provider_id)) return err::forbidden("只有服务商或市级管理员可以申报产品");
  if (!provider) return err::invalid("provider_id", "请指定提供产品的服务商");
  if (!in.name || !in.category || !in.deployment || !in.price_fen || !in.delivery_days)
    return err::invalid(!in.name ? "name" : !in.category ? "category" : !in.deployment ? "deployment" : !in.price_fen ? "price_fen" : "delivery_days",
                        "请填写产品名称、场景分类、部署方式、价格和交付周期");
  store::Product prod;
  prod.provider_id = provider;
  SZ_TRY(apply(in, prod));
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto pv, market::internal::find_provider(*c, provider));
  if (!pv) return err::invalid("provider_id", "服务商不存在");
  if (!market::listed(pv->status)) return err::conflict("provider_id", "「" + pv->name + "」不在服务商库中，不能申报产品");
  prod.status = "draft";
  prod.created_at = prod.updated_at = clock_.now();
  SZ_ASSIGN(prod.id, store::insert_product(*c, prod));
  SZ_TRY(audit::record(*c, prod.created_at, auth::actor_of(p, from), "product.create", "product", std::to_string(prod.id), "",
                       audit_json(prod)));
  SZ_ASSIGN(auto v, view(*c, prod));
  SZ_TRY(tx->commit());
  return v;
}

Result<ProductView> Service::edit_product(const auth::Principal& p, const auth::Origin& from, int64_t id, const ProductInput& in) {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto prod, store::product(*c, id));
  if (!prod) return err::not_found("产品不存在");
  if (!admin(p) && !market::own_provider(p, prod->provider_id)) return err::forbidden("只能修改本服务商的产品");
  if (prod->status != "draft") return err::conflict("status", "「" + review_.state_name(prod->status) + "」的产品不能修改");
  store::Product before = *prod;
  SZ_TRY(apply(in, *prod));
  prod->updated_at = clock_.now();
  SZ_TRY(store::update_product(*c, *prod));
  SZ_TRY(audit::record(*c, prod->updated_at, auth::actor_of(p, from), "product.update", "product", std::to_string(id),
                       audit_json(before), audit_json(*prod)));
  SZ_ASSIGN(auto v, view(*c, *prod));
  SZ_TRY(tx->commit());
  return v;
}

Result<workflow::Workflow> Service::parse_review(std::string_view json) {
  return workflow::parse(json, "product-review.json", {"review_passed"});
}

namespace {
workflow::Parties parties_of(const auth::Principal& p, const store::Product& prod) {
  workflow::Parties out;
  if (admin(p)) out.insert("city_admin");
  if (market::own_provider(p, prod.provider_id)) out.insert("provider");
  return out;
}
}  // namespace

Result<ProductView> Service::move_product(const auth::Principal& p, const auth::Origin& from, int64_t id,
                                          const std::string& action, const std::string& reason) {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto prod, store::product(*c, id));
  if (!prod) return err::not_found("产品不存在");
  SZ_ASSIGN(const workflow::Move* m, workflow::decide_or_error(review_, prod->status, action, parties_of(p, *prod)));
  if (m->needs_reason && text::trim(reason).empty()) return err::invalid("reason", "「" + m->name + "」须说明原因");
  if (!m->guards.empty()) {  // review_passed, the only one parse_review lets through
    if (!review_guard_) return err::internal("product review guard not wired");
    SZ_TRY(review_guard_(*c, *prod));
  }
  store::Product before = *prod;
  prod->status = m->to;
  prod->status_note = text::trim(reason);
  prod->updated_at = clock_.now();
  if (prod->status == "listed") prod->listed_at = prod->updated_at;
  if (prod->status == "delisted") prod->delisted_at = prod->updated_at;
  SZ_TRY(store::update_product(*c, *prod));
  SZ_TRY(audit::record(*c, prod->updated_at, auth::actor_of(p, from), "product." + action, "product", std::to_string(id),
                       audit_json(before), audit_json(*prod)));
  SZ_ASSIGN(auto v, view(*c, *prod));
  SZ_TRY(tx->commit());
  return v;
}

Status Service::authorize(db::Connection& c, const auth::Principal& p, int64_t id, bool write) const {
  SZ_ASSIGN(auto prod, store::product(c, id));
  if (!prod) return err::not_found("产品不存在");
  bool own = admin(p) || market::own_provider(p, prod->provider_id);
  if (write) {
    if (!own) return err::forbidden("只能为本服务商的产品上传资料");
    if (prod->status != "draft") return err::conflict("status", "「" + review_.state_name(prod->status) + "」的产品不能增加资料");
    return ok();
  }
  if (prod->status != "listed" && !own && !p.has(auth::Role::expert)) return err::forbidden("该产品尚未上架");
  return ok();
}

Result<ProductView> Service::product(const auth::Principal& p, int64_t id) {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_TRY(authorize(*c, p, id, false));
  SZ_ASSIGN(auto prod, store::product(*c, id));
  return view(*c, *prod);
}

Result<std::vector<ProductView>> Service::products(const auth::Principal& p, store::ProductFilter f) {
  if (!admin(p)) {
    f.listed_or_own = true;
    f.provider_id = p.has(auth::Role::provider) ? p.provider_id : std::nullopt;
  }
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto list, store::products(*c, f, 500));
  std::vector<ProductView> out;
  for (auto& x : list) {
    SZ_ASSIGN(auto v, view(*c, std::move(x)));
    out.push_back(std::move(v));
  }
  return out;
}

Result<std::vector<ProductView>> Service::public_products(const std::string& q) {
  store::ProductFilter f;
  f.status = "listed";
  f.q = q;
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto list, store::products(*c, f, 20));
  std::vector<ProductView> out;
  for (auto& x : list) {
    SZ_ASSIGN(auto v, view(*c, std::move(x)));
    out.push_back(std::move(v));
  }
  return out;
}

std::vector<const workflow::Move*> Service::actions(const auth::Principal& p, const store::Product& prod) const {
  return workflow::open_moves(review_, prod.status, parties_of(p, prod));
}

Result<std::vector<store::Product>> Service::listed_products() {
  store::ProductFilter f;
  f.status = "listed";
  SZ_ASSIGN(auto* c, db_->local());
  return store::products(*c, f, 100000);
}

Result<std::vector<store::Product>> Service::listed_products_at(int64_t t) {
  store::ProductFilter f;
  f.ever_listed = true;
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto all, store::products(*c, f, 100000));
  std::vector<store::Product> out;
  for (auto& x : all)
    if (on_catalogue(x.listed_at, x.delisted_at, t)) out.push_back(std::move(x));
  return out;
}

Result<std::vector<ProductView>> Service::ranking(const std::string& category) {
  if (!category.empty() && !catalog_.category(category)) return err::invalid("category", "未知的场景分类：" + category);
  store::ProductFilter f;
  f.status = "listed";
  f.category = category;
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto list, store::products(*c, f, 500));
  std::vector<ProductView> out;
  for (auto& x : list) {
    SZ_ASSIGN(auto v, view(*c, std::move(x)));
    out.push_back(std::move(v));
  }
  // 试点成效 first (enterprises accepted with it), then 推广数量 (projects), then 性价比 (the lower price).
  std::stable_sort(out.begin(), out.end(), [](const ProductView& a, const ProductView& b) {
    if (a.usage.accepted_enterprises != b.usage.accepted_enterprises) return a.usage.accepted_enterprises > b.usage.accepted_enterprises;
    if (a.usage.projects != b.usage.projects) return a.usage.projects > b.usage.projects;
    return a.product.price_fen < b.product.price_fen;
  });
  return out;
}

Result<ScenarioView> Service::add_scenario(const auth::Principal& p, const auth::Origin& from, store::Scenario s) {
  if (!admin(p)) return err::forbidden("场景库由市级管理员维护");
  if (s.kind != "N" && s.kind != "X") return err::invalid("kind", "场景类型应为 N（共性）或 X（个性）");
  if (text::trim(s.name).empty() || text::utf8_length(s.name) > 60) return err::invalid("name", "场景名称应为1–60个字符");
  if (!catalog_.category(s.category)) return err::invalid("category", "未知的场景分类：" + s.category);
  s.name = text::trim(s.name);
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto all, store::scenarios(*c, s.industry_code));
  for (const auto& x : all)
    if (x.name == s.name) return err::conflict("name", "该行业已有同名场景");
  s.created_at = clock_.now();
  SZ_ASSIGN(s.id, store::insert_scenario(*c, s));
  SZ_TRY(audit::record(*c, s.created_at, auth::actor_of(p, from), "scenario.create", "scenario", std::to_string(s.id), "",
                       bj::serialize(bj::object{{"industry", s.industry_code}, {"kind", s.kind}, {"name", s.name}})));
  SZ_TRY(tx->commit());
  return ScenarioView{s, {}, {}};
}

Status Service::link(const auth::Principal& p, const auth::Origin& from, int64_t scenario_id, int64_t product_id, bool linked) {
  if (!admin(p)) return err::forbidden("场景库由市级管理员维护");
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto s, store::scenario(*c, scenario_id));
  if (!s) return err::not_found("场景不存在");
  SZ_ASSIGN(auto prod, store::product(*c, product_id));
  if (!prod) return err::invalid("product_id", "产品不存在");
  if (linked && prod->status != "listed") return err::conflict("product_id", "只有已上架的产品可以关联场景");
  SZ_TRY(store::link(*c, scenario_id, product_id, linked));
  SZ_TRY(audit::record(*c, clock_.now(), auth::actor_of(p, from), linked ? "scenario.link" : "scenario.unlink", "scenario",
                       std::to_string(scenario_id), "", bj::serialize(bj::object{{"product_id", product_id}})));
  return tx->commit();
}

Result<std::vector<ScenarioView>> Service::library(const std::string& industry) {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto list, store::scenarios(*c, industry));
  std::vector<ScenarioView> out;
  for (auto& s : list) {
    ScenarioView v{s, {}, {}};
    SZ_ASSIGN(v.product_ids, store::products_of_scenario(*c, s.id));
    SZ_ASSIGN(v.usage, projects::internal::scenario_usage(*c, s.industry_code, s.name));
    out.push_back(std::move(v));
  }
  return out;
}

Result<store::Selection> Service::select_scenarios(const auth::Principal& p, const auth::Origin& from, const SelectionInput& in) {
  if (!admin(p)) return err::forbidden("专家委员会的审议结论由市级管理员登记");
  if (auto why = panel_problem(in.panel)) return err::invalid(why->first, why->second);
  if (in.panel.held_on > shanghai_date(clock_.now())) return err::invalid("held_on", "审议日期不能晚于今天");
  if (in.decisions.empty()) return err::invalid("decisions", "请至少对一个场景作出审议结论");
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  store::Selection sel;
  sel.industry_code = in.industry;
  sel.held_on = in.panel.held_on;
  bj::array experts;
  for (const auto& x : in.panel.experts) experts.push_back(bj::value(text::trim(x)));
  sel.experts_json = bj::serialize(experts);
  sel.minutes = in.panel.minutes;
  sel.recorded_by = p.user_id;
  sel.recorded_at = clock_.now();
  std::set<int64_t> seen;
  for (const auto& d : in.decisions) {
    if (!seen.insert(d.scenario_id).second) return err::invalid("decisions", "同一场景只能有一个审议结论");
    SZ_ASSIGN(auto s, store::scenario(*c, d.scenario_id));
    if (!s || s->industry_code != in.industry) return err::invalid("decisions", "本行业场景库中没有这个场景：" + std::to_string(d.scenario_id));
    if (d.decision != "selected" && d.decision != "rejected") return err::invalid("decisions", "审议结论应为 selected（评定为可复制可推广）或 rejected（未评定）");
    if (d.decision == "selected" && s->replicable_on)
      return err::conflict("decisions", "「" + s->name + "」已于 " + *s->replicable_on + " 评定为可复制可推广");
    if (d.decision == "rejected" && text::trim(d.reason).empty()) return err::invalid("decisions", "「" + s->name + "」未评定，须写明理由");
    if (text::utf8_length(d.reason) > 1000) return err::invalid("decisions", "理由不能超过1000个字符");
    SZ_ASSIGN(auto usage, projects::internal::scenario_usage(*c, s->industry_code, s->name));
    sel.items.push_back({s->id, s->name, d.decision, text::trim(d.reason), usage.projects, usage.accepted_enterprises});
  }
  SZ_ASSIGN(sel.id, store::insert_selection(*c, sel));
  bj::array decided;
  for (const auto& i : sel.items) {
    if (i.decision == "selected") SZ_TRY(store::mark_replicable(*c, i.scenario_id, sel.held_on, sel.id));
    decided.push_back(bj::object{{"scenario_id", i.scenario_id}, {"decision", i.decision}, {"projects", i.projects},
                                 {"accepted_enterprises", i.accepted_enterprises}});
  }
  SZ_TRY(audit::record(*c, sel.recorded_at, auth::actor_of(p, from), "scenario.select", "scenario_selection",
                       std::to_string(sel.id), "",
                       bj::serialize(bj::object{{"industry", sel.industry_code}, {"held_on", sel.held_on},
                                                {"experts", experts}, {"decisions", std::move(decided)}})));
  SZ_TRY(tx->commit());
  return sel;
}

Result<std::vector<store::Selection>> Service::selections(const std::string& industry) {
  SZ_ASSIGN(auto* c, db_->local());
  return store::selections(*c, industry);
}

}  // namespace sz::catalog
