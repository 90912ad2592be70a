#include "documents/rules.h"

#include <gtest/gtest.h>

namespace sz::documents {

TEST(Detect, ByContentNotByName) {
  EXPECT_EQ(detect("%PDF-1.7\n", {})->mime, "application/pdf");
  EXPECT_EQ(detect(std::string("\x89PNG\r\n\x1a\n....", 12), {})->mime, "image/png");
  EXPECT_EQ(detect("\xFF\xD8\xFF\xE0", {})->mime, "image/jpeg");
  EXPECT_EQ(detect(std::string("\0\0\0\x20" "ftypisom", 12), {})->mime, "video/mp4");
  EXPECT_EQ(detect("PK\x03\x04", {"[Content_Types].xml", "word/document.xml"})->extension, ".docx");
  EXPECT_EQ(detect("PK\x03\x04", {"[Content_Types].xml", "xl/workbook.xml"})->extension, ".xlsx");
  EXPECT_EQ(detect("PK\x03\x04", {"a.txt"})->extension, ".zip");
  EXPECT_FALSE(detect("<html><script>", {}));
  EXPECT_FALSE(detect("MZ\x90\x00", {}));  // a Windows executable, whatever it is called
}

TEST(Names, Sanitised) {
  FileType pdf{"application/pdf", "PDF", ".pdf"};
  EXPECT_EQ(sanitize_name("../../etc/passwd", pdf), "passwd.pdf");
  EXPECT_EQ(sanitize_name("C:\\Users\\a\\诊断报告.pdf", pdf), "诊断报告.pdf");
  EXPECT_EQ(sanitize_name("a<b>:c|d?.pdf", pdf), "a_b__c_d_.pdf");
  EXPECT_EQ(sanitize_name("..hidden.pdf", pdf), "hidden.pdf");
  EXPECT_EQ(sanitize_name(std::string("x\ny\0z.pdf", 9), pdf), "xyz.pdf");
  EXPECT_EQ(sanitize_name("", pdf), "文件.pdf");
  EXPECT_EQ(sanitize_name("报告", pdf), "报告.pdf");
  EXPECT_EQ(sanitize_name(std::string("\xff\xfe", 2), pdf), "文件.pdf");
}

}  // namespace sz::documents
