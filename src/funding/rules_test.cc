// The subsidy rules at their boundaries, computed over the rule set the binary ships (data/subsidy-rules-2024.json).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "funding/rules.h"
#include "funding/service.h"

namespace sz::funding {
namespace {

std::string read(const std::string& rel) {
  std::ifstream f(std::string(SZ_SOURCE_DIR) + "/" + rel);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

const RuleSet& rules() {
  static RuleSet r = [] {
    auto parsed = Service::parse_rules(read("data/subsidy-rules-2024.json"));
    EXPECT_TRUE(parsed.ok()) << (parsed.ok() ? "" : parsed.error().detail);
    return parsed.value();
  }();
  return r;
}

const std::vector<LprRate> kLpr = {{"2023-01-20", 365, 430}, {"2023-06-20", 355, 420}, {"2023-08-21", 345, 420},
                                   {"2024-02-20", 345, 395}, {"2024-07-22", 335, 385}, {"2024-10-21", 310, 360},
                                   {"2025-05-20", 300, 350}};

Quote run(QuoteInput in) { return quote(*rules().scheme(in.scheme), in, kLpr); }

// The facts a scheme reads; the rest of the input as the service leaves it when unused.
QuoteInput input(std::string scheme, int64_t base, std::map<std::string, bool> facts, int64_t paid) {
  QuoteInput in;
  in.scheme = std::move(scheme);
  in.base_fen = base;
  in.facts = std::move(facts);
  in.paid_before_fen = paid;
  return in;
}
QuoteInput diagnosis(int64_t cost, bool done = true, int64_t paid = 0) {
  return input("diagnosis", cost, {{"task_completed", done}}, paid);
}
QuoteInput transformation(int64_t cost, int level, bool done = true, int64_t paid = 0) {
  auto in = input("transformation", cost, {{"task_completed", done}}, paid);
  in.level = level;
  return in;
}
QuoteInput provider(int64_t fees, bool in_zz = true, bool done = true, int64_t paid = 0) {
  return input("provider", fees, {{"in_directory", true}, {"in_zhengzhou", in_zz}, {"all_tasks_completed", done}}, paid);
}
QuoteInput loan(int64_t principal, std::string date, int months, int64_t paid = 0,
                std::optional<int64_t> interest_paid = std::nullopt) {
  auto in = input("loan_interest", principal, {}, paid);
  in.loan_date = std::move(date);
  in.term_months = months;
  in.interest_paid_fen = interest_paid;
  return in;
}

TEST(SubsidyRules, DataFileParses) {
  EXPECT_EQ(rules().schemes.size(), 5u);
  EXPECT_EQ(rules().scheme("provider")->caps.at(0).per, "provider");
  EXPECT_EQ(rules().scheme("transformation")->min_level, 2);
}

TEST(SubsidyRules, RefusesBrokenRuleData) {
  EXPECT_FALSE(Service::parse_rules("[]").ok());
  EXPECT_FALSE(Service::parse_rules(R"({"version":"x","effective_from":"2024-01-01","schemes":[
    {"code":"a","name":"n","clause":"c","kind":"share","base_field":"b","rate_bp":20000}]})").ok());
  EXPECT_FALSE(Service::parse_rules(R"({"version":"x","effective_from":"2024-01-01","schemes":[
    {"code":"a","name":"n","clause":"c","kind":"fixed","caps":[{"id":"k","label":"l","amount_fen":1,"per":"city","period":"all_years"}]}]})").ok());
}

TEST(SubsidyRules, DiagnosisSeventyPercentUpToThirtyThousandYuan) {
  auto below = run(diagnosis(4'285'714));  // 70 % = 2,999,999.8 分 → 2,999,999
  EXPECT_TRUE(below.eligible);
  EXPECT_EQ(below.amount_fen, 2'999'999);
  EXPECT_EQ(below.cap_applied, "");
  auto at = run(diagnosis(4'285'715));  // 3,000,000.5 → exactly the cap, not bound by it
  EXPECT_EQ(at.amount_fen, 3'000'000);
  EXPECT_EQ(at.cap_applied, "");
  auto over = run(diagnosis(4'285'716));  // 3,000,001.2 → one 分 over: cut
  EXPECT_EQ(over.amount_fen, 3'000'000);
  EXPECT_EQ(over.cap_applied, "diagnosis_per_enterprise");
  EXPECT_EQ(over.proposed_fen, 3'000'001);
}

TEST(SubsidyRules, DiagnosisOnlyAfterTheTransformationTask) {
  auto q = run(diagnosis(1'000'000, false));
  EXPECT_FALSE(q.eligible);
  EXPECT_EQ(q.amount_fen, 0);
  EXPECT_NE(q.reason.find("尚未完成"), std::string::npos);
}

TEST(SubsidyRules, EarlierPaymentsCountAgainstTheCap) {
  EXPECT_EQ(run(diagnosis(10'000'000, true, 2'999'999)).amount_fen, 1);
  auto full = run(diagnosis(10'000'000, true, 3'000'000));
  EXPECT_TRUE(full.eligible);
  EXPECT_EQ(full.amount_fen, 0);
  EXPECT_EQ(full.cap_applied, "diagnosis_per_enterprise");
  EXPECT_EQ(run(diagnosis(10'000'000, true, 5'000'000)).amount_fen, 0);
}

TEST(SubsidyRules, EachCapCountsThePaymentsOfItsOwnScope) {
  Scheme s = *rules().scheme("provider");
  s.caps.push_back({"provider_per_year", "每年不超过100万元", 100'000'000, "provider", "year"});
  QuoteInput in = provider(6'000'000'000);  // 5 % = 300万元
  in.paid_by_cap = {{"provider_all_years", 250'000'000}, {"provider_per_year", 0}};
  auto q = quote(s, in, kLpr);
  EXPECT_EQ(q.amount_fen, 50'000'000);  // the all-years cap leaves 50万元, below the year's 100万元
  EXPECT_EQ(q.cap_applied, "provider_all_years");
  in.paid_by_cap = {{"provider_all_years", 0}, {"provider_per_year", 60'000'000}};
  q = quote(s, in, kLpr);
  EXPECT_EQ(q.amount_fen, 40'000'000);
  EXPECT_EQ(q.cap_applied, "provider_per_year");
}

TEST(SubsidyRules, TransformationNeedsLevelTwoAndTheTask) {
  auto one = run(transformation(1'000'000, 1));
  EXPECT_FALSE(one.eligible);
  EXPECT_NE(one.reason.find("一级"), std::string::npos);
  EXPECT_FALSE(run(transformation(1'000'000, 2, false)).eligible);
  auto two = run(transformation(1'000'001, 2));
  EXPECT_TRUE(two.eligible);
  EXPECT_EQ(two.amount_fen, 500'000);  // half of 1,000,001 rounds down
  EXPECT_TRUE(run(transformation(1'000'000, 4)).eligible);
}

TEST(SubsidyRules, TransformationCapHoldsAcrossTranches) {
  EXPECT_EQ(run(transformation(400'000'000, 2)).cap_applied, "");
  EXPECT_EQ(run(transformation(400'000'000, 2)).amount_fen, 200'000'000);
  auto over = run(transformation(400'000'002, 2));
  EXPECT_EQ(over.amount_fen, 200'000'000);
  EXPECT_EQ(over.cap_applied, "transformation_per_enterprise");
  EXPECT_EQ(run(transformation(400'000'000, 2, true, 150'000'000)).amount_fen, 50'000'000);
}

TEST(SubsidyRules, ProviderInZhengzhouAfterAllTasks) {
  EXPECT_FALSE(run(provider(1'000'000, false)).eligible);
  EXPECT_FALSE(run(provider(1'000'000, true, false)).eligible);
  EXPECT_EQ(run(provider(1'000'019)).amount_fen, 50'000);
  EXPECT_EQ(run(provider(6'000'000'000)).amount_fen, 300'000'000);
  EXPECT_EQ(run(provider(6'000'000'000)).cap_applied, "");
  EXPECT_EQ(run(provider(6'000'000'020)).cap_applied, "provider_all_years");
  EXPECT_EQ(run(provider(6'000'000'000, true, true, 299'999'999)).amount_fen, 1);
}

TEST(SubsidyRules, ChainCaseUpToOneMillionYuan) {
  auto in = input("chain", 0, {{"recognized_by_miit", true}}, 0);
  auto q = run(in);
  EXPECT_EQ(q.amount_fen, 100'000'000);
  EXPECT_EQ(q.cap_applied, "chain_per_enterprise");
  in.paid_before_fen = 30'000'000;
  EXPECT_EQ(run(in).amount_fen, 70'000'000);
  in.facts["recognized_by_miit"] = false;
  EXPECT_FALSE(run(in).eligible);
}

TEST(SubsidyRules, LprInForceFromItsAnnouncementDay) {
  EXPECT_FALSE(lpr_in_force(kLpr, "2023-01-19"));
  EXPECT_EQ(lpr_in_force(kLpr, "2023-01-20")->one_year_bp, 365);
  EXPECT_EQ(lpr_in_force(kLpr, "2024-07-21")->one_year_bp, 345);
  EXPECT_EQ(lpr_in_force(kLpr, "2024-07-22")->one_year_bp, 335);
  EXPECT_EQ(lpr_in_force(kLpr, "2026-04-30")->one_year_bp, 300);
}

TEST(SubsidyRules, LoanInterestAtMostTwoYears) {
  // 10万元 on 2024-08-15 (1-year LPR 3.35 %): 36 months → 24 subsidised: 100,000 × 3.35 % × 2 = 6,700 元.
  auto q = run(loan(10'000'000, "2024-08-15", 36));
  EXPECT_EQ(q.amount_fen, 670'000);
  EXPECT_EQ(q.months, 24);
  EXPECT_EQ(q.rate_bp, 335);
  EXPECT_EQ(run(loan(10'000'000, "2024-08-15", 24)).amount_fen, 670'000);
  // A shorter loan by its actual term.
  EXPECT_EQ(run(loan(10'000'000, "2024-08-15", 12)).amount_fen, 335'000);
  EXPECT_EQ(run(loan(10'000'000, "2024-08-15", 7)).amount_fen, 195'416);  // 195,416.67 rounds down
}

TEST(SubsidyRules, LoansLongerThanFiveYearsUseTheFiveYearRate) {
  EXPECT_EQ(run(loan(10'000'000, "2024-08-15", 60)).rate_bp, 335);
  auto q = run(loan(10'000'000, "2024-08-15", 61));
  EXPECT_EQ(q.rate_bp, 385);
  EXPECT_EQ(q.amount_fen, 770'000);
}

TEST(SubsidyRules, LoanInterestCapsPerEnterpriseAndAtInterestPaid) {
  auto big = run(loan(2'000'000'000, "2024-08-15", 24));  // 134万元 of interest
  EXPECT_EQ(big.amount_fen, 50'000'000);
  EXPECT_EQ(big.cap_applied, "loan_interest_per_enterprise");
  EXPECT_EQ(run(loan(2'000'000'000, "2024-08-15", 24, 49'999'999)).amount_fen, 1);
  auto paid = run(loan(10'000'000, "2024-08-15", 24, 0, 600'000));
  EXPECT_EQ(paid.amount_fen, 600'000);
  EXPECT_EQ(paid.cap_applied, "interest_paid");
}

TEST(SubsidyRules, ProviderOnlyForAYearInTheDirectory) {
  auto in = provider(1'000'000);
  in.facts["in_directory"] = false;
  in.details["in_directory"] = "已于 2025-12-31 出库";
  auto q = run(in);
  EXPECT_FALSE(q.eligible);
  EXPECT_NE(q.reason.find("三(三)"), std::string::npos) << q.reason;
  EXPECT_NE(q.reason.find("已于 2025-12-31 出库"), std::string::npos) << q.reason;
}

TEST(LoanMonths, WholeMonthsFromTheLoanDay) {
  EXPECT_EQ(months_elapsed("2024-08-15", "2024-09-14"), 0);
  EXPECT_EQ(months_elapsed("2024-08-15", "2024-09-15"), 1);
  EXPECT_EQ(months_elapsed("2024-08-15", "2026-08-15"), 24);
  // A loan on the 31st: month 1 ends on the last day of a shorter month.
  EXPECT_EQ(months_elapsed("2024-01-31", "2024-02-28"), 0);
  EXPECT_EQ(months_elapsed("2024-01-31", "2024-02-29"), 1);
  EXPECT_EQ(month_start("2024-08-15", 1), "2024-08-15");
  EXPECT_EQ(month_start("2024-08-15", 13), "2025-08-15");
  EXPECT_EQ(month_start("2024-01-31", 2), "2024-02-29");
}

TEST(LoanMonths, PlausibleInterestAtTheCeilingRate) {
  const Scheme& s = *rules().scheme("loan_interest");
  EXPECT_EQ(s.plausible_rate_bp, 1500);
  // 100万元 × 15 % × 6 / 12 = 75,000 元.
  EXPECT_EQ(plausible_interest_fen(s, 100'000'000, 6), 7'500'000);
  EXPECT_EQ(plausible_interest_fen(s, 100'000'000, 0), 0);
}

TEST(SubsidyRules, ConfirmedMonthsLimitTheInterestAndSaySo) {
  auto in = loan(10'000'000, "2024-08-15", 24);
  in.confirmed_months = 6;
  auto q = run(in);
  EXPECT_EQ(q.months, 6);
  EXPECT_EQ(q.amount_fen, 167'500);  // 100,000 × 3.35 % × 6 / 12
  EXPECT_NE(q.explanation.find("前 6 个月"), std::string::npos) << q.explanation;
}

TEST(SubsidyRules, MoneyAndRateText) {
  EXPECT_EQ(yuan_text(0), "0.00");
  EXPECT_EQ(yuan_text(300'000'000), "3,000,000.00");
  EXPECT_EQ(yuan_text(-105), "-1.05");
  EXPECT_EQ(percent_text(345), "3.45");
  EXPECT_EQ(percent_text(7000), "70");
  EXPECT_EQ(percent_text(350), "3.5");
  EXPECT_TRUE(valid_date("2024-02-29"));
  EXPECT_FALSE(valid_date("2023-02-29"));
  EXPECT_FALSE(valid_date("2024-13-01"));
}

}  // namespace
}  // namespace sz::funding
