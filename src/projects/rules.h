// Rules of 一企一策 projects: the lifecycle (data/project-lifecycle.json) and who may move a project, milestone
// and rectification deadlines, the at-risk flag, acceptance materials, outcome indicators. Pure: no I/O, no SQL.
#pragma once
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "infra/workflow.h"

namespace sz::projects {

// The caller's relations to one project, resolved by the service; their codes are the lifecycle's parties
// (data/project-lifecycle.json, a workflow::Workflow: states, moves, who may take each, guards).
enum class Party { city_admin, district_officer, enterprise, integrator, expert };
std::optional<Party> parse_party(std::string_view code);
workflow::Parties party_codes(const std::set<Party>& parties);

// A project whose transformation task is complete: accepted (通过), and after that paid out.
bool task_completed(const std::string& state);
// A project that has reached an end state: completed, or terminated (终止) by the city. A provider's tasks are all
// finished (方案三(三)“全部完成”) when every one of its projects has ended.
bool ended(const std::string& state);

// Milestones: done (on time or late), overdue, due soon (within `warn_days`), or on track.
enum class MilestoneStatus { done, done_late, overdue, due_soon, on_track };
MilestoneStatus milestone_status(int64_t due_day, std::optional<int64_t> done_day, int64_t today, int64_t warn_days);
const char* milestone_status_code(MilestoneStatus s);
const char* milestone_status_name(MilestoneStatus s);

// Supervision findings: open until rectified; overdue once past the rectification deadline.
struct FindingFacts {
  int64_t due_day = 0;
  std::optional<int64_t> rectified_day;
};
struct MilestoneFacts {
  std::string name;
  int64_t due_day = 0;
  std::optional<int64_t> done_day;
};
// A project is at risk when a milestone is overdue or due soon, or a finding is open past its deadline;
// the reasons say which.
std::vector<std::string> risk_reasons(const std::vector<MilestoneFacts>& milestones,
                                      const std::vector<FindingFacts>& findings, int64_t today, int64_t warn_days);

// A plan worth declaring: at least one scenario, one milestone and one budget line, and a total.
struct PlanFacts {
  size_t scenarios = 0, milestones = 0, budget_lines = 0;
  int64_t budget_total_fen = 0;
};
std::vector<std::string> plan_problems(const PlanFacts& p);

// Acceptance materials still missing (names), given the codes the project has documents for.
struct Material {
  std::string code, name;
};
std::vector<std::string> missing_materials(const std::vector<Material>& required, const std::set<std::string>& present);

// Outcome indicators (提质、增效、降本、减存、绿色、安全) with values in thousandths, exactly.
struct Indicator {
  std::string code, name, unit, category, better;  // better: "higher" | "lower"
};
// "98.5" → 98500; at most three decimals, optional sign; nullopt for anything else.
std::optional<int64_t> parse_milli(const std::string& s);
std::string milli_text(int64_t v);
// The change from before to after in the indicator's good direction, in thousandths of a percent of the baseline
// (nullopt when the baseline is 0); positive means better.
std::optional<int64_t> improvement_milli_percent(const Indicator& i, int64_t before, int64_t after);

// A provider's scorecard from the facts of the projects it leads as integrator, with weights as data
// (data/provider-scorecard.json). Scores are in thousandths of a point (0–100 000); a component without facts is left
// out and the others are weighted up; the total maps to stars.
struct ScoreComponent {
  std::string code, name;
  int64_t weight = 0;
};
struct ScorecardRules {
  std::string version;
  std::vector<ScoreComponent> components;
  int64_t late_days_zero_score = 90, discount_full_score_percent = 20, uplift_full_score_levels = 2;
  std::vector<std::pair<int64_t, int>> stars;  // minimum total (points), stars; highest first
};
struct ProviderFacts {
  int64_t projects = 0, accepted = 0, failed_acceptances = 0;
  int64_t late_days_sum = 0, milestones_judged = 0;  // days late summed over milestones done or past due
  int64_t ratings_sum = 0, ratings = 0;                // 1–5 stars from enterprises
  int64_t uplift_sum = 0, uplifts = 0;                 // levels gained, per accepted project
  int64_t discount_bp_sum = 0, discounts = 0;          // (catalogue − contract) ÷ catalogue, basis points
};
struct ComponentScore {
  const ScoreComponent* component = nullptr;
  std::optional<int64_t> score_milli;  // nullopt: no facts yet
  std::string explanation;
};
struct Scorecard {
  std::vector<ComponentScore> components;
  std::optional<int64_t> total_milli;
  int stars = 0;  // 0: not rated yet
};
Scorecard score(const ScorecardRules& r, const ProviderFacts& f);

// Benefits across accepted projects for one indicator: how many reported both values, and the mean improvement
// in thousandths of a percent (the mean of each project's improvement, projects with a zero baseline left out).
struct OutcomeSummary {
  int64_t projects = 0, improved = 0;
  std::optional<int64_t> mean_improvement_milli_percent;
};
class OutcomeAccumulator {
 public:
  void add(const Indicator& i, int64_t before, int64_t after);
  OutcomeSummary result() const;

 private:
  int64_t projects_ = 0, improved_ = 0, counted_ = 0;
  __int128 sum_ = 0;
};

}  // namespace sz::projects
