#include "records/service.h"

#include <algorithm>
#include <boost/json.hpp>
#include <set>

#include "audit/service.h"
#include "infra/ranges.h"
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
  SZ_ASSIGN(auto e, registry::internal::find(c, id));
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

bj::object decision_json(const Decision& d) {
  return bj::object{{"on", d.on}, {"decided_by", d.decided_by}, {"evidence", d.evidence}};
}

// Names the account that recorded a decision.
Status name_recorder(db::Connection& c, std::optional<Decision>& d) {
  if (!d || !d->recorded_by) return ok();
  SZ_ASSIGN(d->recorded_by_name, auth::internal::display_name_of(c, *d->recorded_by));
  return ok();
}
}  // namespace

Result<ChainModel> Service::add_chain(const auth::Principal& p, const auth::Origin& from, ChainModel m) {
  if (!admin(p)) return err::forbidden("链式转型模式由市级管理员登记");
  SZ_TRY(need_name(m.name, "name", "模式名称"));
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(bool industry_ok, registry::internal::industry_exists(*c, m.industry_code));
  if (!industry_ok) return err::invalid("industry", "行业不存在：" + m.industry_code);
  if (m.lead_enterprise_id) {
    SZ_ASSIGN(auto lead, registry::internal::find(*c, *m.lead_enterprise_id));
    if (!lead) return err::invalid("lead_enterprise_id", "链主企业不存在");
    if (text::trim(m.lead_name).empty()) m.lead_name = lead->name;
  }
  SZ_TRY(need_name(m.lead_name, "lead_name", "链主企业名称"));
  if (m.provider_id) {
    SZ_ASSIGN(auto pv, market::internal::find_provider(*c, *m.provider_id));
    if (!pv) return err::invalid("provider_id", "服务商不存在");
  }
  if (m.members.empty()) return err::invalid("members", "请列出链上参与改造的中小企业");
  for (int64_t e : m.members) {
    SZ_ASSIGN(bool exists, registry::internal::enterprise_exists(*c, e));
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
  SZ_ASSIGN(auto e, registry::internal::find(c, id));
  return e ? e->name : std::string();
}
}  // namespace

Result<std::vector<ChainModel>> Service::chains(const std::string& industry) {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto list, store::chains(*c, industry));
  for (auto& m : list) {
    for (int64_t e : m.members) {
      SZ_ASSIGN(auto name, enterprise_name(*c, e));
      m.member_names.push_back(std::move(name));
    }
    SZ_TRY(name_recorder(*c, m.completed));
    SZ_TRY(name_recorder(*c, m.miit));
  }
  return list;
}

Result<std::optional<ChainModel>> internal::find_chain(db::Connection& c, int64_t id) { return store::chain(c, id); }

namespace {
const char* chain_decision_name(const std::string& which) { return which == "miit" ? "获评工信部“链式”数字化典型案例" : "建成"; }
}  // namespace

Result<ChainModel> Service::complete_chain(const auth::Principal& p, const auth::Origin& from, int64_t id, Decision d) {
  return decide_chain(p, from, id, "completed", std::move(d));
}

Result<ChainModel> Service::recognize_chain(const auth::Principal& p, const auth::Origin& from, int64_t id, Decision d) {
  return decide_chain(p, from, id, "miit", std::move(d));
}

Result<ChainModel> Service::decide_chain(const auth::Principal& p, const auth::Origin& from, int64_t id,
                                         const std::string& which, Decision d) {
  if (!admin(p)) return err::forbidden(std::string("“链式”模式的") + chain_decision_name(which) + "由市级管理员登记");
  SZ_TRY(check_decision(d, shanghai_date(clock_.now()), which == "miit" ? "认定日期" : "建成日期"));
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto m, store::chain(*c, id));
  if (!m) return err::not_found("“链式”转型模式不存在");
  auto& slot = which == "miit" ? m->miit : m->completed;
  if (slot) return err::conflict("on", std::string("该模式已于 ") + slot->on + " 登记" + chain_decision_name(which));
  if (which == "miit" && !m->completed) return err::conflict("on", "模式尚未建成：请先登记建成，再登记工信部认定");
  if (which == "miit" && d.on < m->completed->on) return err::invalid("on", "认定日期不能早于建成日期 " + m->completed->on);
  d.recorded_by = p.user_id;
  d.recorded_by_name = p.display_name;
  d.recorded_at = clock_.now();
  SZ_TRY(store::set_chain_decision(*c, id, which, d));
  SZ_TRY(audit::record(*c, d.recorded_at, auth::actor_of(p, from), which == "miit" ? "chain.recognize" : "chain.complete",
                       "chain", std::to_string(id), "", bj::serialize(decision_json(d))));
  SZ_TRY(tx->commit());
  slot = d;
  for (int64_t e : m->members) {
    SZ_ASSIGN(auto name, enterprise_name(*c, e));
    m->member_names.push_back(std::move(name));
  }
  return *m;
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
  SZ_TRY(ranges::check("park_enterprises", k.enterprises, "enterprises"));
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(bool district_ok, registry::internal::district_exists(*c, k.district_code));
  if (!district_ok) return err::invalid("district", "区县代码不存在：" + k.district_code);
  SZ_ASSIGN(bool industry_ok, registry::internal::industry_exists(*c, k.industry_code));
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
  SZ_ASSIGN(auto list, store::parks(*c));
  for (auto& k : list) SZ_TRY(name_recorder(*c, k.transformed));
  return list;
}

Result<Park> Service::transform_park(const auth::Principal& p, const auth::Origin& from, int64_t id, Decision d) {
  SZ_TRY(check_decision(d, shanghai_date(clock_.now()), "改造完成日期"));
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto list, store::parks(*c));
  auto it = std::find_if(list.begin(), list.end(), [&](const Park& k) { return k.id == id; });
  if (it == list.end()) return err::not_found("小微企业园不存在");
  if (!admin(p) && !(p.has(auth::Role::district_officer) && p.district == it->district_code))
    return err::forbidden("园区数字化改造完成由市级管理员或所在区县专班登记");
  if (it->transformed) return err::conflict("on", "该园区已于 " + it->transformed->on + " 登记数字化改造完成");
  if (d.on < it->recognized_on) return err::invalid("on", "改造完成日期不能早于园区认定日期 " + it->recognized_on);
  d.recorded_by = p.user_id;
  d.recorded_by_name = p.display_name;
  d.recorded_at = clock_.now();
  SZ_TRY(store::set_park_transformed(*c, id, d));
  SZ_TRY(audit::record(*c, d.recorded_at, auth::actor_of(p, from), "park.transform", "park", std::to_string(id), "",
                       bj::serialize(decision_json(d))));
  SZ_TRY(tx->commit());
  it->transformed = d;
  return *it;
}

Result<Lighthouse> Service::designate(const auth::Principal& p, const auth::Origin& from, Lighthouse l) {
  if (!admin(p)) return err::forbidden("“小灯塔”企业由市级管理员登记");
  SZ_TRY(check_decision(l.designated, shanghai_date(clock_.now()), "认定日期"));
  if (text::utf8_length(l.note) > 500) return err::invalid("note", "说明不能超过500个字符");
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto e, registry::internal::find(*c, l.enterprise_id));
  if (!e) return err::invalid("enterprise_id", "企业不存在：" + std::to_string(l.enterprise_id));
  if (e->status != "active") return err::conflict("enterprise_id", "企业已退出试点");
  SZ_ASSIGN(auto existing, store::lighthouses(*c, l.enterprise_id));
  if (!existing.empty()) return err::conflict("enterprise_id", "该企业已于 " + existing.front().designated.on + " 认定为“小灯塔”企业");
  l.designated.recorded_by = p.user_id;
  l.designated.recorded_by_name = p.display_name;
  l.designated.recorded_at = clock_.now();
  SZ_ASSIGN(l.id, store::insert_lighthouse(*c, l));
  bj::object a = decision_json(l.designated);
  a["lighthouse_id"] = l.id;
  SZ_TRY(audit::record(*c, l.designated.recorded_at, auth::actor_of(p, from), "lighthouse.designate", "enterprise",
                       std::to_string(l.enterprise_id), "", bj::serialize(a)));
  SZ_TRY(tx->commit());
  l.enterprise_name = e->name;
  l.district_code = e->district_code;
  return l;
}

Result<std::vector<Lighthouse>> Service::lighthouses(std::optional<int64_t> enterprise_id) {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto list, store::lighthouses(*c, enterprise_id));
  for (auto& l : list) {
    SZ_ASSIGN(auto e, registry::internal::find(*c, l.enterprise_id));
    if (e) l.enterprise_name = e->name, l.district_code = e->district_code;
    std::optional<Decision> d = l.designated;
    SZ_TRY(name_recorder(*c, d));
    l.designated = *d;
  }
  return list;
}

Result<Workshop> Service::add_workshop(const auth::Principal& p, const auth::Origin& from, Workshop w) {
  if (!admin(p)) return err::forbidden("数字工坊由市级管理员登记");
  SZ_TRY(need_name(w.name, "name", "数字工坊名称"));
  if (text::trim(w.partners).empty() || text::utf8_length(w.partners) > 200)
    return err::invalid("partners", "请填写合作的基础电信运营商或数字化服务商（1–200个字符）");
  SZ_TRY(check_decision(w.established, shanghai_date(clock_.now()), "建成日期"));
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto e, registry::internal::find(*c, w.lead_enterprise_id));
  if (!e) return err::invalid("lead_enterprise_id", "企业不存在：" + std::to_string(w.lead_enterprise_id));
  // 方案三(一): 数字工坊 are built by 小灯塔 enterprises.
  SZ_ASSIGN(auto designated, store::lighthouses(*c, w.lead_enterprise_id));
  if (designated.empty()) return err::conflict("lead_enterprise_id", "牵头企业尚未认定为“小灯塔”企业（方案三(一)：鼓励“小灯塔”企业建设数字工坊）");
  if (designated.front().designated.on > w.established.on)
    return err::invalid("on", "建成日期早于牵头企业认定为“小灯塔”的日期 " + designated.front().designated.on);
  if (w.provider_id) {
    SZ_ASSIGN(auto pv, market::internal::find_provider(*c, *w.provider_id));
    if (!pv) return err::invalid("provider_id", "服务商不存在");
    w.provider_name = pv->name;
  }
  w.established.recorded_by = p.user_id;
  w.established.recorded_by_name = p.display_name;
  w.established.recorded_at = clock_.now();
  SZ_ASSIGN(w.id, store::insert_workshop(*c, w));
  bj::object a = decision_json(w.established);
  a["name"] = w.name;
  a["partners"] = w.partners;
  SZ_TRY(audit::record(*c, w.established.recorded_at, auth::actor_of(p, from), "workshop.create", "workshop",
                       std::to_string(w.id), "", bj::serialize(a)));
  SZ_TRY(tx->commit());
  w.lead_name = e->name;
  return w;
}

Result<std::vector<Workshop>> Service::workshops(std::optional<int64_t> enterprise_id) {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto list, store::workshops(*c, enterprise_id));
  for (auto& w : list) {
    SZ_ASSIGN(w.lead_name, enterprise_name(*c, w.lead_enterprise_id));
    if (w.provider_id) {
      SZ_ASSIGN(auto pv, market::internal::find_provider(*c, *w.provider_id));
      if (pv) w.provider_name = pv->name;
    }
    std::optional<Decision> d = w.established;
    SZ_TRY(name_recorder(*c, d));
    w.established = *d;
  }
  return list;
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
  SZ_TRY(ranges::check("training_people", people, "people"));
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
  for (const auto& r : recs) {
    SZ_ASSIGN(auto e, registry::internal::find(*c, r.enterprise_id));
    if (!e || e->status != "active") continue;  // a recognition counts while its enterprise is in the pilot
    SZ_ASSIGN(auto ind, registry::internal::pilot_industry_of(*c, e->industry_code));
    ++t.smart[ind];
  }
  SZ_ASSIGN(auto ch, store::chains(*c, ""));
  t.chains_registered = static_cast<int64_t>(ch.size());
  for (const auto& m : ch) {
    if (m.completed) ++t.chains[m.industry_code];
    if (m.miit) ++t.miit_cases;
  }
  SZ_ASSIGN(auto pk, store::parks(*c));
  t.parks_registered = static_cast<int64_t>(pk.size());
  for (const auto& k : pk)
    if (k.transformed) ++t.parks[k.industry_code];
  SZ_ASSIGN(auto lh, store::lighthouses(*c, std::nullopt));
  t.lighthouses = static_cast<int64_t>(lh.size());
  SZ_ASSIGN(auto ws, store::workshops(*c, std::nullopt));
  t.workshops = static_cast<int64_t>(ws.size());
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
