#include "registry/service.h"

#include <boost/json.hpp>

#include <algorithm>

#include "audit/service.h"
#include "infra/db/ref_versions.h"
#include "infra/ranges.h"
#include "registry/rules.h"

namespace sz::registry {

namespace bj = boost::json;

Result<std::vector<store::Industry>> Service::industries() {
  SZ_ASSIGN(auto* c, db_->local());
  return store::industries(*c);
}

Result<std::vector<store::Industry>> internal::industries_in(db::Connection& c) { return store::industries(c); }
Result<std::vector<store::District>> internal::districts_in(db::Connection& c) { return store::districts(c); }

Result<store::Industry> Service::add_subsector(const auth::Principal& p, const auth::Origin& from, store::Industry in) {
  const bool admin = p.has(auth::Role::city_admin);
  if (!admin && !(p.has(auth::Role::district_officer) && p.district)) return err::forbidden("只有区县专班或市级管理员可以添加细分行业");
  if (!admin) {
    if (!in.district.empty() && in.district != *p.district) return err::forbidden("区县专班只能为本区县添加细分行业");
    in.district = *p.district;
  }
  if (in.district.empty()) return err::invalid("district", "请指定细分行业所属区县");
  if (in.code.size() < 3 || in.code.size() > 40 ||
      in.code.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string::npos)
    return err::invalid("code", "细分行业代码应为3–40位小写字母、数字或下划线");
  if (auto why = name_problem(in.name)) return err::invalid("name", "细分行业名称应为2–100个字符");
  if (in.short_name.empty()) in.short_name = in.name;
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto parent, store::industry(*c, in.parent));
  if (!parent || !parent->parent.empty()) return err::invalid("parent", "上级行业应为四个试点行业之一");
  SZ_ASSIGN(bool district, store::district_exists(*c, in.district));
  if (!district) return err::invalid("district", "区县代码不存在：" + in.district);
  SZ_ASSIGN(auto existing, store::industry(*c, in.code));
  if (existing) return err::conflict("code", "行业代码已存在：" + in.code);
  SZ_TRY(store::insert_subsector(*c, in, clock_.now()));
  SZ_TRY(audit::record(*c, clock_.now(), auth::actor_of(p, from), "industry.create", "industry", in.code, "",
                       bj::serialize(bj::object{{"code", in.code}, {"name", in.name}, {"parent", in.parent},
                                                {"district", in.district}})));
  SZ_TRY(tx->commit());
  SZ_ASSIGN(auto stored, store::industry(*c, in.code));
  return *stored;
}

Result<std::vector<store::District>> Service::districts() {
  SZ_ASSIGN(auto* c, db_->local());
  return store::districts(*c);
}

Result<EnterprisePage> Service::list_enterprises(const auth::Principal& p, const store::Filter& f, int64_t limit,
                                                 int64_t offset) {
  auto scope = auth::enterprise_scope(p);
  EnterprisePage page;
  if (scope.empty()) return page;  // fail closed: no rule, no rows
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(page.items, store::list_enterprises(*c, scope, f, limit, offset));
  int64_t cap = f.q.empty() ? 0 : kSearchCountCap;
  SZ_ASSIGN(page.total, store::count_enterprises(*c, scope, f, cap));
  if (cap && page.total > cap) {
    page.total = cap;
    page.total_capped = true;
  }
  return page;
}

Result<store::Enterprise> Service::get_enterprise(const auth::Principal& p, int64_t id) {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto e, store::enterprise_by_id(*c, id));
  if (!e) return err::not_found("企业不存在");
  if (!auth::enterprise_scope(p).covers(e->district_code, e->id)) return err::forbidden("超出数据权限范围：无权查看该企业");
  return *e;
}

std::string enterprise_json_for_audit(const store::Enterprise& e) {
  bj::object o{{"name", e.name},
               {"credit_code", e.credit_code},
               {"industry", e.industry_code},
               {"district", e.district_code},
               {"batch", e.batch},
               {"status", e.status},
               {"address", e.address},
               {"legal_rep", e.legal_rep},
               {"contact_name", e.contact_name},
               {"contact_phone", e.contact_phone},
               {"tier", e.tier},
               {"scale_above", e.scale_above},
               {"scale_source", e.scale_source},
               {"cloud", e.cloud},
               {"cloud_stars", e.cloud_stars},
               {"key_cultivation", e.key_cultivation}};
  if (!e.credit_code_override.empty()) o["credit_code_override"] = e.credit_code_override;
  return bj::serialize(o);
}

namespace {
std::string audit_json(const store::Enterprise& e) { return enterprise_json_for_audit(e); }

// The facts that count, under the enterprise's pilot industry (`pilot_industry`: a sub-sector's parent).
EnterpriseFacts facts_of(const store::Enterprise& e, const std::string& pilot_industry) {
  EnterpriseFacts f;
  f.district = e.district_code;
  f.industry = pilot_industry;
  f.status = e.status;
  f.tier = e.tier;
  f.level_source = e.level_source;
  f.scale_source = e.scale_source;
  f.batch = e.batch;
  f.level = e.level;
  f.scale_above = e.scale_above;
  f.cloud = e.cloud;
  f.withdrawn_at = e.withdrawn_at;
  f.accepted_at = e.accepted_at;
  f.cloud_at = e.cloud_at;
  f.accepted_level = e.accepted_level;
  return f;
}

Result<EnterpriseFacts> facts_of(db::Connection& c, const store::Enterprise& e) {
  SZ_ASSIGN(auto ind, store::industry(c, e.industry_code));
  return facts_of(e, ind && !ind->parent.empty() ? ind->parent : e.industry_code);
}

std::map<int64_t, YearFigures> figures_of(const std::vector<store::Year>& ys) {
  std::map<int64_t, YearFigures> years;
  for (const auto& y : ys) years[y.year] = {y.revenue, y.rd_spending, y.invention_patents, y.employees};
  return years;
}
}  // namespace

Result<std::vector<int64_t>> Service::create_enterprises_as(const audit::Actor& actor,
                                                            const std::vector<store::Enterprise>& list,
                                                            const std::function<void(int64_t, int64_t)>& progress) {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  std::vector<int64_t> ids;
  for (auto e : list) {
    e.credit_code = normalize_credit_code(e.credit_code);
    if (auto why = credit_code_problem(e.credit_code)) return err::invalid("credit_code", *why);
    SZ_ASSIGN(e, insert_checked(*c, actor, e));
    ids.push_back(e.id);
    if (progress) progress(static_cast<int64_t>(ids.size()), static_cast<int64_t>(list.size()));
  }
  SZ_TRY(tx->commit());
  return ids;
}

Status internal::authorize(db::Connection& c, const auth::Principal& p, int64_t id, bool write) {
  SZ_ASSIGN(auto e, store::enterprise_by_id(c, id));
  if (!e) return err::not_found("企业不存在");
  if (!auth::enterprise_scope(p).covers(e->district_code, e->id)) return err::forbidden("超出数据权限范围：无权访问该企业的资料");
  if (write && e->status != "active") return err::conflict("status", "企业已退出试点，不能再上传资料");
  return ok();
}

Result<std::vector<store::Enterprise>> internal::public_search(db::Connection& c, const std::string& q, int64_t limit) {
  auth::EnterpriseScope all;
  all.all = true;
  store::Filter f;
  f.q = q;
  return store::list_enterprises(c, all, f, limit, 0);
}

Result<std::optional<store::Enterprise>> internal::find(db::Connection& c, int64_t id) {
  return store::enterprise_by_id(c, id);
}

Status Service::set_level(db::Connection& c, const audit::Actor& actor, int64_t id, int level, const std::string& source,
                          int64_t at) {
  SZ_ASSIGN(auto before, store::enterprise_by_id(c, id));
  if (!before) return err::not_found("企业不存在");
  SZ_ASSIGN(auto counted, contribution(c, before));
  SZ_TRY(store::set_level(c, id, level, source, at));
  SZ_TRY(track(c, counted, id));
  bj::object b{{"level", before->level}, {"level_source", before->level_source}};
  bj::object a{{"level", level}, {"level_source", source}};
  return audit::record(c, at, actor, "enterprise.level", "enterprise", std::to_string(id), bj::serialize(b),
                       bj::serialize(a));
}

Status Service::set_accepted(db::Connection& c, const audit::Actor& actor, int64_t id, int64_t at) {
  SZ_ASSIGN(auto before, store::enterprise_by_id(c, id));
  if (!before) return err::not_found("企业不存在");
  if (before->accepted_at) return ok();  // accepted once: a later project does not move the day
  SZ_ASSIGN(auto counted, contribution(c, before));
  // The acceptance stands on the on-site level it was granted on (the lifecycle's guard checked it).
  SZ_TRY(store::set_accepted(c, id, at, before->level));
  SZ_TRY(track(c, counted, id));
  return audit::record(c, at, actor, "enterprise.accepted", "enterprise", std::to_string(id), "",
                       bj::serialize(bj::object{{"accepted_at", iso_utc(at)}, {"level", before->level}}));
}

Status Service::set_cloud(db::Connection& c, const audit::Actor& actor, int64_t id, const std::string& source, int64_t at,
                          int64_t since) {
  SZ_ASSIGN(auto before, store::enterprise_by_id(c, id));
  if (!before) return err::not_found("企业不存在");
  if (before->cloud) return ok();
  SZ_ASSIGN(auto counted, contribution(c, before));
  SZ_TRY(store::set_cloud(c, id, since, at));
  SZ_TRY(track(c, counted, id));
  return audit::record(c, at, actor, "enterprise.cloud", "enterprise", std::to_string(id), "",
                       bj::serialize(bj::object{{"cloud", true}, {"source", source}, {"since", shanghai_date(since)}}));
}

bool Service::in_summary(const std::string& day) const {
  // The summary is kept by month: exact at a month's end, and today (nothing is dated after the day it is recorded).
  auto n = day_number(day);
  return n && (day == shanghai_date(clock_.now()) || day_text(*n + 1).substr(8) == "01");
}

Result<std::vector<store::StageRow>> Service::stage_counts(const std::string& day, const std::string& district) {
  if (!in_summary(day))
    return err::internal("stage counts asked for " + day + ", neither a month's end nor today");
  SZ_ASSIGN(auto* c, db_->local());
  return store::stage_counts(*c, day.substr(0, 7), district);
}

Result<SmeVerdict> Service::sme_of(const store::Enterprise& e) {
  SZ_ASSIGN(auto* c, db_->local());
  return sme_of_in(*c, e.id);
}

Result<SmeVerdict> Service::sme_of_in(db::Connection& c, int64_t enterprise_id) {
  SZ_ASSIGN(auto ys, store::years(c, enterprise_id));
  auto figures = figures_of(ys);
  return classify_sme(params_.sme, figures.empty() ? std::nullopt : std::optional(*figures.rbegin()));
}

Result<bool> internal::industry_exists(db::Connection& c, const std::string& code) {
  SZ_ASSIGN(auto ind, store::industry(c, code));
  return ind.has_value();
}

Result<std::string> internal::pilot_industry_of(db::Connection& c, const std::string& code) {
  SZ_ASSIGN(auto ind, store::industry(c, code));
  return ind && !ind->parent.empty() ? ind->parent : code;
}

Result<bool> internal::district_exists(db::Connection& c, const std::string& code) {
  return store::district_exists(c, code);
}
Result<bool> internal::enterprise_exists(db::Connection& c, int64_t id) { return store::enterprise_exists(c, id); }

namespace {
Result<bj::array> items_of(std::string_view text, const char* file) {
  boost::system::error_code ec;
  auto v = bj::parse(text, ec);
  if (ec || !v.is_object() || !v.as_object().contains("items") || !v.at("items").is_array())
    return err::internal(std::string(file) + ": not a {\"items\": [...]} document");
  return v.at("items").as_array();
}
std::string version_of(std::string_view text) {
  auto v = bj::parse(text);
  auto* p = v.as_object().if_contains("version");
  return p && p->is_string() ? std::string(p->as_string()) : std::string();
}
std::string str(const bj::value& o, const char* key) {
  auto* p = o.as_object().if_contains(key);
  return p && p->is_string() ? std::string(p->as_string()) : std::string();
}
}  // namespace

Status internal::load_reference(db::Connection& c, std::string_view industries_json, std::string_view districts_json,
                                int64_t now) {
  SZ_ASSIGN(auto districts, items_of(districts_json, "districts.json"));
  int64_t order = 0;
  for (const auto& d : districts)
    SZ_TRY(store::upsert_district(c, {str(d, "code"), str(d, "name"), str(d, "division_code"), str(d, "kind"), ++order}));
  SZ_ASSIGN(auto industries, items_of(industries_json, "industries.json"));
  order = 0;
  for (const auto& i : industries) {
    store::Industry ind{str(i, "code"), str(i, "name"), str(i, "short_name"), ++order, {}, "", ""};
    if (auto* keys = i.as_object().if_contains("key_districts"); keys && keys->is_array())
      for (const auto& k : keys->as_array())
        if (k.is_string()) ind.key_districts.emplace_back(k.as_string());
    SZ_TRY(store::upsert_industry(c, ind));
  }
  SZ_TRY(db::record_ref_version(c, "districts", version_of(districts_json), std::string(districts_json), now));
  return db::record_ref_version(c, "industries", version_of(industries_json), std::string(industries_json), now);
}

}  // namespace sz::registry

namespace sz::registry {

Result<Params> Service::parse_params(std::string_view json) {
  boost::system::error_code ec;
  auto v = bj::parse(json, ec);
  if (ec || !v.is_object()) return err::internal("registry-rules.json is not a JSON object");
  Params p;
  const auto& o = v.as_object();
  if (!o.contains("scale_above_revenue_fen") || !o.at("scale_above_revenue_fen").is_int64())
    return err::internal("registry-rules.json: scale_above_revenue_fen missing");
  p.scale_above_revenue_fen = o.at("scale_above_revenue_fen").as_int64();
  for (const auto& b : o.at("batches").as_array()) p.batches.push_back(b.as_int64());
  if (o.contains("qualifying_level")) p.qualifying_level = static_cast<int>(o.at("qualifying_level").as_int64());
  const auto* sme = o.if_contains("sme_rule");
  if (!sme || !sme->is_object()) return err::internal("registry-rules.json: sme_rule missing");
  const auto& r = sme->as_object();
  for (auto [key, slot] : {std::pair{"version", &p.sme.version}, std::pair{"document", &p.sme.document},
                           std::pair{"clause", &p.sme.clause}, std::pair{"reading", &p.sme.reading}}) {
    if (!r.contains(key) || !r.at(key).is_string()) return err::internal(std::string("registry-rules.json: sme_rule.") + key);
    *slot = r.at(key).as_string();
  }
  for (auto [key, slot] : {std::pair{"large_employees", &p.sme.large_employees},
                           std::pair{"large_revenue_fen", &p.sme.large_revenue_fen},
                           std::pair{"medium_employees", &p.sme.medium_employees},
                           std::pair{"medium_revenue_fen", &p.sme.medium_revenue_fen},
                           std::pair{"small_employees", &p.sme.small_employees},
                           std::pair{"small_revenue_fen", &p.sme.small_revenue_fen}}) {
    if (!r.contains(key) || !r.at(key).is_int64()) return err::internal(std::string("registry-rules.json: sme_rule.") + key);
    *slot = r.at(key).as_int64();
  }
  return p;
}

namespace {
bool admin(const auth::Principal& p) { return p.has(auth::Role::city_admin); }
bool officer_of(const auth::Principal& p, const std::string& district) {
  return p.has(auth::Role::district_officer) && p.district == district;
}
bool enterprise_user_of(const auth::Principal& p, int64_t id) {
  return p.has(auth::Role::enterprise) && p.enterprise_id == id;
}
}  // namespace

// Applies the caller's input to `e` with every check: who may change which field, and each value's rules.
Result<store::Enterprise> Service::apply(db::Connection& c, const auth::Principal& p, store::Enterprise e,
                                         const EnterpriseInput& in, bool creating) {
  const bool is_admin = admin(p);
  const bool is_officer = officer_of(p, e.district_code) || (creating && in.district && officer_of(p, *in.district));
  // Enterprise users keep their own contact details current; the registry facts are the officials'.
  const bool contact_only = !is_admin && !is_officer && enterprise_user_of(p, e.id);
  if (!is_admin && !is_officer && !contact_only) {
    if (creating) return err::forbidden("只有市级管理员或本区县专班可以新增企业");
    return err::forbidden("超出数据权限范围：无权修改该企业");
  }
  if (contact_only && (in.name || in.credit_code || in.industry || in.district || in.tier || in.batch || in.scale_above ||
                       in.cloud || in.cloud_stars || in.key_cultivation || in.credit_code_override_reason))
    return err::forbidden("企业用户只能修改地址、法定代表人和联系人信息");
  if (in.name) {
    if (auto why = name_problem(*in.name)) return err::invalid("name", *why);
    e.name = *in.name;
  }
  if (in.credit_code_override_reason && !is_admin)
    return err::forbidden("只有市级管理员可以接受不符合国标校验的统一社会信用代码");
  if (in.credit_code || creating) {
    std::string code = normalize_credit_code(in.credit_code.value_or(""));
    std::string reason = in.credit_code_override_reason.value_or("");
    if (auto why = credit_code_problem(code)) {
      bool plausible = code.size() == 18 && std::all_of(code.begin(), code.end(), [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)); });
      if (reason.empty() || !plausible) return err::invalid("credit_code", *why);
      e.credit_code_override = reason;  // a real but non-conforming code, accepted with a written reason
    } else {
      e.credit_code_override.clear();
    }
    if (code != e.credit_code) {
      SZ_ASSIGN(auto other, store::enterprise_by_credit_code(c, code));
      if (other) return err::conflict("credit_code", "统一社会信用代码已存在：" + code);
    }
    e.credit_code = code;
  }
  if (in.industry) {
    SZ_ASSIGN(auto ind, store::industry(c, *in.industry));
    if (!ind) return err::invalid("industry", "行业代码不存在：" + *in.industry);
    e.industry_code = *in.industry;
  }
  if (in.district && *in.district != e.district_code) {
    SZ_ASSIGN(bool found, store::district_exists(c, *in.district));
    if (!found) return err::invalid("district", "区县代码不存在：" + *in.district);
    if (!is_admin && !creating) return err::forbidden("只有市级管理员可以把企业转到其他区县");
    if (!is_admin && !officer_of(p, *in.district)) return err::forbidden("区县专班只能在本区县新增企业");
    e.district_code = *in.district;
  }
  if (in.industry || in.district) {
    SZ_ASSIGN(auto ind, store::industry(c, e.industry_code));
    if (ind && !ind->district.empty() && ind->district != e.district_code)
      return err::invalid("industry", "细分行业“" + ind->name + "”属于其他区县，本区县企业不能使用");
  }
  if (in.batch) {
    if (std::find(params_.batches.begin(), params_.batches.end(), *in.batch) == params_.batches.end())
      return err::invalid("batch", "试点批次应为 2024 或 2025");
    e.batch = *in.batch;
  }
  if (in.address) e.address = *in.address;
  if (in.legal_rep) e.legal_rep = *in.legal_rep;
  if (in.contact_name) e.contact_name = *in.contact_name;
  if (in.contact_phone) {
    if (auto why = phone_problem(*in.contact_phone)) return err::invalid("contact_phone", *why);
    e.contact_phone = *in.contact_phone;
  }
  if (in.tier) {
    if (!valid_tier(*in.tier)) return err::invalid("tier", "企业梯度应为 none、innovative、specialized 或 little_giant");
    e.tier = *in.tier;
  }
  if (in.scale_above) {
    // Setting 规上 by hand is an admin's decision; otherwise it follows the latest revenue.
    if (!is_admin) return err::forbidden("只有市级管理员可以直接认定规上企业（否则按营业收入自动判定）");
    e.scale_above = *in.scale_above;
    e.scale_source = "admin";
  }
  if (in.cloud) {
    if (*in.cloud && !e.cloud) e.cloud_at = clock_.now();  // the day it went onto the cloud (indicator 4 by stage)
    if (!*in.cloud) e.cloud_at.reset();
    e.cloud = *in.cloud;
  }
  if (in.cloud_stars) {
    SZ_TRY(ranges::check("cloud_stars", *in.cloud_stars, "cloud_stars"));
    e.cloud_stars = *in.cloud_stars;
  }
  if (!e.cloud) e.cloud_stars = 0;
  if (in.key_cultivation) e.key_cultivation = *in.key_cultivation;
  return e;
}

Result<store::Enterprise> Service::insert_checked(db::Connection& c, const audit::Actor& actor, store::Enterprise e,
                                                 bool index_name) {
  SZ_ASSIGN(e.id, store::insert_enterprise(c, e, clock_.now(), index_name));
  // A new record has no years yet: its contribution comes from the record itself, without reading it back.
  SZ_ASSIGN(auto facts, facts_of(c, e));
  SZ_TRY(store::apply_counts(c, Contribution{}, contribution_of(params_, facts, {})));
  SZ_TRY(audit::record(c, clock_.now(), actor, "enterprise.create", "enterprise", std::to_string(e.id), "", audit_json(e)));
  SZ_ASSIGN(auto stored, store::enterprise_by_id(c, e.id));
  return *stored;
}

Result<store::Enterprise> Service::create(const auth::Principal& p, const auth::Origin& from, const EnterpriseInput& in) {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto created, create_in(*c, p, auth::actor_of(p, from), in));
  SZ_TRY(tx->commit());
  return created;
}

Status internal::index_names(db::Connection& c, const std::vector<std::pair<int64_t, std::string>>& names) {
  return store::index_names(c, names);
}

Result<store::Enterprise> Service::create_in(db::Connection& c, const auth::Principal& p, const audit::Actor& actor,
                                             const EnterpriseInput& in, bool index_name) {
  // The minimum a record needs: name, credit code, industry and district.
  const std::pair<const std::optional<std::string>*, std::pair<const char*, const char*>> required[] = {
      {&in.name, {"name", "企业名称"}},
      {&in.credit_code, {"credit_code", "统一社会信用代码"}},
      {&in.industry, {"industry", "行业"}},
      {&in.district, {"district", "所属区县"}}};
  for (const auto& [value, names] : required)
    if (!*value || (*value)->empty()) return err::invalid(names.first, std::string(names.second) + "不能为空");
  store::Enterprise e;
  e.batch = params_.batches.empty() ? 2024 : params_.batches.front();
  SZ_ASSIGN(e, apply(c, p, e, in, true));
  return insert_checked(c, actor, e, index_name);
}

Result<store::Enterprise> Service::update(const auth::Principal& p, const auth::Origin& from, int64_t id,
                                          const EnterpriseInput& in) {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto updated, update_in(*c, p, auth::actor_of(p, from), id, in));
  SZ_TRY(tx->commit());
  return updated;
}

Result<store::Enterprise> Service::update_in(db::Connection& c, const auth::Principal& p, const audit::Actor& actor,
                                             int64_t id, const EnterpriseInput& in, bool* changed) {
  SZ_ASSIGN(auto before, store::enterprise_by_id(c, id));
  if (!before) return err::not_found("企业不存在");
  if (!auth::enterprise_scope(p).covers(before->district_code, id)) return err::forbidden("超出数据权限范围：无权修改该企业");
  if (before->status == "withdrawn") return err::conflict("status", "企业已退出试点，不能修改");
  SZ_ASSIGN(auto after, apply(c, p, *before, in, false));
  std::string b = audit_json(*before), a = audit_json(after);
  if (changed) *changed = a != b;
  if (a != b) {
    SZ_ASSIGN(auto counted, contribution(c, before));
    SZ_TRY(store::update_enterprise(c, after, after.name != before->name, clock_.now()));
    SZ_TRY(track(c, counted, id));
    SZ_TRY(audit::record(c, clock_.now(), actor, "enterprise.update", "enterprise", std::to_string(id), b, a));
  }
  SZ_ASSIGN(auto stored, store::enterprise_by_id(c, id));
  return *stored;
}

Status Service::each_enterprise(db::Connection& c, const auth::Principal& p, const store::Filter& f,
                                const std::function<bool(const store::Enterprise&)>& fn) {
  auto scope = auth::enterprise_scope(p);
  if (scope.empty()) return ok();
  return store::each_enterprise(c, scope, f, fn);
}

Result<Contribution> Service::contribution(db::Connection& c, const std::optional<store::Enterprise>& e) {
  if (!e) return Contribution{};
  SZ_ASSIGN(auto ys, store::years(c, e->id));
  SZ_ASSIGN(auto facts, facts_of(c, *e));
  return contribution_of(params_, facts, figures_of(ys));
}

Status Service::track(db::Connection& c, const Contribution& before, int64_t id) {
  SZ_ASSIGN(auto now, store::enterprise_by_id(c, id));
  SZ_ASSIGN(auto after, contribution(c, now));
  return store::apply_counts(c, before, after);
}

namespace {
// The summary tables and the kept classes as the records say they should be (one pass over the registry).
struct Expected {
  std::map<CountKey, NowCounts> now;
  std::map<std::pair<CountKey, int64_t>, YearFigures> years;
  std::map<std::tuple<CountKey, int64_t, std::string>, StageCounts> months;  // group, cohort, month
  std::vector<std::tuple<int64_t, std::string, int64_t>> classes;          // enterprise, class, year: kept ones that differ
  std::vector<std::pair<int64_t, bool>> scales;                             // enterprise, 规上: kept ones that differ
  std::map<int64_t, std::pair<std::string, int64_t>> kept_classes;          // the kept values of those that differ
};

Result<Expected> expected_counts(db::Connection& c, const Params& params) {
  SZ_ASSIGN(auto industries, store::industries(c));
  std::map<std::string, std::string> pilot;
  for (const auto& i : industries) pilot[i.code] = i.parent.empty() ? i.code : i.parent;
  Expected x;
  SZ_TRY(store::each_with_years(c, [&](const store::Enterprise& e, const std::vector<store::Year>& ys) {
    auto figures = figures_of(ys);
    auto latest = figures.empty() ? std::nullopt : std::optional(*figures.rbegin());
    auto verdict = classify_sme(params.sme, latest);
    if (sme_class_code(verdict.cls) != e.sme_class || verdict.year != e.sme_year) {
      x.classes.emplace_back(e.id, sme_class_code(verdict.cls), verdict.year);
      x.kept_classes[e.id] = {e.sme_class, e.sme_year};
    }
    store::Enterprise kept = e;
    if (e.scale_source != "admin") {
      bool above = scale_above(params, latest ? std::optional(latest->second.revenue) : std::nullopt);
      if (above != e.scale_above) x.scales.emplace_back(e.id, above);
      kept.scale_above = above;
    }
    auto industry = pilot.count(e.industry_code) ? pilot.at(e.industry_code) : e.industry_code;
    auto contribution = contribution_of(params, facts_of(kept, industry), figures);
    if (contribution.in_pilot) x.now[contribution.key] += contribution.now;
    for (const auto& [year, y] : contribution.years) {
      auto& sum = x.years[{contribution.key, year}];
      sum.revenue += y.revenue;
      sum.rd_spending += y.rd_spending;
      sum.invention_patents += y.invention_patents;
    }
    for (const auto& d : contribution.timeline) x.months[{contribution.key, d.cohort, d.day.substr(0, 7)}] += d.change;
  }));
  return x;
}

std::string key_text(const CountKey& k) { return k.district + "/" + k.industry + "/" + std::to_string(k.batch); }

// Compares named values of one row; a missing row reads as zeros.
void compare(std::vector<Service::Difference>& out, const std::string& table, const std::string& key,
             const std::vector<std::pair<const char*, std::pair<int64_t, int64_t>>>& values) {
  for (const auto& [column, v] : values)
    if (v.first != v.second) out.push_back({table, key, column, std::to_string(v.first), std::to_string(v.second)});
}

void compare_now(std::vector<Service::Difference>& out, const std::string& key, const NowCounts& a, const NowCounts& b) {
  compare(out, "enterprise_counts", key,
          {{"pilot", {a.pilot, b.pilot}}, {"assessed", {a.assessed, b.assessed}}, {"level2", {a.level2, b.level2}},
           {"scale_above_level2", {a.scale_above_level2, b.scale_above_level2}},
           {"innovative_level2", {a.innovative_level2, b.innovative_level2}},
           {"specialized", {a.specialized, b.specialized}}, {"cloud", {a.cloud, b.cloud}},
           {"accepted", {a.stage.accepted, b.stage.accepted}},
           {"scale_above_accepted", {a.stage.scale_above_accepted, b.stage.scale_above_accepted}},
           {"innovative_accepted", {a.stage.innovative_accepted, b.stage.innovative_accepted}},
           {"cloud_accepted", {a.stage.cloud_accepted, b.stage.cloud_accepted}},
           {"cloud_undated", {a.cloud_undated, b.cloud_undated}}, {"non_sme", {a.non_sme, b.non_sme}},
           {"non_sme_accepted", {a.non_sme_accepted, b.non_sme_accepted}},
           {"sme_unknown", {a.sme_unknown, b.sme_unknown}}});
}
}  // namespace

Result<std::vector<Service::Difference>> internal::verify_counts(db::Connection& c, const Params& params) {
  SZ_ASSIGN(auto x, expected_counts(c, params));
  std::vector<Service::Difference> out;
  SZ_ASSIGN(auto counts, store::counts(c, ""));
  std::map<CountKey, NowCounts> stored_now;
  for (const auto& r : counts) stored_now[r.key] = r.counts;
  for (const auto& [k, n] : x.now) stored_now.try_emplace(k);
  for (const auto& [k, n] : stored_now) {
    auto it = x.now.find(k);
    compare_now(out, key_text(k), n, it == x.now.end() ? NowCounts{} : it->second);
  }
  SZ_ASSIGN(auto sums, store::year_sums(c, ""));
  std::map<std::pair<CountKey, int64_t>, YearFigures> stored_years;
  for (const auto& r : sums) stored_years[{r.key, r.year}] = r.sums;
  for (const auto& [k, y] : x.years) stored_years.try_emplace(k);
  for (const auto& [k, y] : stored_years) {
    auto it = x.years.find(k);
    YearFigures e = it == x.years.end() ? YearFigures{} : it->second;
    compare(out, "enterprise_year_sums", key_text(k.first) + "/" + std::to_string(k.second),
            {{"revenue", {y.revenue, e.revenue}}, {"rd_spending", {y.rd_spending, e.rd_spending}},
             {"invention_patents", {y.invention_patents, e.invention_patents}}});
  }
  SZ_ASSIGN(auto months, store::month_rows(c));
  std::map<std::tuple<CountKey, int64_t, std::string>, StageCounts> stored_months;
  for (const auto& r : months) stored_months[{r.key, r.cohort, r.month}] = r.change;
  for (const auto& [k, d] : x.months) stored_months.try_emplace(k);
  for (const auto& [k, d] : stored_months) {
    auto it = x.months.find(k);
    StageCounts e = it == x.months.end() ? StageCounts{} : it->second;
    const auto& [group, cohort, month] = k;
    compare(out, "enterprise_month_counts", key_text(group) + "/" + std::to_string(cohort) + "/" + month,
            {{"accepted", {d.accepted, e.accepted}},
             {"scale_above_accepted", {d.scale_above_accepted, e.scale_above_accepted}},
             {"innovative_accepted", {d.innovative_accepted, e.innovative_accepted}},
             {"cloud_accepted", {d.cloud_accepted, e.cloud_accepted}}});
  }
  for (const auto& [id, cls, year] : x.classes) {
    const auto& [kept, kept_year] = x.kept_classes.at(id);
    out.push_back({"enterprises", "#" + std::to_string(id), "sme_class", kept + "@" + std::to_string(kept_year),
                   cls + "@" + std::to_string(year)});
  }
  for (const auto& [id, above] : x.scales)
    out.push_back({"enterprises", "#" + std::to_string(id), "scale_above", above ? "0" : "1", above ? "1" : "0"});
  return out;
}

Status internal::rebuild_counts(db::Connection& c, const Params& params) {
  SZ_ASSIGN(auto x, expected_counts(c, params));
  for (const auto& [id, cls, year] : x.classes) SZ_TRY(store::set_sme(c, id, cls, year));
  for (const auto& [id, above] : x.scales) SZ_TRY(store::set_scale_above(c, id, above));
  std::vector<store::CountRow> counts;
  for (const auto& [k, n] : x.now) counts.push_back({k, n});
  std::vector<store::YearSumRow> years;
  for (const auto& [k, y] : x.years) years.push_back({k.first, k.second, y});
  std::vector<store::MonthRow> months;
  for (const auto& [k, d] : x.months)
    if (!d.empty()) months.push_back({std::get<0>(k), std::get<1>(k), std::get<2>(k), d});
  return store::replace_counts(c, counts, years, months);
}

Result<std::vector<store::CountRow>> Service::counts(const std::string& district) {
  SZ_ASSIGN(auto* c, db_->local());
  return store::counts(*c, district);
}

Result<std::vector<store::YearSumRow>> Service::year_sums(const std::string& district) {
  SZ_ASSIGN(auto* c, db_->local());
  return store::year_sums(*c, district);
}

Result<std::vector<std::pair<store::Enterprise, std::string>>> Service::by_metric(const auth::Principal& p,
                                                                                  store::MetricFilter f, int64_t limit,
                                                                                  int64_t offset, int64_t* total) {
  auto scope = auth::enterprise_scope(p);
  *total = 0;
  if (scope.empty()) return std::vector<std::pair<store::Enterprise, std::string>>{};
  f.qualifying_level = params_.qualifying_level;
  f.scale_above_revenue_fen = params_.scale_above_revenue_fen;
  f.sme = params_.sme;
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto known, total_from_summary(*c, scope, f));
  return store::by_metric(*c, scope, f, limit, offset, total, known);
}

namespace {
int64_t stage_metric(const StageCounts& s, const std::string& metric) {
  if (metric == "scale_above_accepted") return s.scale_above_accepted;
  if (metric == "innovative_accepted") return s.innovative_accepted;
  if (metric == "cloud_accepted") return s.cloud_accepted;
  return s.accepted;
}
}  // namespace

Result<std::optional<int64_t>> Service::total_from_summary(db::Connection& c, const auth::EnterpriseScope& scope,
                                                           const store::MetricFilter& f) {
  const std::optional<int64_t> recount;
  if (!accepted_metric(f.metric) || !scope.enterprise_ids.empty()) return recount;
  if (f.as_of ? !in_summary(*f.as_of) : f.cohort.has_value()) return recount;  // today's counts have no cohort
  if (!f.industry.empty()) {
    SZ_ASSIGN(auto industry, store::industry(c, f.industry));
    if (!industry || !industry->parent.empty()) return recount;  // a sub-sector is not a key of the summary
  }
  auto counted = [&](const CountKey& k) {
    const bool in_scope =
        scope.all || std::find(scope.districts.begin(), scope.districts.end(), k.district) != scope.districts.end();
    return in_scope && (f.industry.empty() || k.industry == f.industry) && (!f.batch || k.batch == *f.batch);
  };
  int64_t sum = 0;
  if (!f.as_of) {
    SZ_ASSIGN(auto rows, store::counts(c, f.district));
    for (const auto& r : rows)
      if (counted(r.key)) sum += stage_metric(r.counts.stage, f.metric);
    return std::optional<int64_t>(sum);
  }
  SZ_ASSIGN(auto rows, store::stage_counts(c, f.as_of->substr(0, 7), f.district));
  for (const auto& r : rows)
    if (counted(r.key) && (!f.cohort || r.cohort == *f.cohort)) sum += stage_metric(r.counts, f.metric);
  return std::optional<int64_t>(sum);
}

Result<std::optional<int64_t>> internal::id_by_credit_code(db::Connection& c, const std::string& code) {
  return store::enterprise_by_credit_code(c, code);
}

Result<std::vector<HistoryEntry>> Service::history(const auth::Principal& p, int64_t id) {
  SZ_TRY(get_enterprise(p, id));
  SZ_ASSIGN(auto* c, db_->local());
  audit::store::Filter f;
  f.entity_type = "enterprise";
  f.entity_id = std::to_string(id);
  int64_t total = 0;
  SZ_ASSIGN(auto entries, audit::page(*c, f, 200, 0, &total));
  std::vector<HistoryEntry> out;
  for (const auto& e : entries)
    out.push_back({e.seq, e.at, e.actor.name, e.action, audit::diff(e.before_json, e.after_json)});
  return out;
}

Result<std::vector<store::Year>> Service::years(const auth::Principal& p, int64_t id) {
  SZ_TRY(get_enterprise(p, id));
  SZ_ASSIGN(auto* c, db_->local());
  return store::years(*c, id);
}

Result<store::Enterprise> Service::set_year(const auth::Principal& p, const auth::Origin& from, int64_t id,
                                            const store::Year& y) {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto e, store::enterprise_by_id(*c, id));
  if (!e) return err::not_found("企业不存在");
  if (!admin(p) && !officer_of(p, e->district_code) && !enterprise_user_of(p, id))
    return err::forbidden("超出数据权限范围：无权填报该企业的年度数据");
  SZ_TRY(set_year_in(*c, auth::actor_of(p, from), *e, y));
  SZ_TRY(tx->commit());
  SZ_ASSIGN(auto stored, store::enterprise_by_id(*c, id));
  return *stored;
}

Status Service::check_year(const store::Year& y) const {
  const int64_t this_year = std::stoll(shanghai_date(clock_.now()).substr(0, 4));
  if (y.year < 2000 || y.year > this_year)
    return err::invalid("year", "年度应在 2000–" + std::to_string(this_year) + " 之间（不能填报尚未开始的年度）");
  SZ_TRY(ranges::check("revenue_fen", y.revenue, "revenue", "营业收入（分）"));
  SZ_TRY(ranges::check("employees", y.employees, "employees", "从业人员（人）"));
  SZ_TRY(ranges::check("rd_spending_fen", y.rd_spending, "rd_spending", "研发投入（分）"));
  return ranges::check("invention_patents", y.invention_patents, "invention_patents", "新增发明专利（件）");
}

Result<bool> Service::set_year_in(db::Connection& c, const audit::Actor& actor, const store::Enterprise& e,
                                  const store::Year& y) {
  SZ_TRY(check_year(y));
  SZ_ASSIGN(auto before_years, store::years(c, e.id));
  for (const auto& b : before_years)
    if (b == y) return false;
  SZ_ASSIGN(auto counted, contribution(c, e));
  SZ_TRY(store::upsert_year(c, e.id, y, clock_.now()));
  SZ_ASSIGN(auto all, store::years(c, e.id));
  auto year_json = [](const store::Year& x) {
    return bj::object{{"year", x.year}, {"revenue", x.revenue}, {"employees", x.employees},
                      {"rd_spending", x.rd_spending}, {"invention_patents", x.invention_patents}};
  };
  std::string before_json;
  for (const auto& b : before_years)
    if (b.year == y.year) before_json = bj::serialize(year_json(b));
  // 规上 and 中小企业划型 follow the latest year's figures (kept on the record for lists and counts).
  auto figures = figures_of(all);
  auto latest = figures.empty() ? std::nullopt : std::optional(*figures.rbegin());
  auto verdict = classify_sme(params_.sme, latest);
  bj::object after = year_json(y);
  after["sme_class"] = sme_class_code(verdict.cls);
  SZ_TRY(audit::record(c, clock_.now(), actor, "enterprise.year", "enterprise", std::to_string(e.id), before_json,
                       bj::serialize(after)));
  if (sme_class_code(verdict.cls) != e.sme_class || verdict.year != e.sme_year)
    SZ_TRY(store::set_sme(c, e.id, sme_class_code(verdict.cls), verdict.year));
  if (e.scale_source != "admin") {
    bool now_above = scale_above(params_, latest ? std::optional(latest->second.revenue) : std::nullopt);
    if (now_above != e.scale_above) {
      store::Enterprise changed = e;
      changed.scale_above = now_above;
      SZ_TRY(store::update_enterprise(c, changed, false, clock_.now()));
      SZ_TRY(audit::record(c, clock_.now(), actor, "enterprise.update", "enterprise", std::to_string(e.id), audit_json(e),
                           audit_json(changed)));
    }
  }
  SZ_TRY(track(c, counted, e.id));
  return true;
}

namespace {
std::string withdrawal_audit(const store::Withdrawal& w) {
  return bj::serialize(bj::object{{"enterprise_id", w.enterprise_id}, {"reason", w.reason}, {"status", w.status},
                                  {"replacement", w.replacement_json}, {"decision_note", w.decision_note}});
}

// The 增补 enterprise as stored with the request, so the city decides on exactly what the district proposed.
bj::object replacement_object(const EnterpriseInput& in) {
  bj::object o;
  auto put = [&](const char* k, const std::optional<std::string>& v) {
    if (v) o[k] = *v;
  };
  put("name", in.name);
  put("credit_code", in.credit_code);
  put("industry", in.industry);
  put("address", in.address);
  put("legal_rep", in.legal_rep);
  put("contact_name", in.contact_name);
  put("contact_phone", in.contact_phone);
  put("tier", in.tier);
  return o;
}

EnterpriseInput replacement_input(const std::string& json) {
  EnterpriseInput in;
  auto o = bj::parse(json).as_object();
  auto get = [&](const char* k) -> std::optional<std::string> {
    if (auto* v = o.if_contains(k); v && v->is_string()) return std::string(v->as_string());
    return std::nullopt;
  };
  in.name = get("name");
  in.credit_code = get("credit_code");
  in.industry = get("industry");
  in.address = get("address");
  in.legal_rep = get("legal_rep");
  in.contact_name = get("contact_name");
  in.contact_phone = get("contact_phone");
  in.tier = get("tier");
  return in;
}
}  // namespace

Result<store::Withdrawal> Service::request_withdrawal(const auth::Principal& p, const auth::Origin& from, int64_t id,
                                                      const std::string& reason,
                                                      const std::optional<EnterpriseInput>& replacement) {
  if (reason.empty()) return err::invalid("reason", "请填写退出原因");
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto e, store::enterprise_by_id(*c, id));
  if (!e) return err::not_found("企业不存在");
  if (!officer_of(p, e->district_code) && !admin(p)) return err::forbidden("只有本区县专班可以申请企业退出");
  if (e->status != "active") return err::conflict("status", "企业已退出试点");
  SZ_ASSIGN(bool pending, store::pending_withdrawal(*c, id));
  if (pending) return err::conflict("id", "该企业已有待审批的退出申请");
  store::Withdrawal w;
  w.enterprise_id = id;
  w.district_code = e->district_code;
  w.reason = reason;
  if (replacement) {
    // Check the proposed enterprise now, as the city will create it: in this district, a valid and new code.
    EnterpriseInput in = *replacement;
    in.district = e->district_code;
    store::Enterprise probe;
    probe.district_code = e->district_code;
    SZ_ASSIGN(auto checked, apply(*c, p, probe, in, true));
    (void)checked;
    if (!in.name || !in.credit_code || !in.industry)
      return err::invalid("replacement", "增补企业须有企业名称、统一社会信用代码和行业");
    w.replacement_json = bj::serialize(replacement_object(in));
  }
  w.requested_by = p.user_id;
  w.requested_at = clock_.now();
  SZ_ASSIGN(w.id, store::insert_withdrawal(*c, w));
  w.status = "pending";
  SZ_TRY(audit::record(*c, clock_.now(), auth::actor_of(p, from), "enterprise.withdraw_request", "enterprise",
                       std::to_string(id), "", withdrawal_audit(w)));
  SZ_TRY(tx->commit());
  SZ_ASSIGN(auto stored, store::withdrawal(*c, w.id));
  return *stored;
}

Result<store::Withdrawal> Service::decide_withdrawal(const auth::Principal& p, const auth::Origin& from, int64_t id,
                                                     bool approve, const std::string& note) {
  if (!admin(p)) return err::forbidden("只有市级管理员可以审批企业退出");
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto w, store::withdrawal(*c, id));
  if (!w) return err::not_found("退出申请不存在");
  if (w->status != "pending") return err::conflict("status", "该申请已审批（状态：" + w->status + "）");
  const int64_t now = clock_.now();
  auto actor = auth::actor_of(p, from);
  std::optional<int64_t> replacement_id;
  if (approve) {
    SZ_ASSIGN(auto e, store::enterprise_by_id(*c, w->enterprise_id));
    SZ_ASSIGN(auto counted, contribution(*c, e));
    SZ_TRY(store::set_withdrawn(*c, w->enterprise_id, now));
    SZ_TRY(track(*c, counted, w->enterprise_id));  // a withdrawn enterprise leaves every count
    SZ_TRY(audit::record(*c, now, actor, "enterprise.withdraw", "enterprise", std::to_string(w->enterprise_id),
                         R"({"status":"active"})", R"({"status":"withdrawn"})"));
    if (!w->replacement_json.empty()) {
      // The replacement counts against the same district's target and takes the withdrawn one's batch.
      EnterpriseInput in = replacement_input(w->replacement_json);
      in.district = w->district_code;
      in.batch = e->batch;
      store::Enterprise fresh;
      fresh.district_code = w->district_code;
      SZ_ASSIGN(fresh, apply(*c, p, fresh, in, true));
      fresh.replaces_id = w->enterprise_id;
      SZ_ASSIGN(auto created, insert_checked(*c, actor, fresh));
      replacement_id = created.id;
    }
  }
  SZ_TRY(store::decide_withdrawal(*c, id, approve ? "approved" : "rejected", p.user_id, now, note, replacement_id));
  SZ_ASSIGN(auto decided, store::withdrawal(*c, id));
  SZ_TRY(audit::record(*c, now, actor, approve ? "enterprise.withdraw_approve" : "enterprise.withdraw_reject",
                       "enterprise", std::to_string(w->enterprise_id), withdrawal_audit(*w), withdrawal_audit(*decided)));
  SZ_TRY(tx->commit());
  return *decided;
}

Result<std::vector<store::Withdrawal>> Service::withdrawals(const auth::Principal& p, const std::string& status,
                                                            int64_t limit, int64_t offset, int64_t* total) {
  auto scope = auth::enterprise_scope(p);
  *total = 0;
  if (scope.empty()) return std::vector<store::Withdrawal>{};
  if (!status.empty() && status != "pending" && status != "approved" && status != "rejected")
    return err::invalid("status", "状态应为 pending、approved 或 rejected");
  SZ_ASSIGN(auto* c, db_->local());
  return store::withdrawals(*c, scope, status, limit, offset, total);
}

}  // namespace sz::registry
