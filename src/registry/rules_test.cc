#include "registry/rules.h"

#include <gtest/gtest.h>

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

}  // namespace sz::registry
