#include "records/rules.h"

#include <gtest/gtest.h>

namespace sz::records {
namespace {

Decision decided(std::string on) { return {std::move(on), "工业和信息化部", "工信厅信发〔2025〕12号", std::nullopt, "", 0}; }

TEST(Decision, ARealDayThatHasCome) {
  EXPECT_TRUE(check_decision(decided("2025-09-30"), "2025-09-30", "认定日期").ok());
  auto future = check_decision(decided("2025-10-01"), "2025-09-30", "认定日期");
  ASSERT_FALSE(future.ok());
  EXPECT_EQ(future.error().field, "on");
  EXPECT_EQ(future.error().message, "认定日期不能晚于今天");
  auto bad = check_decision(decided("2025-02-30"), "2025-09-30", "建成日期");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message, "建成日期应为有效日期 YYYY-MM-DD");
}

TEST(Decision, NamesWhoDecidedAndOnWhatEvidence) {
  auto d = decided("2025-09-30");
  d.decided_by = "  ";
  EXPECT_EQ(check_decision(d, "2026-01-01", "认定日期").error().field, "decided_by");
  d = decided("2025-09-30");
  d.evidence = "";
  EXPECT_EQ(check_decision(d, "2026-01-01", "认定日期").error().field, "evidence");
  d.evidence = std::string(501, 'x');
  EXPECT_EQ(check_decision(d, "2026-01-01", "认定日期").error().field, "evidence");
}

}  // namespace
}  // namespace sz::records
