// Reading uploaded spreadsheets row by row, safely: .xlsx (zip + XML) and .csv (UTF-8 or GBK).
// Hostile files are expected: the bytes actually inflated are counted (a zip's directory sizes are the sender's
// claim), rows and cells are capped, XML with a DOCTYPE is refused, and nothing is held whole in memory but the
// shared-strings table, which has a budget of its own: a few hundred KB of zip can hold a hundred million empty
// strings (<si/> is 5 bytes inflated), which the inflated-byte budget alone would let through.
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
  // The shared-strings table: how many strings (8 per row at the row cap — Excel keeps each distinct text once)
  // and their bytes together. Each string costs 4 bytes of index besides its text, so the table stays under
  // 4 × max_shared_strings + max_shared_string_bytes.
  int64_t max_shared_strings = 8000000;
  int64_t max_shared_string_bytes = 128ll << 20;
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
