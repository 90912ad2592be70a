#include "infra/pdf.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "infra/crypto.h"

namespace sz::pdf {
namespace {

namespace fs = std::filesystem;

std::string render(const std::string& name, int64_t created_at, int rows) {
  fs::path path = fs::temp_directory_path() / name;
  auto doc = Document::create(path.string(), {"郑州市数字化转型试点工作通报", "郑州市工业和信息化局", "2026年10月", created_at,
                                              "郑州市工业和信息化局"});
  EXPECT_TRUE(doc);
  auto& d = **doc;
  d.title("郑州市中小企业数字化转型试点工作通报", "2026年第10期");
  d.heading("一、目标任务完成情况");
  d.paragraph("截至本期，试点企业验收通过并达到二级的共 4 家，完成率 0.91%。");
  std::vector<std::vector<std::string>> table;
  for (int i = 0; i < rows; ++i) table.push_back({"巩义市", std::to_string(i), "107", "0.00%"});
  d.table({{"区县", 2}, {"验收通过", 1, true}, {"任务", 1, true}, {"完成率", 1, true}}, table);
  d.bars("各行业改造企业数（红线为目标）", {{"汽车零部件", 3, 110, "3 / 110"}, {"耐火材料", 12, 119, "12 / 119"}});
  EXPECT_TRUE(d.close());
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(Pdf, SameContentAndDateGiveTheSameBytes) {
  std::string a = render("sz-pdf-a.pdf", 1'790'000'000, 5);
  std::string b = render("sz-pdf-b.pdf", 1'790'000'000, 5);
  ASSERT_GT(a.size(), 1000u);
  EXPECT_EQ(a.substr(0, 5), "%PDF-");
  EXPECT_EQ(crypto::sm3_hex(a), crypto::sm3_hex(b));
  EXPECT_NE(crypto::sm3_hex(a), crypto::sm3_hex(render("sz-pdf-c.pdf", 1'790'000'001, 5)));
}

TEST(Pdf, LongTablesBreakAcrossPagesWithNumbers) {
  std::string one = render("sz-pdf-short.pdf", 1'790'000'000, 5);
  std::string many = render("sz-pdf-long.pdf", 1'790'000'000, 200);
  auto pages = [](const std::string& pdf) {
    size_t n = 0;  // page objects: "/Type /Page", not "/Type /Pages"
    for (size_t at = pdf.find("/Type /Page"); at != std::string::npos; at = pdf.find("/Type /Page", at + 1))
      if (pdf.compare(at, 12, "/Type /Pages") != 0) ++n;
    return n;
  };
  EXPECT_EQ(pages(one), 1u);
  EXPECT_GT(pages(many), 3u);
}

TEST(Pdf, TheReportFontIsFound) { EXPECT_NE(font_file().find("NotoSansCJK"), std::string::npos); }

}  // namespace
}  // namespace sz::pdf
