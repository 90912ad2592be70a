#include "infra/xlsx.h"

#include <xlsxwriter.h>

namespace sz::xlsx {

struct Writer::Impl {
  lxw_workbook* book = nullptr;
  lxw_worksheet* sheet = nullptr;
  lxw_row_t row = 0;
  size_t columns = 0;
};

Result<std::unique_ptr<Writer>> Writer::create(const std::string& path, const std::string& sheet,
                                               const std::vector<std::string>& headers, const Options& opts) {
  std::unique_ptr<Writer> w(new Writer);
  w->impl_ = std::make_unique<Impl>();
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  w->impl_->book = workbook_new_opt(path.c_str(), &options);
  if (!w->impl_->book) return err::internal("xlsx: cannot create " + path);
  if (opts.created_at) {
    lxw_doc_properties props{};
    std::string title = opts.title;  // the struct takes char*; libxlsxwriter copies it
    props.title = title.data();
    props.created = static_cast<time_t>(*opts.created_at);
    workbook_set_properties(w->impl_->book, &props);
  }
  SZ_TRY(w->add_sheet(sheet, headers));
  return w;
}

Status Writer::add_sheet(const std::string& sheet, const std::vector<std::string>& headers) {
  impl_->sheet = workbook_add_worksheet(impl_->book, sheet.c_str());
  if (!impl_->sheet) return err::internal("xlsx: cannot add sheet " + sheet);
  lxw_format* bold = workbook_add_format(impl_->book);
  format_set_bold(bold);
  for (size_t i = 0; i < headers.size(); ++i) {
    worksheet_write_string(impl_->sheet, 0, static_cast<lxw_col_t>(i), headers[i].c_str(), bold);
    worksheet_set_column(impl_->sheet, static_cast<lxw_col_t>(i), static_cast<lxw_col_t>(i), 18, nullptr);
  }
  worksheet_freeze_panes(impl_->sheet, 1, 0);
  impl_->row = 1;
  impl_->columns = headers.size();
  return ok();
}

Writer::~Writer() {
  if (impl_ && impl_->book) workbook_close(impl_->book);
}

Status Writer::add_row(const std::vector<std::string>& cells) {
  for (size_t i = 0; i < cells.size() && i < impl_->columns; ++i) {
    // Excel's limit per cell; a longer value is cut rather than refused.
    std::string v = cells[i].size() > 32767 ? cells[i].substr(0, 32767) : cells[i];
    auto rc = worksheet_write_string(impl_->sheet, impl_->row, static_cast<lxw_col_t>(i), v.c_str(), nullptr);
    if (rc != LXW_NO_ERROR) return err::internal(std::string("xlsx write: ") + lxw_strerror(rc));
  }
  ++impl_->row;
  return ok();
}

Status Writer::close() {
  auto rc = workbook_close(impl_->book);
  impl_->book = nullptr;
  if (rc != LXW_NO_ERROR) return err::internal(std::string("xlsx close: ") + lxw_strerror(rc));
  return ok();
}

}  // namespace sz::xlsx
