#include "projects/service.h"

#include <algorithm>
#include <boost/json.hpp>
#include <map>
#include <tuple>

#include "audit/service.h"
#include "documents/service.h"
#include "infra/json.h"
#include "infra/ranges.h"
#include "infra/text.h"
#include "market/directory.h"
#include "market/service.h"

namespace sz::projects {

namespace bj = boost::json;

namespace {
using json::text_of;

// The guards the projects area answers itself; others are added by app/ (add_guard).
const std::set<std::string> kOwnGuards = {"plan_complete",   "contract_recorded", "milestones_done", "materials_complete",
                                          "provider_rated", "acceptance_expert", "onsite_level"};

Status need_text(const std::string& v, const char* field, const char* label, size_t max_chars = 200) {
  if (text::trim(v).empty()) return err::invalid(field, std::string("请填写") + label);
  if (text::utf8_length(v) > max_chars)
    return err::invalid(field, std::string(label) + "不能超过" + std::to_string(max_chars) + "个字符");
  return ok();
}

Status need_date(const std::string& v, const char* field, const char* label) {
  if (!day_number(v)) return err::invalid(field, std::string(label) + "应为有效日期 YYYY-MM-DD");
  return ok();
}

}  // namespace

std::string plan_json(const PlanInput& plan) {
  bj::array scenarios, products, budget, milestones;
  for (const auto& s : plan.scenarios) scenarios.push_back(bj::object{{"name", s.name}, {"kind", s.kind}});
  for (const auto& p : plan.products) products.push_back(bj::value(p));
  for (const auto& b : plan.budget) budget.push_back(bj::object{{"item", b.item}, {"amount_fen", b.amount_fen}});
  for (const auto& m : plan.milestones)
    milestones.push_back(bj::object{{"name", m.name}, {"due_on", m.due_on}, {"deliverable", m.deliverable}});
  return bj::serialize(bj::object{{"scenarios", std::move(scenarios)}, {"products", std::move(products)},
                                  {"budget", std::move(budget)}, {"milestones", std::move(milestones)}});
}

PlanInput plan_of_json(const std::string& json) {
  PlanInput p;
  auto v = bj::parse(json);
  const auto& o = v.as_object();
  for (const auto& s : o.at("scenarios").as_array())
    p.scenarios.push_back({text_of(s.as_object(), "name"), text_of(s.as_object(), "kind")});
  for (const auto& x : o.at("products").as_array()) p.products.emplace_back(x.as_string());
  for (const auto& b : o.at("budget").as_array())
    p.budget.push_back({text_of(b.as_object(), "item"), b.as_object().at("amount_fen").as_int64()});
  for (const auto& m : o.at("milestones").as_array()) {
    store::Milestone ms;
    ms.name = text_of(m.as_object(), "name");
    ms.due_on = text_of(m.as_object(), "due_on");
    ms.deliverable = text_of(m.as_object(), "deliverable");
    p.milestones.push_back(std::move(ms));
  }
  return p;
}

Result<Reference> Service::parse_reference(std::string_view lifecycle_json, std::string_view indicators_json,
                                           std::string_view materials_json, std::string_view scorecard_json) {
  boost::system::error_code ec;
  Reference ref;
  SZ_ASSIGN(ref.lifecycle, workflow::parse(lifecycle_json, "project-lifecycle.json"));
  for (const auto& party : ref.lifecycle.parties)
    if (!parse_party(party.code)) return err::internal("project-lifecycle.json: unknown party " + party.code);
  auto ind = bj::parse(indicators_json, ec);
  if (ec || !ind.is_object()) return err::internal("outcome-indicators.json is not a JSON object");
  for (const auto& iv : ind.at("indicators").as_array()) {
    const auto& io = iv.as_object();
    Indicator i{text_of(io, "code"), text_of(io, "name"), text_of(io, "unit"), text_of(io, "category"), text_of(io, "better")};
    if (i.better != "higher" && i.better != "lower") return err::internal("outcome-indicators.json: better of " + i.code);
    ref.indicators.push_back(std::move(i));
  }
  auto mat = bj::parse(materials_json, ec);
  if (ec || !mat.is_object()) return err::internal("acceptance-materials.json is not a JSON object");
  for (const auto& mv : mat.at("materials").as_array())
    ref.materials.push_back({text_of(mv.as_object(), "code"), text_of(mv.as_object(), "name")});
  auto sc = bj::parse(scorecard_json, ec);
  if (ec || !sc.is_object()) return err::internal("provider-scorecard.json is not a JSON object");
  const auto& so = sc.as_object();
  ref.scorecard.version = text_of(so, "version");
  for (const auto& cv : so.at("components").as_array())
    ref.scorecard.components.push_back({text_of(cv.as_object(), "code"), text_of(cv.as_object(), "name"),
                                        cv.as_object().at("weight").as_int64()});
  ref.scorecard.late_days_zero_score = so.at("late_days_zero_score").as_int64();
  ref.scorecard.discount_full_score_percent = so.at("discount_full_score_percent").as_int64();
  ref.scorecard.uplift_full_score_levels = so.at("uplift_full_score_levels").as_int64();
  for (const auto& st : so.at("stars").as_array())
    ref.scorecard.stars.emplace_back(st.as_object().at("min").as_int64(), static_cast<int>(st.as_object().at("stars").as_int64()));
  if (ref.scorecard.late_days_zero_score <= 0 || ref.scorecard.discount_full_score_percent <= 0 ||
      ref.scorecard.uplift_full_score_levels <= 0)
    return err::internal("provider-scorecard.json: horizons must be positive");
  return ref;
}

Service::Service(std::shared_ptr<db::Database> db, const Clock& clock, registry::Service& registry,
                 assessment::Service& assessment, Reference ref)
    : db_(std::move(db)), clock_(clock), registry_(registry), assessment_(assessment), ref_(std::move(ref)) {}

Status Service::check_guards() const {
  std::set<std::string> known = kOwnGuards;
  for (const auto& [name, check] : guards_) known.insert(name);
  return workflow::only_guards(ref_.lifecycle, known, "project-lifecycle.json");
}

std::string Service::today() const { return shanghai_date(clock_.now()); }

Result<Service::Loaded> Service::load(db::Connection& c, const auth::Principal& p, int64_t id) {
  SZ_ASSIGN(auto found, store::project_by_id(c, id));
  if (!found) return err::not_found("项目不存在");
  Loaded l{*found, {}, {}};
  const auto& pr = l.project;
  if (p.has(auth::Role::city_admin)) l.parties.insert(Party::city_admin);
  if (p.has(auth::Role::district_officer) && p.district == pr.district_code) l.parties.insert(Party::district_officer);
  if (p.has(auth::Role::enterprise) && p.enterprise_id == pr.enterprise_id) l.parties.insert(Party::enterprise);
  if (p.has(auth::Role::provider) && p.provider_id == pr.integrator_id) l.parties.insert(Party::integrator);
  if (p.has(auth::Role::expert)) {
    SZ_ASSIGN(l.duties, store::expert_duties(c, id, p.user_id));
    // On-site acceptance is the acceptance expert's move; supervisors and reviewers read the project.
    if (std::find(l.duties.begin(), l.duties.end(), "acceptance") != l.duties.end()) l.parties.insert(Party::expert);
  }
  if (l.parties.empty() && l.duties.empty()) {
    // A specialist provider on the project reads it, but is no party to its moves.
    bool specialist = false;
    if (p.has(auth::Role::provider) && p.provider_id) {
      SZ_ASSIGN(specialist, store::provider_serves(c, id, *p.provider_id));
    }
    if (!specialist) return err::forbidden("超出数据权限范围：无权访问该项目");
  }
  return l;
}

Status internal::authorize(db::Connection& c, const auth::Principal& p, int64_t project_id, bool write) {
  SZ_ASSIGN(auto pr, store::project_by_id(c, project_id));
  if (!pr) return err::not_found("项目不存在");
  bool party = p.has(auth::Role::city_admin) || (p.has(auth::Role::district_officer) && p.district == pr->district_code) ||
               (p.has(auth::Role::enterprise) && p.enterprise_id == pr->enterprise_id);
  bool provider = false, expert = false;
  if (p.has(auth::Role::provider) && p.provider_id) {
    SZ_ASSIGN(provider, store::provider_serves(c, project_id, *p.provider_id));
  }
  if (p.has(auth::Role::expert)) {
    SZ_ASSIGN(auto duties, store::expert_duties(c, project_id, p.user_id));
    expert = !duties.empty();
  }
  if (party || provider || expert) return ok();
  return err::forbidden(write ? "超出数据权限范围：无权向该项目上传资料" : "超出数据权限范围：无权查看该项目的资料");
}

Result<std::optional<store::Project>> internal::find(db::Connection& c, int64_t id) { return store::project_by_id(c, id); }

Result<std::vector<std::pair<int64_t, std::string>>> internal::providers_of(db::Connection& c, int64_t project_id) {
  return store::providers_of(c, project_id);
}

Result<std::vector<int64_t>> internal::contracted_providers(db::Connection& c, int64_t enterprise_id) {
  return store::contracted_providers(c, enterprise_id);
}

Status internal::add_reviewer(db::Connection& c, int64_t project_id, int64_t user_id, int64_t by, int64_t at) {
  return store::assign_expert(c, project_id, user_id, "review", by, at);
}

Result<int64_t> internal::cost_total(db::Connection& c, int64_t project_id) { return store::cost_total(c, project_id); }
Result<std::vector<store::ProviderCost>> internal::provider_costs(db::Connection& c, int64_t provider_id, int64_t year) {
  return store::provider_costs(c, provider_id, year);
}
Result<std::vector<store::ProjectState>> internal::provider_projects(db::Connection& c, int64_t provider_id) {
  return store::provider_projects(c, provider_id);
}
Result<std::vector<std::string>> internal::enterprise_project_states(db::Connection& c, int64_t enterprise_id) {
  return store::enterprise_project_states(c, enterprise_id);
}
Result<int64_t> internal::diagnosis_cost_total(db::Connection& c, int64_t enterprise_id) {
  return store::diagnosis_cost_total(c, enterprise_id);
}
Result<store::Usage> internal::product_usage(db::Connection& c, const std::string& name) { return store::product_usage(c, name); }
Result<store::Usage> internal::scenario_usage(db::Connection& c, const std::string& industry, const std::string& name) {
  return store::scenario_usage(c, industry, name);
}

Status Service::write(db::Connection& c, const auth::Principal& p, const auth::Origin& from, const std::string& action,
                      int64_t project_id, const std::string& before, const std::string& after) {
  return audit::record(c, clock_.now(), auth::actor_of(p, from), action, "project", std::to_string(project_id), before,
                       after);
}

// ---- diagnoses ----

Result<store::Diagnosis> Service::add_diagnosis(const auth::Principal& p, const auth::Origin& from, int64_t enterprise_id,
                                                const DiagnosisInput& in) {
  SZ_TRY(need_date(in.diagnosed_on, "diagnosed_on", "诊断日期"));
  SZ_TRY(need_text(in.pain_points, "pain_points", "痛点", 2000));
  SZ_TRY(ranges::check("diagnosis_cost_fen", in.cost_fen, "cost_fen", "诊断费用（分）"));
  if (in.recommended_scenarios.empty()) return err::invalid("recommended_scenarios", "请至少推荐一个改造场景");
  for (const auto& s : in.recommended_scenarios) SZ_TRY(need_text(s, "recommended_scenarios", "推荐场景", 60));
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto e, registry::internal::find(*c, enterprise_id));
  if (!e) return err::not_found("企业不存在");
  // The enterprise records the diagnosis it commissioned (its cost is its claim); officials of its district and the
  // city may too. The diagnosing provider reads it, but cannot file one for an enterprise on its own.
  if (!auth::enterprise_scope(p).covers(e->district_code, e->id))
    return err::forbidden("只有本企业、所在区县专班或市级管理员可以登记诊断");
  if (e->status != "active") return err::conflict("enterprise_id", "企业已退出试点");
  SZ_ASSIGN(auto provider, market::internal::find_provider(*c, in.provider_id));
  if (!provider) return err::invalid("provider_id", "服务商不存在：" + std::to_string(in.provider_id));
  if (in.report_document_id) SZ_TRY(documents::internal::check_attached(*c, *in.report_document_id, "enterprise", enterprise_id, "report_document_id"));
  if (in.invoice_document_id) SZ_TRY(documents::internal::check_attached(*c, *in.invoice_document_id, "enterprise", enterprise_id, "invoice_document_id"));
  bj::array recommended;
  for (const auto& s : in.recommended_scenarios) recommended.push_back(bj::value(s));
  store::Diagnosis d{0, enterprise_id, in.provider_id, in.diagnosed_on, in.pain_points, bj::serialize(recommended),
                     in.cost_fen, in.report_document_id, in.invoice_document_id, p.user_id, clock_.now()};
  SZ_ASSIGN(d.id, store::insert_diagnosis(*c, d));
  SZ_TRY(audit::record(*c, clock_.now(), auth::actor_of(p, from), "diagnosis.create", "enterprise",
                       std::to_string(enterprise_id), "",
                       bj::serialize(bj::object{{"diagnosis_id", d.id}, {"provider_id", d.provider_id},
                                                {"diagnosed_on", d.diagnosed_on}, {"cost_fen", d.cost_fen}})));
  SZ_TRY(tx->commit());
  return d;
}

Result<std::vector<store::Diagnosis>> Service::diagnoses(const auth::Principal& p, int64_t enterprise_id) {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto e, registry::internal::find(*c, enterprise_id));
  if (!e) return err::not_found("企业不存在");
  SZ_ASSIGN(auto rows, store::diagnoses_of(*c, enterprise_id));
  if (auth::enterprise_scope(p).covers(e->district_code, e->id)) return rows;
  // A provider sees the diagnoses it made.
  // A provider reads the diagnoses it made, once it made one or serves a project of the enterprise.
  if (p.has(auth::Role::provider) && p.provider_id) {
    std::vector<store::Diagnosis> own;
    for (auto& d : rows)
      if (d.provider_id == *p.provider_id) own.push_back(std::move(d));
    SZ_ASSIGN(bool serves, store::serves_enterprise(*c, *p.provider_id, enterprise_id));
    if (!own.empty() || serves) return own;
  }
  return err::forbidden("超出数据权限范围：无权查看该企业的诊断记录");
}

// ---- projects ----

Status Service::check_plan(const PlanInput& plan) const {
  if (plan.scenarios.size() > 50 || plan.products.size() > 50 || plan.budget.size() > 100 || plan.milestones.size() > 100)
    return err::invalid("plan", "方案条目过多");
  for (const auto& s : plan.scenarios) {
    SZ_TRY(need_text(s.name, "plan.scenarios", "场景名称", 60));
    if (s.kind != "N" && s.kind != "X") return err::invalid("plan.scenarios", "场景类型应为 N（共性）或 X（个性）");
  }
  for (const auto& x : plan.products) SZ_TRY(need_text(x, "plan.products", "产品名称", 100));
  for (const auto& b : plan.budget) {
    SZ_TRY(need_text(b.item, "plan.budget", "预算项目", 100));
    SZ_TRY(ranges::check("project_fen", b.amount_fen, "plan.budget", "预算金额（分）"));
  }
  std::set<std::string> names;
  for (const auto& m : plan.milestones) {
    SZ_TRY(need_text(m.name, "plan.milestones", "里程碑名称", 60));
    SZ_TRY(need_date(m.due_on, "plan.milestones", "里程碑到期日"));
    SZ_TRY(need_text(m.deliverable, "plan.milestones", "里程碑交付物", 200));
    if (!names.insert(m.name).second) return err::invalid("plan.milestones", "里程碑名称重复：" + m.name);
  }
  return ok();
}

Status Service::check_scenarios(db::Connection& c, const std::string& industry, const PlanInput& plan) {
  if (!scenario_library_) return ok();
  SZ_ASSIGN(auto library, scenario_library_(c, industry));
  if (library.empty()) return ok();
  for (const auto& s : plan.scenarios) {
    auto it = library.find(s.name);
    if (it == library.end()) return err::invalid("plan.scenarios", "场景「" + s.name + "」不在本行业的 N+X 场景库中");
    if (it->second != s.kind)
      return err::invalid("plan.scenarios", "场景「" + s.name + "」在场景库中是" + (it->second == "N" ? "共性（N）" : "个性（X）") + "场景");
  }
  return ok();
}

namespace {
store::PlanRows rows_of(const PlanInput& plan) {
  return {plan.scenarios, plan.products, plan.budget, plan.milestones};
}
std::string project_audit_json(const store::Project& p) {
  bj::object o{{"name", p.name}, {"state", p.state}, {"integrator_id", p.integrator_id}, {"plan_version", p.plan_version}};
  if (p.contract_amount_fen) o["contract_amount_fen"] = *p.contract_amount_fen;
  if (p.catalogue_price_fen) o["catalogue_price_fen"] = *p.catalogue_price_fen;
  if (p.rating) o["rating"] = *p.rating;
  return bj::serialize(o);
}
}  // namespace

Result<store::Project> Service::create(const auth::Principal& p, const auth::Origin& from, const NewProject& in) {
  SZ_TRY(need_text(in.name, "name", "项目名称", 100));
  SZ_TRY(check_plan(in.plan));
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto e, registry::internal::find(*c, in.enterprise_id));
  if (!e) return err::invalid("enterprise_id", "企业不存在：" + std::to_string(in.enterprise_id));
  if (!auth::enterprise_scope(p).covers(e->district_code, e->id))
    return err::forbidden("只有本企业、所在区县专班或市级管理员可以申报项目");
  if (e->status != "active") return err::conflict("enterprise_id", "企业已退出试点，不能申报项目");
  SZ_TRY(check_scenarios(*c, e->industry_code, in.plan));
  SZ_ASSIGN(auto integrator, market::internal::find_provider(*c, in.integrator_id));
  if (!integrator) return err::invalid("integrator_id", "服务商不存在：" + std::to_string(in.integrator_id));
  if (integrator->kind != "integrator") return err::invalid("integrator_id", "「" + integrator->name + "」不是集成服务商");
  if (!market::listed(integrator->status)) return err::conflict("integrator_id", "「" + integrator->name + "」不在服务商库中");
  // A specialist reads the project and its archive: only a provider in the directory now (not one in 公示, under
  // review or removed) may be named.
  for (int64_t s : in.specialist_ids) {
    SZ_ASSIGN(auto specialist, market::internal::find_provider(*c, s));
    if (!specialist) return err::invalid("specialist_ids", "服务商不存在：" + std::to_string(s));
    if (!market::listed(specialist->status))
      return err::invalid("specialist_ids", "「" + specialist->name + "」不在服务商库中，不能作为专业服务商参与项目");
  }
  int64_t now = clock_.now();
  store::Project pr;
  pr.enterprise_id = e->id;
  pr.district_code = e->district_code;
  pr.industry_code = e->industry_code;
  pr.name = in.name;
  pr.integrator_id = in.integrator_id;
  pr.state = "declared";
  pr.plan_version = 1;
  pr.created_by = p.user_id;
  pr.created_at = pr.updated_at = pr.state_changed_at = now;
  SZ_ASSIGN(pr.id, store::insert_project(*c, pr));
  SZ_TRY(store::set_providers(*c, pr.id, in.integrator_id, in.specialist_ids));
  SZ_TRY(store::insert_plan(*c, {pr.id, 1, plan_json(in.plan), "approved", "初次申报", p.user_id, now, p.user_id, now,
                                 std::nullopt}));
  SZ_TRY(store::replace_plan_rows(*c, pr.id, rows_of(in.plan)));
  SZ_TRY(store::count_state(*c, pr, pr.state, 1));
  SZ_TRY(store::insert_event(*c, {0, pr.id, "create", "", pr.state, p.user_id, p.username, "", now}));
  SZ_TRY(write(*c, p, from, "project.create", pr.id, "", project_audit_json(pr)));
  SZ_TRY(tx->commit());
  return pr;
}

Result<ProjectPage> Service::list(const auth::Principal& p, store::ProjectFilter f, int64_t limit, int64_t offset) {
  auto scope = auth::enterprise_scope(p);
  f.all = scope.all;
  f.districts = scope.districts;
  f.enterprise_ids = scope.enterprise_ids;
  if (p.has(auth::Role::provider)) f.provider_id = p.provider_id;
  if (p.has(auth::Role::expert)) f.expert_user_id = p.user_id;
  f.today = today();
  SZ_ASSIGN(auto* c, db_->local());
  ProjectPage page;
  SZ_ASSIGN(page.items, store::list_projects(*c, f, limit, offset, &page.total));
  for (const auto& pr : page.items) {
    SZ_TRY(name_enterprise(*c, pr.enterprise_id, page.enterprise_names));
    SZ_TRY(name_provider(*c, pr.integrator_id, page.provider_names));
  }
  return page;
}

Status Service::name_enterprise(db::Connection& c, int64_t id, std::map<int64_t, std::string>& names) {
  if (names.count(id)) return ok();
  SZ_ASSIGN(auto e, registry::internal::find(c, id));
  names[id] = e ? e->name : std::string();
  return ok();
}

Status Service::name_provider(db::Connection& c, int64_t id, std::map<int64_t, std::string>& names) {
  if (names.count(id)) return ok();
  SZ_ASSIGN(auto pv, market::internal::find_provider(c, id));
  names[id] = pv ? pv->name : std::string();
  return ok();
}

Result<Detail> Service::detail(const auth::Principal& p, int64_t id) {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto l, load(*c, p, id));
  Detail d;
  d.project = l.project;
  d.parties = l.parties;
  d.today = today();
  SZ_ASSIGN(d.plan, store::plan_rows(*c, id));
  SZ_ASSIGN(d.plans, store::plans_of(*c, id));
  SZ_ASSIGN(d.providers, store::providers_of(*c, id));
  SZ_ASSIGN(d.experts, store::experts_of(*c, id));
  SZ_ASSIGN(d.costs, store::costs_of(*c, id));
  for (const auto& x : d.costs) d.cost_total_fen += x.amount_fen;
  SZ_ASSIGN(d.visits, store::visits_of(*c, id));
  SZ_ASSIGN(d.outcomes, store::outcomes_of(*c, id));
  SZ_ASSIGN(d.materials, store::materials_of(*c, id));
  std::set<std::string> present;
  for (const auto& m : d.materials) present.insert(m.material);
  d.missing_materials = missing_materials(ref_.materials, present);
  SZ_ASSIGN(d.events, store::events_of(*c, id));
  int64_t today_n = *day_number(d.today);
  std::vector<MilestoneFacts> ms;
  for (const auto& m : d.plan.milestones)
    ms.push_back({m.name, *day_number(m.due_on), m.done_on ? day_number(*m.done_on) : std::nullopt});
  std::vector<FindingFacts> fs;
  for (const auto& v : d.visits)
    if (v.rectification_due_on)
      fs.push_back({*day_number(*v.rectification_due_on), v.rectified_on ? day_number(*v.rectified_on) : std::nullopt});
  // Risk matters while the work is under way; a finished project is judged by its acceptance.
  if (d.project.state == "approved" || d.project.state == "implementing")
    d.risks = risk_reasons(ms, fs, today_n, ref_.warn_days);
  d.actions = workflow::open_moves(ref_.lifecycle, d.project.state, party_codes(d.parties));
  SZ_TRY(name_enterprise(*c, d.project.enterprise_id, d.enterprise_names));
  for (const auto& [pid, role] : d.providers) SZ_TRY(name_provider(*c, pid, d.provider_names));
  for (const auto& x : d.costs)
    if (x.provider_id) SZ_TRY(name_provider(*c, *x.provider_id, d.provider_names));
  std::set<int64_t> users;
  for (const auto& [uid, duty] : d.experts) users.insert(uid);
  for (const auto& v : d.visits) users.insert(v.expert_user_id);
  for (const auto& v : d.plans) {
    users.insert(v.proposed_by);
    if (v.decided_by) users.insert(*v.decided_by);
  }
  for (int64_t uid : users) {
    SZ_ASSIGN(d.user_names[uid], auth::internal::display_name_of(*c, uid));
  }
  return d;
}

Status Service::run_guard(db::Connection& c, const std::string& name, const store::Project& pr, const MoveInput& in) {
  if (auto it = guards_.find(name); it != guards_.end()) return it->second(c, pr);
  if (name == "plan_complete") {
    SZ_ASSIGN(auto rows, store::plan_rows(c, pr.id));
    PlanFacts f{rows.scenarios.size(), rows.milestones.size(), rows.budget.size(), 0};
    for (const auto& b : rows.budget) f.budget_total_fen += b.amount_fen;
    auto problems = plan_problems(f);
    if (!problems.empty()) {
      std::string all;
      for (const auto& x : problems) all += (all.empty() ? "" : "；") + x;
      return err::conflict("plan", "方案不完整：" + all);
    }
    return ok();
  }
  if (name == "contract_recorded") {
    if (!pr.contract_amount_fen || !pr.contract_document_id)
      return err::conflict("contract", "请先登记改造合同（金额、日期和合同文件）");
    return ok();
  }
  if (name == "milestones_done") {
    SZ_ASSIGN(auto rows, store::plan_rows(c, pr.id));
    std::string open;
    for (const auto& m : rows.milestones)
      if (!m.done_on) open += (open.empty() ? "" : "、") + m.name;
    if (!open.empty()) return err::conflict("milestones", "以下里程碑尚未完成：" + open);
    return ok();
  }
  if (name == "materials_complete") {
    SZ_ASSIGN(auto mats, store::materials_of(c, pr.id));
    std::set<std::string> present;
    for (const auto& m : mats) present.insert(m.material);
    auto missing = missing_materials(ref_.materials, present);
    if (!missing.empty()) {
      std::string all;
      for (const auto& x : missing) all += (all.empty() ? "" : "、") + x;
      return err::conflict("materials", "验收材料不全，缺少：" + all);
    }
    return ok();
  }
  if (name == "provider_rated") {
    if (!pr.rating) return err::conflict("rating", "请先对服务商的服务进行满意度评价");
    return ok();
  }
  if (name == "acceptance_expert") {
    if (!in.expert_user_id) return err::invalid("expert_user_id", "请指定现场验收专家");
    return ok();
  }
  if (name == "onsite_level") {
    SZ_ASSIGN(auto e, registry::internal::find(c, pr.enterprise_id));
    if (!e) return err::not_found("企业不存在");
    int need = registry_.params().qualifying_level;
    // The on-site grading must be recorded for this acceptance: after the visit was scheduled.
    if (e->level_source != "onsite" || !e->assessed_at || *e->assessed_at < pr.state_changed_at)
      return err::conflict("onsite_level", "请先在评测中提交本次现场评测（现场评定）结果");
    if (e->level < need)
      return err::conflict("onsite_level", "现场评测为" + std::to_string(e->level) + "级，未达到二级，验收不能通过");
    return ok();
  }
  return err::internal("unknown guard " + name);
}

Result<store::Project> Service::move(const auth::Principal& p, const auth::Origin& from, int64_t id, const MoveInput& in) {
  if (text::utf8_length(in.reason) > 1000) return err::invalid("reason", "原因不能超过1000个字符");
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto l, load(*c, p, id));
  SZ_ASSIGN(const workflow::Move* t, workflow::decide_or_error(ref_.lifecycle, l.project.state, in.action, party_codes(l.parties)));
  if (t->needs_reason && in.reason.empty()) return err::invalid("reason", "「" + t->name + "」须说明原因");
  for (const auto& g : t->guards) SZ_TRY(run_guard(*c, g, l.project, in));
  int64_t now = clock_.now();
  if (t->action == "schedule_onsite") {
    if (expert_check_) SZ_TRY(expert_check_(*c, *in.expert_user_id, l.project));
    SZ_TRY(assessment_.assign_in(*c, auth::actor_of(p, from), p.user_id, l.project.enterprise_id, *in.expert_user_id));
    SZ_TRY(store::assign_expert(*c, id, *in.expert_user_id, "acceptance", p.user_id, now));
  }
  if (t->to == "passed") SZ_TRY(registry_.set_accepted(*c, auth::actor_of(p, from), l.project.enterprise_id, now));
  if (t->to == "terminated")
    for (const auto& close : closers_) SZ_TRY(close(*c, auth::actor_of(p, from), l.project, in.reason, now));
  store::Project before = l.project, after = l.project;
  after.state = t->to;
  after.updated_at = after.state_changed_at = now;
  SZ_TRY(store::update_project(*c, after));
  SZ_TRY(store::count_state(*c, after, before.state, -1));
  SZ_TRY(store::count_state(*c, after, after.state, 1));
  SZ_TRY(store::insert_event(*c, {0, id, t->action, before.state, after.state, p.user_id, p.username, in.reason, now}));
  bj::object a = bj::parse(project_audit_json(after)).as_object();
  if (!in.reason.empty()) a["reason"] = in.reason;
  SZ_TRY(write(*c, p, from, "project." + t->action, id, project_audit_json(before), bj::serialize(a)));
  SZ_TRY(tx->commit());
  return after;
}

Result<store::PlanVersion> Service::propose_plan(const auth::Principal& p, const auth::Origin& from, int64_t id,
                                                 const PlanInput& plan, const std::string& reason) {
  SZ_TRY(check_plan(plan));
  SZ_TRY(need_text(reason, "reason", "调整原因", 1000));
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto l, load(*c, p, id));
  if (!l.parties.count(Party::enterprise) && !l.parties.count(Party::integrator) && !l.parties.count(Party::city_admin))
    return err::forbidden("只有本企业、集成服务商或市级管理员可以调整方案");
  SZ_TRY(check_scenarios(*c, l.project.industry_code, plan));
  const auto& st = l.project.state;
  bool drafting = st == "declared";
  if (!drafting && st != "approved" && st != "implementing")
    return err::conflict("state", "项目处于「" + ref_.lifecycle.state_name(st) + "」状态，不能调整方案");
  SZ_ASSIGN(auto versions, store::plans_of(*c, id));
  for (const auto& v : versions)
    if (v.state == "proposed") return err::conflict("plan", "已有一份待专家审批的方案调整（第 " + std::to_string(v.version) + " 版）");
  int64_t now = clock_.now();
  store::PlanVersion v{id, versions.empty() ? 1 : versions.back().version + 1, plan_json(plan),
                       drafting ? "approved" : "proposed", reason, p.user_id, now, std::nullopt, std::nullopt, std::nullopt};
  if (drafting) v.decided_by = p.user_id, v.decided_at = now;
  SZ_TRY(store::insert_plan(*c, v));
  if (drafting) {
    SZ_TRY(store::replace_plan_rows(*c, id, rows_of(plan)));
    store::Project after = l.project;
    after.plan_version = v.version;
    after.updated_at = now;
    SZ_TRY(store::update_project(*c, after));
  }
  SZ_TRY(write(*c, p, from, "project.plan_propose", id, "",
               bj::serialize(bj::object{{"version", v.version}, {"state", v.state}, {"reason", reason}})));
  SZ_TRY(tx->commit());
  return v;
}

Result<store::PlanVersion> Service::decide_plan(const auth::Principal& p, const auth::Origin& from, int64_t id,
                                                int64_t version, bool approve, const std::string& note) {
  if (!approve) SZ_TRY(need_text(note, "note", "不同意的理由", 1000));
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto l, load(*c, p, id));
  if (std::find(l.duties.begin(), l.duties.end(), "supervision") == l.duties.end())
    return err::forbidden("方案调整须由指派到本项目的监管专家审批");
  SZ_ASSIGN(auto v, store::plan(*c, id, version));
  if (!v) return err::not_found("方案版本不存在");
  if (v->state != "proposed") return err::conflict("state", "该方案版本已审批，不能再次审批");
  int64_t now = clock_.now();
  SZ_TRY(store::decide_plan(*c, id, version, approve ? "approved" : "rejected", p.user_id, now, note));
  if (approve) {
    SZ_TRY(store::replace_plan_rows(*c, id, rows_of(plan_of_json(v->content_json))));
    store::Project after = l.project;
    after.plan_version = version;
    after.updated_at = now;
    SZ_TRY(store::update_project(*c, after));
  }
  SZ_TRY(write(*c, p, from, approve ? "project.plan_approve" : "project.plan_reject", id, "",
               bj::serialize(bj::object{{"version", version}, {"note", note}})));
  SZ_ASSIGN(auto decided, store::plan(*c, id, version));
  SZ_TRY(tx->commit());
  return *decided;
}

Result<store::Project> Service::set_contract(const auth::Principal& p, const auth::Origin& from, int64_t id,
                                             const ContractInput& in) {
  SZ_TRY(ranges::check("project_fen", in.amount_fen, "amount_fen", "合同金额（分）"));
  SZ_TRY(ranges::check("project_fen", in.catalogue_price_fen, "catalogue_price_fen", "目录价（分）"));
  if (in.catalogue_price_fen < in.amount_fen)
    return err::invalid("catalogue_price_fen", "目录价（服务商对外报价）应不低于合同金额，让利 = 目录价 − 合同金额");
  SZ_TRY(need_date(in.signed_on, "signed_on", "签订日期"));
  SZ_TRY(need_date(in.start_on, "start_on", "开始日期"));
  SZ_TRY(need_date(in.end_on, "end_on", "结束日期"));
  if (in.end_on < in.start_on) return err::invalid("end_on", "结束日期不能早于开始日期");
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto l, load(*c, p, id));
  if (!l.parties.count(Party::enterprise) && !l.parties.count(Party::integrator) && !l.parties.count(Party::city_admin))
    return err::forbidden("只有本企业、集成服务商或市级管理员可以登记合同");
  if (l.project.state != "approved" && l.project.state != "implementing")
    return err::conflict("state", "项目须已立项才能登记合同（当前：" + ref_.lifecycle.state_name(l.project.state) + "）");
  SZ_TRY(documents::internal::check_attached(*c, in.document_id, "project", id, "document_id"));
  store::Project after = l.project;
  after.contract_amount_fen = in.amount_fen;
  after.catalogue_price_fen = in.catalogue_price_fen;
  after.contract_signed_on = in.signed_on;
  after.contract_start_on = in.start_on;
  after.contract_end_on = in.end_on;
  after.contract_document_id = in.document_id;
  after.updated_at = clock_.now();
  SZ_TRY(store::update_project(*c, after));
  SZ_TRY(write(*c, p, from, "project.contract", id, project_audit_json(l.project), project_audit_json(after)));
  SZ_TRY(tx->commit());
  return after;
}

Status Service::complete_milestone(const auth::Principal& p, const auth::Origin& from, int64_t id, int64_t milestone_id,
                                   const std::string& done_on, std::optional<int64_t> document_id) {
  SZ_TRY(need_date(done_on, "done_on", "完成日期"));
  if (done_on > today()) return err::invalid("done_on", "完成日期不能晚于今天");
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto l, load(*c, p, id));
  if (!l.parties.count(Party::enterprise) && !l.parties.count(Party::integrator))
    return err::forbidden("只有本企业或集成服务商可以登记里程碑完成");
  if (l.project.state != "implementing")
    return err::conflict("state", "项目须处于「实施」状态（当前：" + ref_.lifecycle.state_name(l.project.state) + "）");
  SZ_ASSIGN(auto rows, store::plan_rows(*c, id));
  auto it = std::find_if(rows.milestones.begin(), rows.milestones.end(), [&](const auto& m) { return m.id == milestone_id; });
  if (it == rows.milestones.end()) return err::not_found("里程碑不存在");
  if (it->done_on) return err::conflict("done_on", "该里程碑已于 " + *it->done_on + " 完成");
  if (document_id) SZ_TRY(documents::internal::check_attached(*c, *document_id, "project", id, "document_id"));
  SZ_TRY(store::complete_milestone(*c, milestone_id, done_on, document_id));
  SZ_TRY(write(*c, p, from, "project.milestone", id, "",
               bj::serialize(bj::object{{"milestone", it->name}, {"due_on", it->due_on}, {"done_on", done_on}})));
  return tx->commit();
}

Result<store::Cost> Service::add_cost(const auth::Principal& p, const auth::Origin& from, int64_t id, const CostInput& in) {
  SZ_TRY(need_text(in.item, "item", "费用项目", 100));
  SZ_TRY(ranges::check("project_fen", in.amount_fen, "amount_fen", "费用金额（分）"));
  SZ_TRY(need_date(in.incurred_on, "incurred_on", "发生日期"));
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto l, load(*c, p, id));
  if (!l.parties.count(Party::enterprise)) return err::forbidden("只有本企业可以登记实际发生的改造费用");
  if (l.project.state != "implementing" && l.project.state != "failed")
    return err::conflict("state", "项目须处于「实施」状态才能登记费用（当前：" + ref_.lifecycle.state_name(l.project.state) + "）");
  SZ_TRY(documents::internal::check_attached(*c, in.invoice_document_id, "project", id, "invoice_document_id"));
  if (in.payment_document_id) SZ_TRY(documents::internal::check_attached(*c, *in.payment_document_id, "project", id, "payment_document_id"));
  if (in.provider_id) {
    SZ_ASSIGN(bool serves, store::provider_serves(*c, id, *in.provider_id));
    if (!serves) return err::invalid("provider_id", "该服务商不是本项目的服务商");
  }
  store::Cost cost{0, id, in.item, in.amount_fen, in.incurred_on, in.provider_id, in.invoice_document_id,
                   in.payment_document_id, p.user_id, clock_.now()};
  SZ_ASSIGN(cost.id, store::insert_cost(*c, cost));
  SZ_TRY(write(*c, p, from, "project.cost", id, "",
               bj::serialize(bj::object{{"item", cost.item}, {"amount_fen", cost.amount_fen}, {"incurred_on", cost.incurred_on}})));
  SZ_TRY(tx->commit());
  return cost;
}

Status Service::assign_expert(const auth::Principal& p, const auth::Origin& from, int64_t id, int64_t user_id,
                              const std::string& duty) {
  if (duty != "supervision" && duty != "acceptance") return err::invalid("duty", "职责应为 supervision（全流程监管）或 acceptance（现场验收）");
  if (!p.has(auth::Role::city_admin)) return err::forbidden("只有市级管理员可以指派项目专家");
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto pr, store::project_by_id(*c, id));
  if (!pr) return err::not_found("项目不存在");
  SZ_ASSIGN(bool is_expert, auth::internal::user_has_role(*c, user_id, auth::Role::expert));
  if (!is_expert) return err::invalid("user_id", "该用户不是评审专家");
  if (expert_check_) SZ_TRY(expert_check_(*c, user_id, *pr));
  SZ_TRY(store::assign_expert(*c, id, user_id, duty, p.user_id, clock_.now()));
  SZ_TRY(write(*c, p, from, "project.expert", id, "", bj::serialize(bj::object{{"user_id", user_id}, {"duty", duty}})));
  return tx->commit();
}

Result<store::Visit> Service::add_visit(const auth::Principal& p, const auth::Origin& from, int64_t id,
                                        const std::string& visited_on, const std::string& findings,
                                        const std::optional<std::string>& due) {
  SZ_TRY(need_date(visited_on, "visited_on", "监管日期"));
  SZ_TRY(need_text(findings, "findings", "监管意见", 2000));
  if (due) {
    SZ_TRY(need_date(*due, "rectification_due_on", "整改期限"));
    if (*due < visited_on) return err::invalid("rectification_due_on", "整改期限不能早于监管日期");
  }
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto l, load(*c, p, id));
  SZ_ASSIGN(auto duties, store::expert_duties(*c, id, p.user_id));
  if (std::find(duties.begin(), duties.end(), "supervision") == duties.end())
    return err::forbidden("只有指派到本项目的监管专家可以登记监管意见");
  store::Visit v{0, id, p.user_id, visited_on, findings, due, std::nullopt, std::nullopt, clock_.now()};
  SZ_ASSIGN(v.id, store::insert_visit(*c, v));
  SZ_TRY(write(*c, p, from, "project.supervision", id, "",
               bj::serialize(bj::object{{"visit_id", v.id}, {"visited_on", visited_on},
                                        {"rectification_due_on", due ? bj::value(*due) : bj::value(nullptr)}})));
  SZ_TRY(tx->commit());
  return v;
}

Status Service::rectify(const auth::Principal& p, const auth::Origin& from, int64_t id, int64_t visit_id,
                        const std::string& on, const std::string& note) {
  SZ_TRY(need_date(on, "rectified_on", "整改完成日期"));
  SZ_TRY(need_text(note, "note", "整改说明", 2000));
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto l, load(*c, p, id));
  if (!l.parties.count(Party::enterprise) && !l.parties.count(Party::integrator))
    return err::forbidden("只有本企业或集成服务商可以登记整改");
  SZ_ASSIGN(auto visits, store::visits_of(*c, id));
  auto it = std::find_if(visits.begin(), visits.end(), [&](const auto& v) { return v.id == visit_id; });
  if (it == visits.end()) return err::not_found("监管记录不存在");
  if (!it->rectification_due_on) return err::conflict("visit", "该监管记录没有整改要求");
  if (it->rectified_on) return err::conflict("visit", "该项整改已于 " + *it->rectified_on + " 完成");
  SZ_TRY(store::rectify_visit(*c, visit_id, on, note));
  SZ_TRY(write(*c, p, from, "project.rectify", id, "", bj::serialize(bj::object{{"visit_id", visit_id}, {"rectified_on", on}})));
  return tx->commit();
}

Status Service::set_outcomes(const auth::Principal& p, const auth::Origin& from, int64_t id,
                             const std::vector<store::Outcome>& outcomes) {
  for (const auto& o : outcomes)
    if (std::none_of(ref_.indicators.begin(), ref_.indicators.end(), [&](const auto& i) { return i.code == o.indicator; }))
      return err::invalid("outcomes", "未知的成效指标：" + o.indicator);
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto l, load(*c, p, id));
  if (!l.parties.count(Party::enterprise) && !l.parties.count(Party::integrator))
    return err::forbidden("只有本企业或集成服务商可以填报成效指标");
  bj::object after;
  for (const auto& o : outcomes) {
    SZ_TRY(store::upsert_outcome(*c, id, o, clock_.now()));
    after[o.indicator] = bj::object{{"before", o.before_milli ? bj::value(milli_text(*o.before_milli)) : bj::value(nullptr)},
                                    {"after", o.after_milli ? bj::value(milli_text(*o.after_milli)) : bj::value(nullptr)}};
  }
  SZ_TRY(write(*c, p, from, "project.outcomes", id, "", bj::serialize(after)));
  return tx->commit();
}

Status Service::add_material(const auth::Principal& p, const auth::Origin& from, int64_t id, const std::string& material,
                             int64_t document_id) {
  if (std::none_of(ref_.materials.begin(), ref_.materials.end(), [&](const auto& m) { return m.code == material; }))
    return err::invalid("material", "未知的验收材料类型：" + material);
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto l, load(*c, p, id));
  if (!l.parties.count(Party::enterprise)) return err::forbidden("只有本企业可以提交验收材料");
  if (l.project.state != "implementing" && l.project.state != "failed")
    return err::conflict("state", "项目处于「" + ref_.lifecycle.state_name(l.project.state) + "」状态，不能再补充验收材料");
  SZ_TRY(documents::internal::check_attached(*c, document_id, "project", id, "document_id"));
  SZ_TRY(store::add_material(*c, id, material, document_id, p.user_id, clock_.now()));
  SZ_TRY(write(*c, p, from, "project.material", id, "", bj::serialize(bj::object{{"material", material}, {"document_id", document_id}})));
  return tx->commit();
}

Status Service::rate_provider(const auth::Principal& p, const auth::Origin& from, int64_t id, int64_t rating,
                              const std::string& comment) {
  if (rating < 1 || rating > 5) return err::invalid("rating", "满意度应为 1–5 星");
  if (text::utf8_length(comment) > 1000) return err::invalid("comment", "评价不能超过1000个字符");
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto l, load(*c, p, id));
  if (!l.parties.count(Party::enterprise)) return err::forbidden("只有本企业可以评价服务商");
  if (l.project.state != "implementing" && l.project.state != "failed")
    return err::conflict("state", "申请验收前评价服务商（当前：" + ref_.lifecycle.state_name(l.project.state) + "）");
  store::Project after = l.project;
  after.rating = rating;
  after.rating_comment = comment;
  after.updated_at = clock_.now();
  SZ_TRY(store::update_project(*c, after));
  SZ_TRY(write(*c, p, from, "project.rating", id, project_audit_json(l.project), project_audit_json(after)));
  return tx->commit();
}

Result<ScorecardView> Service::scorecard(int64_t provider_id) {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto pv, market::internal::find_provider(*c, provider_id));
  if (!pv) return err::not_found("服务商不存在");
  ScorecardView v{provider_id, pv->name, {}, {}};
  auto& f = v.facts;
  const int64_t today_day = *day_number(today());
  SZ_ASSIGN(auto led, store::projects_of_integrator(*c, provider_id));
  for (const auto& pr : led) {
    if (pr.state == "terminated") continue;  // ended by the city (the enterprise withdrew, or it was abandoned)
    ++f.projects;
    SZ_ASSIGN(auto events, store::events_of(*c, pr.id));
    for (const auto& e : events) f.failed_acceptances += e.action == "fail";
    bool accepted = task_completed(pr.state);
    f.accepted += accepted;
    SZ_ASSIGN(auto rows, store::plan_rows(*c, pr.id));
    for (const auto& m : rows.milestones) {
      int64_t due = *day_number(m.due_on);
      if (m.done_on) {
        f.late_days_sum += std::max<int64_t>(0, *day_number(*m.done_on) - due);
        ++f.milestones_judged;
      } else if (today_day > due) {
        f.late_days_sum += today_day - due;
        ++f.milestones_judged;
      }
    }
    if (pr.rating) f.ratings_sum += *pr.rating, ++f.ratings;
    if (pr.contract_amount_fen && pr.catalogue_price_fen && *pr.catalogue_price_fen > 0) {
      f.discount_bp_sum += (*pr.catalogue_price_fen - *pr.contract_amount_fen) * 10000 / *pr.catalogue_price_fen;
      ++f.discounts;
    }
    if (accepted) {
      SZ_ASSIGN(auto e, registry::internal::find(*c, pr.enterprise_id));
      SZ_ASSIGN(auto before, assessment::internal::level_before(*c, pr.enterprise_id, pr.created_at));
      if (e && before) f.uplift_sum += std::max(0, e->level - *before), ++f.uplifts;
    }
  }
  v.card = score(ref_.scorecard, f);
  return v;
}

bj::object scorecard_json(const ScorecardView& v) {
  bj::array components;
  for (const auto& c : v.card.components)
    components.push_back(bj::object{{"code", c.component->code}, {"name", c.component->name}, {"weight", c.component->weight},
                                    {"score", c.score_milli ? bj::value(milli_text(*c.score_milli)) : bj::value(nullptr)},
                                    {"explanation", c.explanation}});
  return bj::object{{"provider", bj::object{{"id", v.provider_id}, {"name", v.provider_name}}},
                    {"projects", v.facts.projects},
                    {"components", std::move(components)},
                    {"total", v.card.total_milli ? bj::value(milli_text(*v.card.total_milli)) : bj::value(nullptr)},
                    {"stars", v.card.stars}};
}

Result<std::vector<ScorecardView>> Service::scorecards() {
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto all, market::internal::provider_directory(*c));
  std::vector<ScorecardView> out;
  for (const auto& p : all) {
    if (!market::listed(p.status)) continue;
    SZ_ASSIGN(auto v, scorecard(p.id));
    out.push_back(std::move(v));
  }
  return out;
}

Result<Service::Summary> Service::summary(const auth::Principal& p) {
  if (p.has(auth::Role::city_admin)) return summary_of("");
  if (!p.has(auth::Role::district_officer) || !p.district) return err::forbidden("项目统计仅对市级管理员和区县专班开放");
  return summary_of(*p.district);
}

Result<std::vector<store::LateMilestone>> internal::late_milestones(db::Connection& c, const std::string& district,
                                                                    const std::string& today, int64_t limit, int64_t* total,
                                                                    int64_t* projects) {
  return store::late_milestones(c, district, today, limit, total, projects);
}

Result<std::vector<int64_t>> internal::diagnosed_enterprises(db::Connection& c) { return store::diagnosed_enterprises(c); }

Result<std::vector<registry::Service::Difference>> internal::verify_state_counts(db::Connection& c) {
  SZ_ASSIGN(auto kept, store::state_counts(c, ""));
  SZ_ASSIGN(auto counted, store::counted_states(c));
  std::map<std::tuple<std::string, std::string, std::string>, std::pair<int64_t, int64_t>> both;  // stored, expected
  for (const auto& r : kept) both[{r.district_code, r.industry_code, r.state}].first = r.n;
  for (const auto& r : counted) both[{r.district_code, r.industry_code, r.state}].second = r.n;
  std::vector<registry::Service::Difference> out;
  for (const auto& [k, v] : both)
    if (v.first != v.second)
      out.push_back({"project_counts", std::get<0>(k) + "/" + std::get<1>(k) + "/" + std::get<2>(k), "n",
                     std::to_string(v.first), std::to_string(v.second)});
  return out;
}

Status internal::rebuild_state_counts(db::Connection& c) { return store::rebuild_state_counts(c); }

Result<std::vector<store::DueMilestone>> internal::due_milestones(db::Connection& c, const std::string& from,
                                                                  const std::string& to, int64_t limit) {
  return store::due_milestones(c, from, to, limit);
}

Result<std::vector<store::Project>> internal::without_contract(db::Connection& c, const std::string& district, int64_t limit,
                                                               int64_t* total) {
  return store::without_contract(c, district, limit, total);
}

Status internal::each_stage_times(db::Connection& c, const std::string& district,
                                  const std::function<bool(const store::StageTimes&)>& fn) {
  return store::each_stage_times(c, district, fn);
}

Result<Service::Summary> Service::summary_of(const std::string& district) {
  Summary s;
  s.district = district;
  SZ_ASSIGN(auto* c, db_->local());
  SZ_ASSIGN(auto rows, store::state_counts(*c, s.district));
  std::map<std::string, int64_t> by_state;
  for (const auto& r : rows) by_state[r.state] += r.n;
  for (const auto& st : ref_.lifecycle.states) s.by_state.emplace_back(st.code, by_state[st.code]);
  std::map<std::string, OutcomeAccumulator> acc;
  SZ_TRY(store::each_accepted_outcome(*c, s.district, [&](const std::string& code, int64_t before, int64_t after) {
    for (const auto& i : ref_.indicators)
      if (i.code == code) acc[code].add(i, before, after);
    return true;
  }));
  for (const auto& i : ref_.indicators) s.outcomes.emplace_back(&i, acc[i.code].result());
  return s;
}

}  // namespace sz::projects
