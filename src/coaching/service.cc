#include "coaching/service.h"

#include <algorithm>
#include <boost/json.hpp>

#include "audit/service.h"
#include "infra/json.h"
#include "notify/notify.h"
#include "registry/service.h"

namespace sz::coaching {

namespace bj = boost::json;

namespace {
using json::text_of;

// The guards the service answers (holding()): a file may name only these.
const std::string_view kGuards[] = {"session_recorded"};

Result<CodeName> code_name(const bj::value& v, const char* what) {
  if (!v.is_object()) return err::internal(std::string("coaching.json: ") + what + " entries are objects");
  return CodeName{text_of(v.as_object(), "code"), text_of(v.as_object(), "name")};
}

Result<std::vector<CodeName>> code_names(const bj::object& o, const char* key) {
  std::vector<CodeName> out;
  auto* list = o.if_contains(key);
  if (!list || !list->is_array()) return err::internal(std::string("coaching.json: ") + key + " is a list");
  for (const auto& v : list->as_array()) {
    SZ_ASSIGN(auto cn, code_name(v, key));
    out.push_back(std::move(cn));
  }
  return out;
}

// The request as the audit trail shows it: its state by name, its expert and its count of sessions; a move adds
// what it carried.
bj::object audit_json(const Rules& rules, const store::Request& r, const std::string& expert_name) {
  bj::object o{{"state", rules.workflow.state_name(r.state)}, {"sessions", r.sessions}};
  o["expert"] = r.expert_user_id ? bj::value(expert_name) : bj::value(nullptr);
  return o;
}

std::string link_of(int64_t id) { return "/coaching/" + std::to_string(id); }

std::string topic_name(const Rules& rules, const std::string& code) {
  const CodeName* t = rules.topic(code);
  return t ? t->name : code;
}

// The move's notices (data/coaching.json), in the move's transaction: the expert's account, or every active account
// of the enterprise.
Status send_notices(db::Connection& c, const Rules& rules, const workflow::Move& m, const store::Request& r,
                    const std::string& enterprise_name, const std::string& expert_name, int64_t now) {
  const std::vector<std::pair<std::string, std::string>> vars = {
      {"enterprise", enterprise_name}, {"topic", topic_name(rules, r.topic)}, {"expert", expert_name},
      {"reason", r.reason.value_or("")}};
  for (const auto& n : m.notify) {
    std::vector<int64_t> to;
    if (n.to == "expert" && r.expert_user_id) to.push_back(*r.expert_user_id);
    if (n.to == "enterprise") {
      SZ_ASSIGN(to, auth::internal::accounts_of(c, r.enterprise_id, std::nullopt));
    }
    for (int64_t user : to) SZ_TRY(notify::push(c, user, "coaching", workflow::fill(n.title, vars), link_of(r.id), now));
  }
  return ok();
}
}  // namespace

Result<Rules> Service::parse_rules(std::string_view text) {
  boost::system::error_code ec;
  auto doc = bj::parse(text, ec);
  if (ec || !doc.is_object()) return err::internal("coaching.json is not a JSON object");
  const auto& o = doc.as_object();
  Rules r;
  r.version = text_of(o, "version");
  SZ_ASSIGN(r.topics, code_names(o, "topics"));
  SZ_ASSIGN(r.modes, code_names(o, "modes"));
  if (auto* m = o.if_contains("session_minutes"); m && m->is_object()) {
    const auto& mo = m->as_object();
    if (auto* lo = mo.if_contains("min"); lo && lo->is_int64()) r.session_min_minutes = lo->as_int64();
    if (auto* hi = mo.if_contains("max"); hi && hi->is_int64()) r.session_max_minutes = hi->as_int64();
  }
  SZ_ASSIGN(r.workflow, workflow::parse(o, "coaching.json"));
  if (auto problem = rules_problem(r)) return err::internal("coaching.json: " + *problem);
  for (const auto& g : r.workflow.guards)
    if (std::find(std::begin(kGuards), std::end(kGuards), g.code) == std::end(kGuards))
      return err::internal("coaching.json: guard " + g.code + " is not one the platform can check");
  return r;
}

workflow::Holding Service::holding(const store::Request& r) const {
  workflow::Holding out;
  if (r.sessions > 0) out.insert("session_recorded");  // at least one session is recorded
  return out;
}

Result<std::pair<store::Request, workflow::Parties>> Service::load(db::Connection& c, const auth::Principal& p, int64_t id) {
  SZ_ASSIGN(auto found, store::request(c, id));
  if (!found) return err::not_found("辅导申请不存在");
  workflow::Parties parties;
  if (p.has(auth::Role::city_admin)) parties.insert("city_admin");
  if (p.has(auth::Role::district_officer) && p.district == found->district_code) parties.insert("district_officer");
  if (p.has(auth::Role::enterprise) && p.enterprise_id == found->enterprise_id) parties.insert("enterprise");
  if (p.has(auth::Role::expert) && found->expert_user_id == p.user_id) parties.insert("expert");
  if (parties.empty()) return err::forbidden("超出数据权限范围：无权查看该辅导申请");
  return std::make_pair(std::move(*found), std::move(parties));
}

namespace {
Result<std::map<std::string, std::string>> district_names(db::Connection& c) {
  SZ_ASSIGN(auto districts, registry::internal::districts_in(c));
  std::map<std::string, std::string> out;
  for (const auto& d : districts) out[d.code] = d.name;
  return out;
}
}  // namespace

Result<View> Service::view(db::Connection& c, const store::Request& r, const workflow::Parties* parties, bool detail,
                           const std::map<std::string, std::string>& districts) {
  View v;
  v.request = r;
  SZ_ASSIGN(auto e, registry::internal::find(c, r.enterprise_id));
  v.enterprise_name = e ? e->name : "";
  if (auto d = districts.find(r.district_code); d != districts.end()) v.district_name = d->second;
  if (r.expert_user_id) {
    SZ_ASSIGN(v.expert_name, auth::internal::display_name_of(c, *r.expert_user_id));
  }
  if (detail) {
    SZ_ASSIGN(v.sessions, store::sessions(c, r.id));
    for (const auto& s : v.sessions) {
      SZ_ASSIGN(auto name, auth::internal::display_name_of(c, s.recorded_by));
      v.session_recorders.push_back(std::move(name));
    }
  }
  if (parties) {
    const workflow::Holding holds = holding(r);
    v.actions = workflow::open_moves(rules_.workflow, r.state, *parties, &holds);
  }
  return v;
}

namespace {
bool may_request(const auth::Principal& p) { return p.has(auth::Role::enterprise) && p.enterprise_id; }
}  // namespace

Result<View> Service::request(const auth::Principal& p, const auth::Origin& from, const RequestInput& in) {
  if (!may_request(p)) return err::forbidden("一对一辅导由企业账号申请");
  SZ_TRY(check_request(rules_, {in.topic, in.needs, in.mode}));
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto e, registry::internal::find(*c, *p.enterprise_id));
  if (!e) return err::not_found("企业不存在");
  if (e->status == "withdrawn") return err::conflict("enterprise", "企业已退出试点，不能申请一对一辅导");
  store::Request r;
  r.enterprise_id = e->id;
  r.district_code = e->district_code;
  r.topic = in.topic;
  r.needs = in.needs;
  r.mode = in.mode;
  r.state = rules_.workflow.states.front().code;
  r.requested_by = p.user_id;
  r.created_at = r.updated_at = clock_.now();
  SZ_ASSIGN(r.id, store::insert_request(*c, r));
  bj::object after = audit_json(rules_, r, "");
  after["topic"] = topic_name(rules_, r.topic);
  after["mode"] = rules_.mode(r.mode)->name;
  after["needs"] = r.needs;
  after["enterprise"] = e->name;
  SZ_TRY(audit::record(*c, r.created_at, auth::actor_of(p, from), "coaching.request", "coaching", std::to_string(r.id), "",
                       bj::serialize(after)));
  SZ_TRY(tx->commit());
  const workflow::Parties parties{"enterprise"};
  SZ_ASSIGN(auto districts, district_names(*c));
  return view(*c, r, &parties, true, districts);
}

Result<Page> Service::list(const auth::Principal& p, const store::Filter& f, int64_t limit, int64_t offset) {
  if (!f.state.empty() && !rules_.workflow.state(f.state)) return err::invalid("state", "辅导状态不在可选范围内：" + f.state);
  if (!f.topic.empty() && !rules_.topic(f.topic)) return err::invalid("topic", "辅导主题不在可选范围内：" + f.topic);
  store::Scope scope;
  scope.all = p.has(auth::Role::city_admin);
  if (p.has(auth::Role::district_officer) && p.district) scope.district = p.district;
  if (p.has(auth::Role::enterprise) && p.enterprise_id) scope.enterprise_id = p.enterprise_id;
  if (p.has(auth::Role::expert)) scope.expert_user_id = p.user_id;
  if (!scope.all && !scope.district && !scope.enterprise_id && !scope.expert_user_id)
    return err::forbidden("一对一辅导只对企业、区县专班、专家和市级管理员开放");
  SZ_ASSIGN(auto* c, db_->local());
  Page out;
  out.can_request = may_request(p);
  SZ_ASSIGN(auto rows, store::requests(*c, scope, f, limit, offset, &out.total));
  SZ_ASSIGN(auto districts, district_names(*c));
  for (const auto& r : rows) {
    SZ_ASSIGN(auto v, view(*c, r, nullptr, false, districts));
    out.items.push_back(std::move(v));
  }
  return out;
}

Result<View> Service::get(const auth::Principal& p, int64_t id) {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto loaded, load(*c, p, id));
  SZ_ASSIGN(auto districts, district_names(*c));
  return view(*c, loaded.first, &loaded.second, true, districts);
}

namespace {
Status check_input(db::Connection& c, const Rules& rules, const workflow::Move& m, const MoveInput& in, const store::Request& r,
                   const std::string& today) {
  switch (rules.input_of(m)) {
    case Input::expert: {
      if (!in.expert_user_id) return err::invalid("expert_user_id", "请选择辅导专家");
      SZ_ASSIGN(auto expert, auth::internal::principal_of(c, *in.expert_user_id));
      if (!expert || !expert->has(auth::Role::expert))
        return err::invalid("expert_user_id", "所选账号不是可用的专家账号：只能指派具有专家角色的账号");
      return ok();
    }
    case Input::reason:
      return check_reason(m, in.reason);
    case Input::session:
      if (!in.session) return err::invalid("session", "请填写辅导记录");
      return check_session(rules, *in.session, shanghai_date(r.created_at), today);
    case Input::summary:
      return check_summary(in.summary);
    case Input::rating:
      if (!in.rating) return err::invalid("rating", "请给出 1–5 的评分");
      return check_rating(*in.rating, in.comment);
    case Input::none:
      return ok();
  }
  return ok();
}

// What a move's (checked) input sets on the request, and what its audit entry adds (`extra`). A session is added here,
// conditional on the request's state; the other moves write the request after.
struct Applied {
  bj::object extra;
  bool session_added = false;
};
Result<Applied> apply_input(db::Connection& c, const Rules& rules, const workflow::Move& m, const MoveInput& in, int64_t by,
                            int64_t now, const std::string& from_state, store::Request& r, std::string& expert_name) {
  Applied a;
  switch (rules.input_of(m)) {
    case Input::expert: {
      r.expert_user_id = in.expert_user_id;
      r.assigned_at = now;
      SZ_ASSIGN(expert_name, auth::internal::display_name_of(c, *in.expert_user_id));
      a.extra["expert_user_id"] = *in.expert_user_id;
      break;
    }
    case Input::reason:
      r.reason = in.reason.empty() ? std::nullopt : std::optional<std::string>(in.reason);
      if (r.reason) a.extra["reason"] = *r.reason;
      break;
    case Input::session: {
      const auto& s = *in.session;
      store::Session row{0, r.id, s.held_on, s.minutes, s.mode, s.content, s.advice, by, now};
      SZ_ASSIGN(a.session_added, store::add_session(c, row, from_state));
      r.sessions += 1;
      r.minutes += s.minutes;
      a.extra = bj::object{{"held_on", s.held_on}, {"minutes", s.minutes}, {"session_mode", rules.mode(s.mode)->name},
                           {"content", s.content}, {"advice", s.advice}};
      break;
    }
    case Input::summary:
      r.summary = in.summary;
      r.closed_at = now;
      a.extra["summary"] = in.summary;
      break;
    case Input::rating:
      r.rating = in.rating;
      r.comment = in.comment;
      r.rated_at = now;
      a.extra = bj::object{{"rating", *in.rating}, {"comment", in.comment}};
      break;
    case Input::none:
      break;
  }
  return a;
}

}  // namespace

Result<View> Service::move(const auth::Principal& p, const auth::Origin& from, int64_t id, const MoveInput& in) {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto loaded, load(*c, p, id));
  const store::Request before = loaded.first;
  const workflow::Parties parties = loaded.second;
  const workflow::Holding holds = holding(before);
  SZ_ASSIGN(const workflow::Move* move, workflow::decide_or_error(rules_.workflow, before.state, in.action, parties, &holds));
  const workflow::Move& m = *move;
  const int64_t now = clock_.now();
  SZ_TRY(check_input(*c, rules_, m, in, before, shanghai_date(now)));

  SZ_ASSIGN(auto enterprise, registry::internal::find(*c, before.enterprise_id));
  std::string expert_name;
  if (before.expert_user_id) {
    SZ_ASSIGN(expert_name, auth::internal::display_name_of(*c, *before.expert_user_id));
  }
  const bj::object audit_before = audit_json(rules_, before, expert_name);
  store::Request after = before;
  after.state = m.to;
  after.updated_at = now;
  SZ_ASSIGN(auto applied, apply_input(*c, rules_, m, in, p.user_id, now, before.state, after, expert_name));
  const bool session = rules_.input_of(m) == Input::session;
  bool written = !session || applied.session_added;
  if (written && (!session || m.to != before.state)) {
    SZ_ASSIGN(written, store::update_request(*c, after, before.state));
  }
  if (!written) return err::conflict("action", "辅导申请刚被他人处理，请刷新后再试");
  bj::object audit_after = audit_json(rules_, after, expert_name);
  for (const auto& kv : applied.extra) audit_after[kv.key()] = kv.value();
  SZ_TRY(audit::record(*c, now, auth::actor_of(p, from), "coaching." + m.action, "coaching", std::to_string(id),
                       bj::serialize(audit_before), bj::serialize(audit_after)));
  SZ_TRY(send_notices(*c, rules_, m, after, enterprise ? enterprise->name : "", expert_name, now));
  SZ_TRY(tx->commit());
  SZ_ASSIGN(auto districts, district_names(*c));
  return view(*c, after, &parties, true, districts);
}

}  // namespace sz::coaching
