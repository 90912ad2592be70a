// Reading uploaded spreadsheets row by row, safely: .xlsx (zip + XML) and .csv (UTF-8 or GBK).
// Hostile files are expected: the bytes actually inflated are counted (a zip's directory sizes are the sender's
// claim), rows and cells are capped, XML with a DOCTYPE is refused, and nothing is held whole in memory but the
// shared-strings table, which is capped too.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "infra/result.h"

namespace sz::table {

struct Limits {
  int64_t max_rows = 1000000;              // every row element counts, empty ones included
  int64_t max_columns = 200;
  int64_t max_inflated_bytes = 512ll << 20;
  int64_t max_cell_chars = 32767;
};

struct Row {
  int64_t number = 0;                      // the row number a spreadsheet user sees (1 = the header)
  std::vector<std::string> cells;
  bool empty() const;
};

class Reader {
 public:
  virtual ~Reader() = default;
  // Fills `row` and returns true, or returns false at the end. Errors are 422 "bad_file" with a Chinese message.
  virtual Result<bool> next(Row& row) = 0;
};

// Decides the format by the content (zip signature → .xlsx; text → .csv), never by the file name.
Result<std::unique_ptr<Reader>> open(const std::string& path, const Limits& limits = {});

Error bad_file(const std::string& message);

}  // namespace sz::table
