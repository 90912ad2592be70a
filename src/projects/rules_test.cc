// Project rules: the lifecycle as shipped (data/project-lifecycle.json), deadlines, risk, materials, indicators.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "projects/rules.h"
#include "projects/service.h"

namespace sz::projects {
namespace {

std::string read(const std::string& rel) {
  std::ifstream f(std::string(SZ_SOURCE_DIR) + "/" + rel);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

const Reference& ref() {
  static Reference r = [] {
    auto parsed = Service::parse_reference(read("data/project-lifecycle.json"), read("data/outcome-indicators.json"),
                                           read("data/acceptance-materials.json"), read("data/provider-scorecard.json"));
    EXPECT_TRUE(parsed.ok()) << (parsed.ok() ? "" : parsed.error().detail);
    return parsed.value();
  }();
  return r;
}

std::string refusal(const std::string& state, const std::string& action, std::set<Party> parties) {
  auto d = workflow::decide(ref().lifecycle, state, action, party_codes(parties));
  auto* why = std::get_if<workflow::Refused>(&d);
  return why ? why->message : std::string();
}

std::string target(const std::string& state, const std::string& action, std::set<Party> parties) {
  auto d = workflow::decide(ref().lifecycle, state, action, party_codes(parties));
  auto* t = std::get_if<const workflow::Move*>(&d);
  return t ? (*t)->to : std::string();
}

TEST(Lifecycle, TheHappyPathFromDeclarationToSubsidy) {
  EXPECT_EQ(target("declared", "submit", {Party::enterprise}), "expert_review");
  EXPECT_EQ(target("expert_review", "approve", {Party::city_admin}), "approved");
  EXPECT_EQ(target("approved", "start", {Party::integrator}), "implementing");
  EXPECT_EQ(target("implementing", "apply_acceptance", {Party::enterprise}), "acceptance_applied");
  EXPECT_EQ(target("acceptance_applied", "district_approve", {Party::district_officer}), "district_checked");
  EXPECT_EQ(target("district_checked", "schedule_onsite", {Party::city_admin}), "onsite");
  EXPECT_EQ(target("onsite", "pass", {Party::expert}), "passed");
  EXPECT_EQ(target("passed", "pay_out", {Party::city_admin}), "subsidized");
}

TEST(Lifecycle, FailedAcceptanceMayBeResubmitted) {
  EXPECT_EQ(target("onsite", "fail", {Party::expert}), "failed");
  EXPECT_EQ(target("failed", "apply_acceptance", {Party::enterprise}), "acceptance_applied");
  EXPECT_TRUE(ref().lifecycle.move("fail")->needs_reason);
}

TEST(Lifecycle, AnIllegalMoveNamesTheStateAndTheRole) {
  auto wrong_state = refusal("implementing", "approve", {Party::city_admin});
  EXPECT_NE(wrong_state.find("实施"), std::string::npos) << wrong_state;
  EXPECT_NE(wrong_state.find("立项"), std::string::npos) << wrong_state;
  auto wrong_role = refusal("expert_review", "approve", {Party::enterprise});
  EXPECT_NE(wrong_role.find("市级管理员"), std::string::npos) << wrong_role;
  EXPECT_NE(wrong_role.find("本企业"), std::string::npos) << wrong_role;
  EXPECT_NE(refusal("onsite", "pass", {Party::city_admin}), "");  // only the assigned expert grades acceptance
  EXPECT_NE(refusal("onsite", "pass", {}), "");
  EXPECT_NE(refusal("declared", "teleport", {Party::city_admin}), "");
}

TEST(Lifecycle, AvailableActionsFollowTheParty) {
  auto acts = workflow::open_moves(ref().lifecycle, "acceptance_applied", party_codes({Party::district_officer}));
  ASSERT_EQ(acts.size(), 2u);
  EXPECT_TRUE(workflow::open_moves(ref().lifecycle, "acceptance_applied", party_codes({Party::enterprise})).empty());
  EXPECT_EQ(ref().lifecycle.move("schedule_onsite")->input, "expert");  // the page asks for the expert
}

TEST(Milestones, StatusAgainstToday) {
  EXPECT_EQ(milestone_status(100, 100, 120, 14), MilestoneStatus::done);
  EXPECT_EQ(milestone_status(100, 101, 120, 14), MilestoneStatus::done_late);
  EXPECT_EQ(milestone_status(100, std::nullopt, 101, 14), MilestoneStatus::overdue);
  EXPECT_EQ(milestone_status(100, std::nullopt, 100, 14), MilestoneStatus::due_soon);
  EXPECT_EQ(milestone_status(100, std::nullopt, 86, 14), MilestoneStatus::due_soon);
  EXPECT_EQ(milestone_status(100, std::nullopt, 85, 14), MilestoneStatus::on_track);
}

TEST(Risk, OverdueMilestonesAndRectificationsFlagAProject) {
  EXPECT_TRUE(risk_reasons({{"上线", 100, 99}}, {{50, 60}}, 120, 14).empty());
  auto late = risk_reasons({{"上线", 100, std::nullopt}}, {}, 103, 14);
  ASSERT_EQ(late.size(), 1u);
  EXPECT_NE(late[0].find("逾期 3 天"), std::string::npos);
  auto open = risk_reasons({}, {{200, std::nullopt}}, 201, 14);
  ASSERT_EQ(open.size(), 1u);
  EXPECT_NE(open[0].find("超过整改期限"), std::string::npos);
  EXPECT_EQ(risk_reasons({}, {{200, std::nullopt}}, 150, 14).size(), 1u);  // open, not yet late
}

TEST(Plans, AnIncompletePlanNamesWhatIsMissing) {
  EXPECT_EQ(plan_problems({1, 1, 1, 100}).size(), 0u);
  EXPECT_EQ(plan_problems({0, 0, 0, 0}).size(), 3u);
}

TEST(Materials, MissingOnesByName) {
  auto missing = missing_materials(ref().materials, {"application_form", "contract"});
  EXPECT_EQ(missing.size(), ref().materials.size() - 2);
  EXPECT_EQ(missing.front(), "财务核查表");
}

TEST(Indicators, ExactValuesAndImprovementInTheGoodDirection) {
  EXPECT_EQ(parse_milli("98.5"), 98500);
  EXPECT_EQ(parse_milli("-1.25"), -1250);
  EXPECT_EQ(parse_milli("12"), 12000);
  EXPECT_FALSE(parse_milli("1.2345"));
  EXPECT_FALSE(parse_milli("1e3"));
  EXPECT_FALSE(parse_milli(""));
  EXPECT_FALSE(parse_milli("."));
  EXPECT_EQ(milli_text(98500), "98.5");
  EXPECT_EQ(milli_text(-1250), "-1.25");
  Indicator days{"inventory_days", "库存周转天数", "天", "减存", "lower"};
  EXPECT_EQ(improvement_milli_percent(days, 40'000, 30'000), 25'000);  // 40 → 30 days: 25 % better
  Indicator rate{"pass_rate", "产品合格率", "%", "提质", "higher"};
  EXPECT_EQ(improvement_milli_percent(rate, 95'000, 93'100), -2'000);
  EXPECT_FALSE(improvement_milli_percent(rate, 0, 5));
}

TEST(Indicators, BenefitsAcrossProjectsAreTheMeanImprovement) {
  Indicator days{"inventory_days", "库存周转天数", "天", "减存", "lower"};
  OutcomeAccumulator acc;
  acc.add(days, 40'000, 30'000);  // 25 % better
  acc.add(days, 20'000, 22'000);  // 10 % worse
  acc.add(days, 0, 5'000);        // no baseline: counted as reported, not in the mean
  auto s = acc.result();
  EXPECT_EQ(s.projects, 3);
  EXPECT_EQ(s.improved, 1);
  EXPECT_EQ(s.mean_improvement_milli_percent, 7'500);
  EXPECT_FALSE(OutcomeAccumulator().result().mean_improvement_milli_percent);
}

}  // namespace
}  // namespace sz::projects

namespace sz::projects {
namespace {
ScorecardRules card_rules() {
  ScorecardRules r;
  r.components = {{"acceptance_pass_rate", "验收通过率", 30}, {"timeliness", "里程碑按期", 20}, {"satisfaction", "企业满意度", 25},
                  {"level_uplift", "数字化水平提升", 15}, {"price", "价格让利", 10}};
  r.stars = {{90, 5}, {80, 4}, {70, 3}, {60, 2}, {0, 1}};
  return r;
}

TEST(Scorecard, ComponentsFromFactsWeightedUpWhenSomeAreMissing) {
  ProviderFacts f;
  EXPECT_FALSE(score(card_rules(), f).total_milli);  // no projects, no rating
  EXPECT_EQ(score(card_rules(), f).stars, 0);
  f.accepted = 3, f.failed_acceptances = 1;  // 75
  f.ratings_sum = 9, f.ratings = 2;          // 4.5 stars → 87.5
  auto c = score(card_rules(), f);
  EXPECT_EQ(c.components[0].score_milli, 75'000);
  EXPECT_EQ(c.components[2].score_milli, 87'500);
  EXPECT_FALSE(c.components[1].score_milli);
  EXPECT_EQ(c.total_milli, (75'000 * 30 + 87'500 * 25) / 55);  // 80 681 → 4 stars
  EXPECT_EQ(c.stars, 4);
}

TEST(Scorecard, LatenessUpliftAndDiscountScaleToTheirHorizons) {
  ProviderFacts f;
  f.late_days_sum = 45, f.milestones_judged = 1;  // half the 90-day horizon
  f.uplift_sum = 1, f.uplifts = 1;                // one level of two
  f.discount_bp_sum = 3000, f.discounts = 1;      // 30 %, above the 20 % for full marks
  auto c = score(card_rules(), f);
  EXPECT_EQ(c.components[1].score_milli, 50'000);
  EXPECT_EQ(c.components[3].score_milli, 50'000);
  EXPECT_EQ(c.components[4].score_milli, 100'000);
  f.late_days_sum = 900;
  EXPECT_EQ(score(card_rules(), f).components[1].score_milli, 0);
}
}  // namespace
}  // namespace sz::projects
