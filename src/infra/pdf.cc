#include "infra/pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cstdio>
#include <ctime>

#include "infra/crypto.h"

namespace sz::pdf {

namespace {
constexpr double kWidth = 595.28, kHeight = 841.89;  // A4 in points
constexpr double kMargin = 56, kFooter = 36;
constexpr const char* kFamily = "Noto Sans CJK SC";

std::string iso_date(int64_t t) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}
}  // namespace

struct Document::Impl {
  cairo_surface_t* surface = nullptr;
  cairo_t* cr = nullptr;
  PangoLayout* layout = nullptr;
  Meta meta;
  double y = kMargin;
  int page = 1;
  bool closed = false;

  ~Impl() {
    if (layout) g_object_unref(layout);
    if (cr) cairo_destroy(cr);
    if (surface) cairo_surface_destroy(surface);
  }

  double content_width() const { return kWidth - 2 * kMargin; }
  double bottom() const { return kHeight - kMargin - kFooter; }

  // Sets the layout for `text` in `size` points, `width` wide (wrapping), and returns its height.
  double set(const std::string& text, double size, bool bold, double width, PangoAlignment align = PANGO_ALIGN_LEFT) {
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family(font, kFamily);
    pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
    pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout, font);
    pango_font_description_free(font);
    pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout, align);
    pango_layout_set_text(layout, text.c_str(), -1);
    int w = 0, h = 0;
    pango_layout_get_size(layout, &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
  }

  void draw_at(double x, double at_y) {
    cairo_move_to(cr, x, at_y);
    pango_cairo_show_layout(cr, layout);
  }

  void footer() {
    cairo_save(cr);
    cairo_set_source_rgb(cr, 0.45, 0.45, 0.45);
    cairo_set_line_width(cr, 0.5);
    cairo_move_to(cr, kMargin, kHeight - kMargin - 6);
    cairo_line_to(cr, kWidth - kMargin, kHeight - kMargin - 6);
    cairo_stroke(cr);
    set(meta.footer, 8, false, content_width());
    draw_at(kMargin, kHeight - kMargin);
    set("第 " + std::to_string(page) + " 页", 8, false, content_width(), PANGO_ALIGN_RIGHT);
    draw_at(kMargin, kHeight - kMargin);
    cairo_restore(cr);
  }

  void new_page() {
    footer();
    cairo_show_page(cr);
    ++page;
    y = kMargin;
  }

  // Starts a new page unless `h` more points fit on this one.
  void room_for(double h) {
    if (y + h > bottom() && y > kMargin) new_page();
  }
};

Result<std::unique_ptr<Document>> Document::create(const std::string& path, const Meta& meta) {
  std::unique_ptr<Document> d(new Document());
  d->impl_ = std::make_unique<Impl>();
  auto& m = *d->impl_;
  m.meta = meta;
  m.surface = cairo_pdf_surface_create(path.c_str(), kWidth, kHeight);
  if (cairo_surface_status(m.surface) != CAIRO_STATUS_SUCCESS) return err::internal("cannot create PDF " + path);
  std::string created = iso_date(meta.created_at);
  cairo_pdf_surface_set_metadata(m.surface, CAIRO_PDF_METADATA_TITLE, meta.title.c_str());
  cairo_pdf_surface_set_metadata(m.surface, CAIRO_PDF_METADATA_AUTHOR, meta.author.c_str());
  cairo_pdf_surface_set_metadata(m.surface, CAIRO_PDF_METADATA_SUBJECT, meta.subject.c_str());
  cairo_pdf_surface_set_metadata(m.surface, CAIRO_PDF_METADATA_CREATOR, "shuzhuan");
  cairo_pdf_surface_set_metadata(m.surface, CAIRO_PDF_METADATA_CREATE_DATE, created.c_str());
  cairo_pdf_surface_set_metadata(m.surface, CAIRO_PDF_METADATA_MOD_DATE, created.c_str());
  m.cr = cairo_create(m.surface);
  m.layout = pango_cairo_create_layout(m.cr);
  // Without the language the CJK collection may fall back to Japanese glyph forms.
  pango_context_set_language(pango_layout_get_context(m.layout), pango_language_from_string("zh-cn"));
  // Hinting and metrics from the font alone, not from this machine's screen settings.
  cairo_font_options_t* opts = cairo_font_options_create();
  cairo_font_options_set_hint_style(opts, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(opts, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options(pango_layout_get_context(m.layout), opts);
  cairo_font_options_destroy(opts);
  pango_layout_context_changed(m.layout);
  cairo_set_source_rgb(m.cr, 0, 0, 0);
  return d;
}

Document::~Document() {
  if (impl_ && !impl_->closed) (void)close();
}

void Document::title(const std::string& text, const std::string& subtitle) {
  auto& m = *impl_;
  double h = m.set(text, 20, true, m.content_width(), PANGO_ALIGN_CENTER);
  m.room_for(h + 40);
  m.draw_at(kMargin, m.y);
  m.y += h + 8;
  if (!subtitle.empty()) {
    h = m.set(subtitle, 11, false, m.content_width(), PANGO_ALIGN_CENTER);
    m.draw_at(kMargin, m.y);
    m.y += h;
  }
  m.y += 16;
}

void Document::heading(const std::string& text) {
  auto& m = *impl_;
  double h = m.set(text, 13, true, m.content_width());
  m.room_for(h + 60);  // a heading does not stand alone at the foot of a page
  m.y += 6;
  m.draw_at(kMargin, m.y);
  m.y += h + 6;
}

void Document::paragraph(const std::string& text) {
  auto& m = *impl_;
  double h = m.set(text, 10, false, m.content_width());
  m.room_for(h);
  m.draw_at(kMargin, m.y);
  m.y += h + 6;
}

void Document::table(const std::vector<Column>& columns, const std::vector<std::vector<std::string>>& rows) {
  auto& m = *impl_;
  double total = 0;
  for (const auto& c : columns) total += c.weight;
  std::vector<double> widths;
  for (const auto& c : columns) widths.push_back(m.content_width() * c.weight / total);
  constexpr double pad = 3, size = 8.5;
  auto row_height = [&](const std::vector<std::string>& cells, bool bold) {
    double h = 0;
    for (size_t i = 0; i < columns.size(); ++i)
      h = std::max(h, m.set(i < cells.size() ? cells[i] : "", size, bold, widths[i] - 2 * pad));
    return h + 2 * pad;
  };
  auto draw_row = [&](const std::vector<std::string>& cells, bool header) {
    double h = row_height(cells, header);
    double x = kMargin;
    for (size_t i = 0; i < columns.size(); ++i) {
      if (header) {
        cairo_set_source_rgb(m.cr, 0.9, 0.92, 0.95);
        cairo_rectangle(m.cr, x, m.y, widths[i], h);
        cairo_fill(m.cr);
      }
      cairo_set_source_rgb(m.cr, 0.6, 0.6, 0.6);
      cairo_set_line_width(m.cr, 0.4);
      cairo_rectangle(m.cr, x, m.y, widths[i], h);
      cairo_stroke(m.cr);
      cairo_set_source_rgb(m.cr, 0, 0, 0);
      m.set(i < cells.size() ? cells[i] : "", size, header, widths[i] - 2 * pad,
            columns[i].right && !header ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
      m.draw_at(x + pad, m.y + pad);
      x += widths[i];
    }
    m.y += h;
  };
  std::vector<std::string> header;
  for (const auto& c : columns) header.push_back(c.title);
  double header_h = row_height(header, true);
  m.room_for(header_h * 2);
  draw_row(header, true);
  for (const auto& r : rows) {
    double h = row_height(r, false);
    if (m.y + h > m.bottom()) {
      m.new_page();
      draw_row(header, true);  // the header again on the next page
    }
    draw_row(r, false);
  }
  m.y += 10;
}

void Document::bars(const std::string& caption, const std::vector<Bar>& bars) {
  auto& m = *impl_;
  constexpr double label_w = 110, note_w = 90, bar_h = 11, gap = 5;
  double scale_max = 0;
  for (const auto& b : bars) scale_max = std::max({scale_max, b.value, b.target});
  if (scale_max <= 0) scale_max = 1;
  double caption_h = m.set(caption, 9, true, m.content_width());
  m.room_for(caption_h + 4 + (bar_h + gap) * std::min<size_t>(bars.size(), 3));
  m.draw_at(kMargin, m.y);
  m.y += caption_h + 4;
  double track = m.content_width() - label_w - note_w;
  for (const auto& b : bars) {
    m.room_for(bar_h + gap);
    m.set(b.label, 8, false, label_w - 4);
    m.draw_at(kMargin, m.y - 1);
    double x0 = kMargin + label_w;
    cairo_set_source_rgb(m.cr, 0.93, 0.93, 0.93);
    cairo_rectangle(m.cr, x0, m.y, track, bar_h);
    cairo_fill(m.cr);
    cairo_set_source_rgb(m.cr, 0.2, 0.45, 0.8);
    cairo_rectangle(m.cr, x0, m.y, track * std::max(0.0, b.value) / scale_max, bar_h);
    cairo_fill(m.cr);
    if (b.target > 0) {
      double tx = x0 + track * b.target / scale_max;
      cairo_set_source_rgb(m.cr, 0.85, 0.2, 0.2);
      cairo_set_line_width(m.cr, 1.5);
      cairo_move_to(m.cr, tx, m.y - 2);
      cairo_line_to(m.cr, tx, m.y + bar_h + 2);
      cairo_stroke(m.cr);
    }
    cairo_set_source_rgb(m.cr, 0, 0, 0);
    m.set(b.note, 8, false, note_w - 6);
    m.draw_at(x0 + track + 6, m.y - 1);
    m.y += bar_h + gap;
  }
  m.y += 8;
}

void Document::page_break() {
  auto& m = *impl_;
  if (m.y > kMargin) m.new_page();
}

Status Document::close() {
  auto& m = *impl_;
  if (m.closed) return ok();
  m.closed = true;
  m.footer();
  cairo_show_page(m.cr);
  g_object_unref(m.layout);
  m.layout = nullptr;
  cairo_destroy(m.cr);
  m.cr = nullptr;
  cairo_surface_finish(m.surface);
  cairo_status_t st = cairo_surface_status(m.surface);
  cairo_surface_destroy(m.surface);
  m.surface = nullptr;
  if (st != CAIRO_STATUS_SUCCESS) return err::internal(std::string("PDF: ") + cairo_status_to_string(st));
  return ok();
}

std::string font_file() {
  FcPattern* pattern = FcNameParse(reinterpret_cast<const FcChar8*>(kFamily));
  FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
  FcDefaultSubstitute(pattern);
  FcResult result;
  FcPattern* match = FcFontMatch(nullptr, pattern, &result);
  std::string out;
  FcChar8* file = nullptr;
  if (match && FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch) out = reinterpret_cast<const char*>(file);
  if (match) FcPatternDestroy(match);
  FcPatternDestroy(pattern);
  return out;
}

Renderer renderer() {
  Renderer r;
  r.font_file = font_file();
  crypto::FileDigests d;
  if (!r.font_file.empty() && crypto::digest_file(r.font_file, &d)) r.font_sha256 = d.sha256;
  // The package's version, as dpkg knows it (a fixed command line: nothing of the caller's reaches the shell).
  if (FILE* p = popen("dpkg-query -W -f='${Version}' fonts-noto-cjk 2>/dev/null", "r")) {
    char buf[128] = {0};
    size_t n = fread(buf, 1, sizeof buf - 1, p);
    pclose(p);
    r.font_package = std::string(buf, n);
  }
  r.cairo = cairo_version_string();
  r.pango = pango_version_string();
  return r;
}

}  // namespace sz::pdf
