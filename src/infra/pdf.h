// Writing Chinese PDF reports (cairo + pango, Noto CJK embedded as subsets): headings, paragraphs, tables that
// break across pages with their header repeated, horizontal bar charts of figures against targets, and a footer
// with the issuing body and the page number on every page. The same content and `Meta` give the same bytes: the
// creation date is the caller's (the snapshot's), never the clock's. Only this file's .cc sees cairo and pango.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "infra/result.h"

namespace sz::pdf {

struct Meta {
  std::string title, author, subject;
  int64_t created_at = 0;  // epoch seconds: written as the document's creation date
  std::string footer;      // left of every page's footer (the issuing body)
};

struct Column {
  std::string title;
  double weight = 1;   // share of the table's width
  bool right = false;  // right-aligned (figures)
};

struct Bar {
  std::string label;
  double value = 0;
  double target = 0;  // drawn as a mark; 0 for none
  std::string note;   // shown after the bar ("82 / 110")
};

class Document {
 public:
  static Result<std::unique_ptr<Document>> create(const std::string& path, const Meta& meta);
  ~Document();
  void title(const std::string& text, const std::string& subtitle);
  void heading(const std::string& text);
  void paragraph(const std::string& text);
  void table(const std::vector<Column>& columns, const std::vector<std::vector<std::string>>& rows);
  void bars(const std::string& caption, const std::vector<Bar>& bars);
  void page_break();
  Status close();

 private:
  Document() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The font the reports are set in, as fontconfig resolves it ("Noto Sans CJK SC" → its file).
std::string font_file();
// What a document was rendered with, recorded beside it: the font file, its SHA-256 and Debian package version, and
// the cairo and pango versions. The same snapshot renders to the same bytes only with the same of these.
struct Renderer {
  std::string font_file, font_sha256, font_package, cairo, pango;
};
Renderer renderer();

}  // namespace sz::pdf
