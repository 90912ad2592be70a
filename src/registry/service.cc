#include "registry/service.h"

#include <boost/json.hpp>

#include "audit/service.h"
#include "infra/db/ref_versions.h"
#include "registry/rules.h"

namespace sz::registry {

namespace bj = boost::json;

Result<std::vector<store::Industry>> Service::industries() {
  SZ_ASSIGN(auto* c, db_->local());
  return store::industries(*c);
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
  SZ_ASSIGN(page.total, store::count_enterprises(*c, scope, f));
  return page;
}

Result<store::Enterprise> Service::get_enterprise(const auth::Principal& p, int64_t id) {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto e, store::enterprise_by_id(*c, id));
  if (!e) return err::not_found("企业不存在");
  if (!auth::enterprise_scope(p).covers(e->district_code, e->id)) return err::forbidden("超出数据权限范围：无权查看该企业");
  return *e;
}

namespace {
std::string audit_json(const store::Enterprise& e) {
  bj::object o{{"id", e.id},           {"name", e.name},     {"credit_code", e.credit_code},
               {"industry", e.industry_code}, {"district", e.district_code}, {"batch", e.batch},
               {"status", e.status}};
  return bj::serialize(o);
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
    SZ_ASSIGN(e.id, store::insert_enterprise(*c, e, clock_.now()));
    SZ_TRY(audit::record(*c, clock_.now(), actor, "enterprise.create", "enterprise", std::to_string(e.id), "",
                         audit_json(e)));
    ids.push_back(e.id);
    if (progress) progress(static_cast<int64_t>(ids.size()), static_cast<int64_t>(list.size()));
  }
  SZ_TRY(tx->commit());
  return ids;
}

Result<std::optional<store::Enterprise>> Service::find(db::Connection& c, int64_t id) {
  return store::enterprise_by_id(c, id);
}

Status Service::set_level(db::Connection& c, const audit::Actor& actor, int64_t id, int level, const std::string& source,
                          int64_t at) {
  SZ_ASSIGN(auto before, store::enterprise_by_id(c, id));
  if (!before) return err::not_found("企业不存在");
  SZ_TRY(store::set_level(c, id, level, source, at));
  bj::object b{{"level", before->level}, {"level_source", before->level_source}};
  bj::object a{{"level", level}, {"level_source", source}};
  return audit::record(c, at, actor, "enterprise.level", "enterprise", std::to_string(id), bj::serialize(b),
                       bj::serialize(a));
}

Result<bool> Service::district_exists(db::Connection& c, const std::string& code) {
  return store::district_exists(c, code);
}
Result<bool> Service::enterprise_exists(db::Connection& c, int64_t id) { return store::enterprise_exists(c, id); }

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

Status Service::load_reference(db::Connection& c, std::string_view industries_json, std::string_view districts_json,
                               int64_t now) {
  SZ_ASSIGN(auto districts, items_of(districts_json, "districts.json"));
  int64_t order = 0;
  for (const auto& d : districts)
    SZ_TRY(store::upsert_district(c, {str(d, "code"), str(d, "name"), str(d, "division_code"), str(d, "kind"), ++order}));
  SZ_ASSIGN(auto industries, items_of(industries_json, "industries.json"));
  order = 0;
  for (const auto& i : industries) {
    store::Industry ind{str(i, "code"), str(i, "name"), str(i, "short_name"), ++order, {}};
    if (auto* keys = i.as_object().if_contains("key_districts"); keys && keys->is_array())
      for (const auto& k : keys->as_array())
        if (k.is_string()) ind.key_districts.emplace_back(k.as_string());
    SZ_TRY(store::upsert_industry(c, ind));
  }
  SZ_TRY(db::record_ref_version(c, "districts", version_of(districts_json), std::string(districts_json), now));
  return db::record_ref_version(c, "industries", version_of(industries_json), std::string(industries_json), now);
}

}  // namespace sz::registry
