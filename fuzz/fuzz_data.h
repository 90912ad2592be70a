// The platform's data files the fuzz targets need (the input ranges, an assessment model), read once from the
// source tree as the server reads them from its build.
#pragma once
#include <fstream>
#include <sstream>
#include <string>

#include "infra/ranges.h"

namespace sz::fuzz {

inline std::string data_file(const std::string& relative) {
  std::ifstream in(std::string(SZ_SOURCE_DIR) + "/" + relative, std::ios::binary);
  if (!in) __builtin_trap();
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Numeric fields are checked against data/input-ranges.json: install it before the first input.
inline bool install_ranges() {
  if (!ranges::install(data_file("data/input-ranges.json"))) __builtin_trap();
  return true;
}

}  // namespace sz::fuzz
