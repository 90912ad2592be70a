// SQL of projects (一企一策) and diagnoses.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "infra/db/db.h"

namespace sz::projects::store {

struct Diagnosis {
  int64_t id = 0, enterprise_id = 0, provider_id = 0;
  std::string diagnosed_on, pain_points, recommended_scenarios_json;
  int64_t cost_fen = 0;
  std::optional<int64_t> report_document_id, invoice_document_id;
  int64_t created_by = 0, created_at = 0;
};
Result<int64_t> insert_diagnosis(db::Connection& c, const Diagnosis& d);
Result<std::vector<Diagnosis>> diagnoses_of(db::Connection& c, int64_t enterprise_id);

struct Project {
  int64_t id = 0, enterprise_id = 0;
  std::string district_code, industry_code, name;
  int64_t integrator_id = 0;
  std::string state;
  int64_t plan_version = 1;
  std::optional<int64_t> contract_amount_fen, catalogue_price_fen, contract_document_id, rating;
  std::optional<std::string> contract_signed_on, contract_start_on, contract_end_on, rating_comment;
  int64_t created_by = 0, created_at = 0, updated_at = 0, state_changed_at = 0;
};
Result<int64_t> insert_project(db::Connection& c, const Project& p);
Result<std::optional<Project>> project_by_id(db::Connection& c, int64_t id);
Status update_project(db::Connection& c, const Project& p);

// Lists: the caller's scope as SQL conditions built by the service.
struct ProjectFilter {
  bool all = false;
  std::vector<std::string> districts;
  std::vector<int64_t> enterprise_ids;
  std::optional<int64_t> provider_id, expert_user_id;
  std::string state, district, industry;
  std::optional<int64_t> enterprise_id;
  bool overdue_only = false;
  std::string today;  // for overdue_only
};
Result<std::vector<Project>> list_projects(db::Connection& c, const ProjectFilter& f, int64_t limit, int64_t offset,
                                           int64_t* total);

// The projects a provider leads as integrator (a provider has hundreds at most).
Result<std::vector<Project>> projects_of_integrator(db::Connection& c, int64_t provider_id);
Status set_providers(db::Connection& c, int64_t project_id, int64_t integrator, const std::vector<int64_t>& specialists);
Result<std::vector<std::pair<int64_t, std::string>>> providers_of(db::Connection& c, int64_t project_id);
Result<bool> provider_serves(db::Connection& c, int64_t project_id, int64_t provider_id);
Result<bool> serves_enterprise(db::Connection& c, int64_t provider_id, int64_t enterprise_id);
// Providers that signed a contract on any project of the enterprise.
Result<std::vector<int64_t>> contracted_providers(db::Connection& c, int64_t enterprise_id);

struct PlanVersion {
  int64_t project_id = 0, version = 0;
  std::string content_json, state, reason;
  int64_t proposed_by = 0, proposed_at = 0;
  std::optional<int64_t> decided_by, decided_at;
  std::optional<std::string> decision_note;
};
Status insert_plan(db::Connection& c, const PlanVersion& v);
Result<std::vector<PlanVersion>> plans_of(db::Connection& c, int64_t project_id);
Result<std::optional<PlanVersion>> plan(db::Connection& c, int64_t project_id, int64_t version);
Status decide_plan(db::Connection& c, int64_t project_id, int64_t version, const std::string& state, int64_t by,
                   int64_t at, const std::string& note);

// The plan in force, as rows.
struct Scenario {
  std::string name, kind;  // kind: "N" (common) | "X" (individual)
};
struct BudgetLine {
  std::string item;
  int64_t amount_fen = 0;
};
struct Milestone {
  int64_t id = 0, project_id = 0, seq = 0;
  std::string name, due_on, deliverable;
  std::optional<std::string> done_on;
  std::optional<int64_t> evidence_document_id;
};
struct PlanRows {
  std::vector<Scenario> scenarios;
  std::vector<std::string> products;
  std::vector<BudgetLine> budget;
  std::vector<Milestone> milestones;
};
// Replaces the rows of the plan in force; a milestone kept by name keeps its completion.
Status replace_plan_rows(db::Connection& c, int64_t project_id, const PlanRows& rows);
Result<PlanRows> plan_rows(db::Connection& c, int64_t project_id);
Status complete_milestone(db::Connection& c, int64_t milestone_id, const std::string& done_on,
                          std::optional<int64_t> document_id);

struct Cost {
  int64_t id = 0, project_id = 0;
  std::string item;
  int64_t amount_fen = 0;
  std::string incurred_on;
  std::optional<int64_t> provider_id;
  int64_t invoice_document_id = 0;
  std::optional<int64_t> payment_document_id;
  int64_t created_by = 0, created_at = 0;
};
Result<int64_t> insert_cost(db::Connection& c, const Cost& cost);
Result<std::vector<Cost>> costs_of(db::Connection& c, int64_t project_id);
Result<int64_t> cost_total(db::Connection& c, int64_t project_id);
// Service fees billed by a provider in a calendar year, cost by cost, on projects that were not terminated.
struct ProviderCost {
  int64_t project_id = 0;
  std::string incurred_on;
  int64_t amount_fen = 0;
};
Result<std::vector<ProviderCost>> provider_costs(db::Connection& c, int64_t provider_id, int64_t year);
// Every project a provider serves (id, name, state).
struct ProjectState {
  int64_t id = 0;
  std::string name, state, enterprise_name;  // projects often share a name: the enterprise tells them apart
};
Result<std::vector<ProjectState>> provider_projects(db::Connection& c, int64_t provider_id);
Result<std::vector<std::string>> enterprise_project_states(db::Connection& c, int64_t enterprise_id);
Result<int64_t> diagnosis_cost_total(db::Connection& c, int64_t enterprise_id);
// How plans use a product or a scenario (by the name the plan gives): projects, and enterprises whose project passed.
struct Usage {
  int64_t projects = 0, accepted_enterprises = 0;
};
Result<Usage> product_usage(db::Connection& c, const std::string& name);
Result<Usage> scenario_usage(db::Connection& c, const std::string& industry, const std::string& name);

struct Event {
  int64_t id = 0, project_id = 0;
  std::string action, from_state, to_state;
  std::optional<int64_t> actor_id;
  std::string actor_name, reason;
  int64_t at = 0;
};
Status insert_event(db::Connection& c, const Event& e);
Result<std::vector<Event>> events_of(db::Connection& c, int64_t project_id);

Status assign_expert(db::Connection& c, int64_t project_id, int64_t user_id, const std::string& duty, int64_t by, int64_t at);
// Duties ("supervision", "acceptance") of one expert on one project.
Result<std::vector<std::string>> expert_duties(db::Connection& c, int64_t project_id, int64_t user_id);
Result<std::vector<std::pair<int64_t, std::string>>> experts_of(db::Connection& c, int64_t project_id);

struct Visit {
  int64_t id = 0, project_id = 0, expert_user_id = 0;
  std::string visited_on, findings;
  std::optional<std::string> rectification_due_on, rectified_on, rectification_note;
  int64_t created_at = 0;
};
Result<int64_t> insert_visit(db::Connection& c, const Visit& v);
Result<std::vector<Visit>> visits_of(db::Connection& c, int64_t project_id);
Status rectify_visit(db::Connection& c, int64_t visit_id, const std::string& on, const std::string& note);

struct Outcome {
  std::string indicator;
  std::optional<int64_t> before_milli, after_milli;
};
Status upsert_outcome(db::Connection& c, int64_t project_id, const Outcome& o, int64_t at);
Result<std::vector<Outcome>> outcomes_of(db::Connection& c, int64_t project_id);

struct MaterialDoc {
  std::string material;
  int64_t document_id = 0, added_at = 0;
};
Status add_material(db::Connection& c, int64_t project_id, const std::string& material, int64_t document_id,
                    int64_t by, int64_t at);
Result<std::vector<MaterialDoc>> materials_of(db::Connection& c, int64_t project_id);

// Outcome values of accepted projects (通过 and after), optionally in one district, streamed.
Status each_accepted_outcome(db::Connection& c, const std::string& district,
                             const std::function<bool(const std::string& indicator, int64_t before, int64_t after)>& fn);

// The funnel summary: +1 / −1 on the project's (district, industry, state).
Status count_state(db::Connection& c, const Project& p, const std::string& state, int64_t delta);
struct CountRow {
  std::string district_code, industry_code, state;
  int64_t n = 0;
};
Result<std::vector<CountRow>> state_counts(db::Connection& c, const std::string& district);
// The same counted from the projects themselves (to verify the kept table), and a rebuild from them.
Result<std::vector<CountRow>> counted_states(db::Connection& c);
Status rebuild_state_counts(db::Connection& c);

// Open milestones past their due day (the open-milestones index), earliest first, and how many there are.
struct LateMilestone {
  int64_t project_id = 0, enterprise_id = 0;
  std::string project_name, district_code, milestone, due_on;
};
// `projects`, when given, receives how many projects those milestones belong to.
Result<std::vector<LateMilestone>> late_milestones(db::Connection& c, const std::string& district, const std::string& today,
                                                   int64_t limit, int64_t* total, int64_t* projects = nullptr);

// Open milestones due between two days (inclusive), for reminders.
struct DueMilestone {
  int64_t milestone_id = 0, project_id = 0, enterprise_id = 0, integrator_id = 0;
  std::string project_name, milestone, due_on;
};
Result<std::vector<DueMilestone>> due_milestones(db::Connection& c, const std::string& from, const std::string& to,
                                                 int64_t limit);
// Projects under way (implementing or later) without a recorded contract, and how many there are.
Result<std::vector<Project>> without_contract(db::Connection& c, const std::string& district, int64_t limit, int64_t* total);

// Every enterprise that has had a diagnosis (诊断), in id order.
Result<std::vector<int64_t>> diagnosed_enterprises(db::Connection& c);

// When each project entered the stages the forecast counts: declared (created), approved, acceptance applied,
// passed — in enterprise order.
struct StageTimes {
  int64_t project_id = 0, enterprise_id = 0;
  std::string state;
  int64_t created_at = 0;
  std::optional<int64_t> approved_at, applied_at, passed_at;
};
Status each_stage_times(db::Connection& c, const std::string& district, const std::function<bool(const StageTimes&)>& fn);

}  // namespace sz::projects::store
