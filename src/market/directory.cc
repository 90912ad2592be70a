#include "market/directory.h"

#include <algorithm>
#include <boost/json.hpp>
#include <limits>
#include <set>

#include "audit/service.h"
#include "infra/json.h"
#include "infra/text.h"

namespace sz::market {

namespace bj = boost::json;

namespace {
bool admin(const auth::Principal& p) { return p.has(auth::Role::city_admin); }
using json::text_of;
const std::set<std::string> kOwnGuards = {"profile_complete", "notice_ended", "objections_resolved"};

Profile profile_of(const store::ProviderRecord& r) {
  Profile p{r.qualifications, r.cases, r.address, r.contact_name, r.contact_phone, {}};
  const bj::value industries = bj::parse(r.industries_json);
  for (const auto& v : industries.as_array()) p.industries.emplace_back(v.as_string());
  return p;
}

std::string audit_json(const store::ProviderRecord& r) {
  return bj::serialize(bj::object{{"name", r.base.name}, {"kind", r.base.kind}, {"in_zhengzhou", r.base.in_zhengzhou},
                                  {"status", r.base.status}, {"industries", bj::parse(r.industries_json)}});
}
}  // namespace

bool own_provider(const auth::Principal& p, int64_t provider_id) {
  return p.has(auth::Role::provider) && p.provider_id == provider_id;
}

Result<ProviderRules> Directory::parse_rules(std::string_view json) {
  boost::system::error_code ec;
  auto v = bj::parse(json, ec);
  if (ec || !v.is_object()) return err::internal("provider-rules.json is not a JSON object");
  const auto& o = v.as_object();
  ProviderRules r;
  r.version = text_of(o, "version");
  r.notice_days = o.at("notice_days").as_int64();
  r.integrators_per_industry = o.at("integrators_per_industry").as_int64();
  r.integrators_city_minimum = o.at("integrators_city_minimum").as_int64();
  SZ_ASSIGN(r.workflow, workflow::parse(o, "provider-rules.json"));
  return r;
}

Status Directory::check_guards() const {
  std::set<std::string> known = kOwnGuards;
  for (const auto& [name, check] : guards_) known.insert(name);
  return workflow::only_guards(rules_.workflow, known, "provider-rules.json");
}

Result<store::ProviderRecord> Directory::load(db::Connection& c, int64_t id) {
  SZ_ASSIGN(auto r, store::record(c, id));
  if (!r) return err::not_found("服务商不存在");
  return *r;
}

Result<store::ProviderRecord> Directory::create(const auth::Principal& p, const auth::Origin& from, const store::Provider& in) {
  if (!admin(p)) return err::forbidden("只有市级管理员可以登记服务商");
  if (text::trim(in.name).empty() || text::utf8_length(in.name) > 100) return err::invalid("name", "服务商名称应为1–100个字符");
  if (in.kind != "integrator" && in.kind != "specialist") return err::invalid("kind", "类型应为 integrator（集成服务商）或 specialist（专业服务商）");
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto all, store::providers(*c, 100000));
  for (const auto& x : all)
    if (x.credit_code == in.credit_code) return err::conflict("credit_code", "该统一社会信用代码已登记为「" + x.name + "」");
  store::Provider base = in;
  base.name = text::trim(in.name);
  base.status = "draft";
  int64_t now = clock_.now();
  SZ_ASSIGN(int64_t id, store::insert_provider(*c, base, now));
  SZ_ASSIGN(auto r, load(*c, id));
  SZ_TRY(store::insert_event(*c, {0, id, "create", "", "draft", "", std::nullopt, p.username, now}));
  SZ_TRY(audit::record(*c, now, auth::actor_of(p, from), "provider.create", "provider", std::to_string(id), "", audit_json(r)));
  SZ_TRY(tx->commit());
  return r;
}

Result<store::ProviderRecord> Directory::get(const auth::Principal& p, int64_t id, bool* full) {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto r, load(*c, id));
  *full = admin(p) || own_provider(p, id);
  // Experts score applications and district officers record objections during 公示: both read the public record.
  bool vetting = (p.has(auth::Role::expert) && r.base.status != "draft") ||
                 (p.has(auth::Role::district_officer) && r.base.status == "notice");
  if (!*full && !listed(r.base.status) && !vetting) return err::forbidden("该服务商不在服务商库中");
  return r;
}

Result<store::ProviderRecord> Directory::update_profile(const auth::Principal& p, const auth::Origin& from, int64_t id,
                                                        const ProfileInput& in) {
  if (!admin(p) && !own_provider(p, id)) return err::forbidden("只能维护本服务商的资料");
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto r, load(*c, id));
  const auto& st = r.base.status;
  if (st != "draft" && st != "rejected" && st != "removed" && !listed(st))
    return err::conflict("status", "服务商处于「" + rules_.status_name(st) + "」状态，资料在评审和公示期间不能修改");
  store::ProviderRecord before = r;
  // A listed provider keeps its contact current; what it was admitted on changes only through a new application.
  if (listed(st) && (in.name || in.kind || in.in_zhengzhou || in.industries || in.qualifications || in.cases))
    return err::conflict("status", "已入库服务商只能修改地址和联系人；资质、案例、行业等须重新申请");
  if (in.name) r.base.name = text::trim(*in.name);
  if (in.kind) {
    if (*in.kind != "integrator" && *in.kind != "specialist") return err::invalid("kind", "类型应为 integrator 或 specialist");
    r.base.kind = *in.kind;
  }
  if (in.in_zhengzhou) r.base.in_zhengzhou = *in.in_zhengzhou;
  if (in.qualifications) r.qualifications = text::trim(*in.qualifications);
  if (in.cases) r.cases = text::trim(*in.cases);
  if (in.address) r.address = text::trim(*in.address);
  if (in.contact_name) r.contact_name = text::trim(*in.contact_name);
  if (in.contact_phone) r.contact_phone = text::trim(*in.contact_phone);
  if (in.industries) {
    bj::array a;
    for (const auto& x : *in.industries) a.push_back(bj::value(x));
    r.industries_json = bj::serialize(a);
  }
  SZ_TRY(store::update_record(*c, r));
  SZ_TRY(audit::record(*c, clock_.now(), auth::actor_of(p, from), "provider.update", "provider", std::to_string(id),
                       audit_json(before), audit_json(r)));
  SZ_TRY(tx->commit());
  return r;
}

Status Directory::run_guard(db::Connection& c, const std::string& name, const store::ProviderRecord& r) {
  if (auto it = guards_.find(name); it != guards_.end()) return it->second(c, r);
  if (name == "profile_complete") {
    auto missing = profile_problems(profile_of(r));
    if (missing.empty()) return ok();
    std::string all;
    for (const auto& m : missing) all += (all.empty() ? "" : "、") + m;
    return err::conflict("profile", "申请资料不全，缺少：" + all);
  }
  if (name == "notice_ended") {
    std::string today = shanghai_date(clock_.now());
    if (r.notice_to && today > *r.notice_to) return ok();
    return err::conflict("notice", "公示期至 " + r.notice_to.value_or("—") + "，公示期满后方可入库");
  }
  if (name == "objections_resolved") {
    SZ_ASSIGN(auto list, store::objections(c, r.base.id));
    for (const auto& o : list)
      if (!o.resolution) return err::conflict("objections", "尚有公示异议未处理：" + o.content);
    return ok();
  }
  return err::internal("unknown provider guard " + name);
}

Status Directory::change_status(db::Connection& c, const auth::Principal& p, const auth::Origin& from,
                                store::ProviderRecord r, const std::string& action, const std::string& to,
                                const std::string& reason, const std::optional<std::string>& due_on) {
  store::ProviderRecord before = r;
  int64_t now = clock_.now();
  r.base.status = to;
  r.status_changed_at = now;
  if (action == "start_notice") {
    std::string today = shanghai_date(now);
    r.notice_from = today;
    r.notice_to = day_text(*day_number(today) + rules_.notice_days - 1);
  }
  if (to == "rectifying") r.rectify_due = due_on;
  if (to == "removed" || to == "admitted") r.rectify_due.reset();
  SZ_TRY(store::update_record(c, r));
  SZ_TRY(store::insert_event(c, {0, r.base.id, action, before.base.status, to, reason, due_on, p.username, now}));
  bj::object after = bj::parse(audit_json(r)).as_object();
  if (!reason.empty()) after["reason"] = reason;
  return audit::record(c, now, auth::actor_of(p, from), "provider." + action, "provider", std::to_string(r.base.id),
                       audit_json(before), bj::serialize(after));
}

Result<store::ProviderRecord> Directory::move(const auth::Principal& p, const auth::Origin& from, int64_t id,
                                              const std::string& action, const std::string& reason,
                                              const std::optional<std::string>& due_on) {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto r, load(*c, id));
  SZ_ASSIGN(const workflow::Move* m, workflow::decide_or_error(rules_.workflow, r.base.status, action, parties_of(p, id)));
  std::string why = text::trim(reason);
  if (m->needs_reason && why.empty()) return err::invalid("reason", "「" + m->name + "」须说明原因");
  if (m->needs_due) {
    if (!due_on || !day_number(*due_on)) return err::invalid("due_on", "请给出整改期限（YYYY-MM-DD）");
    if (*due_on < shanghai_date(clock_.now())) return err::invalid("due_on", "整改期限不能早于今天");
  }
  for (const auto& g : m->guards) SZ_TRY(run_guard(*c, g, r));
  SZ_TRY(change_status(*c, p, from, r, m->action, m->to, why, m->needs_due ? due_on : std::nullopt));
  SZ_ASSIGN(auto after, load(*c, id));
  SZ_TRY(tx->commit());
  return after;
}

Result<std::vector<store::ProviderRecord>> Directory::list(const auth::Principal& p, store::DirectoryFilter f) {
  // District officers also see who is in 公示, so they can record objections.
  if (!admin(p)) {
    f.listed_only = true;
    f.with_notice = p.has(auth::Role::district_officer);
  }
  SZ_ASSIGN(auto* c, db_->local());
  return store::records(*c, f, 1000);
}

std::vector<const workflow::Move*> Directory::actions(const auth::Principal& p, const store::ProviderRecord& r) const {
  return workflow::open_moves(rules_.workflow, r.base.status, parties_of(p, r.base.id));
}

workflow::Parties Directory::parties_of(const auth::Principal& p, int64_t provider_id) {
  workflow::Parties out;
  if (admin(p)) out.insert("city_admin");
  if (own_provider(p, provider_id)) out.insert("provider");
  return out;
}

Result<std::vector<Directory::Listed>> Directory::listed_at(std::optional<int64_t> t) {
  // Today only those listed now qualify; at an earlier moment any provider may have been in.
  store::DirectoryFilter f;
  f.listed_only = !t;
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto records, store::records(*c, f, 100000));
  SZ_ASSIGN(auto changes, store::status_changes(*c));
  static const std::vector<StatusChange> kNone;
  std::vector<Listed> out;
  for (auto& r : records) {
    auto it = changes.find(r.base.id);
    auto since = listed_since(r.base.status, r.created_at, it == changes.end() ? kNone : it->second,
                              t.value_or(std::numeric_limits<int64_t>::max()));
    if (since) out.push_back({std::move(r), *since});
  }
  return out;
}

Result<std::vector<Stay>> internal::stays_of(db::Connection& c, int64_t provider_id) {
  SZ_ASSIGN(auto r, store::record(c, provider_id));
  if (!r) return err::not_found("服务商不存在");
  SZ_ASSIGN(auto changes, store::status_changes_of(c, provider_id));
  return listed_stays(r->base.status, r->created_at, changes);
}

Result<std::vector<store::Event>> Directory::events(const auth::Principal& p, int64_t id) {
  bool full = false;
  SZ_TRY(get(p, id, &full));
  SZ_ASSIGN(auto* c, db_->local());
  return store::events(*c, id);
}

Result<store::Objection> Directory::object(const auth::Principal& p, const auth::Origin& from, int64_t id,
                                           const std::string& objector, const std::string& content) {
  if (!admin(p) && !p.has(auth::Role::district_officer)) return err::forbidden("公示异议由市级管理员或区县专班登记");
  return record_objection(auth::actor_of(p, from), id, text::trim(objector).empty() ? "匿名" : text::trim(objector), content);
}

Result<store::Objection> Directory::public_objection(const auth::Origin& from, int64_t id, const std::string& objector,
                                                     const std::string& content) {
  SZ_TRY(check_public_objection(objector, content));
  audit::Actor actor{std::nullopt, "public", "public", from.request_id, from.ip};
  return record_objection(actor, id, text::trim(objector) + "（公众）", content);
}

Status Directory::check_public_objection(const std::string& objector, const std::string& content) {
  // 公示 asks objectors to give their name (or their unit's): an anonymous note from the portal cannot be answered.
  size_t who = text::utf8_length(text::trim(objector));
  if (who < 2 || who > 50) return err::invalid("objector", "请填写异议人姓名或单位名称（2–50个字）");
  if (text::utf8_length(text::trim(content)) < 10) return err::invalid("content", "请具体说明异议的事实和理由（不少于10个字）");
  return ok();
}

Result<store::Objection> Directory::record_objection(const audit::Actor& actor, int64_t id, const std::string& objector,
                                                     const std::string& content) {
  if (text::trim(content).empty() || text::utf8_length(content) > 2000) return err::invalid("content", "请填写异议内容（不超过2000字）");
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto r, load(*c, id));
  if (r.base.status != "notice") return err::conflict("status", "只有公示期内的服务商可以登记异议");
  store::Objection o{0, id, objector, text::trim(content), clock_.now(), std::nullopt, std::nullopt};
  SZ_ASSIGN(o.id, store::insert_objection(*c, o));
  SZ_TRY(audit::record(*c, o.received_at, actor, "provider.objection", "provider", std::to_string(id), "",
                       bj::serialize(bj::object{{"objection_id", o.id}, {"objector", o.objector}, {"content", o.content}})));
  SZ_TRY(tx->commit());
  return o;
}

Result<std::vector<store::ProviderRecord>> internal::rectifying_until(db::Connection& c, const std::string& until) {
  store::DirectoryFilter f;
  f.status = "rectifying";
  SZ_ASSIGN(auto list, store::records(c, f, 100000));
  std::vector<store::ProviderRecord> out;
  for (auto& r : list)
    if (r.rectify_due && *r.rectify_due <= until) out.push_back(std::move(r));
  return out;
}

Result<std::vector<store::ProviderRecord>> Directory::in_notice() {
  store::DirectoryFilter f;
  f.status = "notice";
  SZ_ASSIGN(auto* c, db_->local());
  return store::records(*c, f, 1000);
}

Status Directory::resolve(const auth::Principal& p, const auth::Origin& from, int64_t id, int64_t objection_id,
                          const std::string& resolution) {
  if (!admin(p)) return err::forbidden("公示异议由市级管理员处理");
  if (text::trim(resolution).empty()) return err::invalid("resolution", "请填写处理意见");
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto list, store::objections(*c, id));
  auto it = std::find_if(list.begin(), list.end(), [&](const store::Objection& o) { return o.id == objection_id; });
  if (it == list.end()) return err::not_found("异议不存在");
  if (it->resolution) return err::conflict("resolution", "该异议已处理");
  SZ_TRY(store::resolve_objection(*c, objection_id, text::trim(resolution), clock_.now()));
  SZ_TRY(audit::record(*c, clock_.now(), auth::actor_of(p, from), "provider.objection_resolve", "provider", std::to_string(id), "",
                       bj::serialize(bj::object{{"objection_id", objection_id}, {"resolution", text::trim(resolution)}})));
  return tx->commit();
}

Result<std::vector<store::Objection>> Directory::objections(const auth::Principal& p, int64_t id) {
  if (!admin(p) && !own_provider(p, id) && !p.has(auth::Role::district_officer)) return err::forbidden("无权查看公示异议");
  SZ_ASSIGN(auto* c, db_->local());
  SZ_TRY(load(*c, id));
  return store::objections(*c, id);
}

Result<store::Appeal> Directory::appeal(const auth::Principal& p, const auth::Origin& from, int64_t id, const std::string& reason) {
  if (!own_provider(p, id)) return err::forbidden("申诉由服务商本身提出");
  if (text::trim(reason).empty() || text::utf8_length(reason) > 2000) return err::invalid("reason", "请填写申诉理由（不超过2000字）");
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto r, load(*c, id));
  SZ_ASSIGN(auto history, store::events(*c, id));
  // The appeal is against the sanction that put the provider where it is now.
  const store::Event* last = nullptr;
  for (const auto& e : history)
    if (const auto* m = rules_.move(e.action); m && m->tagged("sanction")) last = &e;
  if (!last || last->to_status != r.base.status) return err::conflict("status", "当前没有可申诉的处理决定");
  SZ_ASSIGN(auto existing, store::appeals(*c, id));
  for (const auto& a : existing)
    if (a.event_id == last->id) return err::conflict("appeal", "对该处理决定已提出过申诉");
  store::Appeal a{0, id, last->id, text::trim(reason), "pending", std::nullopt, clock_.now(), std::nullopt};
  SZ_ASSIGN(a.id, store::insert_appeal(*c, a));
  SZ_TRY(audit::record(*c, a.created_at, auth::actor_of(p, from), "provider.appeal", "provider", std::to_string(id), "",
                       bj::serialize(bj::object{{"appeal_id", a.id}, {"against", last->action}, {"reason", a.reason}})));
  SZ_TRY(tx->commit());
  return a;
}

Result<store::Appeal> Directory::decide_appeal(const auth::Principal& p, const auth::Origin& from, int64_t id,
                                               int64_t appeal_id, bool overturn, const std::string& note) {
  if (!admin(p)) return err::forbidden("申诉由市级管理员处理");
  if (text::trim(note).empty()) return err::invalid("note", "请填写处理意见");
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto r, load(*c, id));
  SZ_ASSIGN(auto list, store::appeals(*c, id));
  auto it = std::find_if(list.begin(), list.end(), [&](const store::Appeal& a) { return a.id == appeal_id; });
  if (it == list.end()) return err::not_found("申诉不存在");
  if (it->status != "pending") return err::conflict("status", "该申诉已处理");
  SZ_ASSIGN(auto history, store::events(*c, id));
  auto ev = std::find_if(history.begin(), history.end(), [&](const store::Event& e) { return e.id == it->event_id; });
  if (overturn) {
    // Overturned: the provider returns to where the sanction found it.
    if (r.base.status != ev->to_status) return err::conflict("status", "处理决定之后状态已有变化，请按当前状态处理");
    SZ_TRY(change_status(*c, p, from, r, "appeal_overturned", ev->from_status, text::trim(note), std::nullopt));
  }
  SZ_TRY(store::decide_appeal(*c, appeal_id, overturn ? "overturned" : "upheld", text::trim(note), clock_.now()));
  SZ_TRY(audit::record(*c, clock_.now(), auth::actor_of(p, from), "provider.appeal_decide", "provider", std::to_string(id), "",
                       bj::serialize(bj::object{{"appeal_id", appeal_id}, {"overturn", overturn}, {"note", text::trim(note)}})));
  SZ_ASSIGN(auto decided, store::appeals(*c, id));
  SZ_TRY(tx->commit());
  for (const auto& a : decided)
    if (a.id == appeal_id) return a;
  return err::internal("appeal vanished");
}

Result<std::vector<store::Appeal>> Directory::appeals(const auth::Principal& p, int64_t id) {
  if (!admin(p) && !own_provider(p, id)) return err::forbidden("无权查看申诉");
  SZ_ASSIGN(auto* c, db_->local());
  return store::appeals(*c, id);
}

Status Directory::select(const auth::Principal& p, const auth::Origin& from, const std::string& industry, int64_t id,
                         const std::string& note, bool selected) {
  if (!admin(p)) return err::forbidden("公开遴选结果由市级管理员登记");
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto r, load(*c, id));
  if (selected) {
    if (r.base.kind != "integrator") return err::conflict("kind", "公开遴选针对集成服务商");
    if (!listed(r.base.status)) return err::conflict("status", "只有在库服务商可以入选");
    auto served = profile_of(r).industries;
    if (std::find(served.begin(), served.end(), industry) == served.end())
      return err::conflict("industry", "该服务商的服务行业不含 " + industry);
    SZ_TRY(store::select_integrator(*c, industry, id, text::trim(note), clock_.now()));
  } else {
    SZ_TRY(store::deselect_integrator(*c, industry, id));
  }
  SZ_TRY(audit::record(*c, clock_.now(), auth::actor_of(p, from), selected ? "provider.select" : "provider.deselect",
                       "provider", std::to_string(id), "", bj::serialize(bj::object{{"industry", industry}})));
  return tx->commit();
}

Result<SelectionSummary> Directory::selection_summary() {
  SZ_ASSIGN(auto* c, db_->local());
  SelectionSummary s;
  s.city_minimum = rules_.integrators_city_minimum;
  s.per_industry_target = rules_.integrators_per_industry;
  store::DirectoryFilter f;
  f.listed_only = true;
  f.kind = "integrator";
  SZ_ASSIGN(auto listed_integrators, store::records(*c, f, 100000));
  s.integrators_listed = static_cast<int64_t>(listed_integrators.size());
  SZ_ASSIGN(auto sel, store::selections(*c));
  std::map<std::string, std::vector<int64_t>> by;
  for (const auto& [industry, pid] : sel) by[industry].push_back(pid);
  for (auto& [industry, ids] : by) s.by_industry.emplace_back(industry, std::move(ids));
  return s;
}

Result<std::vector<std::tuple<std::string, int64_t, int64_t>>> Directory::flows() {
  SZ_ASSIGN(auto* c, db_->local());
  return store::flows_by_month(*c);
}

}  // namespace sz::market
