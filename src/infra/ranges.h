// Plausible ranges of numeric inputs (data/input-ranges.json): every amount, count and term a caller sends is checked
// against its named range, and refused with a Chinese message naming the field and the range — never clamped. The
// upper bounds keep a sum over a million enterprises inside 64 bits, so summary arithmetic stays exact.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "infra/result.h"

namespace sz::ranges {

struct Range {
  std::string name, label, unit;  // unit: "fen" (money in 分) or the word for one of the counted things
  int64_t min = 0, max = 0;
  std::string reason;
};

// Parses the ranges document and makes it the one in force; every range the code names must be in it.
Status install(std::string_view json);
// The range in force by name; an unknown name is a programming error (std::logic_error).
const Range& get(std::string_view name);

// "0.01元 至 10亿元" / "0 至 5 星": the bounds as a user reads them.
std::string bounds_text(const Range& r);
// Refuses a value outside the range: 422 on `field`, "<label>应在 … 之间（…）". `label` defaults to the range's own.
Status check(std::string_view name, int64_t value, std::string_view field, std::string_view label = {});

}  // namespace sz::ranges
