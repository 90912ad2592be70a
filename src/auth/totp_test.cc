#include "auth/totp.h"

#include <gtest/gtest.h>

#include <set>

namespace sz::auth::totp {

// RFC 6238, appendix B: the SHA-1 secret "12345678901234567890" (base32 below), codes cut to six digits.
const std::string kRfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

TEST(Totp, Rfc6238Vectors) {
  EXPECT_EQ(code_at(kRfcSecret, 59), "287082");
  EXPECT_EQ(code_at(kRfcSecret, 1111111109), "081804");
  EXPECT_EQ(code_at(kRfcSecret, 1234567890), "005924");
  EXPECT_EQ(code_at(kRfcSecret, 2000000000), "279037");
}

TEST(Totp, AcceptsOneStepOfDriftAndNamesTheStep) {
  const int64_t now = 1111111109;
  EXPECT_EQ(matching_step(kRfcSecret, now, "081804"), now / kStepSeconds);
  EXPECT_EQ(matching_step(kRfcSecret, now + 30, "081804"), now / kStepSeconds);
  EXPECT_EQ(matching_step(kRfcSecret, now - 30, "081804"), now / kStepSeconds);
  EXPECT_EQ(matching_step(kRfcSecret, now + 90, "081804"), std::nullopt);
  EXPECT_EQ(matching_step(kRfcSecret, now, "081805"), std::nullopt);
  EXPECT_EQ(matching_step(kRfcSecret, now, "08180"), std::nullopt);
  EXPECT_EQ(matching_step(kRfcSecret, now, "08180x"), std::nullopt);
  EXPECT_EQ(matching_step("not base32!", now, "081804"), std::nullopt);
}

TEST(Totp, NewSecretsWorkWithTheirOwnCodes) {
  auto a = new_secret(), b = new_secret();
  EXPECT_EQ(a.size(), 32u);  // 160 bits in base32, no padding
  EXPECT_NE(a, b);
  EXPECT_TRUE(matching_step(a, 1700000000, code_at(a, 1700000000)));
  auto uri = otpauth_uri("郑州数转", "admin", a);
  EXPECT_EQ(uri.rfind("otpauth://totp/", 0), 0u);
  EXPECT_NE(uri.find("secret=" + a), std::string::npos);
  EXPECT_NE(uri.find("period=30"), std::string::npos);
}

TEST(RecoveryCodes, TenDistinctCodesAndTheirCanonicalForm) {
  auto codes = new_recovery_codes();
  EXPECT_EQ(codes.size(), 10u);
  EXPECT_EQ(std::set<std::string>(codes.begin(), codes.end()).size(), 10u);
  EXPECT_EQ(codes[0].size(), 14u);
  EXPECT_EQ(canonical_recovery_code(" ABCD-efgh-2345 "), "abcdefgh2345");
}

}  // namespace sz::auth::totp
