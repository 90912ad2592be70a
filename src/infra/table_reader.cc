#include "infra/table_reader.h"

#include <expat.h>
#include <iconv.h>
#include <zip.h>

#include <cstring>
#include <deque>
#include <fstream>
#include <map>

#include "infra/text.h"

namespace sz::table {

Error bad_file(const std::string& message) { return {422, "bad_file", message, "file", {}}; }

bool Row::empty() const {
  for (const auto& c : cells)
    if (c.find_first_not_of(" \t\r\n") != std::string::npos) return false;
  return true;
}

namespace {

// ---------- .xlsx ----------

// One zip entry read in chunks, counting what is really inflated against the whole file's budget.
class ZipEntry {
 public:
  ZipEntry(zip_t* z, const char* name, int64_t* budget) : budget_(budget) { f_ = zip_fopen(z, name, 0); }
  ~ZipEntry() {
    if (f_) zip_fclose(f_);
  }
  bool ok() const { return f_ != nullptr; }
  // Bytes read (0 at the end), or -1 on a corrupt entry, -2 when the budget is spent.
  int64_t read(char* buf, size_t n) {
    zip_int64_t got = zip_fread(f_, buf, n);
    if (got < 0) return -1;
    *budget_ -= got;
    if (*budget_ < 0) return -2;
    return got;
  }

 private:
  zip_file_t* f_ = nullptr;
  int64_t* budget_;
};

Error inflate_error(int64_t code) {
  if (code == -2) return bad_file("表格解压后的数据超过上限（可能是压缩炸弹），已拒绝");
  return bad_file("表格文件已损坏，无法解压");
}

// The user data every part handler receives: the part's own context, and the parser to stop on a DOCTYPE.
struct PartCtx {
  XML_Parser parser;
  void* user;
  bool doctype = false;
};
template <class T>
T* ctx_of(void* u) {
  return static_cast<T*>(static_cast<PartCtx*>(u)->user);
}

// Stops a part's parse for good. Expat may still report events after XML_StopParser — the end of an empty element
// whose start refused it (the fuzz campaign's cell stored at column -1) — so its handlers go too: nothing acts on
// what was refused.
void halt(XML_Parser p) {
  XML_SetElementHandler(p, nullptr, nullptr);
  XML_SetCharacterDataHandler(p, nullptr);
  XML_StopParser(p, XML_FALSE);
}

void XMLCALL refuse_doctype(void* u, const XML_Char*, const XML_Char*, const XML_Char*, int) {
  auto* c = static_cast<PartCtx*>(u);
  c->doctype = true;
  halt(c->parser);
}

const char* attr(const XML_Char** atts, const char* name) {
  for (int i = 0; atts[i]; i += 2)
    if (std::strcmp(atts[i], name) == 0) return atts[i + 1];
  return nullptr;
}

// Local name without a namespace prefix ("x:row" → "row").
const char* local(const char* name) {
  const char* colon = std::strrchr(name, ':');
  return colon ? colon + 1 : name;
}

// Reads a whole small XML part (workbook, rels, shared strings) through expat with the given handlers.
Status parse_part(zip_t* z, const char* name, int64_t* budget, void* user, XML_StartElementHandler start,
                  XML_EndElementHandler end, XML_CharacterDataHandler chars, bool required) {
  ZipEntry entry(z, name, budget);
  if (!entry.ok()) {
    if (required) return bad_file(std::string("不是有效的 .xlsx 表格：缺少 ") + name);
    return ok();
  }
  XML_Parser p = XML_ParserCreate("UTF-8");
  PartCtx ctx{p, user};
  XML_SetUserData(p, &ctx);
  XML_SetElementHandler(p, start, end);
  if (chars) XML_SetCharacterDataHandler(p, chars);
  XML_SetStartDoctypeDeclHandler(p, refuse_doctype);
  char buf[65536];
  Status result = ok();
  for (;;) {
    int64_t n = entry.read(buf, sizeof buf);
    if (n < 0) {
      result = inflate_error(n);
      break;
    }
    if (XML_Parse(p, buf, static_cast<int>(n), n == 0) == XML_STATUS_ERROR) {
      result = ctx.doctype ? bad_file("表格 XML 含有 DOCTYPE 声明，已拒绝")
                           : bad_file(std::string("表格 XML 格式错误（") + name + " 第 " +
                                      std::to_string(XML_GetCurrentLineNumber(p)) + " 行）");
      break;
    }
    if (n == 0) break;
  }
  XML_ParserFree(p);
  return result;
}

class XlsxReader final : public Reader {
 public:
  XlsxReader(zip_t* z, Limits limits) : z_(z), limits_(limits), budget_(limits.max_inflated_bytes) {}
  ~XlsxReader() override {
    sheet_.reset();
    if (parser_) XML_ParserFree(parser_);
    zip_close(z_);
  }

  Status init() {
    SZ_TRY(load_shared_strings());
    std::string sheet = first_sheet_path();
    sheet_ = std::make_unique<ZipEntry>(z_, sheet.c_str(), &budget_);
    if (!sheet_->ok()) return bad_file("不是有效的 .xlsx 表格：找不到工作表");
    parser_ = XML_ParserCreate("UTF-8");
    XML_SetUserData(parser_, this);
    XML_SetElementHandler(parser_, &XlsxReader::on_start, &XlsxReader::on_end);
    XML_SetCharacterDataHandler(parser_, &XlsxReader::on_text);
    XML_SetStartDoctypeDeclHandler(parser_, &XlsxReader::on_doctype);
    return ok();
  }

  Result<bool> next(Row& row) override {
    while (ready_.empty() && !done_) SZ_TRY(feed());
    if (!error_.empty()) return bad_file(error_);
    if (ready_.empty()) return false;
    row = std::move(ready_.front());
    ready_.pop_front();
    return true;
  }

 private:
  Status feed() {
    char buf[65536];
    int64_t n = sheet_->read(buf, sizeof buf);
    if (n < 0) return inflate_error(n);
    if (XML_Parse(parser_, buf, static_cast<int>(n), n == 0) == XML_STATUS_ERROR) {
      if (error_.empty())
        error_ = "表格 XML 格式错误（工作表第 " + std::to_string(XML_GetCurrentLineNumber(parser_)) + " 行）";
      done_ = true;
      return bad_file(error_);
    }
    if (!error_.empty()) return bad_file(error_);
    if (n == 0) done_ = true;
    return ok();
  }

  // --- shared strings: <sst><si><t>…</t> or <si><r><t>…</t></r>…</si>; phonetic runs <rPh> are skipped.
  // Held as one block of text and the end of each string in it, within the limits' count and byte budget.
  class SharedStrings {
   public:
    size_t size() const { return ends_.size(); }
    std::string at(size_t i) const {
      size_t begin = i == 0 ? 0 : ends_[i - 1];
      return text_.substr(begin, ends_[i] - begin);
    }
    void append_text(const char* s, size_t n) { text_.append(s, n); }
    size_t text_bytes() const { return text_.size(); }
    size_t current_bytes() const { return text_.size() - (ends_.empty() ? 0 : ends_.back()); }
    void end_string() { ends_.push_back(static_cast<uint32_t>(text_.size())); }

   private:
    std::string text_;
    std::vector<uint32_t> ends_;  // fits: the byte budget is far below 4 GiB
  };
  struct SstCtx {
    SharedStrings* strings;
    const Limits* limits;
    std::string error;
    bool in_t = false, in_rph = false;
  };
  static void refuse_shared_strings(void* u, std::string why) {
    auto* c = ctx_of<SstCtx>(u);
    if (c->error.empty()) c->error = std::move(why);
    halt(static_cast<PartCtx*>(u)->parser);
  }
  Status load_shared_strings() {
    SstCtx ctx{&shared_, &limits_, "", false, false};
    auto start = [](void* u, const XML_Char* name, const XML_Char**) {
      auto* c = ctx_of<SstCtx>(u);
      const char* n = local(name);
      if (std::strcmp(n, "t") == 0) c->in_t = true;
      else if (std::strcmp(n, "rPh") == 0) c->in_rph = true;
    };
    auto end = [](void* u, const XML_Char* name) {
      auto* c = ctx_of<SstCtx>(u);
      const char* n = local(name);
      if (std::strcmp(n, "si") == 0) {
        if (static_cast<int64_t>(c->strings->size()) >= c->limits->max_shared_strings)
          return refuse_shared_strings(u, "表格的共享字符串超过上限（" + std::to_string(c->limits->max_shared_strings) + " 个），已拒绝");
        c->strings->end_string();
      } else if (std::strcmp(n, "t") == 0) {
        c->in_t = false;
      } else if (std::strcmp(n, "rPh") == 0) {
        c->in_rph = false;
      }
    };
    auto chars = [](void* u, const XML_Char* s, int len) {
      auto* c = ctx_of<SstCtx>(u);
      if (!c->in_t || c->in_rph) return;
      if (static_cast<int64_t>(c->strings->current_bytes()) + len > c->limits->max_cell_chars * 4)
        return refuse_shared_strings(u, "表格单元格内容过长");
      if (static_cast<int64_t>(c->strings->text_bytes()) + len > c->limits->max_shared_string_bytes)
        return refuse_shared_strings(u, "表格的共享字符串总长超过上限（" + std::to_string(c->limits->max_shared_string_bytes >> 20) +
                       " MB），已拒绝");
      c->strings->append_text(s, static_cast<size_t>(len));
    };
    auto s = parse_part(z_, "xl/sharedStrings.xml", &budget_, &ctx, start, end, chars, false);
    if (!ctx.error.empty()) return bad_file(ctx.error);
    return s;
  }

  // The first sheet in workbook order, through the workbook's relationships; sheet1.xml when they are missing.
  std::string first_sheet_path() {
    struct WbCtx {
      std::string rid;
    } wb;
    auto wb_start = [](void* u, const XML_Char* name, const XML_Char** atts) {
      auto* c = ctx_of<WbCtx>(u);
      if (c->rid.empty() && std::strcmp(local(name), "sheet") == 0)
        if (const char* r = attr(atts, "r:id")) c->rid = r;
    };
    auto noop_end = [](void*, const XML_Char*) {};
    if (!parse_part(z_, "xl/workbook.xml", &budget_, &wb, wb_start, noop_end, nullptr, false) || wb.rid.empty())
      return "xl/worksheets/sheet1.xml";
    struct RelCtx {
      std::string rid, target;
    } rel{wb.rid, ""};
    auto rel_start = [](void* u, const XML_Char* name, const XML_Char** atts) {
      auto* c = ctx_of<RelCtx>(u);
      if (std::strcmp(local(name), "Relationship") == 0) {
        const char* id = attr(atts, "Id");
        const char* target = attr(atts, "Target");
        if (id && target && c->rid == id) c->target = target;
      }
    };
    if (!parse_part(z_, "xl/_rels/workbook.xml.rels", &budget_, &rel, rel_start, noop_end, nullptr, false) ||
        rel.target.empty() || rel.target.find("..") != std::string::npos)
      return "xl/worksheets/sheet1.xml";
    if (rel.target.front() == '/') return rel.target.substr(1);
    return "xl/" + rel.target;
  }

  // --- the sheet: <row r="2"><c r="B2" t="s"><v>3</v></c>…</row>
  static int64_t column_of(const char* ref) {
    int64_t col = 0;
    for (; *ref >= 'A' && *ref <= 'Z'; ++ref) {
      col = col * 26 + (*ref - 'A' + 1);
      if (col > 1000000) return -1;
    }
    return col - 1;
  }

  void fail(const std::string& why) {
    if (error_.empty()) error_ = why;
    halt(parser_);
  }

  static void XMLCALL on_doctype(void* u, const XML_Char*, const XML_Char*, const XML_Char*, int) {
    static_cast<XlsxReader*>(u)->fail("表格 XML 含有 DOCTYPE 声明，已拒绝");
  }

  static void XMLCALL on_start(void* u, const XML_Char* name, const XML_Char** atts) {
    auto* r = static_cast<XlsxReader*>(u);
    const char* n = local(name);
    if (std::strcmp(n, "row") == 0) {
      if (++r->rows_seen > r->limits_.max_rows) {
        r->fail("表格行数超过上限（" + std::to_string(r->limits_.max_rows) + " 行）");
        return;
      }
      r->row_ = Row{};
      const char* num = attr(atts, "r");
      r->row_.number = num ? std::atoll(num) : r->last_row_ + 1;
      if (r->row_.number <= r->last_row_) r->row_.number = r->last_row_ + 1;
      r->next_col_ = 0;
    } else if (std::strcmp(n, "c") == 0) {
      const char* ref = attr(atts, "r");
      const char* t = attr(atts, "t");
      r->cell_type_ = t ? t : "n";
      r->cell_col_ = ref ? column_of(ref) : r->next_col_;
      if (r->cell_col_ < 0) {  // not "B2": a lower-case or missing column, or one past any sheet's width
        r->fail(std::string("表格单元格位置“") + ref + "”无效：应为大写列字母加行号，如 B2（列数上限 " +
                std::to_string(r->limits_.max_columns) + " 列）");
        return;
      }
      if (r->cell_col_ >= r->limits_.max_columns) {
        r->fail("表格列数超过上限（" + std::to_string(r->limits_.max_columns) + " 列）");
        return;
      }
      r->next_col_ = r->cell_col_ + 1;
      r->text_.clear();
    } else if (std::strcmp(n, "v") == 0 || std::strcmp(n, "t") == 0) {
      r->in_text_ = true;
    }
  }

  static void XMLCALL on_end(void* u, const XML_Char* name) {
    auto* r = static_cast<XlsxReader*>(u);
    const char* n = local(name);
    if (std::strcmp(n, "v") == 0 || std::strcmp(n, "t") == 0) {
      r->in_text_ = false;
    } else if (std::strcmp(n, "c") == 0) {
      std::string value = r->text_;
      if (r->cell_type_ == "s") {
        char* end = nullptr;
        long idx = std::strtol(value.c_str(), &end, 10);
        if (value.empty() || *end || idx < 0 || static_cast<size_t>(idx) >= r->shared_.size()) {
          r->fail("表格引用了不存在的共享字符串");
          return;
        }
        value = r->shared_.at(static_cast<size_t>(idx));
      }
      if (static_cast<int64_t>(r->row_.cells.size()) <= r->cell_col_) r->row_.cells.resize(static_cast<size_t>(r->cell_col_ + 1));
      r->row_.cells[static_cast<size_t>(r->cell_col_)] = std::move(value);
    } else if (std::strcmp(n, "row") == 0) {
      r->last_row_ = r->row_.number;
      r->ready_.push_back(std::move(r->row_));
    }
  }

  static void XMLCALL on_text(void* u, const XML_Char* s, int len) {
    auto* r = static_cast<XlsxReader*>(u);
    if (!r->in_text_) return;
    if (static_cast<int64_t>(r->text_.size()) + len > r->limits_.max_cell_chars * 4) {
      r->fail("表格单元格内容过长");
      return;
    }
    r->text_.append(s, static_cast<size_t>(len));
  }

  zip_t* z_;
  Limits limits_;
  int64_t budget_;
  SharedStrings shared_;
  std::unique_ptr<ZipEntry> sheet_;
  XML_Parser parser_ = nullptr;
  std::deque<Row> ready_;
  Row row_;
  std::string cell_type_, text_, error_;
  int64_t cell_col_ = 0, next_col_ = 0, last_row_ = 0, rows_seen = 0;
  bool in_text_ = false, done_ = false;
};

// ---------- .csv ----------

// Streams a CSV file as UTF-8, converting from GBK when the start of the file is not UTF-8; RFC 4180 quoting.
class CsvReader final : public Reader {
 public:
  CsvReader(const std::string& path, Limits limits) : in_(path, std::ios::binary), limits_(limits) {}
  ~CsvReader() override {
    if (cd_ != reinterpret_cast<iconv_t>(-1)) iconv_close(cd_);
  }

  Status init() {
    if (!in_) return bad_file("无法读取上传的文件");
    SZ_TRY(fill());
    if (text_.size() >= 3 && text_.compare(0, 3, "\xEF\xBB\xBF") == 0) text_.erase(0, 3);  // UTF-8 BOM
    return ok();
  }

  Result<bool> next(Row& row) override {
    row = Row{};
    row.number = ++line_;
    if (line_ > limits_.max_rows) return bad_file("表格行数超过上限（" + std::to_string(limits_.max_rows) + " 行）");
    std::string cell;
    bool quoted = false, any = false;
    for (;;) {
      if (pos_ >= text_.size()) {
        if (!eof_) {
          text_.erase(0, pos_);
          pos_ = 0;
          SZ_TRY(fill());
          continue;
        }
        if (quoted) return bad_file("CSV 第 " + std::to_string(line_) + " 行引号不成对");
        if (!any && cell.empty() && row.cells.empty()) return false;
        row.cells.push_back(std::move(cell));
        return true;
      }
      char ch = text_[pos_++];
      any = true;
      if (quoted) {
        if (ch == '"') {
          if (pos_ >= text_.size() && !eof_) {  // need one more byte to tell "" from "
            --pos_;
            text_.erase(0, pos_);
            pos_ = 0;
            SZ_TRY(fill());
            ++pos_;
          }
          if (pos_ < text_.size() && text_[pos_] == '"') {
            cell += '"';
            ++pos_;
          } else {
            quoted = false;
          }
        } else {
          cell += ch;
        }
      } else if (ch == '"' && cell.empty()) {
        quoted = true;
      } else if (ch == ',') {
        row.cells.push_back(std::move(cell));
        cell.clear();
        // A comma means one more cell follows: refuse here, or a row could end one column over the cap.
        if (static_cast<int64_t>(row.cells.size()) >= limits_.max_columns)
          return bad_file("表格列数超过上限（" + std::to_string(limits_.max_columns) + " 列）");
      } else if (ch == '\n') {
        row.cells.push_back(std::move(cell));
        return true;
      } else if (ch != '\r') {
        cell += ch;
      }
      if (static_cast<int64_t>(cell.size()) > limits_.max_cell_chars * 4) return bad_file("表格单元格内容过长");
    }
  }

 private:
  // Reads the next chunk and appends it to text_ as UTF-8.
  Status fill() {
    char raw[65536];
    in_.read(raw, sizeof raw);
    std::streamsize n = in_.gcount();
    if (n <= 0) {
      eof_ = true;
      if (!pending_.empty()) return bad_file("文件编码无法识别（支持 UTF-8 与 GBK），结尾有不完整的字符");
      return ok();
    }
    std::string chunk = pending_ + std::string(raw, static_cast<size_t>(n));
    pending_.clear();
    if (std::memchr(chunk.data(), '\0', chunk.size())) return bad_file("文件不是文本表格（含有二进制内容）");
    if (!decided_) {
      // Decide once from the first chunk: valid UTF-8 (allowing a character cut at the end) or GBK.
      size_t check = chunk.size();
      while (check > 0 && check > chunk.size() - 4 && (static_cast<unsigned char>(chunk[check - 1]) & 0xC0) == 0x80) --check;
      if (check > 0 && static_cast<unsigned char>(chunk[check - 1]) >= 0xC0) --check;
      gbk_ = !text::valid_utf8(std::string_view(chunk).substr(0, check));
      if (gbk_) cd_ = iconv_open("UTF-8", "GB18030");
      decided_ = true;
    }
    if (!gbk_) {
      // Keep an incomplete trailing UTF-8 sequence for the next chunk.
      size_t keep = 0;
      for (size_t i = chunk.size(); i > 0 && keep < 4; --i) {
        unsigned char c = static_cast<unsigned char>(chunk[i - 1]);
        ++keep;
        if ((c & 0xC0) != 0x80) {
          size_t need = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
          if (need <= keep) keep = 0;
          break;
        }
      }
      pending_ = chunk.substr(chunk.size() - keep);
      chunk.resize(chunk.size() - keep);
      if (!text::valid_utf8(chunk)) return bad_file("文件编码无法识别（支持 UTF-8 与 GBK）");
      text_ += chunk;
      return ok();
    }
    std::string out(chunk.size() * 2 + 16, '\0');
    char* src = chunk.data();
    size_t src_left = chunk.size();
    char* dst = out.data();
    size_t dst_left = out.size();
    if (iconv(cd_, &src, &src_left, &dst, &dst_left) == static_cast<size_t>(-1)) {
      if (errno == EINVAL) {
        pending_.assign(src, src_left);  // a character cut by the chunk boundary
      } else {
        return bad_file("文件编码无法识别（支持 UTF-8 与 GBK）");
      }
    }
    text_.append(out.data(), out.size() - dst_left);
    return ok();
  }

  std::ifstream in_;
  Limits limits_;
  std::string text_, pending_;
  size_t pos_ = 0;
  int64_t line_ = 0;
  bool eof_ = false, decided_ = false, gbk_ = false;
  iconv_t cd_ = reinterpret_cast<iconv_t>(-1);
};

}  // namespace

Result<std::unique_ptr<Reader>> open(const std::string& path, const Limits& limits) {
  std::ifstream probe(path, std::ios::binary);
  if (!probe) return bad_file("无法读取上传的文件");
  char magic[4] = {0, 0, 0, 0};
  probe.read(magic, 4);
  if (probe.gcount() == 0) return bad_file("文件为空");
  if (std::memcmp(magic, "PK\x03\x04", 4) == 0) {
    int err = 0;
    zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &err);
    if (!z) return bad_file("不是有效的 .xlsx 表格（压缩包已损坏）");
    if (zip_get_num_entries(z, 0) > 10000) {
      zip_close(z);
      return bad_file("压缩包内文件过多，已拒绝");
    }
    auto r = std::make_unique<XlsxReader>(z, limits);
    SZ_TRY(r->init());
    return std::unique_ptr<Reader>(std::move(r));
  }
  if (std::memcmp(magic, "\xD0\xCF\x11\xE0", 4) == 0) return bad_file("不支持旧版 .xls 文件：请另存为 .xlsx 或 .csv 后再导入");
  if (std::memcmp(magic, "%PDF", 4) == 0) return bad_file("这是 PDF 文件，不是表格：请上传 .xlsx 或 .csv");
  auto r = std::make_unique<CsvReader>(path, limits);
  SZ_TRY(r->init());
  return std::unique_ptr<Reader>(std::move(r));
}

}  // namespace sz::table
