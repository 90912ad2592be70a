#include "projects/store.h"

namespace sz::projects::store {

Result<int64_t> insert_diagnosis(db::Connection& c, const Diagnosis& d) {
  SZ_ASSIGN(auto row, c.query_one("INSERT INTO diagnoses (enterprise_id, provider_id, diagnosed_on, pain_points, "
                                  "recommended_scenarios, cost_fen, report_document_id, invoice_document_id, created_by, "
                                  "created_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id",
                                  {d.enterprise_id, d.provider_id, d.diagnosed_on, d.pain_points,
                                   d.recommended_scenarios_json, d.cost_fen, db::opt(d.report_document_id),
                                   db::opt(d.invoice_document_id), d.created_by, d.created_at}));
  return row->i64(0);
}

Result<std::vector<Diagnosis>> diagnoses_of(db::Connection& c, int64_t enterprise_id) {
  SZ_ASSIGN(auto rows, c.query("SELECT id, enterprise_id, provider_id, diagnosed_on, pain_points, recommended_scenarios, "
                               "cost_fen, report_document_id, invoice_document_id, created_by, created_at FROM diagnoses "
                               "WHERE enterprise_id = $1 ORDER BY id",
                               {enterprise_id}));
  std::vector<Diagnosis> out;
  for (const auto& r : rows)
    out.push_back({r.i64(0), r.i64(1), r.i64(2), r.text(3), r.text(4), r.text(5), r.i64(6), r.opt_i64(7), r.opt_i64(8),
                   r.i64(9), r.i64(10)});
  return out;
}

namespace {
constexpr const char* kProjectColumns =
    "id, enterprise_id, district_code, industry_code, name, integrator_id, state, plan_version, contract_amount_fen, "
    "catalogue_price_fen, contract_document_id, rating, contract_signed_on, contract_start_on, contract_end_on, "
    "rating_comment, created_by, created_at, updated_at, state_changed_at";

Project project_of(const db::Row& r) {
  Project p;
  p.id = r.i64(0);
  p.enterprise_id = r.i64(1);
  p.district_code = r.text(2);
  p.industry_code = r.text(3);
  p.name = r.text(4);
  p.integrator_id = r.i64(5);
  p.state = r.text(6);
  p.plan_version = r.i64(7);
  p.contract_amount_fen = r.opt_i64(8);
  p.catalogue_price_fen = r.opt_i64(9);
  p.contract_document_id = r.opt_i64(10);
  p.rating = r.opt_i64(11);
  p.contract_signed_on = r.opt_text(12);
  p.contract_start_on = r.opt_text(13);
  p.contract_end_on = r.opt_text(14);
  p.rating_comment = r.opt_text(15);
  p.created_by = r.i64(16);
  p.created_at = r.i64(17);
  p.updated_at = r.i64(18);
  p.state_changed_at = r.i64(19);
  return p;
}
}  // namespace

Result<int64_t> insert_project(db::Connection& c, const Project& p) {
  SZ_ASSIGN(auto row, c.query_one("INSERT INTO projects (enterprise_id, district_code, industry_code, name, integrator_id, "
                                  "state, plan_version, created_by, created_at, updated_at, state_changed_at) "
                                  "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) RETURNING id",
                                  {p.enterprise_id, p.district_code, p.industry_code, p.name, p.integrator_id, p.state,
                                   p.plan_version, p.created_by, p.created_at, p.updated_at, p.state_changed_at}));
  return row->i64(0);
}

Result<std::optional<Project>> project_by_id(db::Connection& c, int64_t id) {
  SZ_ASSIGN(auto row, c.query_one(std::string("SELECT ") + kProjectColumns + " FROM projects WHERE id = $1", {id}));
  if (!row) return std::optional<Project>();
  return std::optional<Project>(project_of(*row));
}

Status update_project(db::Connection& c, const Project& p) {
  SZ_TRY(c.execute("UPDATE projects SET name = $2, state = $3, plan_version = $4, contract_amount_fen = $5, "
                   "catalogue_price_fen = $6, contract_document_id = $7, rating = $8, contract_signed_on = $9, "
                   "contract_start_on = $10, contract_end_on = $11, rating_comment = $12, updated_at = $13, "
                   "state_changed_at = $14 WHERE id = $1",
                   {p.id, p.name, p.state, p.plan_version, db::opt(p.contract_amount_fen), db::opt(p.catalogue_price_fen),
                    db::opt(p.contract_document_id), db::opt(p.rating), db::opt(p.contract_signed_on),
                    db::opt(p.contract_start_on), db::opt(p.contract_end_on), db::opt(p.rating_comment), p.updated_at,
                    p.state_changed_at}));
  return ok();
}

Result<std::vector<Project>> list_projects(db::Connection& c, const ProjectFilter& f, int64_t limit, int64_t offset,
                                           int64_t* total) {
  db::Params params;
  std::string where = " WHERE 1=1";
  if (!f.all) {
    // Any of the caller's relations: its districts, its enterprise, its provider, its expert assignments (the last
    // two through their own indexes, so a provider's list reads its projects, not every project).
    db::AnyOf any;
    for (const auto& d : f.districts) any.add("p.district_code = " + db::bind(params, d));
    for (int64_t e : f.enterprise_ids) any.add("p.enterprise_id = " + db::bind(params, e));
    if (f.provider_id)
      any.add("p.id IN (SELECT project_id FROM project_providers WHERE provider_id = " + db::bind(params, *f.provider_id) + ")");
    if (f.expert_user_id)
      any.add("p.id IN (SELECT project_id FROM project_experts WHERE user_id = " + db::bind(params, *f.expert_user_id) + ")");
    where += " AND " + any.sql();
  }
  if (!f.state.empty()) where += " AND p.state = " + db::bind(params, f.state);
  if (!f.district.empty()) where += " AND p.district_code = " + db::bind(params, f.district);
  if (!f.industry.empty()) where += " AND p.industry_code = " + db::bind(params, f.industry);
  if (f.enterprise_id) where += " AND p.enterprise_id = " + db::bind(params, *f.enterprise_id);
  if (f.overdue_only)
    // Through the open-milestones index (done_on, due_on, project_id): 15 ms at 1M projects, not a scan (bench/RESULTS.md).
    where += " AND p.state <> 'terminated' AND p.id IN (SELECT project_id FROM milestones WHERE done_on IS NULL AND due_on < " +
             db::bind(params, f.today) + ")";
  SZ_ASSIGN(auto count, c.query_one("SELECT COUNT(*) FROM projects p" + where, params));
  *total = count->i64(0);
  std::string sql = std::string("SELECT ") + kProjectColumns + " FROM projects p" + where + " ORDER BY p.id DESC LIMIT " +
                    db::bind(params, limit) + " OFFSET " + db::bind(params, offset);
  // Columns are unqualified in kProjectColumns; the alias keeps them unambiguous.
  SZ_ASSIGN(auto rows, c.query(sql, params));
  std::vector<Project> out;
  for (const auto& r : rows) out.push_back(project_of(r));
  return out;
}

Result<std::vector<Project>> projects_of_integrator(db::Connection& c, int64_t provider_id) {
  SZ_ASSIGN(auto rows, c.query(std::string("SELECT ") + kProjectColumns + " FROM projects WHERE integrator_id = $1 ORDER BY id",
                               {provider_id}));
  std::vector<Project> out;
  for (const auto& r : rows) out.push_back(project_of(r));
  return out;
}

Status set_providers(db::Connection& c, int64_t project_id, int64_t integrator, const std::vector<int64_t>& specialists) {
  SZ_TRY(c.execute("DELETE FROM project_providers WHERE project_id = $1", {project_id}));
  SZ_TRY(c.execute("INSERT INTO project_providers (project_id, provider_id, role) VALUES ($1,$2,'integrator')",
                   {project_id, integrator}));
  for (int64_t s : specialists)
    if (s != integrator)
      SZ_TRY(c.execute("INSERT INTO project_providers (project_id, provider_id, role) VALUES ($1,$2,'specialist') "
                       "ON CONFLICT DO NOTHING",
                       {project_id, s}));
  return ok();
}

Result<std::vector<std::pair<int64_t, std::string>>> providers_of(db::Connection& c, int64_t project_id) {
  SZ_ASSIGN(auto rows, c.query("SELECT provider_id, role FROM project_providers WHERE project_id = $1 "
                               "ORDER BY role, provider_id",
                               {project_id}));
  std::vector<std::pair<int64_t, std::string>> out;
  for (const auto& r : rows) out.emplace_back(r.i64(0), r.text(1));
  return out;
}

Result<bool> provider_serves(db::Connection& c, int64_t project_id, int64_t provider_id) {
  SZ_ASSIGN(auto row, c.query_one("SELECT 1 FROM project_providers WHERE project_id = $1 AND provider_id = $2",
                                  {project_id, provider_id}));
  return row.has_value();
}

Result<bool> serves_enterprise(db::Connection& c, int64_t provider_id, int64_t enterprise_id) {
  SZ_ASSIGN(auto row, c.query_one("SELECT 1 FROM project_providers pp JOIN projects p ON p.id = pp.project_id "
                                  "WHERE pp.provider_id = $1 AND p.enterprise_id = $2",
                                  {provider_id, enterprise_id}));
  return row.has_value();
}

Result<std::vector<int64_t>> contracted_providers(db::Connection& c, int64_t enterprise_id) {
  SZ_ASSIGN(auto rows, c.query("SELECT DISTINCT pp.provider_id FROM project_providers pp JOIN projects p ON p.id = pp.project_id "
                               "WHERE p.enterprise_id = $1 AND p.contract_amount_fen IS NOT NULL ORDER BY pp.provider_id",
                               {enterprise_id}));
  std::vector<int64_t> out;
  for (const auto& r : rows) out.push_back(r.i64(0));
  return out;
}

Status insert_plan(db::Connection& c, const PlanVersion& v) {
  SZ_TRY(c.execute("INSERT INTO project_plans (project_id, version, content_json, state, reason, proposed_by, proposed_at, "
                   "decided_by, decided_at, decision_note) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)",
                   {v.project_id, v.version, v.content_json, v.state, v.reason, v.proposed_by, v.proposed_at,
                    db::opt(v.decided_by), db::opt(v.decided_at), db::opt(v.decision_note)}));
  return ok();
}

namespace {
constexpr const char* kPlanColumns =
    "project_id, version, content_json, state, reason, proposed_by, proposed_at, decided_by, decided_at, decision_note";
PlanVersion plan_of(const db::Row& r) {
  return {r.i64(0), r.i64(1), r.text(2), r.text(3), r.text(4), r.i64(5), r.i64(6), r.opt_i64(7), r.opt_i64(8), r.opt_text(9)};
}
}  // namespace

Result<std::vector<PlanVersion>> plans_of(db::Connection& c, int64_t project_id) {
  SZ_ASSIGN(auto rows, c.query(std::string("SELECT ") + kPlanColumns + " FROM project_plans WHERE project_id = $1 ORDER BY version",
                               {project_id}));
  std::vector<PlanVersion> out;
  for (const auto& r : rows) out.push_back(plan_of(r));
  return out;
}

Result<std::optional<PlanVersion>> plan(db::Connection& c, int64_t project_id, int64_t version) {
  SZ_ASSIGN(auto row, c.query_one(std::string("SELECT ") + kPlanColumns +
                                      " FROM project_plans WHERE project_id = $1 AND version = $2",
                                  {project_id, version}));
  if (!row) return std::optional<PlanVersion>();
  return std::optional<PlanVersion>(plan_of(*row));
}

Status decide_plan(db::Connection& c, int64_t project_id, int64_t version, const std::string& state, int64_t by,
                   int64_t at, const std::string& note) {
  SZ_TRY(c.execute("UPDATE project_plans SET state = $3, decided_by = $4, decided_at = $5, decision_note = $6 "
                   "WHERE project_id = $1 AND version = $2",
                   {project_id, version, state, by, at, note}));
  return ok();
}

Status replace_plan_rows(db::Connection& c, int64_t project_id, const PlanRows& rows) {
  SZ_ASSIGN(auto kept, plan_rows(c, project_id));
  for (const char* table : {"project_scenarios", "project_products", "project_budget_lines", "milestones"})
    SZ_TRY(c.execute(std::string("DELETE FROM ") + table + " WHERE project_id = $1", {project_id}));
  int64_t seq = 0;
  for (const auto& s : rows.scenarios)
    SZ_TRY(c.execute("INSERT INTO project_scenarios (project_id, seq, name, kind) VALUES ($1,$2,$3,$4)",
                     {project_id, ++seq, s.name, s.kind}));
  seq = 0;
  for (const auto& p : rows.products)
    SZ_TRY(c.execute("INSERT INTO project_products (project_id, seq, name) VALUES ($1,$2,$3)", {project_id, ++seq, p}));
  seq = 0;
  for (const auto& b : rows.budget)
    SZ_TRY(c.execute("INSERT INTO project_budget_lines (project_id, seq, item, amount_fen) VALUES ($1,$2,$3,$4)",
                     {project_id, ++seq, b.item, b.amount_fen}));
  seq = 0;
  for (const auto& m : rows.milestones) {
    std::optional<std::string> done;
    std::optional<int64_t> evidence;
    for (const auto& k : kept.milestones)
      if (k.name == m.name) done = k.done_on, evidence = k.evidence_document_id;
    SZ_TRY(c.execute("INSERT INTO milestones (project_id, seq, name, due_on, deliverable, done_on, evidence_document_id) "
                     "VALUES ($1,$2,$3,$4,$5,$6,$7)",
                     {project_id, ++seq, m.name, m.due_on, m.deliverable, db::opt(done), db::opt(evidence)}));
  }
  return ok();
}

Result<PlanRows> plan_rows(db::Connection& c, int64_t project_id) {
  PlanRows out;
  SZ_ASSIGN(auto sc, c.query("SELECT name, kind FROM project_scenarios WHERE project_id = $1 ORDER BY seq", {project_id}));
  for (const auto& r : sc) out.scenarios.push_back({r.text(0), r.text(1)});
  SZ_ASSIGN(auto pr, c.query("SELECT name FROM project_products WHERE project_id = $1 ORDER BY seq", {project_id}));
  for (const auto& r : pr) out.products.push_back(r.text(0));
  SZ_ASSIGN(auto bl, c.query("SELECT item, amount_fen FROM project_budget_lines WHERE project_id = $1 ORDER BY seq", {project_id}));
  for (const auto& r : bl) out.budget.push_back({r.text(0), r.i64(1)});
  SZ_ASSIGN(auto ms, c.query("SELECT id, project_id, seq, name, due_on, deliverable, done_on, evidence_document_id "
                             "FROM milestones WHERE project_id = $1 ORDER BY seq",
                             {project_id}));
  for (const auto& r : ms)
    out.milestones.push_back({r.i64(0), r.i64(1), r.i64(2), r.text(3), r.text(4), r.text(5), r.opt_text(6), r.opt_i64(7)});
  return out;
}

Status complete_milestone(db::Connection& c, int64_t milestone_id, const std::string& done_on,
                          std::optional<int64_t> document_id) {
  SZ_TRY(c.execute("UPDATE milestones SET done_on = $2, evidence_document_id = $3 WHERE id = $1",
                   {milestone_id, done_on, db::opt(document_id)}));
  return ok();
}

Result<int64_t> insert_cost(db::Connection& c, const Cost& x) {
  SZ_ASSIGN(auto row, c.query_one("INSERT INTO project_costs (project_id, item, amount_fen, incurred_on, provider_id, "
                                  "invoice_document_id, payment_document_id, created_by, created_at) "
                                  "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id",
                                  {x.project_id, x.item, x.amount_fen, x.incurred_on, db::opt(x.provider_id),
                                   x.invoice_document_id, db::opt(x.payment_document_id), x.created_by, x.created_at}));
  return row->i64(0);
}

Result<std::vector<Cost>> costs_of(db::Connection& c, int64_t project_id) {
  SZ_ASSIGN(auto rows, c.query("SELECT id, project_id, item, amount_fen, incurred_on, provider_id, invoice_document_id, "
                               "payment_document_id, created_by, created_at FROM project_costs WHERE project_id = $1 "
                               "ORDER BY id",
                               {project_id}));
  std::vector<Cost> out;
  for (const auto& r : rows)
    out.push_back({r.i64(0), r.i64(1), r.text(2), r.i64(3), r.text(4), r.opt_i64(5), r.i64(6), r.opt_i64(7), r.i64(8), r.i64(9)});
  return out;
}

Result<int64_t> cost_total(db::Connection& c, int64_t project_id) {
  SZ_ASSIGN(auto row, c.query_one("SELECT COALESCE(SUM(amount_fen), 0) FROM project_costs WHERE project_id = $1", {project_id}));
  return row->i64(0);
}

Result<std::vector<ProviderCost>> provider_costs(db::Connection& c, int64_t provider_id, int64_t year) {
  std::string y = std::to_string(year);
  SZ_ASSIGN(auto rows, c.query("SELECT x.project_id, x.incurred_on, x.amount_fen FROM project_costs x "
                               "JOIN projects p ON p.id = x.project_id WHERE x.provider_id = $1 AND x.incurred_on >= $2 "
                               "AND x.incurred_on <= $3 AND p.state <> 'terminated' ORDER BY x.incurred_on, x.id",
                               {provider_id, y + "-01-01", y + "-12-31"}));
  std::vector<ProviderCost> out;
  for (const auto& r : rows) out.push_back({r.i64(0), r.text(1), r.i64(2)});
  return out;
}

Result<std::vector<ProjectState>> provider_projects(db::Connection& c, int64_t provider_id) {
  SZ_ASSIGN(auto rows, c.query("SELECT p.id, p.name, p.state, e.name FROM projects p "
                               "JOIN project_providers pp ON pp.project_id = p.id JOIN enterprises e ON e.id = p.enterprise_id "
                               "WHERE pp.provider_id = $1 ORDER BY p.id",
                               {provider_id}));
  std::vector<ProjectState> out;
  for (const auto& r : rows) out.push_back({r.i64(0), r.text(1), r.text(2), r.text(3)});
  return out;
}

namespace {
Result<std::vector<std::string>> states_of(db::Connection& c, const std::string& sql, int64_t id) {
  SZ_ASSIGN(auto rows, c.query(sql, {id}));
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.text(0));
  return out;
}
}  // namespace

Result<std::vector<std::string>> enterprise_project_states(db::Connection& c, int64_t enterprise_id) {
  return states_of(c, "SELECT state FROM projects WHERE enterprise_id = $1 ORDER BY id", enterprise_id);
}

Result<int64_t> diagnosis_cost_total(db::Connection& c, int64_t enterprise_id) {
  SZ_ASSIGN(auto row, c.query_one("SELECT COALESCE(SUM(cost_fen), 0) FROM diagnoses WHERE enterprise_id = $1", {enterprise_id}));
  return row->i64(0);
}

Result<Usage> product_usage(db::Connection& c, const std::string& name) {
  SZ_ASSIGN(auto row, c.query_one("SELECT COUNT(DISTINCT p.id), COUNT(DISTINCT CASE WHEN p.state IN ('passed', 'subsidized') "
                                  "THEN p.enterprise_id END) FROM project_products x JOIN projects p ON p.id = x.project_id "
                                  "WHERE x.name = $1 AND p.state <> 'terminated'",
                                  {name}));
  return Usage{row->i64(0), row->i64(1)};
}

Result<Usage> scenario_usage(db::Connection& c, const std::string& industry, const std::string& name) {
  SZ_ASSIGN(auto row, c.query_one("SELECT COUNT(DISTINCT p.id), COUNT(DISTINCT CASE WHEN p.state IN ('passed', 'subsidized') "
                                  "THEN p.enterprise_id END) FROM project_scenarios x JOIN projects p ON p.id = x.project_id "
                                  "WHERE x.name = $1 AND p.industry_code = $2 AND p.state <> 'terminated'",
                                  {name, industry}));
  return Usage{row->i64(0), row->i64(1)};
}

Status insert_event(db::Connection& c, const Event& e) {
  SZ_TRY(c.execute("INSERT INTO project_events (project_id, action, from_state, to_state, actor_id, actor_name, reason, at) "
                   "VALUES ($1,$2,$3,$4,$5,$6,$7,$8)",
                   {e.project_id, e.action, e.from_state, e.to_state, db::opt(e.actor_id), e.actor_name, e.reason, e.at}));
  return ok();
}

Result<std::vector<Event>> events_of(db::Connection& c, int64_t project_id) {
  SZ_ASSIGN(auto rows, c.query("SELECT id, project_id, action, from_state, to_state, actor_id, actor_name, reason, at "
                               "FROM project_events WHERE project_id = $1 ORDER BY id",
                               {project_id}));
  std::vector<Event> out;
  for (const auto& r : rows)
    out.push_back({r.i64(0), r.i64(1), r.text(2), r.text(3), r.text(4), r.opt_i64(5), r.text(6), r.text(7), r.i64(8)});
  return out;
}

Status assign_expert(db::Connection& c, int64_t project_id, int64_t user_id, const std::string& duty, int64_t by, int64_t at) {
  SZ_TRY(c.execute("INSERT INTO project_experts (project_id, user_id, duty, assigned_by, assigned_at) VALUES ($1,$2,$3,$4,$5) "
                   "ON CONFLICT DO NOTHING",
                   {project_id, user_id, duty, by, at}));
  return ok();
}

Result<std::vector<std::string>> expert_duties(db::Connection& c, int64_t project_id, int64_t user_id) {
  SZ_ASSIGN(auto rows, c.query("SELECT duty FROM project_experts WHERE project_id = $1 AND user_id = $2 ORDER BY duty",
                               {project_id, user_id}));
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.text(0));
  return out;
}

Result<std::vector<std::pair<int64_t, std::string>>> experts_of(db::Connection& c, int64_t project_id) {
  SZ_ASSIGN(auto rows, c.query("SELECT user_id, duty FROM project_experts WHERE project_id = $1 ORDER BY duty, user_id",
                               {project_id}));
  std::vector<std::pair<int64_t, std::string>> out;
  for (const auto& r : rows) out.emplace_back(r.i64(0), r.text(1));
  return out;
}

Result<int64_t> insert_visit(db::Connection& c, const Visit& v) {
  SZ_ASSIGN(auto row, c.query_one("INSERT INTO supervision_visits (project_id, expert_user_id, visited_on, findings, "
                                  "rectification_due_on, created_at) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id",
                                  {v.project_id, v.expert_user_id, v.visited_on, v.findings,
                                   db::opt(v.rectification_due_on), v.created_at}));
  return row->i64(0);
}

Result<std::vector<Visit>> visits_of(db::Connection& c, int64_t project_id) {
  SZ_ASSIGN(auto rows, c.query("SELECT id, project_id, expert_user_id, visited_on, findings, rectification_due_on, "
                               "rectified_on, rectification_note, created_at FROM supervision_visits "
                               "WHERE project_id = $1 ORDER BY id",
                               {project_id}));
  std::vector<Visit> out;
  for (const auto& r : rows)
    out.push_back({r.i64(0), r.i64(1), r.i64(2), r.text(3), r.text(4), r.opt_text(5), r.opt_text(6), r.opt_text(7), r.i64(8)});
  return out;
}

Status rectify_visit(db::Connection& c, int64_t visit_id, const std::string& on, const std::string& note) {
  SZ_TRY(c.execute("UPDATE supervision_visits SET rectified_on = $2, rectification_note = $3 WHERE id = $1",
                   {visit_id, on, note}));
  return ok();
}

Status upsert_outcome(db::Connection& c, int64_t project_id, const Outcome& o, int64_t at) {
  SZ_TRY(c.execute("INSERT INTO project_outcomes (project_id, indicator, before_milli, after_milli, updated_at) "
                   "VALUES ($1,$2,$3,$4,$5) ON CONFLICT (project_id, indicator) DO UPDATE SET "
                   "before_milli = excluded.before_milli, after_milli = excluded.after_milli, updated_at = excluded.updated_at",
                   {project_id, o.indicator, db::opt(o.before_milli), db::opt(o.after_milli), at}));
  return ok();
}

Result<std::vector<Outcome>> outcomes_of(db::Connection& c, int64_t project_id) {
  SZ_ASSIGN(auto rows, c.query("SELECT indicator, before_milli, after_milli FROM project_outcomes WHERE project_id = $1 "
                               "ORDER BY indicator",
                               {project_id}));
  std::vector<Outcome> out;
  for (const auto& r : rows) out.push_back({r.text(0), r.opt_i64(1), r.opt_i64(2)});
  return out;
}

Status add_material(db::Connection& c, int64_t project_id, const std::string& material, int64_t document_id,
                    int64_t by, int64_t at) {
  SZ_TRY(c.execute("INSERT INTO project_materials (project_id, material, document_id, added_by, added_at) "
                   "VALUES ($1,$2,$3,$4,$5) ON CONFLICT DO NOTHING",
                   {project_id, material, document_id, by, at}));
  return ok();
}

Result<std::vector<MaterialDoc>> materials_of(db::Connection& c, int64_t project_id) {
  SZ_ASSIGN(auto rows, c.query("SELECT material, document_id, added_at FROM project_materials WHERE project_id = $1 "
                               "ORDER BY material, document_id",
                               {project_id}));
  std::vector<MaterialDoc> out;
  for (const auto& r : rows) out.push_back({r.text(0), r.i64(1), r.i64(2)});
  return out;
}

Status each_accepted_outcome(db::Connection& c, const std::string& district,
                             const std::function<bool(const std::string&, int64_t, int64_t)>& fn) {
  db::Params params;
  std::string sql = "SELECT o.indicator, o.before_milli, o.after_milli FROM project_outcomes o "
                    "JOIN projects p ON p.id = o.project_id WHERE p.state IN ('passed', 'subsidized') "
                    "AND o.before_milli IS NOT NULL AND o.after_milli IS NOT NULL";
  if (!district.empty()) sql += " AND p.district_code = " + db::bind(params, district);
  return c.stream(sql + " ORDER BY o.project_id, o.indicator", params,
                  [&](const db::Row& r) { return fn(r.text(0), r.i64(1), r.i64(2)); });
}

Status count_state(db::Connection& c, const Project& p, const std::string& state, int64_t delta) {
  SZ_TRY(c.execute("INSERT INTO project_counts (district_code, industry_code, state, n) VALUES ($1,$2,$3,$4) "
                   "ON CONFLICT (district_code, industry_code, state) DO UPDATE SET n = project_counts.n + excluded.n",
                   {p.district_code, p.industry_code, state, delta}));
  return ok();
}

Result<std::vector<CountRow>> state_counts(db::Connection& c, const std::string& district) {
  db::Params params;
  std::string where = district.empty() ? "" : " WHERE district_code = " + db::bind(params, district);
  SZ_ASSIGN(auto rows, c.query("SELECT district_code, industry_code, state, n FROM project_counts" + where +
                                   " ORDER BY district_code, industry_code, state",
                               params));
  std::vector<CountRow> out;
  for (const auto& r : rows) out.push_back({r.text(0), r.text(1), r.text(2), r.i64(3)});
  return out;
}

Result<std::vector<CountRow>> counted_states(db::Connection& c) {
  SZ_ASSIGN(auto rows, c.query("SELECT district_code, industry_code, state, COUNT(*) FROM projects "
                               "GROUP BY district_code, industry_code, state ORDER BY district_code, industry_code, state"));
  std::vector<CountRow> out;
  for (const auto& r : rows) out.push_back({r.text(0), r.text(1), r.text(2), r.i64(3)});
  return out;
}

Status rebuild_state_counts(db::Connection& c) {
  SZ_TRY(c.execute("DELETE FROM project_counts"));
  SZ_TRY(c.execute("INSERT INTO project_counts (district_code, industry_code, state, n) SELECT district_code, "
                   "industry_code, state, COUNT(*) FROM projects GROUP BY district_code, industry_code, state"));
  return ok();
}

Result<std::vector<LateMilestone>> late_milestones(db::Connection& c, const std::string& district, const std::string& today,
                                                   int64_t limit, int64_t* total, int64_t* projects) {
  db::Params p;
  std::string where = " WHERE m.done_on IS NULL AND m.due_on < " + db::bind(p, today) + " AND pr.state <> 'terminated'";
  if (!district.empty()) where += " AND pr.district_code = " + db::bind(p, district);
  std::string from = " FROM milestones m JOIN projects pr ON pr.id = m.project_id";
  SZ_ASSIGN(auto n, c.query_one("SELECT COUNT(*), COUNT(DISTINCT m.project_id)" + from + where, p));
  *total = n->i64(0);
  if (projects) *projects = n->i64(1);
  std::string limit_at = db::bind(p, limit);
  SZ_ASSIGN(auto rows, c.query("SELECT m.project_id, pr.enterprise_id, pr.name, pr.district_code, m.name, m.due_on" + from +
                                   where + " ORDER BY m.due_on, m.project_id, m.seq LIMIT " + limit_at,
                               p));
  std::vector<LateMilestone> out;
  for (const auto& r : rows) out.push_back({r.i64(0), r.i64(1), r.text(2), r.text(3), r.text(4), r.text(5)});
  return out;
}

Result<std::vector<DueMilestone>> due_milestones(db::Connection& c, const std::string& from, const std::string& to,
                                                 int64_t limit) {
  SZ_ASSIGN(auto rows, c.query("SELECT m.id, m.project_id, pr.enterprise_id, pr.integrator_id, pr.name, m.name, m.due_on "
                               "FROM milestones m JOIN projects pr ON pr.id = m.project_id "
                               "WHERE m.done_on IS NULL AND m.due_on >= $1 AND m.due_on <= $2 AND pr.state <> 'terminated' "
                               "ORDER BY m.due_on, m.project_id, m.seq LIMIT $3",
                               {from, to, limit}));
  std::vector<DueMilestone> out;
  for (const auto& r : rows) out.push_back({r.i64(0), r.i64(1), r.i64(2), r.i64(3), r.text(4), r.text(5), r.text(6)});
  return out;
}

Result<std::vector<Project>> without_contract(db::Connection& c, const std::string& district, int64_t limit, int64_t* total) {
  db::Params p;
  std::string where = " WHERE state IN ('implementing', 'acceptance_applied', 'district_checked', 'onsite', 'passed', "
                      "'failed', 'subsidized') AND contract_amount_fen IS NULL";
  if (!district.empty()) where += " AND district_code = " + db::bind(p, district);
  SZ_ASSIGN(auto n, c.query_one("SELECT COUNT(*) FROM projects" + where, p));
  *total = n->i64(0);
  std::string lim = db::bind(p, limit);
  SZ_ASSIGN(auto rows, c.query(std::string("SELECT ") + kProjectColumns + " FROM projects" + where + " ORDER BY id LIMIT " + lim, p));
  std::vector<Project> out;
  for (const auto& r : rows) out.push_back(project_of(r));
  return out;
}

Result<std::vector<int64_t>> diagnosed_enterprises(db::Connection& c) {
  std::vector<int64_t> out;
  SZ_TRY(c.stream("SELECT DISTINCT enterprise_id FROM diagnoses ORDER BY enterprise_id", {}, [&](const db::Row& r) {
    out.push_back(r.i64(0));
    return true;
  }));
  return out;
}

Status each_stage_times(db::Connection& c, const std::string& district, const std::function<bool(const StageTimes&)>& fn) {
  db::Params p;
  std::string where = district.empty() ? "" : " WHERE pr.district_code = " + db::bind(p, district);
  return c.stream(
      "SELECT pr.id, pr.enterprise_id, pr.state, pr.created_at, "
      "MIN(CASE WHEN e.to_state = 'approved' THEN e.at END), "
      "MIN(CASE WHEN e.to_state = 'acceptance_applied' THEN e.at END), "
      "MIN(CASE WHEN e.to_state = 'passed' THEN e.at END) "
      "FROM projects pr LEFT JOIN project_events e ON e.project_id = pr.id" + where +
          " GROUP BY pr.id, pr.enterprise_id, pr.state, pr.created_at ORDER BY pr.enterprise_id, pr.id",
      p, [&](const db::Row& r) {
        return fn({r.i64(0), r.i64(1), r.text(2), r.i64(3), r.opt_i64(4), r.opt_i64(5), r.opt_i64(6)});
      });
}

}  // namespace sz::projects::store
