#include "infra/text.h"
#include "infra/clock.h"

#include <gtest/gtest.h>

namespace sz::text {

TEST(Text, Utf8LengthAndValidity) {
  EXPECT_EQ(utf8_length("巩义a"), 3u);
  EXPECT_TRUE(valid_utf8("郑州"));
  EXPECT_FALSE(valid_utf8(std::string("\xe9\x83", 2)));
  EXPECT_EQ(code_points("郑a").size(), 2u);
}

TEST(Masking, PhonesAndChineseNames) {
  EXPECT_EQ(mask_phone("13803710001"), "138****0001");
  EXPECT_EQ(mask_phone("0371-1234"), "0*******4");
  EXPECT_EQ(mask_name("王建国"), "王*国");
  EXPECT_EQ(mask_name("王伟"), "王*");
  EXPECT_EQ(mask_name(""), "");
}

TEST(HiddenText, ControlsDirectionOverridesAndInvisibleOnlyAreRefused) {
  using namespace std::string_literals;
  EXPECT_EQ(hidden_problem("郑州示范机械有限公司", false), std::nullopt);
  EXPECT_EQ(hidden_problem("", false), std::nullopt);  // emptiness is the field's own rule
  EXPECT_EQ(hidden_problem("巩义👩\u200d💻软件", false), std::nullopt);  // a zero-width joiner inside a name
  EXPECT_EQ(hidden_problem("第一行\n第二行\t缩进", true), std::nullopt);
  EXPECT_NE(hidden_problem("第一行\n第二行", false), std::nullopt);
  EXPECT_NE(hidden_problem("a\0b"s, true), std::nullopt);
  EXPECT_NE(hidden_problem("a\x7f", true), std::nullopt);
  EXPECT_NE(hidden_problem("a\u0085b", true), std::nullopt);  // C1 control (NEL)
  EXPECT_NE(hidden_problem("invoice\u202efdp.exe", false), std::nullopt);
  EXPECT_NE(hidden_problem("\u2066名称\u2069", true), std::nullopt);
  EXPECT_NE(hidden_problem("\u200b\u200c\u2060\ufeff", false), std::nullopt);
  EXPECT_NE(hidden_problem(" \u3000\u00a0", true), std::nullopt);
}

}  // namespace sz::text

namespace sz {
TEST(Dates, DayNumbersRoundTripAndRefuseImpossibleDays) {
  EXPECT_EQ(day_number("1970-01-01"), 0);
  EXPECT_EQ(day_number("2024-03-01").value() - day_number("2024-02-28").value(), 2);  // leap year
  EXPECT_EQ(day_number("2023-03-01").value() - day_number("2023-02-28").value(), 1);
  // 2024-12-31 ends at 2025-01-01 00:00 Beijing = 2024-12-31T16:00:00Z.
  EXPECT_EQ(iso_utc(shanghai_day_end("2024-12-31").value()), "2024-12-31T16:00:00Z");
  EXPECT_EQ(shanghai_date(shanghai_day_end("2024-12-31").value() - 1), "2024-12-31");
  EXPECT_EQ(shanghai_day_end("2024-02-30"), std::nullopt);
  EXPECT_FALSE(day_number("2023-02-29"));
  EXPECT_FALSE(day_number("2024-13-01"));
  EXPECT_FALSE(day_number("2024-1-01"));
  for (const char* d : {"2000-02-29", "2024-12-31", "2026-11-27", "1999-01-01"}) EXPECT_EQ(day_text(*day_number(d)), d);
}
}  // namespace sz
