#include "records/service.h"

#include <boost/json.hpp>
#include <set>

#include "audit/service.h"
#include "infra/text.h"
#include "market/service.h"
#include "records/store.h"
#include "registry/service.h"

namespace sz::records {

namespace bj = boost::json;

namespace {
bool admin(const auth::Principal& p) { return p.has(auth::Role::city_admin); }

// The enterprise exists and the caller's scope covers it (district officers record for their own district).
Result<registry::store::Enterprise> enterprise_in_scope(db::Connection& c, const auth::Principal& p, int64_t id,
                                                         const char* field) {
  SZ_ASSIGN(auto e, registry::Service::find(c, id));
  if (!e) return err::invalid(field, "企业不存在：" + std::to_string(id));
  if (p.has(auth::Role::enterprise) || !auth::enterprise_scope(p).covers(e->district_code, e->id))
    return err::forbidden("超出数据权限范围：只能登记本区县企业的记录");
  return *e;
}

Status need_date(const std::string& d, const char* field) {
  if (!day_number(d)) return err::invalid(field, "日期应为 YYYY-MM-DD");
  return ok();
}

Status need_name(const std::string& s, const char* field, const char* label) {
  if (text::trim(s).empty() || text::utf8_length(s) > 100) return err::invalid(field, std::string(label) + "应为1–100个字符");
  return ok();
}
}  // namespace

Result<ChainModel> Service::add_chain(const auth::Principal& p, const auth::Origin& from, ChainModel m) {
  if (!admin(p)) return err::forbidden("链式转型模式由市级管理员登记");
  SZ_TRY(need_name(m.name, "name", "模式名称"));
  if (m.status != "building" && m.status != "operating") return err::invalid("status", "状态应为 building（建设中）或 operating（运行中）");
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(bool industry_ok, registry::Service::industry_exists(*c, m.industry_code));
  if (!industry_ok) return err::invalid("industry", "行业不存在：" + m.industry_code);
  if (m.lead_enterprise_id) {
    SZ_ASSIGN(auto lead, registry::Service::find(*c, *m.lead_enterprise_id));
    if (!lead) return err::invalid("lead_enterprise_id", "链主企业不存在");
    if (text::trim(m.lead_name).empty()) m.lead_name = lead->name;
  }
  SZ_TRY(need_name(m.lead_name, "lead_name", "链主企业名称"));
  if (m.provider_id) {
    SZ_ASSIGN(auto pv, market::find_provider(*c, *m.provider_id));
    if (!pv) return err::invalid("provider_id", "服务商不存在");
  }
  if (m.members.empty()) return err::invalid("members", "请列出链上参与改造的中小企业");
  for (int64_t e : m.members) {
    SZ_ASSIGN(bool exists, registry::Service::enterprise_exists(*c, e));
    if (!exists) return err::invalid("members", "企业不存在：" + std::to_string(e));
  }
  m.created_at = m.updated_at = clock_.now();
  SZ_ASSIGN(m.id, store::insert_chain(*c, m));
  SZ_TRY(audit::record(*c, m.created_at, auth::actor_of(p, from), "chain.create", "chain", std::to_string(m.id), "",
                       bj::serialize(bj::object{{"name", m.name}, {"industry", m.industry_code},
                                                {"members", static_cast<int64_t>(m.members.size())}})));
  SZ_TRY(tx->commit());
  return m;
}

namespace {
Result<std::string> enterprise_name(db::Connection& c, int64_t id) {
  SZ_ASSIGN(auto e, registry::Service::find(c, id));
  return e ? e->name : std::string();
}
}  // namespace

Result<std::vector<ChainModel>> Service::chains(const std::string& industry) {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto list, store::chains(*c, industry));
  for (auto& m : list)
    for (int64_t e : m.members) {
      SZ_ASSIGN(auto name, enterprise_name(*c, e));
      m.member_names.push_back(std::move(name));
    }
  return list;
}

Result<Recognition> Service::recognize(const auth::Principal& p, const auth::Origin& from, Recognition r) {
  if (r.kind != "factory" && r.kind != "workshop" && r.kind != "scenario")
    return err::invalid("kind", "类型应为 factory（智能工厂）、workshop（数字化车间）或 scenario（智能制造场景）");
  if (r.level != "provincial" && r.level != "national") return err::invalid("level", "级别应为 provincial（省级）或 national（国家级）");
  SZ_TRY(need_name(r.name, "name", "认定名称"));
  SZ_TRY(need_date(r.recognized_on, "recognized_on"));
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_TRY(enterprise_in_scope(*c, p, r.enterprise_id, "enterprise_id"));
  r.created_at = clock_.now();
  SZ_ASSIGN(r.id, store::insert_recognition(*c, r));
  SZ_TRY(audit::record(*c, r.created_at, auth::actor_of(p, from), "recognition.create", "enterprise", std::to_string(r.enterprise_id),
                       "", bj::serialize(bj::object{{"kind", r.kind}, {"level", r.level}, {"name", r.name}})));
  SZ_TRY(tx->commit());
  return r;
}

Result<std::vector<Recognition>> Service::recognitions(std::optional<int64_t> enterprise_id) {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto list, store::recognitions(*c, enterprise_id));
  for (auto& r : list) {
    SZ_ASSIGN(r.enterprise_name, enterprise_name(*c, r.enterprise_id));
  }
  return list;
}

Result<Park> Service::add_park(const auth::Principal& p, const auth::Origin& from, Park k) {
  if (!admin(p) && !(p.has(auth::Role::district_officer) && p.district == k.district_code))
    return err::forbidden("小微企业园由市级管理员或所在区县专班登记");
  SZ_TRY(need_name(k.name, "name", "园区名称"));
  SZ_TRY(need_date(k.recognized_on, "recognized_on"));
  if (k.enterprises < 0) return err::invalid("enterprises", "入园企业数不能为负数");
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(bool district_ok, registry::Service::district_exists(*c, k.district_code));
  if (!district_ok) return err::invalid("district", "区县代码不存在：" + k.district_code);
  SZ_ASSIGN(bool industry_ok, registry::Service::industry_exists(*c, k.industry_code));
  if (!industry_ok) return err::invalid("industry", "行业不存在：" + k.industry_code);
  k.created_at = clock_.now();
  SZ_ASSIGN(k.id, store::insert_park(*c, k));
  SZ_TRY(audit::record(*c, k.created_at, auth::actor_of(p, from), "park.create", "park", std::to_string(k.id), "",
                       bj::serialize(bj::object{{"name", k.name}, {"district", k.district_code}, {"industry", k.industry_code}})));
  SZ_TRY(tx->commit());
  return k;
}

Result<std::vector<Park>> Service::parks() {
  SZ_ASSIGN(auto* c, db_->local());
  return store::parks(*c);
}

Result<Training> Service::add_training(const auth::Principal& p, const auth::Origin& from, Training t) {
  if (!admin(p)) return err::forbidden("培训由市级管理员登记");
  SZ_TRY(need_name(t.title, "title", "培训名称"));
  if (t.audience != "management" && t.audience != "technical") return err::invalid("audience", "对象应为 management（管理人员）或 technical（技术人员）");
  SZ_TRY(need_date(t.held_on, "held_on"));
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  t.created_at = clock_.now();
  SZ_ASSIGN(t.id, store::insert_training(*c, t));
  SZ_TRY(audit::record(*c, t.created_at, auth::actor_of(p, from), "training.create", "training", std::to_string(t.id), "",
                       bj::serialize(bj::object{{"title", t.title}, {"held_on", t.held_on}})));
  SZ_TRY(tx->commit());
  return t;
}

Status Service::attend(const auth::Principal& p, const auth::Origin& from, int64_t training_id, int64_t enterprise_id,
                       int64_t people) {
  if (people < 1 || people > 1000) return err::invalid("people", "参训人数应为 1–1000");
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(bool exists, store::training_exists(*c, training_id));
  if (!exists) return err::not_found("培训不存在");
  SZ_TRY(enterprise_in_scope(*c, p, enterprise_id, "enterprise_id"));
  SZ_TRY(store::upsert_attendance(*c, training_id, enterprise_id, people));
  SZ_TRY(audit::record(*c, clock_.now(), auth::actor_of(p, from), "training.attend", "training", std::to_string(training_id), "",
                       bj::serialize(bj::object{{"enterprise_id", enterprise_id}, {"people", people}})));
  return tx->commit();
}

Result<std::vector<Training>> Service::trainings() {
  SZ_ASSIGN(auto* c, db_->local());
  return store::trainings(*c);
}

Result<Tally> Service::tally() {
  SZ_ASSIGN(auto* c, db_->local());
  Tally t;
  SZ_ASSIGN(auto recs, store::recognitions(*c, std::nullopt));
  std::set<int64_t> counted;
  for (const auto& r : recs) {
    SZ_ASSIGN(auto e, registry::Service::find(*c, r.enterprise_id));
    if (!e) continue;
    SZ_ASSIGN(auto ind, registry::Service::pilot_industry_of(*c, e->industry_code));
    ++t.smart[ind];
  }
  SZ_ASSIGN(auto ch, store::chains(*c, ""));
  for (const auto& m : ch) ++t.chains[m.industry_code];
  SZ_ASSIGN(auto pk, store::parks(*c));
  for (const auto& k : pk) ++t.parks[k.industry_code];
  SZ_ASSIGN(auto tr, store::trainings(*c));
  std::set<int64_t> enterprises;
  for (const auto& x : tr)
    for (const auto& [e, people] : x.attendance) {
      enterprises.insert(e);
      t.trained_people += people;
    }
  t.trainings = static_cast<int64_t>(tr.size());
  t.trained_enterprises = static_cast<int64_t>(enterprises.size());
  return t;
}

}  // namespace sz::records
