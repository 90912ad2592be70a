#include "infra/text.h"

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
