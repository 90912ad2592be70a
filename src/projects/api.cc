#include "projects/api.h"

#include <filesystem>

#include "infra/zip_writer.h"

namespace sz::projects {

namespace bj = boost::json;

namespace {
using json::opt_value;

Result<const bj::array*> array_field(const bj::object& o, const char* key, const char* label) {
  auto* v = o.if_contains(key);
  if (!v || v->is_null()) {
    static const bj::array kEmpty;
    return &kEmpty;
  }
  if (!v->is_array()) return err::invalid(key, std::string(label) + "应为数组");
  return &v->as_array();
}

Result<const bj::object*> item_object(const bj::value& v, const char* field, const char* label) {
  if (!v.is_object()) return err::invalid(field, std::string(label) + "的每一项应为对象");
  return &v.as_object();
}

Result<std::vector<int64_t>> id_list(const bj::object& o, const char* key, const char* label) {
  SZ_ASSIGN(const bj::array* a, array_field(o, key, label));
  std::vector<int64_t> out;
  for (const auto& v : *a) {
    if (!v.is_int64() || v.as_int64() <= 0) return err::invalid(key, std::string(label) + "应为正整数编号的数组");
    out.push_back(v.as_int64());
  }
  return out;
}

// {"scenarios":[{"name","kind"}], "products":["…"], "budget":[{"item","amount_fen"}],
//  "milestones":[{"name","due_on","deliverable"}]}
Result<PlanInput> plan_from(const bj::object& o) {
  SZ_TRY(json::only_keys(o, {"scenarios", "products", "budget", "milestones"}));
  PlanInput plan;
  SZ_ASSIGN(const bj::array* scenarios, array_field(o, "scenarios", "改造场景"));
  for (const auto& v : *scenarios) {
    SZ_ASSIGN(const bj::object* s, item_object(v, "plan.scenarios", "改造场景"));
    SZ_TRY(json::only_keys(*s, {"name", "kind"}, "plan.scenarios"));
    SZ_ASSIGN(auto name, json::required_string(*s, "name", "场景名称", 60));
    SZ_ASSIGN(auto kind, json::required_string(*s, "kind", "场景类型", 2));
    plan.scenarios.push_back({name, kind});
  }
  SZ_ASSIGN(const bj::array* products, array_field(o, "products", "产品"));
  for (const auto& v : *products) {
    if (!v.is_string()) return err::invalid("plan.products", "产品应为名称字符串的数组");
    plan.products.emplace_back(v.as_string());
  }
  SZ_ASSIGN(const bj::array* budget, array_field(o, "budget", "预算"));
  for (const auto& v : *budget) {
    SZ_ASSIGN(const bj::object* b, item_object(v, "plan.budget", "预算"));
    SZ_TRY(json::only_keys(*b, {"item", "amount_fen"}, "plan.budget"));
    SZ_ASSIGN(auto item, json::required_string(*b, "item", "预算项目", 100));
    SZ_ASSIGN(int64_t amount, json::required_int(*b, "amount_fen", "预算金额（分）", "project_fen"));
    plan.budget.push_back({item, amount});
  }
  SZ_ASSIGN(const bj::array* milestones, array_field(o, "milestones", "里程碑"));
  for (const auto& v : *milestones) {
    SZ_ASSIGN(const bj::object* m, item_object(v, "plan.milestones", "里程碑"));
    SZ_TRY(json::only_keys(*m, {"name", "due_on", "deliverable"}, "plan.milestones"));
    store::Milestone ms;
    SZ_ASSIGN(ms.name, json::required_string(*m, "name", "里程碑名称", 60));
    SZ_ASSIGN(ms.due_on, json::required_string(*m, "due_on", "里程碑到期日", 10));
    SZ_ASSIGN(ms.deliverable, json::required_string(*m, "deliverable", "交付物", 200));
    plan.milestones.push_back(std::move(ms));
  }
  return plan;
}

Result<PlanInput> plan_field(const bj::object& o) {
  auto* v = o.if_contains("plan");
  if (!v || !v->is_object()) return err::invalid("plan", "请填写改造方案（plan 对象）");
  return plan_from(v->as_object());
}

bj::object plan_content_json(const PlanInput& plan, const std::string& today, int64_t warn_days) {
  bj::array scenarios, products, budget, milestones;
  int64_t total = 0;
  for (const auto& s : plan.scenarios)
    scenarios.push_back(bj::object{{"name", s.name}, {"kind", s.kind}, {"kind_name", s.kind == "N" ? "共性场景" : "个性场景"}});
  for (const auto& p : plan.products) products.push_back(bj::value(p));
  for (const auto& b : plan.budget) {
    budget.push_back(bj::object{{"item", b.item}, {"amount_fen", b.amount_fen}});
    total += b.amount_fen;
  }
  int64_t today_n = day_number(today).value_or(0);
  for (const auto& m : plan.milestones) {
    bj::object mo{{"id", m.id}, {"name", m.name}, {"due_on", m.due_on}, {"deliverable", m.deliverable},
                  {"done_on", opt_value(m.done_on)}, {"evidence_document_id", opt_value(m.evidence_document_id)}};
    if (auto due = day_number(m.due_on); due && !today.empty()) {
      auto st = milestone_status(*due, m.done_on ? day_number(*m.done_on) : std::nullopt, today_n, warn_days);
      mo["status"] = milestone_status_code(st);
      mo["status_name"] = milestone_status_name(st);
    }
    milestones.push_back(std::move(mo));
  }
  return bj::object{{"scenarios", std::move(scenarios)}, {"products", std::move(products)}, {"budget", std::move(budget)},
                    {"budget_total_fen", total}, {"milestones", std::move(milestones)}};
}

std::string name_in(const std::map<int64_t, std::string>& names, int64_t id) {
  auto it = names.find(id);
  return it == names.end() ? std::string() : it->second;
}

bj::object project_summary(const Service& svc, const store::Project& p, const std::map<int64_t, std::string>& enterprises,
                           const std::map<int64_t, std::string>& providers) {
  return bj::object{{"id", p.id},
                    {"name", p.name},
                    {"enterprise", bj::object{{"id", p.enterprise_id}, {"name", name_in(enterprises, p.enterprise_id)}}},
                    {"integrator", bj::object{{"id", p.integrator_id}, {"name", name_in(providers, p.integrator_id)}}},
                    {"district_code", p.district_code},
                    {"industry_code", p.industry_code},
                    {"state", p.state},
                    {"state_name", svc.reference().lifecycle.state_name(p.state)},
                    {"plan_version", p.plan_version},
                    {"contract_amount_fen", opt_value(p.contract_amount_fen)},
                    {"created_at", iso_utc(p.created_at)},
                    {"updated_at", iso_utc(p.updated_at)},
                    {"state_changed_at", iso_utc(p.state_changed_at)}};
}

bj::object detail_json(const Service& svc, const Detail& d) {
  const auto& ref = svc.reference();
  const auto& p = d.project;
  bj::object o = project_summary(svc, p, d.enterprise_names, d.provider_names);
  bj::array parties, codes;
  for (const auto& code : party_codes(d.parties)) {
    const workflow::Party* party = ref.lifecycle.party(code);
    parties.push_back(bj::value(party ? party->name : code));
    codes.push_back(bj::value(code));
  }
  o["my_roles"] = std::move(parties);
  o["my_role_codes"] = std::move(codes);
  o["contract"] = bj::object{{"amount_fen", opt_value(p.contract_amount_fen)},
                             {"catalogue_price_fen", opt_value(p.catalogue_price_fen)},
                             {"signed_on", opt_value(p.contract_signed_on)},
                             {"start_on", opt_value(p.contract_start_on)},
                             {"end_on", opt_value(p.contract_end_on)},
                             {"document_id", opt_value(p.contract_document_id)}};
  // 服务商让一点: the discount against the provider's catalogue price.
  o["provider_discount_fen"] = p.contract_amount_fen && p.catalogue_price_fen
                                   ? bj::value(*p.catalogue_price_fen - *p.contract_amount_fen)
                                   : bj::value(nullptr);
  o["rating"] = bj::object{{"stars", opt_value(p.rating)}, {"comment", opt_value(p.rating_comment)}};
  PlanInput current{d.plan.scenarios, d.plan.products, d.plan.budget, d.plan.milestones};
  // Deadlines run from 立项: a plan still being declared or reviewed has no late milestones.
  bool running = p.state != "declared" && p.state != "expert_review";
  o["plan"] = plan_content_json(current, running ? d.today : "", ref.warn_days);
  bj::array versions;
  for (const auto& v : d.plans)
    versions.push_back(bj::object{{"version", v.version},
                                  {"state", v.state},
                                  {"state_name", v.state == "approved" ? "已生效" : v.state == "proposed" ? "待专家审批" : "未同意"},
                                  {"reason", v.reason},
                                  {"proposed_by", name_in(d.user_names, v.proposed_by)},
                                  {"proposed_at", iso_utc(v.proposed_at)},
                                  {"decided_by", v.decided_by ? bj::value(name_in(d.user_names, *v.decided_by)) : bj::value(nullptr)},
                                  {"decided_at", v.decided_at ? bj::value(iso_utc(*v.decided_at)) : bj::value(nullptr)},
                                  {"decision_note", opt_value(v.decision_note)},
                                  {"content", plan_content_json(plan_of_json(v.content_json), "", ref.warn_days)}});
  o["plan_versions"] = std::move(versions);
  bj::array providers, experts, costs, visits, outcomes, materials, events, actions, risks, missing;
  for (const auto& [id, role] : d.providers)
    providers.push_back(bj::object{{"id", id}, {"name", name_in(d.provider_names, id)}, {"role", role},
                                   {"role_name", role == "integrator" ? "集成服务商" : "专业服务商"}});
  for (const auto& [uid, duty] : d.experts)
    experts.push_back(bj::object{{"user_id", uid}, {"name", name_in(d.user_names, uid)}, {"duty", duty},
                                 {"duty_name", duty == "supervision" ? "全流程监管" : duty == "acceptance" ? "现场验收" : "评审"}});
  for (const auto& c : d.costs)
    costs.push_back(bj::object{{"id", c.id}, {"item", c.item}, {"amount_fen", c.amount_fen}, {"incurred_on", c.incurred_on},
                               {"provider", c.provider_id ? bj::value(bj::object{{"id", *c.provider_id}, {"name", name_in(d.provider_names, *c.provider_id)}}) : bj::value(nullptr)},
                               {"invoice_document_id", c.invoice_document_id},
                               {"payment_document_id", opt_value(c.payment_document_id)}});
  for (const auto& v : d.visits) {
    bool open = v.rectification_due_on && !v.rectified_on;
    visits.push_back(bj::object{{"id", v.id}, {"expert", name_in(d.user_names, v.expert_user_id)}, {"visited_on", v.visited_on},
                                {"findings", v.findings}, {"rectification_due_on", opt_value(v.rectification_due_on)},
                                {"rectified_on", opt_value(v.rectified_on)}, {"rectification_note", opt_value(v.rectification_note)},
                                {"open", open}, {"overdue", open && *v.rectification_due_on < d.today}});
  }
  for (const auto& i : ref.indicators) {
    const store::Outcome* found = nullptr;
    for (const auto& x : d.outcomes)
      if (x.indicator == i.code) found = &x;
    if (!found) continue;
    bj::object oo{{"indicator", i.code}, {"name", i.name}, {"unit", i.unit}, {"category", i.category}, {"better", i.better},
                  {"before", found->before_milli ? bj::value(milli_text(*found->before_milli)) : bj::value(nullptr)},
                  {"after", found->after_milli ? bj::value(milli_text(*found->after_milli)) : bj::value(nullptr)},
                  {"improvement_percent", nullptr}};
    if (found->before_milli && found->after_milli)
      if (auto imp = improvement_milli_percent(i, *found->before_milli, *found->after_milli))
        oo["improvement_percent"] = milli_text(*imp);
    outcomes.push_back(std::move(oo));
  }
  for (const auto& m : d.materials) {
    std::string name = m.material;
    for (const auto& x : ref.materials)
      if (x.code == m.material) name = x.name;
    materials.push_back(bj::object{{"material", m.material}, {"name", name}, {"document_id", m.document_id},
                                   {"added_at", iso_utc(m.added_at)}});
  }
  for (const auto& e : d.events)
    events.push_back(bj::object{{"action", e.action}, {"from", e.from_state}, {"from_name", e.from_state.empty() ? "" : ref.lifecycle.state_name(e.from_state)},
                                {"to", e.to_state}, {"to_name", ref.lifecycle.state_name(e.to_state)},
                                {"actor", e.actor_name}, {"reason", e.reason}, {"at", iso_utc(e.at)}});
  for (const auto* t : d.actions)
    actions.push_back(bj::object{{"action", t->action}, {"name", t->name}, {"needs_reason", t->needs_reason},
                                 {"needs_expert", t->input == "expert"}});
  for (const auto& r : d.risks) risks.push_back(bj::value(r));
  for (const auto& m : d.missing_materials) missing.push_back(bj::value(m));
  o["providers"] = std::move(providers);
  o["experts"] = std::move(experts);
  o["costs"] = std::move(costs);
  o["cost_total_fen"] = d.cost_total_fen;
  o["supervision"] = std::move(visits);
  o["outcomes"] = std::move(outcomes);
  o["materials"] = std::move(materials);
  o["missing_materials"] = std::move(missing);
  o["events"] = std::move(events);
  o["actions"] = std::move(actions);
  o["risks"] = std::move(risks);
  o["at_risk"] = !d.risks.empty();
  return o;
}

bj::object diagnosis_json(const store::Diagnosis& d) {
  return bj::object{{"id", d.id}, {"enterprise_id", d.enterprise_id}, {"provider_id", d.provider_id},
                    {"diagnosed_on", d.diagnosed_on}, {"pain_points", d.pain_points},
                    {"recommended_scenarios", bj::parse(d.recommended_scenarios_json)}, {"cost_fen", d.cost_fen},
                    {"report_document_id", opt_value(d.report_document_id)},
                    {"invoice_document_id", opt_value(d.invoice_document_id)}, {"created_at", iso_utc(d.created_at)}};
}

// 一企一档: the project's record as JSON (with the enterprise's diagnoses when the caller may read them), a list of
// its files with their SHA-256 and SM3, and every file, in one .zip. Entry times are the project's last change.
Result<std::string> write_archive(Service& svc, documents::Service& docs, const auth::Principal& p, const Detail& d,
                                  const std::string& work_dir) {
  bj::object record = detail_json(svc, d);
  if (auto diag = svc.diagnoses(p, d.project.enterprise_id)) {
    bj::array items;
    for (const auto& x : *diag) items.push_back(diagnosis_json(x));
    record["diagnoses"] = std::move(items);
  }
  SZ_ASSIGN(auto files, docs.list(p, "project", std::to_string(d.project.id)));
  std::vector<zip::Entry> entries;
  entries.push_back({"项目档案.json", json::to_text(record), ""});
  std::string listing = "资料清单（文件名 / 版本 / 大小（字节） / SHA-256 / SM3 / 上传时间）\n";
  for (const auto& f : files) {
    SZ_ASSIGN(auto opened, docs.open(p, f.id));
    std::string inside = "资料/" + std::to_string(f.id) + "-v" + std::to_string(f.version) + "-" + f.name;
    entries.push_back({inside, "", opened.second});
    listing += inside + "\t" + std::to_string(f.version) + "\t" + std::to_string(f.size) + "\t" + f.sha256 + "\t" + f.sm3 +
               "\t" + shanghai_time(f.uploaded_at) + "\n";
  }
  entries.push_back({"资料清单.txt", listing, ""});
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(work_dir) / "archives", ec);
  std::string path = (std::filesystem::path(work_dir) / "archives" /
                      ("project-" + std::to_string(d.project.id) + "-u" + std::to_string(p.user_id) + ".zip")).string();
  SZ_TRY(zip::write(path, entries, d.project.updated_at));
  return path;
}

Result<std::string> date_field(const bj::object& o, const char* key, const char* label) {
  return json::required_string(o, key, label, 10);
}

Result<int64_t> path_id(http::Request& req, const char* name) { return json::id_param(req, name); }
}  // namespace

Result<NewProject> new_project_input(const bj::object& o) {
  SZ_TRY(json::only_keys(o, {"enterprise_id", "name", "integrator_id", "specialist_ids", "plan"}));
  NewProject in;
  SZ_ASSIGN(in.enterprise_id, json::required_int(o, "enterprise_id", "企业编号", 1, INT64_MAX));
  SZ_ASSIGN(in.name, json::required_string(o, "name", "项目名称", 100));
  SZ_ASSIGN(in.integrator_id, json::required_int(o, "integrator_id", "集成服务商", 1, INT64_MAX));
  SZ_ASSIGN(in.specialist_ids, id_list(o, "specialist_ids", "专业服务商"));
  SZ_ASSIGN(in.plan, plan_field(o));
  return in;
}

void register_routes(auth::Routes& routes, Service& svc, documents::Service& docs, const std::string& work_dir) {
  routes.authed("GET", "/api/v1/projects/{id}/archive", [&svc, &docs, work_dir](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto d, svc.detail(p, id));
    SZ_ASSIGN(auto path, write_archive(svc, docs, p, d, work_dir));
    std::string name = "一企一档-项目" + std::to_string(id) + "-" + name_in(d.enterprise_names, d.project.enterprise_id) + ".zip";
    return http::attachment(path, "application/zip", name);
  });

  routes.pub("GET", "/api/v1/project-reference", [&svc](http::Request&) -> Result<http::Response> {
    const auto& ref = svc.reference();
    bj::array states, transitions, indicators, materials;
    for (const auto& st : ref.lifecycle.states) states.push_back(bj::object{{"code", st.code}, {"name", st.name}});
    for (const auto& t : ref.lifecycle.moves) {
      bj::array from, parties, guards;
      for (const auto& f : t.from) from.push_back(bj::value(f));
      for (const auto& code : t.parties) parties.push_back(bj::value(ref.lifecycle.party(code)->name));
      for (const auto& g : t.guards) guards.push_back(bj::value(g));
      transitions.push_back(bj::object{{"action", t.action}, {"name", t.name}, {"from", std::move(from)}, {"to", t.to},
                                       {"parties", std::move(parties)}, {"guards", std::move(guards)},
                                       {"needs_reason", t.needs_reason}});
    }
    for (const auto& i : ref.indicators)
      indicators.push_back(bj::object{{"code", i.code}, {"name", i.name}, {"unit", i.unit}, {"category", i.category}, {"better", i.better}});
    for (const auto& m : ref.materials) materials.push_back(bj::object{{"code", m.code}, {"name", m.name}});
    return json::reply(200, bj::object{{"lifecycle_version", ref.lifecycle.version}, {"states", std::move(states)},
                                       {"transitions", std::move(transitions)}, {"indicators", std::move(indicators)},
                                       {"materials", std::move(materials)}, {"warn_days", ref.warn_days}});
  });

  routes.authed("GET", "/api/v1/enterprises/{id}/diagnoses", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto rows, svc.diagnoses(p, id));
    bj::array items;
    for (const auto& d : rows) items.push_back(diagnosis_json(d));
    return json::reply(200, bj::object{{"items", std::move(items)}});
  });

  routes.authed("POST", "/api/v1/enterprises/{id}/diagnoses", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"provider_id", "diagnosed_on", "pain_points", "recommended_scenarios", "cost_fen",
                               "report_document_id", "invoice_document_id"}));
    DiagnosisInput in;
    SZ_ASSIGN(in.provider_id, json::required_int(o, "provider_id", "诊断服务商", 1, INT64_MAX));
    SZ_ASSIGN(in.diagnosed_on, date_field(o, "diagnosed_on", "诊断日期"));
    SZ_ASSIGN(in.pain_points, json::required_string(o, "pain_points", "痛点", 2000));
    SZ_ASSIGN(in.recommended_scenarios, json::string_list(o, "recommended_scenarios", "推荐场景"));
    SZ_ASSIGN(in.cost_fen, json::required_int(o, "cost_fen", "诊断实际费用（分）", "diagnosis_cost_fen"));
    SZ_ASSIGN(in.report_document_id, json::optional_int(o, "report_document_id", "诊断报告"));
    SZ_ASSIGN(in.invoice_document_id, json::optional_int(o, "invoice_document_id", "发票"));
    SZ_ASSIGN(auto d, svc.add_diagnosis(p, auth::origin_of(req), id, in));
    return json::reply(201, diagnosis_json(d));
  });

  routes.authed("GET", "/api/v1/projects", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto page, json::page_of(req));
    store::ProjectFilter f;
    f.state = req.query_param("state").value_or("");
    f.district = req.query_param("district").value_or("");
    f.industry = req.query_param("industry").value_or("");
    SZ_ASSIGN(f.enterprise_id, json::id_query(req, "enterprise_id", "企业编号"));
    f.overdue_only = req.query_param("overdue").value_or("") == "1";
    if (!f.state.empty() && !svc.reference().lifecycle.state(f.state)) return err::invalid("state", "未知的项目状态：" + f.state);
    SZ_ASSIGN(auto r, svc.list(p, f, page.size, page.offset()));
    bj::array items;
    for (const auto& pr : r.items) items.push_back(project_summary(svc, pr, r.enterprise_names, r.provider_names));
    return json::reply(200, json::page_reply(std::move(items), r.total, page));
  });

  routes.authed("POST", "/api/v1/projects", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_ASSIGN(auto in, new_project_input(o));
    SZ_ASSIGN(auto pr, svc.create(p, auth::origin_of(req), in));
    SZ_ASSIGN(auto d, svc.detail(p, pr.id));
    return json::reply(201, detail_json(svc, d));
  });

  routes.authed("GET", "/api/v1/providers/{id}/scorecard", [&svc](http::Request& req, const auth::Principal&) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto v, svc.scorecard(id));
    bj::object o = scorecard_json(v);
    o["rules_version"] = svc.reference().scorecard.version;
    return json::reply(200, o);
  });

  routes.authed("GET", "/api/v1/provider-scorecards", [&svc](http::Request&, const auth::Principal&) -> Result<http::Response> {
    SZ_ASSIGN(auto list, svc.scorecards());
    bj::array items;
    for (const auto& v : list) items.push_back(scorecard_json(v));
    return json::reply(200, bj::object{{"items", std::move(items)}, {"rules_version", svc.reference().scorecard.version}});
  });

  routes.authed("GET", "/api/v1/projects/summary", [&svc](http::Request&, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto s, svc.summary(p));
    bj::array states, outcomes;
    for (const auto& [code, n] : s.by_state)
      states.push_back(bj::object{{"state", code}, {"name", svc.reference().lifecycle.state_name(code)}, {"projects", n}});
    for (const auto& [i, o] : s.outcomes)
      outcomes.push_back(bj::object{{"indicator", i->code}, {"name", i->name}, {"unit", i->unit}, {"category", i->category},
                                    {"projects", o.projects}, {"improved", o.improved},
                                    {"mean_improvement_percent", o.mean_improvement_milli_percent
                                                                     ? bj::value(milli_text(*o.mean_improvement_milli_percent))
                                                                     : bj::value(nullptr)}});
    return json::reply(200, bj::object{{"scope", s.district.empty() ? "city" : "district"}, {"district", s.district},
                                       {"by_state", std::move(states)}, {"outcomes", std::move(outcomes)}});
  });

  routes.authed("GET", "/api/v1/projects/{id}", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto d, svc.detail(p, id));
    return json::reply(200, detail_json(svc, d));
  });

  routes.authed("POST", "/api/v1/projects/{id}/transitions", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"action", "reason", "expert_user_id"}));
    MoveInput in;
    SZ_ASSIGN(in.action, json::required_string(o, "action", "操作", 40));
    SZ_ASSIGN(auto reason, json::optional_string(o, "reason", "原因", 1000));
    in.reason = reason.value_or("");
    SZ_ASSIGN(in.expert_user_id, json::optional_int(o, "expert_user_id", "专家用户编号"));
    SZ_TRY(svc.move(p, auth::origin_of(req), id, in));
    SZ_ASSIGN(auto d, svc.detail(p, id));
    return json::reply(200, detail_json(svc, d));
  });

  routes.authed("POST", "/api/v1/projects/{id}/plans", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"plan", "reason"}));
    SZ_ASSIGN(auto plan, plan_field(o));
    SZ_ASSIGN(auto reason, json::required_string(o, "reason", "调整原因", 1000));
    SZ_ASSIGN(auto v, svc.propose_plan(p, auth::origin_of(req), id, plan, reason));
    return json::reply(201, bj::object{{"version", v.version}, {"state", v.state}});
  });

  routes.authed("POST", "/api/v1/projects/{id}/plans/{version}/decision", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(int64_t version, path_id(req, "version"));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"approve", "note"}));
    SZ_ASSIGN(bool approve, json::required_bool(o, "approve", "是否同意"));
    SZ_ASSIGN(auto note, json::optional_string(o, "note", "审批意见", 1000));
    SZ_ASSIGN(auto v, svc.decide_plan(p, auth::origin_of(req), id, version, approve, note.value_or("")));
    return json::reply(200, bj::object{{"version", v.version}, {"state", v.state}});
  });

  routes.authed("PUT", "/api/v1/projects/{id}/contract", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"amount_fen", "catalogue_price_fen", "signed_on", "start_on", "end_on", "document_id"}));
    ContractInput in;
    SZ_ASSIGN(in.amount_fen, json::required_int(o, "amount_fen", "合同金额（分）", "project_fen"));
    SZ_ASSIGN(in.catalogue_price_fen, json::required_int(o, "catalogue_price_fen", "目录价（分）", "project_fen"));
    SZ_ASSIGN(in.signed_on, date_field(o, "signed_on", "签订日期"));
    SZ_ASSIGN(in.start_on, date_field(o, "start_on", "开始日期"));
    SZ_ASSIGN(in.end_on, date_field(o, "end_on", "结束日期"));
    SZ_ASSIGN(in.document_id, json::required_int(o, "document_id", "合同文件", 1, INT64_MAX));
    SZ_TRY(svc.set_contract(p, auth::origin_of(req), id, in));
    SZ_ASSIGN(auto d, svc.detail(p, id));
    return json::reply(200, detail_json(svc, d));
  });

  routes.authed("POST", "/api/v1/projects/{id}/milestones/{mid}/complete", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(int64_t mid, path_id(req, "mid"));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"done_on", "document_id"}));
    SZ_ASSIGN(auto done_on, date_field(o, "done_on", "完成日期"));
    SZ_ASSIGN(auto doc, json::optional_int(o, "document_id", "交付物文件"));
    SZ_TRY(svc.complete_milestone(p, auth::origin_of(req), id, mid, done_on, doc));
    return http::no_content();
  });

  routes.authed("POST", "/api/v1/projects/{id}/costs", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"item", "amount_fen", "incurred_on", "provider_id", "invoice_document_id", "payment_document_id"}));
    CostInput in;
    SZ_ASSIGN(in.item, json::required_string(o, "item", "费用项目", 100));
    SZ_ASSIGN(in.amount_fen, json::required_int(o, "amount_fen", "费用金额（分）", "project_fen"));
    SZ_ASSIGN(in.incurred_on, date_field(o, "incurred_on", "发生日期"));
    SZ_ASSIGN(in.provider_id, json::optional_int(o, "provider_id", "服务商"));
    SZ_ASSIGN(in.invoice_document_id, json::required_int(o, "invoice_document_id", "发票", 1, INT64_MAX));
    SZ_ASSIGN(in.payment_document_id, json::optional_int(o, "payment_document_id", "付款凭证"));
    SZ_ASSIGN(auto cost, svc.add_cost(p, auth::origin_of(req), id, in));
    return json::reply(201, bj::object{{"id", cost.id}, {"amount_fen", cost.amount_fen}});
  });

  routes.authed("POST", "/api/v1/projects/{id}/experts", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"user_id", "duty"}));
    SZ_ASSIGN(int64_t user_id, json::required_int(o, "user_id", "专家用户编号", 1, INT64_MAX));
    SZ_ASSIGN(auto duty, json::required_string(o, "duty", "职责", 20));
    SZ_TRY(svc.assign_expert(p, auth::origin_of(req), id, user_id, duty));
    return http::no_content();
  });

  routes.authed("POST", "/api/v1/projects/{id}/supervision", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"visited_on", "findings", "rectification_due_on"}));
    SZ_ASSIGN(auto visited, date_field(o, "visited_on", "监管日期"));
    SZ_ASSIGN(auto findings, json::required_string(o, "findings", "监管意见", 2000));
    SZ_ASSIGN(auto due, json::optional_string(o, "rectification_due_on", "整改期限", 10));
    SZ_ASSIGN(auto v, svc.add_visit(p, auth::origin_of(req), id, visited, findings, due));
    return json::reply(201, bj::object{{"id", v.id}});
  });

  routes.authed("POST", "/api/v1/projects/{id}/supervision/{sid}/rectification", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(int64_t sid, path_id(req, "sid"));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"rectified_on", "note"}));
    SZ_ASSIGN(auto on, date_field(o, "rectified_on", "整改完成日期"));
    SZ_ASSIGN(auto note, json::required_string(o, "note", "整改说明", 2000));
    SZ_TRY(svc.rectify(p, auth::origin_of(req), id, sid, on, note));
    return http::no_content();
  });

  routes.authed("PUT", "/api/v1/projects/{id}/outcomes", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"outcomes"}));
    SZ_ASSIGN(const bj::array* list, array_field(o, "outcomes", "成效指标"));
    std::vector<store::Outcome> outcomes;
    for (const auto& v : *list) {
      SZ_ASSIGN(const bj::object* x, item_object(v, "outcomes", "成效指标"));
      SZ_TRY(json::only_keys(*x, {"indicator", "before", "after"}));
      store::Outcome out;
      SZ_ASSIGN(out.indicator, json::required_string(*x, "indicator", "指标", 40));
      for (auto [key, target] : {std::pair{"before", &out.before_milli}, std::pair{"after", &out.after_milli}}) {
        SZ_ASSIGN(auto text, json::optional_string(*x, key, "指标值", 20));
        if (!text || text->empty()) continue;
        auto v2 = parse_milli(*text);
        if (!v2) return err::invalid(std::string("outcomes.") + out.indicator, "指标值应为最多三位小数的数字（文本），如 \"98.5\"");
        *target = *v2;
      }
      outcomes.push_back(std::move(out));
    }
    SZ_TRY(svc.set_outcomes(p, auth::origin_of(req), id, outcomes));
    SZ_ASSIGN(auto d, svc.detail(p, id));
    return json::reply(200, detail_json(svc, d));
  });

  routes.authed("POST", "/api/v1/projects/{id}/materials", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"material", "document_id"}));
    SZ_ASSIGN(auto material, json::required_string(o, "material", "材料类型", 40));
    SZ_ASSIGN(int64_t doc, json::required_int(o, "document_id", "资料编号", 1, INT64_MAX));
    SZ_TRY(svc.add_material(p, auth::origin_of(req), id, material, doc));
    return http::no_content();
  });

  routes.authed("PUT", "/api/v1/projects/{id}/rating", [&svc](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"rating", "comment"}));
    SZ_ASSIGN(int64_t rating, json::required_int(o, "rating", "满意度", 1, 5));
    SZ_ASSIGN(auto comment, json::optional_string(o, "comment", "评价", 1000));
    SZ_TRY(svc.rate_provider(p, auth::origin_of(req), id, rating, comment.value_or("")));
    return http::no_content();
  });
}

}  // namespace sz::projects
