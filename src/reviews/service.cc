#include "reviews/service.h"

#include <algorithm>
#include <boost/json.hpp>
#include <set>

#include "audit/service.h"
#include "infra/crypto.h"
#include "infra/json.h"
#include "infra/text.h"
#include "market/service.h"
#include "notify/notify.h"
#include "registry/service.h"

namespace sz::reviews {

namespace bj = boost::json;

namespace {
using json::text_of;
bool admin(const auth::Principal& p) { return p.has(auth::Role::city_admin); }
Status need_reason(const std::string& r, const char* label) {
  if (r.empty()) return err::invalid("reason", std::string("请填写") + label);
  if (text::utf8_length(r) > 1000) return err::invalid("reason", std::string(label) + "不能超过1000个字符");
  return ok();
}
bool excluded(const std::string& status) { return status == "abstained" || status == "recused"; }
}  // namespace

Result<std::vector<Rubric>> Service::parse_rubrics(std::string_view json) {
  boost::system::error_code ec;
  auto v = bj::parse(json, ec);
  if (ec || !v.is_object()) return err::internal("review-rubrics.json is not a JSON object");
  std::vector<Rubric> out;
  for (const auto& rv : v.at("rubrics").as_array()) {
    const auto& ro = rv.as_object();
    Rubric r{text_of(ro, "subject_type"), text_of(ro, "name"), ro.at("pass_score").as_int64(), {}};
    int64_t total = 0;
    for (const auto& iv : ro.at("items").as_array()) {
      const auto& io = iv.as_object();
      r.items.push_back({text_of(io, "code"), text_of(io, "name"), io.at("max").as_int64()});
      total += r.items.back().max;
    }
    if (total != 100) return err::internal("review-rubrics.json: items of " + r.subject_type + " do not add up to 100");
    out.push_back(std::move(r));
  }
  return out;
}

Service::Service(std::shared_ptr<db::Database> db, const Clock& clock, std::vector<Rubric> rubrics,
                 projects::Service& projects)
    : db_(std::move(db)), clock_(clock), rubrics_(std::move(rubrics)), projects_(projects) {}

const Rubric* Service::rubric(const std::string& subject_type) const {
  for (const auto& r : rubrics_)
    if (r.subject_type == subject_type) return &r;
  return nullptr;
}

// ---- experts ----

Result<std::vector<store::Expert>> Service::experts(const auth::Principal& p) {
  if (!admin(p)) return err::forbidden("只有市级管理员可以查看专家库");
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto list, store::experts(*c));
  for (auto& e : list) {
    SZ_ASSIGN(e.display_name, auth::internal::display_name_of(*c, e.user_id));
  }
  return list;
}

Result<store::Expert> Service::expert(const auth::Principal& p, int64_t user_id) {
  if (!admin(p) && p.user_id != user_id) return err::forbidden("只能查看本人的专家信息");
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto e, store::expert(*c, user_id));
  if (!e) return err::not_found("尚未登记专家信息");
  SZ_ASSIGN(e->display_name, auth::internal::display_name_of(*c, user_id));
  return *e;
}

Result<store::Expert> Service::save_expert(const auth::Principal& p, const auth::Origin& from, store::Expert in) {
  if (!admin(p) && p.user_id != in.user_id) return err::forbidden("只能维护本人的专家信息");
  if (in.employer_name.empty()) return err::invalid("employer_name", "请填写所在单位");
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(bool is_expert, auth::internal::user_has_role(*c, in.user_id, auth::Role::expert));
  if (!is_expert) return err::invalid("user_id", "该用户不是评审专家");
  SZ_ASSIGN(auto before, store::expert(*c, in.user_id));
  in.updated_at = clock_.now();
  SZ_TRY(store::upsert_expert(*c, in));
  auto json_of = [](const store::Expert& e) {
    return bj::serialize(bj::object{{"specialties", bj::parse(e.specialties_json)}, {"industries", bj::parse(e.industries_json)},
                                    {"employer_name", e.employer_name}, {"employer_credit_code", e.employer_credit_code},
                                    {"contact_phone", e.phone}, {"address", e.address}});
  };
  SZ_TRY(audit::record(*c, clock_.now(), auth::actor_of(p, from), "expert.save", "expert", std::to_string(in.user_id),
                       before ? json_of(*before) : "", json_of(in)));
  SZ_TRY(tx->commit());
  SZ_ASSIGN(in.display_name, auth::internal::display_name_of(*c, in.user_id));
  return in;
}

// ---- facts for conflicts ----

Result<SubjectFacts> Service::subject_facts(db::Connection& c, const std::string& type, int64_t id, std::string* name,
                                            std::string* industry) {
  SubjectFacts f;
  if (type == "project" || type == "acceptance") {
    SZ_ASSIGN(auto pr, projects::internal::find(c, id));
    if (!pr) return err::invalid("subject_id", "项目不存在：" + std::to_string(id));
    SZ_ASSIGN(auto e, registry::internal::find(c, pr->enterprise_id));
    if (!e) return err::internal("project without enterprise");
    *name = pr->name + "（" + e->name + "）";
    *industry = pr->industry_code;
    f.parties.push_back({"企业", e->name, e->credit_code, e->contact_phone, e->address});
    SZ_ASSIGN(auto providers, projects::internal::providers_of(c, id));
    for (const auto& [pid, role] : providers) {
      SZ_ASSIGN(auto pv, market::internal::find_provider(c, pid));
      if (pv) f.parties.push_back({role == "integrator" ? "集成服务商" : "专业服务商", pv->name, pv->credit_code, "", ""});
    }
    SZ_ASSIGN(auto contracted, projects::internal::contracted_providers(c, e->id));
    for (int64_t pid : contracted) {
      SZ_ASSIGN(auto pv, market::internal::find_provider(c, pid));
      if (pv) f.contract_credit_codes.push_back(pv->credit_code);
    }
    return f;
  }
  // A product is judged on its provider: the area that keeps products says which one (app wires it).
  int64_t provider_id = id;
  std::string product_name;
  if (type == "product") {
    if (!product_owner_) return err::invalid("subject_type", "产品库未启用");
    SZ_ASSIGN(auto owner, product_owner_(c, id));
    if (!owner) return err::invalid("subject_id", "产品不存在：" + std::to_string(id));
    provider_id = owner->first;
    product_name = owner->second;
  }
  if (type == "provider" || type == "product") {
    SZ_ASSIGN(auto pv, market::internal::find_provider(c, provider_id));
    if (!pv) return err::invalid("subject_id", "服务商不存在：" + std::to_string(provider_id));
    *name = product_name.empty() ? pv->name : product_name + "（" + pv->name + "）";
    f.parties.push_back({"服务商", pv->name, pv->credit_code, "", ""});
    return f;
  }
  return err::invalid("subject_type", "评审对象应为 project（立项）、acceptance（验收）、provider（服务商入库）或 product（产品入库）");
}

Result<std::vector<std::string>> Service::conflicts_of(db::Connection& c, int64_t user_id, const SubjectFacts& facts) {
  SZ_ASSIGN(auto e, store::expert(c, user_id));
  if (!e) return std::vector<std::string>{"尚未登记专家信息（所在单位等），无法排查利益冲突"};
  return conflicts({e->employer_name, e->employer_credit_code, e->phone, e->address}, facts);
}

Status Service::check_expert_for_project(db::Connection& c, int64_t expert_user_id, const projects::store::Project& pr) {
  std::string name, industry;
  SZ_ASSIGN(auto facts, subject_facts(c, "project", pr.id, &name, &industry));
  SZ_ASSIGN(auto why, conflicts_of(c, expert_user_id, facts));
  if (why.empty()) return ok();
  std::string all;
  for (const auto& w : why) all += (all.empty() ? "" : "；") + w;
  return err::conflict("expert_user_id", "该专家与项目存在利益冲突，不能指派：" + all);
}

// ---- rounds ----

Result<RoundView> Service::view(db::Connection& c, const auth::Principal& p, const store::Round& r) {
  RoundView v;
  v.round = r;
  v.rubric = rubric(r.subject_type);
  std::string industry;
  SZ_ASSIGN(auto facts, subject_facts(c, r.subject_type, r.subject_id, &v.subject_name, &industry));
  SZ_ASSIGN(auto members, store::members(c, r.id));
  bool is_member = false;
  for (auto& m : members) {
    is_member = is_member || m.user_id == p.user_id;
    MemberView mv{m, "", {}};
    SZ_ASSIGN(mv.name, auth::internal::display_name_of(c, m.user_id));
    SZ_ASSIGN(mv.conflicts, conflicts_of(c, m.user_id, facts));
    v.members.push_back(std::move(mv));
  }
  if (!admin(p) && !is_member) return err::forbidden("只有评审组成员和市级管理员可以查看该评审");
  for (const char* list : {"candidates", "excluded"}) {
    const auto& text = std::string(list) == "candidates" ? r.draw_candidates : r.draw_excluded;
    if (!text) continue;
    const bj::value parsed = bj::parse(*text);
    for (const auto& x : parsed.as_array()) {
      int64_t uid = x.is_int64() ? x.as_int64() : x.as_object().at("user_id").as_int64();
      SZ_ASSIGN(v.user_names[uid], auth::internal::display_name_of(c, uid));
    }
  }
  // Members see one another's scores once the round is closed; the admin always.
  v.may_see_scores = admin(p) || r.state == "closed";
  if (!v.may_see_scores)
    for (auto& mv : v.members)
      if (mv.member.user_id != p.user_id) mv.member.scores_json.reset(), mv.member.total.reset(), mv.member.comment.reset();
  return v;
}

Result<RoundView> Service::create_round(const auth::Principal& p, const auth::Origin& from, const NewRound& in) {
  if (!admin(p)) return err::forbidden("只有市级管理员可以组织评审");
  if (!rubric(in.subject_type))
    return err::invalid("subject_type", "评审对象应为 project（立项）、acceptance（验收）、provider（服务商入库）或 product（产品入库）");
  if (in.expert_ids.empty() == (in.draw == 0)) return err::invalid("expert_user_ids", "请指定评审专家，或给出随机抽取的人数（二选一）");
  if (in.draw > 15 || in.expert_ids.size() > 15) return err::invalid("draw", "评审组不超过15人");
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  std::string name, industry;
  SZ_ASSIGN(auto facts, subject_facts(*c, in.subject_type, in.subject_id, &name, &industry));
  int64_t now = clock_.now();
  auto actor = auth::actor_of(p, from);
  std::vector<int64_t> panel = in.expert_ids;
  store::Round r;
  r.subject_type = in.subject_type;
  r.subject_id = in.subject_id;
  r.state = "open";
  r.created_by = p.user_id;
  r.created_at = now;
  if (in.draw > 0) {
    // Eligible: experts with a profile that covers the subject's industry and no conflict with it.
    SZ_ASSIGN(auto all, store::experts(*c));
    std::vector<int64_t> candidates;
    bj::array excluded_json;
    for (const auto& e : all) {
      SZ_ASSIGN(bool still_expert, auth::internal::user_has_role(*c, e.user_id, auth::Role::expert));
      if (!still_expert) continue;
      auto industries = bj::parse(e.industries_json).as_array();
      bool covers = industry.empty() || industries.empty() ||
                    std::any_of(industries.begin(), industries.end(), [&](const bj::value& x) { return x.as_string() == industry; });
      if (!covers) continue;
      auto why = conflicts({e.employer_name, e.employer_credit_code, e.phone, e.address}, facts);
      if (!why.empty()) {
        bj::array reasons;
        for (const auto& w : why) reasons.push_back(bj::value(w));
        excluded_json.push_back(bj::object{{"user_id", e.user_id}, {"reasons", std::move(reasons)}});
        continue;
      }
      candidates.push_back(e.user_id);
    }
    if (candidates.size() < in.draw)
      return err::conflict("draw", "符合条件且无利益冲突的专家只有 " + std::to_string(candidates.size()) + " 位，不足 " +
                                       std::to_string(in.draw) + " 位");
    uint64_t seed = crypto::random_u64();
    panel = draw(candidates, seed, in.draw);
    bj::array cand_json;
    for (int64_t id : candidates) cand_json.push_back(id);
    r.draw_seed = std::to_string(seed);
    r.draw_candidates = bj::serialize(cand_json);
    r.draw_excluded = bj::serialize(excluded_json);
  } else {
    std::set<int64_t> seen;
    for (int64_t id : panel) {
      if (!seen.insert(id).second) return err::invalid("expert_user_ids", "专家重复：" + std::to_string(id));
      SZ_ASSIGN(bool is_expert, auth::internal::user_has_role(*c, id, auth::Role::expert));
      if (!is_expert) return err::invalid("expert_user_ids", "用户 " + std::to_string(id) + " 不是评审专家");
      SZ_ASSIGN(auto why, conflicts_of(*c, id, facts));
      if (!why.empty()) {
        std::string all;
        for (const auto& w : why) all += (all.empty() ? "" : "；") + w;
        SZ_ASSIGN(auto name, auth::internal::display_name_of(*c, id));
        return err::conflict("expert_user_ids", "专家「" + name + "」与评审对象存在利益冲突，不能指派：" + all);
      }
    }
  }
  r.lead_user_id = in.lead_user_id.value_or(panel.front());
  if (std::find(panel.begin(), panel.end(), r.lead_user_id) == panel.end())
    return err::invalid("lead_user_id", "评审组长须是评审组成员");
  SZ_ASSIGN(r.id, store::insert_round(*c, r));
  for (int64_t id : panel) {
    SZ_TRY(store::insert_member(*c, {r.id, id, "assigned", {}, {}, {}, {}, {}}));
    SZ_TRY(notify::push(*c, id, "review", "您被指派参加评审：" + name, "/reviews/" + std::to_string(r.id), now));
    // The panel reads the project it scores.
    if (r.subject_type == "project" || r.subject_type == "acceptance")
      SZ_TRY(projects::internal::add_reviewer(*c, r.subject_id, id, p.user_id, now));
  }
  bj::array members_json;
  for (int64_t id : panel) members_json.push_back(id);
  bj::object after{{"subject_type", r.subject_type}, {"subject_id", r.subject_id}, {"members", std::move(members_json)},
                   {"lead_user_id", r.lead_user_id}};
  if (r.draw_seed) {
    after["draw_seed"] = *r.draw_seed;
    after["draw_candidates"] = bj::parse(*r.draw_candidates);
    after["draw_excluded"] = bj::parse(*r.draw_excluded);
  }
  SZ_TRY(audit::record(*c, now, actor, "review.create", "review", std::to_string(r.id), "", bj::serialize(after)));
  SZ_TRY(tx->commit());
  return view(*c, p, r);
}

Result<RoundView> Service::round(const auth::Principal& p, int64_t id) {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto r, store::round(*c, id));
  if (!r) return err::not_found("评审不存在");
  return view(*c, p, *r);
}

Result<std::vector<RoundSummary>> Service::summaries(db::Connection& c, std::vector<store::Round> rounds) {
  std::vector<RoundSummary> out;
  for (auto& r : rounds) {
    RoundSummary s{std::move(r), ""};
    std::string industry;
    SZ_TRY(subject_facts(c, s.round.subject_type, s.round.subject_id, &s.subject_name, &industry));
    out.push_back(std::move(s));
  }
  return out;
}

Result<std::vector<RoundSummary>> Service::rounds(const auth::Principal& p, const std::string& subject_type, int64_t subject_id) {
  if (!admin(p)) return err::forbidden("只有市级管理员可以按评审对象查询评审");
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto list, store::rounds_of(*c, subject_type, subject_id));
  return summaries(*c, std::move(list));
}

Result<std::vector<RoundSummary>> Service::my_rounds(const auth::Principal& p) {
  if (!p.has(auth::Role::expert)) return err::forbidden("只有评审专家有评审任务");
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto list, store::rounds_of_member(*c, p.user_id, 200));
  return summaries(*c, std::move(list));
}

Result<std::pair<store::Round, store::Member>> Service::member_of(db::Connection& c, int64_t round_id, int64_t user_id) {
  SZ_ASSIGN(auto r, store::round(c, round_id));
  if (!r) return err::not_found("评审不存在");
  SZ_ASSIGN(auto members, store::members(c, round_id));
  for (const auto& m : members)
    if (m.user_id == user_id) return std::make_pair(*r, m);
  return err::forbidden("不是该评审组的成员");
}

Status Service::abstain(const auth::Principal& p, const auth::Origin& from, int64_t round_id, const std::string& reason) {
  SZ_TRY(need_reason(reason, "回避原因"));
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto rm, member_of(*c, round_id, p.user_id));
  auto& [r, m] = rm;
  if (r.state != "open") return err::conflict("state", "评审已结束");
  if (excluded(m.status)) return err::conflict("status", "已回避");
  store::Member after = m;
  after.status = "abstained";
  after.status_reason = reason;
  after.scores_json.reset();
  after.total.reset();
  SZ_TRY(store::update_member(*c, after));
  SZ_TRY(audit::record(*c, clock_.now(), auth::actor_of(p, from), "review.abstain", "review", std::to_string(round_id),
                       bj::serialize(bj::object{{"user_id", m.user_id}, {"status", m.status}}),
                       bj::serialize(bj::object{{"user_id", m.user_id}, {"status", "abstained"}, {"reason", reason}})));
  return tx->commit();
}

Status Service::recuse(const auth::Principal& p, const auth::Origin& from, int64_t round_id, int64_t user_id,
                       const std::string& reason) {
  if (!admin(p)) return err::forbidden("只有市级管理员可以要求专家回避");
  SZ_TRY(need_reason(reason, "回避原因"));
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto rm, member_of(*c, round_id, user_id));
  auto& [r, m] = rm;
  if (r.state != "open") return err::conflict("state", "评审已结束");
  if (excluded(m.status)) return err::conflict("status", "该专家已回避");
  store::Member after = m;
  after.status = "recused";
  after.status_reason = reason;
  SZ_TRY(store::update_member(*c, after));
  // A recused expert's score leaves the average: it is kept in the audit entry, not in the round.
  SZ_TRY(audit::record(*c, clock_.now(), auth::actor_of(p, from), "review.recuse", "review", std::to_string(round_id),
                       bj::serialize(bj::object{{"user_id", user_id}, {"status", m.status},
                                                {"total", m.total ? bj::value(*m.total) : bj::value(nullptr)}}),
                       bj::serialize(bj::object{{"user_id", user_id}, {"status", "recused"}, {"reason", reason}})));
  return tx->commit();
}

Status Service::score(const auth::Principal& p, const auth::Origin& from, int64_t round_id,
                      const std::vector<std::pair<std::string, int64_t>>& scores, const std::string& comment, bool submit) {
  if (text::utf8_length(comment) > 2000) return err::invalid("comment", "评审意见不能超过2000个字符");
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto rm, member_of(*c, round_id, p.user_id));
  auto& [r, m] = rm;
  if (r.state != "open") return err::conflict("state", "评审已结束，不能再评分");
  if (excluded(m.status)) return err::conflict("status", "您已回避本次评审，不能评分");
  if (m.submitted_at) return err::conflict("status", "评分已提交并锁定；如需修改，请市级管理员重新开放");
  const Rubric* rb = rubric(r.subject_type);
  // A draft may leave items open; a submitted score covers every item.
  if (auto why = scores_problem(*rb, scores, submit)) return err::invalid("scores", *why);
  if (submit && comment.empty()) return err::invalid("comment", "提交评分时请填写评审意见");
  // A conflict that appears after assignment (a new contract, an edited profile) stops the score.
  std::string name, industry;
  SZ_ASSIGN(auto facts, subject_facts(*c, r.subject_type, r.subject_id, &name, &industry));
  SZ_ASSIGN(auto why, conflicts_of(*c, p.user_id, facts));
  if (!why.empty()) return err::conflict("conflict", "您与评审对象存在利益冲突，请申请回避：" + why.front());
  bj::object s;
  int64_t total = 0;
  for (const auto& [code, points] : scores) {
    s[code] = points;
    total += points;
  }
  store::Member after = m;
  after.scores_json = bj::serialize(s);
  after.total = total;
  after.comment = comment;
  if (submit) after.status = "scored", after.submitted_at = clock_.now();
  SZ_TRY(store::update_member(*c, after));
  if (submit)
    SZ_TRY(audit::record(*c, clock_.now(), auth::actor_of(p, from), "review.score", "review", std::to_string(round_id), "",
                         bj::serialize(bj::object{{"user_id", p.user_id}, {"scores", s}, {"total", total}})));
  return tx->commit();
}

Status Service::reopen(const auth::Principal& p, const auth::Origin& from, int64_t round_id, int64_t user_id,
                       const std::string& reason) {
  if (!admin(p)) return err::forbidden("只有市级管理员可以重新开放评分");
  SZ_TRY(need_reason(reason, "重新开放的原因"));
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto rm, member_of(*c, round_id, user_id));
  auto& [r, m] = rm;
  if (r.state != "open") return err::conflict("state", "评审已结束");
  if (!m.submitted_at) return err::conflict("status", "该专家的评分尚未提交，无需重新开放");
  store::Member after = m;
  after.status = "assigned";
  after.submitted_at.reset();
  SZ_TRY(store::update_member(*c, after));
  SZ_TRY(audit::record(*c, clock_.now(), auth::actor_of(p, from), "review.reopen", "review", std::to_string(round_id),
                       bj::serialize(bj::object{{"user_id", user_id}, {"total", m.total ? bj::value(*m.total) : bj::value(nullptr)}}),
                       bj::serialize(bj::object{{"user_id", user_id}, {"reason", reason}})));
  return tx->commit();
}

Result<RoundView> Service::consensus(const auth::Principal& p, const auth::Origin& from, int64_t round_id, bool pass,
                                     const std::string& opinion) {
  if (opinion.empty()) return err::invalid("opinion", "请填写评审组综合意见");
  if (text::utf8_length(opinion) > 2000) return err::invalid("opinion", "综合意见不能超过2000个字符");
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto r, store::round(*c, round_id));
  if (!r) return err::not_found("评审不存在");
  if (r->lead_user_id != p.user_id) return err::forbidden("综合意见由评审组长填写");
  if (r->state != "open") return err::conflict("state", "评审已结束");
  SZ_ASSIGN(auto members, store::members(*c, round_id));
  // A conflict the data shows now (a profile edited, a contract signed since) takes the member off the panel: its
  // score leaves the average, and the decision is in the audit trail.
  std::string name, industry;
  SZ_ASSIGN(auto facts, subject_facts(*c, r->subject_type, r->subject_id, &name, &industry));
  for (auto& m : members) {
    if (excluded(m.status)) continue;
    SZ_ASSIGN(auto why, conflicts_of(*c, m.user_id, facts));
    if (why.empty()) continue;
    store::Member before = m;
    m.status = "recused";
    m.status_reason = "系统识别利益冲突：" + why.front();
    SZ_TRY(store::update_member(*c, m));
    SZ_TRY(audit::record(*c, clock_.now(), auth::actor_of(p, from), "review.recuse", "review", std::to_string(round_id),
                         bj::serialize(bj::object{{"user_id", m.user_id}, {"status", before.status},
                                                  {"total", before.total ? bj::value(*before.total) : bj::value(nullptr)}}),
                         bj::serialize(bj::object{{"user_id", m.user_id}, {"status", "recused"}, {"reason", *m.status_reason}})));
  }
  std::vector<int64_t> totals;
  std::string waiting;
  for (const auto& m : members) {
    if (excluded(m.status)) continue;
    if (!m.submitted_at) waiting += (waiting.empty() ? "" : "、") + std::to_string(m.user_id);
    else totals.push_back(*m.total);
  }
  if (!waiting.empty()) return err::conflict("members", "尚有专家未提交评分（用户编号 " + waiting + "）");
  if (totals.empty()) return err::conflict("members", "没有有效评分（全部回避），请重新组织评审");
  auto average = average_milli(totals);
  SZ_TRY(store::close_round(*c, round_id, pass, opinion, average, clock_.now()));
  SZ_TRY(audit::record(*c, clock_.now(), auth::actor_of(p, from), "review.consensus", "review", std::to_string(round_id), "",
                       bj::serialize(bj::object{{"pass", pass}, {"opinion", opinion}, {"average_milli", *average},
                                                {"scored", static_cast<int64_t>(totals.size())}})));
  SZ_TRY(tx->commit());
  SZ_ASSIGN(auto closed, store::round(*c, round_id));
  return view(*c, p, *closed);
}

Status internal::cancel_open_rounds(db::Connection& c, const audit::Actor& actor, const std::string& subject_type,
                                    int64_t subject_id, const std::string& reason, int64_t now) {
  SZ_ASSIGN(auto rounds, store::rounds_of(c, subject_type, subject_id));
  for (const auto& r : rounds) {
    if (r.state != "open") continue;
    std::string why = "项目已终止：" + reason;
    SZ_TRY(store::cancel_round(c, r.id, why, now));
    SZ_TRY(audit::record(c, now, actor, "review.cancel", "review", std::to_string(r.id), R"({"state":"open"})",
                         bj::serialize(bj::object{{"state", "cancelled"}, {"reason", why}})));
  }
  return ok();
}

Status internal::review_passed(db::Connection& c, const std::string& subject_type, int64_t subject_id) {
  SZ_ASSIGN(auto rounds, store::rounds_of(c, subject_type, subject_id));
  for (auto it = rounds.rbegin(); it != rounds.rend(); ++it) {
    if (it->state != "closed") continue;
    if (it->consensus_pass && *it->consensus_pass) return ok();
    return err::conflict("review", "最近一次专家评审的综合意见为不通过");
  }
  return err::conflict("review", "尚无已完成的专家评审（评审组综合意见为通过后方可立项）");
}

Result<store::Evaluation> Service::evaluate_providers(const auth::Principal& p, const auth::Origin& from,
                                                     const std::string& period, const std::string& opinion) {
  if (!admin(p)) return err::forbidden("定期考核报告由市级管理员代专家委员会登记");
  std::string when = text::trim(period), what = text::trim(opinion);
  if (when.empty() || text::utf8_length(when) > 40) return err::invalid("period", "请填写考核期间（如 2025年上半年）");
  if (what.empty() || text::utf8_length(what) > 5000) return err::invalid("opinion", "请填写专家委员会评估意见（不超过5000字）");
  SZ_ASSIGN(auto cards, projects_.scorecards());
  bj::array snapshot;
  for (const auto& v : cards) snapshot.push_back(projects::scorecard_json(v));
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto existing, store::evaluations(*c));
  for (const auto& e : existing)
    if (e.period == when) return err::conflict("period", "该期间的考核报告已登记");
  store::Evaluation e{0, when, what, bj::serialize(snapshot), "", projects_.reference().scorecard.version, p.user_id, clock_.now()};
  e.snapshot_sm3 = crypto::sm3_hex(e.snapshot_json);
  SZ_ASSIGN(e.id, store::insert_evaluation(*c, e));
  SZ_TRY(audit::record(*c, e.created_at, auth::actor_of(p, from), "provider.evaluation", "evaluation", std::to_string(e.id), "",
                       bj::serialize(bj::object{{"period", when}, {"providers", static_cast<int64_t>(cards.size())},
                                                {"snapshot_sm3", e.snapshot_sm3}})));
  SZ_TRY(tx->commit());
  return e;
}

Result<std::vector<store::Evaluation>> Service::evaluations(const auth::Principal& p) {
  if (!admin(p) && !p.has(auth::Role::district_officer) && !p.has(auth::Role::expert) && !p.has(auth::Role::provider))
    return err::forbidden("无权查看服务商考核报告");
  SZ_ASSIGN(auto* c, db_->local());
  return store::evaluations(*c);
}

Result<store::Evaluation> Service::evaluation(const auth::Principal& p, int64_t id) {
  SZ_ASSIGN(auto list, evaluations(p));
  for (auto& e : list)
    if (e.id == id) return e;
  return err::not_found("考核报告不存在");
}

}  // namespace sz::reviews
