#include "registry/rules.h"

#include <gtest/gtest.h>

#include "infra/clock.h"

namespace sz::registry {

TEST(CreditCode, AcceptsAKnownRealCode) {
  EXPECT_EQ(credit_code_problem("91410000170001401D"), std::nullopt);  // 宇通客车
  EXPECT_EQ(credit_code_check_char("91410000170001401"), 'D');
}

TEST(CreditCode, NamesTheRuleThatFailed) {
  EXPECT_NE(credit_code_problem("91410000170001401").value().find("18位"), std::string::npos);
  EXPECT_NE(credit_code_problem("91410000170001401I").value().find("第18位字符"), std::string::npos);
  EXPECT_NE(credit_code_problem("91410000170001401E").value().find("校验码"), std::string::npos);
  EXPECT_NE(credit_code_problem("81410000170001401D").value().find("第1位"), std::string::npos);
  EXPECT_NE(credit_code_problem("95410000170001401D").value().find("第2位"), std::string::npos);
}

TEST(CreditCode, DoesNotCompareTheAreaWithTheDistrict) {
  // Positions 3–8 may name the province, a city or any county: only the check character depends on them.
  std::string first17 = "91999999MA0000001";
  std::string code = first17 + *credit_code_check_char(first17);
  EXPECT_EQ(credit_code_problem(code), std::nullopt);
}

TEST(CreditCode, NormalizesPastedInput) { EXPECT_EQ(normalize_credit_code("  91410000170001401d\n"), "91410000170001401D"); }

TEST(NameGrams, UnigramsAndBigramsOfCodePoints) {
  auto g = name_grams("巩义铝业");
  std::vector<std::string> want = {"巩", "巩义", "义", "义铝", "铝", "铝业", "业"};
  EXPECT_EQ(g, want);
  EXPECT_EQ(query_grams("铝业"), std::vector<std::string>{"铝业"});
  EXPECT_EQ(query_grams("铝"), std::vector<std::string>{"铝"});
  EXPECT_EQ(query_grams("AB科"), (std::vector<std::string>{"ab", "b科"}));
}


// 中小企业划型 (300号, industry): 以上 includes its number, 以下 does not.
namespace {
std::optional<std::pair<int64_t, YearFigures>> figures(int64_t year, int64_t employees, int64_t revenue_wan) {
  YearFigures y;
  y.employees = employees;
  y.revenue = revenue_wan * 1'000'000;  // 万元 → 分
  return std::pair{year, y};
}
}  // namespace

TEST(SmeClass, NotAnSmeOnlyWhenBothUpperBoundsAreReached) {
  SmeRule r;
  EXPECT_EQ(classify_sme(r, figures(2024, 1000, 40000)).cls, SmeClass::large);
  EXPECT_EQ(classify_sme(r, figures(2024, 999, 90000)).cls, SmeClass::medium);
  EXPECT_EQ(classify_sme(r, figures(2024, 5000, 39999)).cls, SmeClass::medium);
  auto v = classify_sme(r, figures(2025, 1200, 50000));
  EXPECT_EQ(v.year, 2025);
  EXPECT_NE(v.reason.find("不属于中小企业"), std::string::npos) << v.reason;
}

TEST(SmeClass, LowerBoundsIncludeTheirNumber) {
  SmeRule r;
  EXPECT_EQ(classify_sme(r, figures(2024, 300, 2000)).cls, SmeClass::medium);
  EXPECT_EQ(classify_sme(r, figures(2024, 299, 2000)).cls, SmeClass::small);
  EXPECT_EQ(classify_sme(r, figures(2024, 20, 300)).cls, SmeClass::small);
  EXPECT_EQ(classify_sme(r, figures(2024, 19, 300)).cls, SmeClass::micro);
  EXPECT_EQ(classify_sme(r, figures(2024, 500, 299)).cls, SmeClass::micro);
}

TEST(SmeClass, UnknownWithoutFiguresAndStillCounted) {
  auto v = classify_sme(SmeRule{}, std::nullopt);
  EXPECT_EQ(v.cls, SmeClass::unknown);
  EXPECT_EQ(v.year, 0);
  EXPECT_FALSE(is_sme(v.cls).has_value());
}

// An enterprise's contribution to the summary tables: its counts today and the dated changes of indicators 1–4.
namespace {
int64_t at(const std::string& day) { return *day_number(day) * 86400 + 2 * 3600; }  // 10:00 Beijing

EnterpriseFacts accepted_enterprise() {
  EnterpriseFacts e;
  e.district = "410181";
  e.industry = "aluminium";
  e.batch = 2024;
  e.status = "active";
  e.tier = "innovative";
  e.level_source = "assessment";
  e.level = 2;
  e.accepted_level = 2;
  e.accepted_at = at("2024-10-15");
  e.cloud = true;
  e.cloud_at = at("2025-03-01");
  return e;
}

std::map<int64_t, YearFigures> small_in(int64_t year) { return {{year, figures(year, 120, 1500)->second}}; }

Params pilot_params() {
  Params p;
  p.scale_above_revenue_fen = 2'000'000'000;  // 规上: 2000万元
  return p;
}
}  // namespace

TEST(Contribution, AcceptanceAndCloudAreDatedChanges) {
  Params p = pilot_params();
  auto c = contribution_of(p, accepted_enterprise(), small_in(2023));
  ASSERT_EQ(c.timeline.size(), 2u);
  EXPECT_EQ(c.timeline[0].day, "2024-10-15");
  EXPECT_EQ(c.timeline[0].cohort, 2024);
  EXPECT_EQ(c.timeline[0].change, (StageCounts{1, 0, 1, 0}));
  EXPECT_EQ(c.timeline[1].day, "2025-03-01");  // on the cloud after its acceptance: counted from that day
  EXPECT_EQ(c.timeline[1].change, (StageCounts{0, 0, 0, 1}));
  EXPECT_EQ(c.now.stage, (StageCounts{1, 0, 1, 1}));
  EXPECT_EQ(c.now.cloud_undated, 0);
}

TEST(Contribution, WithdrawalTakesAwayFromThatDayAndFromLaterYears) {
  Params p = pilot_params();
  auto e = accepted_enterprise();
  e.status = "withdrawn";
  e.withdrawn_at = at("2025-04-21");
  auto years = small_in(2023);
  years[2024] = figures(2024, 130, 6000)->second;
  years[2025] = figures(2025, 140, 7000)->second;
  auto c = contribution_of(p, e, years);
  EXPECT_FALSE(c.in_pilot);
  EXPECT_EQ(c.now, NowCounts{});
  // Years counted only while in the pilot at the year's end.
  EXPECT_EQ(c.years.count(2023), 1u);
  EXPECT_EQ(c.years.count(2024), 1u);
  EXPECT_EQ(c.years.count(2025), 0u);
  StageCounts sum;
  for (const auto& d : c.timeline)
    if (d.day <= "2024-12-31") sum += d.change;
  EXPECT_EQ(sum.accepted, 1);  // the 2024 stage keeps it
  sum = {};
  for (const auto& d : c.timeline) sum += d.change;
  EXPECT_TRUE(sum.empty());  // and today it is gone
  EXPECT_EQ(c.timeline.back().day, "2025-04-21");
}

TEST(Contribution, AStageReadsTheSmeClassOfItsYear) {
  Params p = pilot_params();
  auto years = small_in(2024);
  years[2026] = figures(2026, 1500, 60000)->second;  // grows out of the SME bounds in 2026
  auto c = contribution_of(p, accepted_enterprise(), years);
  StageCounts by2025, today;
  for (const auto& d : c.timeline) {
    if (d.day <= "2025-12-31") by2025 += d.change;
    today += d.change;
  }
  EXPECT_EQ(by2025.accepted, 1);
  EXPECT_EQ(today.accepted, 0);
  EXPECT_EQ(c.now.non_sme, 1);
  EXPECT_EQ(c.now.non_sme_accepted, 1);
  EXPECT_EQ(c.now.stage.accepted, 0);
}

TEST(Contribution, UndatedCloudCountsTodayOnlyAndAnAcceptanceBelowTheLevelNever) {
  Params p = pilot_params();
  auto e = accepted_enterprise();
  e.cloud_at.reset();
  auto c = contribution_of(p, e, {});
  EXPECT_EQ(c.now.stage.cloud_accepted, 1);
  EXPECT_EQ(c.now.cloud_undated, 1);
  EXPECT_EQ(c.now.sme_unknown, 1);
  for (const auto& d : c.timeline) EXPECT_EQ(d.change.cloud_accepted, 0);
  e.accepted_level = 1;  // accepted on a level below 二级
  auto below = contribution_of(p, e, {});
  EXPECT_TRUE(below.timeline.empty());
  EXPECT_EQ(below.now.stage.accepted, 0);
}
}  // namespace sz::registry
