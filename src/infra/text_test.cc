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
