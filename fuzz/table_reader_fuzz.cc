// Uploaded spreadsheets are hostile: any bytes, read row by row as an import would, must end in rows or a 422 —
// never a crash, a hang or memory beyond the limits. Limits are small so one input stays fast.
#include <cstdint>

#include "fuzz_input.h"
#include "infra/table_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string& path = sz::fuzz::scratch_file(data, size);
  sz::table::Limits limits;
  limits.max_rows = 2000;
  limits.max_columns = 50;
  limits.max_inflated_bytes = 4 << 20;
  limits.max_cell_chars = 1000;
  auto reader = sz::table::open(path, limits);
  if (!reader) return 0;
  sz::table::Row row;
  for (;;) {
    auto more = (*reader)->next(row);
    if (!more || !*more) break;
    if (static_cast<int64_t>(row.cells.size()) > limits.max_columns) __builtin_trap();
    for (const auto& c : row.cells)
      if (c.size() > static_cast<size_t>(limits.max_cell_chars) * 4) __builtin_trap();
  }
  return 0;
}
