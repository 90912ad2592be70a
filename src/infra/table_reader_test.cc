// The spreadsheet reader's shared-strings budget: within it a workbook reads as before; past its count or its
// bytes the file is refused with a Chinese reason, before the table can grow.
#include "infra/table_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "infra/zip_writer.h"

namespace sz::table {
namespace {

const char* kWorkbook =
    R"(<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>)"
    R"(<sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>)";
const char* kRels =
    R"(<Relationships><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>)";
const char* kSheet = R"(<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>2</v></c></row>)"
                     R"(</sheetData></worksheet>)";

class SharedStringsBudget : public ::testing::Test {
 protected:
  void TearDown() override { std::filesystem::remove(path_); }
  // A workbook whose one row shows shared strings 0 and 2 of `sst` (the <si> elements), or `sheet`.
  std::string book(const std::string& sst, const std::string& sheet = kSheet) {
    auto s = zip::write(path_,
                        {{"xl/workbook.xml", kWorkbook, ""},
                         {"xl/_rels/workbook.xml.rels", kRels, ""},
                         {"xl/sharedStrings.xml", "<sst>" + sst + "</sst>", ""},
                         {"xl/worksheets/sheet1.xml", sheet, ""}},
                        0);
    EXPECT_TRUE(s.ok());
    return path_;
  }
  Result<Row> first_row(const Limits& limits) {
    SZ_ASSIGN(auto reader, open(path_, limits));
    Row row;
    SZ_ASSIGN(bool got, reader->next(row));
    if (!got) return bad_file("no row");
    return row;
  }
  std::string path_ = (std::filesystem::temp_directory_path() / ("sz_sst_" + std::to_string(getpid()) + ".xlsx")).string();
};

TEST_F(SharedStringsBudget, WithinTheBudgetStringsReadAsBefore) {
  book("<si><t>巩义</t></si><si/><si><r><t>铝</t></r><r><t>业</t></r><rPh><t>ye</t></rPh></si>");
  Limits l;
  l.max_shared_strings = 3;
  l.max_shared_string_bytes = 12;  // 巩义 and 铝业: 12 bytes of UTF-8
  auto row = first_row(l);
  ASSERT_TRUE(row.ok()) << row.error().message;
  EXPECT_EQ(row->cells, (std::vector<std::string>{"巩义", "铝业"}));
}

// Found by the fuzz campaign: a cell whose reference the reader refuses ("a1") stops the parser in its start tag, but
// expat still reports the end of an empty element — which then stored the cell at column -1 of an empty row.
TEST_F(SharedStringsBudget, ACellRefusedInItsStartTagIsNotStoredAtItsEnd) {
  book("<si><t>a</t></si>", R"(<worksheet><sheetData><row r="1"><c r="a1"/></row></sheetData></worksheet>)");
  auto row = first_row(Limits{});
  ASSERT_FALSE(row.ok());
  EXPECT_NE(row.error().message.find("列数"), std::string::npos) << row.error().message;
}

TEST_F(SharedStringsBudget, OneStringTooManyIsRefused) {
  book("<si><t>a</t></si><si/><si><t>b</t></si><si/>");
  Limits l;
  l.max_shared_strings = 3;
  auto row = first_row(l);
  ASSERT_FALSE(row.ok());
  EXPECT_EQ(row.error().status, 422);
  EXPECT_NE(row.error().message.find("共享字符串超过上限（3 个）"), std::string::npos) << row.error().message;
}

TEST_F(SharedStringsBudget, TooManyBytesAreRefused) {
  book("<si><t>" + std::string(600, 'x') + "</t></si><si/><si><t>" + std::string(600, 'y') + "</t></si>");
  Limits l;
  l.max_shared_string_bytes = 1000;
  auto row = first_row(l);
  ASSERT_FALSE(row.ok());
  EXPECT_NE(row.error().message.find("共享字符串总长超过上限"), std::string::npos) << row.error().message;
}

TEST_F(SharedStringsBudget, AStringLongerThanACellIsRefused) {
  book("<si><t>" + std::string(200, 'x') + "</t></si><si/><si/>");
  Limits l;
  l.max_cell_chars = 10;
  auto row = first_row(l);
  ASSERT_FALSE(row.ok());
  EXPECT_NE(row.error().message.find("单元格内容过长"), std::string::npos) << row.error().message;
}

}  // namespace
}  // namespace sz::table
