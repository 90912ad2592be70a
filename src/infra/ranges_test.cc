#include "infra/ranges.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace sz::ranges {
namespace {

std::string data_file() {
  std::ifstream in(std::string(SZ_SOURCE_DIR) + "/data/input-ranges.json");
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class RangesTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(install(data_file()).ok()); }
};

TEST_F(RangesTest, BoundsAreInclusiveAndTheMessageNamesFieldAndRange) {
  EXPECT_TRUE(check("revenue_fen", 0, "revenue").ok());
  EXPECT_TRUE(check("revenue_fen", 5'000'000'000'000, "revenue").ok());
  auto over = check("revenue_fen", 5'000'000'000'001, "revenue", "营业收入（分）");
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.error().status, 422);
  EXPECT_EQ(over.error().field, "revenue");
  EXPECT_NE(over.error().message.find("营业收入（分）应在 0元 至 500亿元 之间"), std::string::npos) << over.error().message;
  EXPECT_NE(over.error().message.find("以分计：0–5000000000000"), std::string::npos);
  EXPECT_FALSE(check("revenue_fen", -1, "revenue").ok());
  EXPECT_FALSE(check("revenue_fen", INT64_MAX, "revenue").ok());
}

TEST_F(RangesTest, CountsNameTheirUnit) {
  auto r = check("cloud_stars", 6, "cloud_stars");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("上云星级应在 0 至 5 星 之间"), std::string::npos) << r.error().message;
  EXPECT_EQ(bounds_text(get("project_fen")), "0.01元 至 10亿元");
}

// Every money range keeps a sum over a million enterprises inside 64 bits: the summary tables add them exactly.
TEST_F(RangesTest, AMillionOfTheLargestAmountsStillFitIn64Bits) {
  for (auto name : {"revenue_fen", "rd_spending_fen", "project_fen", "fund_budget_fen", "loan_principal_fen"}) {
    const auto& r = get(name);
    EXPECT_LE(static_cast<__int128>(r.max) * 1'000'000, static_cast<__int128>(INT64_MAX)) << name;
  }
}

TEST(RangesInstall, RefusesADocumentMissingARangeTheCodeUses) {
  EXPECT_FALSE(install(R"({"ranges": {}})").ok());
  EXPECT_FALSE(install(R"({"ranges": {"cloud_stars": {"label": "x", "unit": "星", "min": 5, "max": 1, "reason": "r"}}})").ok());
  EXPECT_FALSE(install("[]").ok());
}

TEST(RangesInstall, RefusesAMoneyRangeWhoseMillionfoldSumOverflows) {
  std::string doc = data_file();
  auto at = doc.find("\"max\": 5000000000000");
  ASSERT_NE(at, std::string::npos);
  doc.replace(at, std::string("\"max\": 5000000000000").size(), "\"max\": 50000000000000");
  EXPECT_FALSE(install(doc).ok());
}

}  // namespace
}  // namespace sz::ranges
