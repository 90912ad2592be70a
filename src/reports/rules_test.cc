#include "reports/rules.h"

#include <gtest/gtest.h>

namespace sz::reports {
namespace {

TEST(ReportRules, PeriodsAndTheirDays) {
  auto m = parse_period("2026-02");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->label(), "2026年2月");
  EXPECT_EQ(m->first_day(), "2026-02-01");
  EXPECT_EQ(m->last_day(), "2026-02-28");
  EXPECT_EQ(parse_period("2024-02")->last_day(), "2024-02-29");
  auto q = parse_period("2025-Q4");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->label(), "2025年第四季度");
  EXPECT_EQ(q->first_day(), "2025-10-01");
  EXPECT_EQ(q->last_day(), "2025-12-31");
  for (const char* bad : {"2026-13", "2026-00", "2026-Q5", "26-10", "2026/10", "", "2026-1a"}) EXPECT_FALSE(parse_period(bad)) << bad;
}

TEST(ReportRules, PreviousPeriodCrossesTheYear) {
  EXPECT_EQ(previous_period("month", "2026-01-15").code, "2025-12");
  EXPECT_EQ(previous_period("month", "2026-11-27").code, "2026-10");
  EXPECT_EQ(previous_period("quarter", "2026-02-01").code, "2025-Q4");
  EXPECT_EQ(previous_period("quarter", "2026-11-27").code, "2026-Q3");
}

TEST(ReportRules, ChangesNameWhatMoved) {
  auto c = changes({{"验收通过", 4}, {"已评测", 100}}, {{"验收通过", 6}, {"已评测", 100}, {"上云", 3}});
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].item, "验收通过");
  EXPECT_EQ(c[0].before, 4);
  EXPECT_EQ(c[0].after, 6);
  EXPECT_EQ(c[1].item, "上云");
  EXPECT_EQ(c[1].before, 0);
}

TEST(ReportRules, EveryProjectStateHasAForecastStage) {
  EXPECT_EQ(stage_of("declared"), 1);
  EXPECT_EQ(stage_of("expert_review"), 1);
  EXPECT_EQ(stage_of("implementing"), 2);
  EXPECT_EQ(stage_of("failed"), 3);  // back to acceptance after a failed on-site check
  EXPECT_EQ(stage_of("onsite"), 3);
  EXPECT_EQ(stage_of("subsidized"), 4);
}

TEST(ReportRules, PercentRoundsDown) {
  EXPECT_EQ(percent(4, 440), "0.90%");
  EXPECT_EQ(percent(107, 107), "100.00%");
  EXPECT_EQ(percent(1, 3), "33.33%");
  EXPECT_EQ(percent(1, 0), "—");
}

}  // namespace
}  // namespace sz::reports
