// Use cases of 一企一策 projects: diagnoses, declaring a project with its plan, the lifecycle (who may move it,
// and the checks before each move), versioned plan adjustments approved by an expert, contract, milestones, costs,
// expert supervision, outcome indicators, acceptance materials and the provider's rating. Authorisation here.
#pragma once
#include <boost/json.hpp>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "assessment/service.h"
#include "auth/service.h"
#include "infra/clock.h"
#include "infra/db/db.h"
#include "projects/rules.h"
#include "projects/store.h"
#include "registry/service.h"

namespace sz::projects {

// Reference data of the area, from data/project-lifecycle.json, outcome-indicators.json, acceptance-materials.json.
struct Reference {
  workflow::Workflow lifecycle;
  std::vector<Indicator> indicators;
  std::vector<Material> materials;
  int64_t warn_days = 14;  // a milestone due within this many days and not done makes the project "at risk"
  ScorecardRules scorecard;  // data/provider-scorecard.json
};

// A provider's scorecard with the facts it was computed from.
struct ScorecardView {
  int64_t provider_id = 0;
  std::string provider_name;
  ProviderFacts facts;
  Scorecard card;
};

// A check another area answers before a move (e.g. "review_passed" from reviews), wired by app/.
using Guard = std::function<Status(db::Connection&, const store::Project&)>;

struct PlanInput {
  std::vector<store::Scenario> scenarios;
  std::vector<std::string> products;
  std::vector<store::BudgetLine> budget;
  std::vector<store::Milestone> milestones;  // name, due_on, deliverable
};

struct NewProject {
  int64_t enterprise_id = 0;
  std::string name;
  int64_t integrator_id = 0;
  std::vector<int64_t> specialist_ids;
  PlanInput plan;
};

struct DiagnosisInput {
  int64_t provider_id = 0;
  std::string diagnosed_on, pain_points;
  std::vector<std::string> recommended_scenarios;
  int64_t cost_fen = 0;
  std::optional<int64_t> report_document_id, invoice_document_id;
};

struct ContractInput {
  int64_t amount_fen = 0, catalogue_price_fen = 0;
  std::string signed_on, start_on, end_on;
  int64_t document_id = 0;
};

struct CostInput {
  std::string item;
  int64_t amount_fen = 0;
  std::string incurred_on;
  std::optional<int64_t> provider_id;
  int64_t invoice_document_id = 0;
  std::optional<int64_t> payment_document_id;
};

struct MoveInput {
  std::string action, reason;
  std::optional<int64_t> expert_user_id;  // schedule_onsite: the acceptance expert
};

struct Detail {
  store::Project project;
  std::set<Party> parties;
  store::PlanRows plan;
  std::vector<store::PlanVersion> plans;
  std::vector<std::pair<int64_t, std::string>> providers, experts;
  std::vector<store::Cost> costs;
  int64_t cost_total_fen = 0;
  std::vector<store::Visit> visits;
  std::vector<store::Outcome> outcomes;
  std::vector<store::MaterialDoc> materials;
  std::vector<std::string> missing_materials;
  std::vector<store::Event> events;
  std::vector<std::string> risks;
  std::vector<const workflow::Move*> actions;
  std::string today;
  std::map<int64_t, std::string> enterprise_names, provider_names, user_names;  // for display
};

struct ProjectPage {
  std::vector<store::Project> items;
  int64_t total = 0;
  std::map<int64_t, std::string> enterprise_names, provider_names;  // for display
};

class Service {
 public:
  Service(std::shared_ptr<db::Database> db, const Clock& clock, registry::Service& registry,
          assessment::Service& assessment, Reference ref);
  // Checks answered by other areas, by the guard names the lifecycle data uses.
  void add_guard(const std::string& name, Guard g) { guards_[name] = std::move(g); }
  // Whether an expert may serve on a project (conflicts of interest: the reviews area), checked on every assignment.
  using ExpertCheck = std::function<Status(db::Connection&, int64_t expert_user_id, const store::Project&)>;
  void set_expert_check(ExpertCheck f) { expert_check_ = std::move(f); }
  // What else ends with a terminated project (its open expert reviews, wired by app from reviews), in its transaction.
  using Closer = std::function<Status(db::Connection&, const audit::Actor&, const store::Project&, const std::string& reason,
                                      int64_t now)>;
  void add_closer(Closer f) { closers_.push_back(std::move(f)); }
  // The industry's N+X library (scenario name → "N" | "X"), from the catalogue (wired by app); empty when the industry
  // has none yet, and then plans name their scenarios freely.
  using ScenarioLibrary = std::function<Result<std::map<std::string, std::string>>(db::Connection&, const std::string& industry)>;
  void set_scenario_library(ScenarioLibrary f) { scenario_library_ = std::move(f); }
  // Every guard the lifecycle names must be known before the service serves; refuses to start otherwise.
  Status check_guards() const;

  static Result<Reference> parse_reference(std::string_view lifecycle_json, std::string_view indicators_json,
                                           std::string_view materials_json, std::string_view scorecard_json);
  const Reference& reference() const { return ref_; }

  Result<store::Diagnosis> add_diagnosis(const auth::Principal& p, const auth::Origin& from, int64_t enterprise_id,
                                         const DiagnosisInput& in);
  Result<std::vector<store::Diagnosis>> diagnoses(const auth::Principal& p, int64_t enterprise_id);

  Result<store::Project> create(const auth::Principal& p, const auth::Origin& from, const NewProject& in);
  Result<ProjectPage> list(const auth::Principal& p, store::ProjectFilter f, int64_t limit, int64_t offset);
  Result<Detail> detail(const auth::Principal& p, int64_t id);
  Result<store::Project> move(const auth::Principal& p, const auth::Origin& from, int64_t id, const MoveInput& in);

  // 方案调整: a new version. While declared, the enterprise's own edit takes effect at once; after that it waits
  // for an expert assigned to the project.
  Result<store::PlanVersion> propose_plan(const auth::Principal& p, const auth::Origin& from, int64_t id,
                                          const PlanInput& plan, const std::string& reason);
  Result<store::PlanVersion> decide_plan(const auth::Principal& p, const auth::Origin& from, int64_t id,
                                         int64_t version, bool approve, const std::string& note);

  Result<store::Project> set_contract(const auth::Principal& p, const auth::Origin& from, int64_t id,
                                      const ContractInput& in);
  Status complete_milestone(const auth::Principal& p, const auth::Origin& from, int64_t id, int64_t milestone_id,
                            const std::string& done_on, std::optional<int64_t> document_id);
  Result<store::Cost> add_cost(const auth::Principal& p, const auth::Origin& from, int64_t id, const CostInput& in);
  Status assign_expert(const auth::Principal& p, const auth::Origin& from, int64_t id, int64_t user_id,
                       const std::string& duty);
  Result<store::Visit> add_visit(const auth::Principal& p, const auth::Origin& from, int64_t id,
                                 const std::string& visited_on, const std::string& findings,
                                 const std::optional<std::string>& rectification_due_on);
  Status rectify(const auth::Principal& p, const auth::Origin& from, int64_t id, int64_t visit_id,
                 const std::string& on, const std::string& note);
  Status set_outcomes(const auth::Principal& p, const auth::Origin& from, int64_t id,
                      const std::vector<store::Outcome>& outcomes);
  Status add_material(const auth::Principal& p, const auth::Origin& from, int64_t id, const std::string& material,
                      int64_t document_id);
  Status rate_provider(const auth::Principal& p, const auth::Origin& from, int64_t id, int64_t rating,
                       const std::string& comment);

  // 服务商评价: from the projects each provider leads as integrator. One provider, or every listed provider.
  Result<ScorecardView> scorecard(int64_t provider_id);
  Result<std::vector<ScorecardView>> scorecards();

  // For the dashboard (city admins; district officers see their district): projects by state from the summary
  // kept on write, and the benefits reported by accepted projects per outcome indicator.
  struct Summary {
    std::string district;  // "" = the whole city
    std::vector<std::pair<std::string, int64_t>> by_state;
    std::vector<std::pair<const Indicator*, OutcomeSummary>> outcomes;
  };
  Result<Summary> summary(const auth::Principal& p);
  // For reports (no caller): the city ("") or one district.
  Result<Summary> summary_of(const std::string& district);

 private:
  struct Loaded {
    store::Project project;
    std::set<Party> parties;
    std::vector<std::string> duties;  // the caller's duties as an expert on the project
  };
  // The project and the caller's relation to it; 404 when missing, 403 when the caller has none.
  Result<Loaded> load(db::Connection& c, const auth::Principal& p, int64_t id);
  Status run_guard(db::Connection& c, const std::string& name, const store::Project& pr, const MoveInput& in);
  Status write(db::Connection& c, const auth::Principal& p, const auth::Origin& from, const std::string& action,
               int64_t project_id, const std::string& before, const std::string& after);
  Status check_plan(const PlanInput& plan) const;
  // Scenarios come from the industry's N+X library once it has one.
  Status check_scenarios(db::Connection& c, const std::string& industry, const PlanInput& plan);
  std::string today() const;
  Status name_enterprise(db::Connection& c, int64_t id, std::map<int64_t, std::string>& names);
  Status name_provider(db::Connection& c, int64_t id, std::map<int64_t, std::string>& names);

  std::shared_ptr<db::Database> db_;
  const Clock& clock_;
  registry::Service& registry_;
  assessment::Service& assessment_;
  Reference ref_;
  std::map<std::string, Guard> guards_;
  ExpertCheck expert_check_;
  std::vector<Closer> closers_;
  ScenarioLibrary scenario_library_;
};

// The internal interface of the area's service: for the platform and other modules' services and jobs, inside
// their transaction (the connection is theirs). Each trusts its caller — no principal, no authorization — unless it
// takes the principal it authorizes.
namespace internal {
Result<std::vector<store::LateMilestone>> late_milestones(db::Connection& c, const std::string& district,
                                                          const std::string& today, int64_t limit, int64_t* total,
                                                          int64_t* projects = nullptr);
Result<std::vector<int64_t>> diagnosed_enterprises(db::Connection& c);
// The funnel summary (project_counts) recomputed from the projects: where the kept rows differ, and a rebuild.
Result<std::vector<registry::Service::Difference>> verify_state_counts(db::Connection& c);
Status rebuild_state_counts(db::Connection& c);
Result<std::vector<store::DueMilestone>> due_milestones(db::Connection& c, const std::string& from,
                                                        const std::string& to, int64_t limit);
Result<std::vector<store::Project>> without_contract(db::Connection& c, const std::string& district, int64_t limit,
                                                     int64_t* total);
Status each_stage_times(db::Connection& c, const std::string& district,
                        const std::function<bool(const store::StageTimes&)>& fn);
// For documents attached to a project: read as the project is read; write as one of its parties.
Status authorize(db::Connection& c, const auth::Principal& p, int64_t project_id, bool write);
// For other areas (funding, reviews): the project without a scope check, inside their transaction.
Result<std::optional<store::Project>> find(db::Connection& c, int64_t id);
Result<std::vector<std::pair<int64_t, std::string>>> providers_of(db::Connection& c, int64_t project_id);
Result<std::vector<int64_t>> contracted_providers(db::Connection& c, int64_t enterprise_id);
// A review panel's member reads the project it scores (reviews, when it forms a panel).
Status add_reviewer(db::Connection& c, int64_t project_id, int64_t user_id, int64_t by, int64_t at);
// Facts the subsidy rules need (funding).
Result<int64_t> cost_total(db::Connection& c, int64_t project_id);
Result<std::vector<store::ProviderCost>> provider_costs(db::Connection& c, int64_t provider_id, int64_t year);
Result<std::vector<store::ProjectState>> provider_projects(db::Connection& c, int64_t provider_id);
Result<std::vector<std::string>> enterprise_project_states(db::Connection& c, int64_t enterprise_id);
Result<int64_t> diagnosis_cost_total(db::Connection& c, int64_t enterprise_id);
// How plans use a product or a scenario (catalog).
Result<store::Usage> product_usage(db::Connection& c, const std::string& name);
Result<store::Usage> scenario_usage(db::Connection& c, const std::string& industry, const std::string& name);
}  // namespace internal

// A scorecard as the API shows it and as evaluation reports freeze it: components with their explanations, total, stars.
boost::json::object scorecard_json(const ScorecardView& v);

// The plan as stored in a version (JSON text), and back.
std::string plan_json(const PlanInput& plan);
PlanInput plan_of_json(const std::string& json);

}  // namespace sz::projects
