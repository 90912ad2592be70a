// Writing .xlsx in constant memory (libxlsxwriter): rows go to disk as they are added, so an export of a
// million rows needs no more memory than one of ten.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "infra/result.h"

namespace sz::xlsx {

class Writer {
 public:
  // `created_at` set: the workbook says it was created then (not now), and the same rows give the same bytes.
  struct Options {
    std::optional<int64_t> created_at;
    std::string title;
  };
  // A workbook with one sheet whose first row is `headers` (bold, frozen).
  static Result<std::unique_ptr<Writer>> create(const std::string& path, const std::string& sheet,
                                                const std::vector<std::string>& headers, const Options& opts = {});
  ~Writer();
  Status add_row(const std::vector<std::string>& cells);
  // Starts another sheet; the rows that follow go to it.
  Status add_sheet(const std::string& sheet, const std::vector<std::string>& headers);
  Status close();

 private:
  Writer() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sz::xlsx
