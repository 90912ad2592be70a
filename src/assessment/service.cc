#include "assessment/service.h"

#include <boost/json.hpp>

#include "audit/service.h"
#include "registry/service.h"

namespace sz::assessment {

namespace bj = boost::json;

namespace {
Error bad_model(const std::string& why) { return err::internal("assessment model: " + why); }

Result<int64_t> points_of(const bj::object& o, const char* key) {
  auto* v = o.if_contains(key);
  if (!v || !v->is_string()) return bad_model(std::string(key) + " must be a decimal string");
  auto p = parse_points(std::string(v->as_string()));
  if (!p) return bad_model(std::string(key) + " is not a decimal with at most 3 places");
  return *p;
}
std::string str(const bj::object& o, const char* key) {
  auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}
}  // namespace

Result<Loaded> parse_model(const std::string& json) {
  boost::system::error_code ec;
  auto doc = bj::parse(json, ec);
  if (ec || !doc.is_object()) return bad_model("not a JSON object");
  const auto& o = doc.as_object();
  Loaded l;
  l.json = json;
  Model& m = l.model;
  m.model = str(o, "model");
  m.version = str(o, "version");
  try {
    for (const auto& d : o.at("dimensions").as_array()) {
      SZ_ASSIGN(int64_t max, points_of(d.as_object(), "max"));
      m.dimensions.push_back({str(d.as_object(), "code"), str(d.as_object(), "name"), max});
    }
    for (const auto& qv : o.at("questions").as_array()) {
      const auto& qo = qv.as_object();
      Question q;
      q.no = static_cast<int>(qo.at("no").as_int64());
      q.dimension = str(qo, "dimension");
      q.topic = str(qo, "topic");
      q.title = str(qo, "title");
      q.multi = str(qo, "type") == "multi";
      SZ_ASSIGN(q.max, points_of(qo, "max"));
      if (qo.contains("none_option")) q.none_letter = str(qo, "none_option");
      for (const auto& ov : qo.at("options").as_array()) {
        SZ_ASSIGN(int64_t pts, points_of(ov.as_object(), "points"));
        q.options.push_back({str(ov.as_object(), "letter"), str(ov.as_object(), "text"), pts});
      }
      m.questions.push_back(std::move(q));
    }
    for (const auto& sv : o.at("scenes").as_array())
      m.scenes.push_back({str(sv.as_object(), "name"), str(sv.as_object(), "group"), sv.at("mandatory").as_bool()});
    for (const auto& lv : o.at("levels").as_array()) {
      const auto& lo = lv.as_object();
      SZ_ASSIGN(int64_t min, points_of(lo, "min_score"));
      m.levels.push_back({static_cast<int>(lo.at("level").as_int64()), str(lo, "name"), min,
                          static_cast<int>(lo.at("min_scenes").as_int64()),
                          static_cast<int>(lo.at("min_mandatory").as_int64())});
    }
  } catch (const std::exception& ex) {
    return bad_model(ex.what());
  }
  auto problems = model_problems(m);
  if (!problems.empty()) return bad_model(m.version + ": " + problems.front());
  return l;
}

std::string answers_json(const Answers& a) {
  bj::object o;
  for (const auto& [no, letters] : a.choices) {
    bj::array arr;
    for (const auto& l : letters) arr.emplace_back(l);
    o[std::to_string(no)] = std::move(arr);
  }
  return bj::serialize(o);
}

namespace {
std::string scenes_json(const Answers& a) {
  bj::object o;
  for (const auto& [name, level] : a.scenes) o[name] = level;
  return bj::serialize(o);
}
std::string dimensions_json(const Evaluation& e) {
  bj::object o;
  for (const auto& [code, v] : e.dimensions) o[code] = v;
  return bj::serialize(o);
}
}  // namespace

Result<Answers> answers_of(const std::string& answers, const std::string& scenes) {
  Answers a;
  auto av = bj::parse(answers).as_object();
  for (const auto& kv : av) {
    std::vector<std::string> letters;
    for (const auto& l : kv.value().as_array()) letters.emplace_back(l.as_string());
    a.choices[std::stoi(std::string(kv.key()))] = letters;
  }
  auto sv = bj::parse(scenes).as_object();
  for (const auto& kv : sv) a.scenes[std::string(kv.key())] = static_cast<int>(kv.value().as_int64());
  return a;
}

Service::Service(std::shared_ptr<db::Database> db, const Clock& clock, registry::Service& registry,
                 std::vector<Loaded> models)
    : db_(std::move(db)), clock_(clock), registry_(registry) {
  for (auto& l : models) {
    std::string version = l.model.version, name = l.model.model;
    if (!newest_.count(name) || newest_[name] < version) newest_[name] = version;
    models_.emplace(version, std::move(l));
  }
}

Result<const Loaded*> Service::model(const std::string& name) const {
  auto it = models_.find(name);
  if (it == models_.end()) {
    auto n = newest_.find(name);
    if (n != newest_.end()) it = models_.find(n->second);
  }
  if (it == models_.end()) return err::invalid("model", "未知的评测模型：" + name);
  return &it->second;
}

Result<Evaluation> Service::evaluate(const std::string& name, const Answers& a) const {
  SZ_ASSIGN(const Loaded* l, model(name));
  return assessment::evaluate(l->model, a);
}

Status Service::check(db::Connection& c, const auth::Principal& p, int64_t enterprise_id, Access need) {
  SZ_ASSIGN(auto e, registry::internal::find(c, enterprise_id));
  if (!e) return err::not_found("企业不存在");
  bool in_scope = auth::enterprise_scope(p).covers(e->district_code, e->id);
  bool assigned = false;
  if (p.has(auth::Role::expert)) {
    SZ_ASSIGN(assigned, store::is_assigned(c, p.user_id, enterprise_id));
  }
  bool admin = p.has(auth::Role::city_admin);
  bool own = p.has(auth::Role::enterprise) && p.enterprise_id == enterprise_id;
  switch (need) {
    case Access::read:
      if (in_scope || assigned) return ok();
      break;
    case Access::self_write:
      if (own || admin) return ok();
      return err::forbidden("只有企业本身（或市级管理员）可以填写自评");
    case Access::onsite_write:
      if (assigned || admin) return ok();
      return err::forbidden("只有被指派的评定专家（或市级管理员）可以录入现场评定");
  }
  return err::forbidden("超出数据权限范围：无权查看该企业的评测");
}

Status Service::authorize(db::Connection& c, const auth::Principal& p, int64_t id, bool write) {
  SZ_ASSIGN(auto r, store::find(c, id));
  if (!r) return err::not_found("评测不存在");
  if (!write) return check(c, p, r->enterprise_id, Access::read);
  SZ_TRY(check(c, p, r->enterprise_id, r->kind == "self" ? Access::self_write : Access::onsite_write));
  if (r->status != "draft") return err::conflict("status", "评测已提交，不能再附加证明材料");
  return ok();
}

Result<std::vector<store::Row>> Service::history(const auth::Principal& p, int64_t enterprise_id) {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_TRY(check(*c, p, enterprise_id, Access::read));
  return store::for_enterprise(*c, enterprise_id);
}

Result<store::Row> Service::get(const auth::Principal& p, int64_t id) {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto r, store::find(*c, id));
  if (!r) return err::not_found("评测不存在");
  SZ_TRY(check(*c, p, r->enterprise_id, Access::read));
  return *r;
}

namespace {
std::string row_audit(const store::Row& r) {
  return bj::serialize(bj::object{{"enterprise_id", r.enterprise_id}, {"kind", r.kind}, {"status", r.status},
                                  {"model_version", r.model_version}, {"score", format_points(r.score)},
                                  {"level", r.level}});
}
}  // namespace

Result<store::Row> Service::create(const auth::Principal& p, const auth::Origin& from, int64_t enterprise_id,
                                   const std::string& kind, const std::string& model_name) {
  if (kind != "self" && kind != "onsite") return err::invalid("kind", "评测类型应为 self（自评）或 onsite（现场评定）");
  SZ_ASSIGN(const Loaded* l, model(model_name.empty() ? "2024" : model_name));
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_TRY(check(*c, p, enterprise_id, kind == "self" ? Access::self_write : Access::onsite_write));
  SZ_ASSIGN(auto e, assessment::evaluate(l->model, {}));
  store::Row r;
  r.enterprise_id = enterprise_id;
  r.model_version = l->model.version;
  r.kind = kind;
  r.status = "draft";
  r.answers_json = "{}";
  r.scenes_json = "{}";
  r.score = e.score;
  r.dimensions_json = dimensions_json(e);
  r.level = e.level;
  r.explanation = e.explanation;
  r.created_by = p.user_id;
  r.created_at = clock_.now();
  SZ_ASSIGN(r.id, store::insert(*c, r));
  SZ_TRY(audit::record(*c, clock_.now(), auth::actor_of(p, from), "assessment.create", "assessment",
                       std::to_string(r.id), "", row_audit(r)));
  SZ_TRY(tx->commit());
  SZ_ASSIGN(auto created, store::find(*c, r.id));
  return *created;
}

Result<store::Row> Service::save(const auth::Principal& p, const auth::Origin& from, int64_t id, const Answers& a) {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto r, store::find(*c, id));
  if (!r) return err::not_found("评测不存在");
  SZ_TRY(check(*c, p, r->enterprise_id, r->kind == "self" ? Access::self_write : Access::onsite_write));
  if (r->status != "draft") return err::conflict("status", "评测已提交，不能再修改（状态：已提交）");
  if (r->created_by != p.user_id && !p.has(auth::Role::city_admin))
    return err::forbidden("只能修改自己创建的评测");
  SZ_ASSIGN(const Loaded* l, model(r->model_version));
  SZ_ASSIGN(auto e, assessment::evaluate(l->model, a));
  store::Row before = *r;
  r->answers_json = answers_json(a);
  r->scenes_json = scenes_json(a);
  r->score = e.score;
  r->dimensions_json = dimensions_json(e);
  r->level = e.level;
  r->explanation = e.explanation;
  r->updated_at = clock_.now();
  SZ_TRY(store::update_answers(*c, *r));
  SZ_TRY(audit::record(*c, clock_.now(), auth::actor_of(p, from), "assessment.save", "assessment", std::to_string(id),
                       row_audit(before), row_audit(*r)));
  SZ_TRY(tx->commit());
  return *r;
}

Result<store::Row> Service::submit(const auth::Principal& p, const auth::Origin& from, int64_t id) {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto r, store::find(*c, id));
  if (!r) return err::not_found("评测不存在");
  SZ_TRY(check(*c, p, r->enterprise_id, r->kind == "self" ? Access::self_write : Access::onsite_write));
  if (r->status != "draft") return err::conflict("status", "评测已提交，不能重复提交");
  if (r->answers_json == "{}") return err::invalid("answers", "尚未作答，不能提交");
  const int64_t now = clock_.now();
  SZ_TRY(store::mark_submitted(*c, id, now));
  auto actor = auth::actor_of(p, from);
  SZ_TRY(audit::record(*c, now, actor, "assessment.submit", "assessment", std::to_string(id), row_audit(*r), ""));
  // The enterprise's level: its newest on-site grading when it has one, otherwise its newest self-assessment.
  SZ_ASSIGN(auto all, store::for_enterprise(*c, r->enterprise_id));
  const store::Row* decisive = nullptr;
  for (const auto& x : all)  // newest first
    if ((x.status == "submitted" || x.id == id) && (!decisive || (x.kind == "onsite" && decisive->kind != "onsite")))
      decisive = &x;
  if (decisive)
    SZ_TRY(registry_.set_level(*c, actor, r->enterprise_id, decisive->level, decisive->kind, now));
  SZ_TRY(tx->commit());
  SZ_ASSIGN(auto done, store::find(*c, id));
  return *done;
}

Result<Comparison> Service::compare(const auth::Principal& p, int64_t a, int64_t b) {
  Comparison cmp;
  SZ_ASSIGN(cmp.a, get(p, a));
  SZ_ASSIGN(cmp.b, get(p, b));
  if (cmp.a.enterprise_id != cmp.b.enterprise_id) return err::invalid("b", "只能比较同一企业的两次评测");
  SZ_ASSIGN(cmp.answers_a, answers_of(cmp.a.answers_json, cmp.a.scenes_json));
  SZ_ASSIGN(cmp.answers_b, answers_of(cmp.b.answers_json, cmp.b.scenes_json));
  SZ_ASSIGN(const Loaded* la, model(cmp.a.model_version));
  SZ_ASSIGN(const Loaded* lb, model(cmp.b.model_version));
  SZ_ASSIGN(cmp.ea, assessment::evaluate(la->model, cmp.answers_a));
  SZ_ASSIGN(cmp.eb, assessment::evaluate(lb->model, cmp.answers_b));
  return cmp;
}

Status Service::assign(const auth::Principal& p, const auth::Origin& from, int64_t enterprise_id, int64_t expert) {
  if (!p.has(auth::Role::city_admin)) return err::forbidden("仅市级管理员可以指派现场评定专家");
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_TRY(assign_in(*c, auth::actor_of(p, from), p.user_id, enterprise_id, expert));
  return tx->commit();
}

Status Service::assign_in(db::Connection& c, const audit::Actor& actor, int64_t by_user, int64_t enterprise_id,
                          int64_t expert) {
  SZ_ASSIGN(auto e, registry::internal::find(c, enterprise_id));
  if (!e) return err::not_found("企业不存在");
  SZ_ASSIGN(bool is_expert, auth::internal::user_has_role(c, expert, auth::Role::expert));
  if (!is_expert) return err::invalid("expert_user_id", "该用户不是评审专家");
  SZ_TRY(store::assign(c, expert, enterprise_id, by_user, clock_.now()));
  return audit::record(c, clock_.now(), actor, "assessment.assign", "enterprise", std::to_string(enterprise_id), "",
                       bj::serialize(bj::object{{"expert_user_id", expert}}));
}

Result<std::optional<int>> internal::level_before(db::Connection& c, int64_t enterprise_id, int64_t before) {
  SZ_ASSIGN(auto rows, store::for_enterprise(c, enterprise_id));
  std::optional<int64_t> at;
  std::optional<int> level;
  for (const auto& r : rows)
    if (r.submitted_at && *r.submitted_at < before && (!at || *r.submitted_at > *at)) at = r.submitted_at, level = r.level;
  return level;
}

}  // namespace sz::assessment
