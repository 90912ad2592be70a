// 统一社会信用代码: whatever is pasted, normalising and checking never crash, and the rule agrees with the check
// character — a code the rule accepts ends in the check character of its first 17.
#include <cstdint>
#include <string>

#include "registry/credit_code.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string raw(reinterpret_cast<const char*>(data), size);
  std::string code = sz::registry::normalize_credit_code(raw);
  auto problem = sz::registry::credit_code_problem(code);
  if (code.size() >= 17) {
    auto check = sz::registry::credit_code_check_char(std::string_view(code).substr(0, 17));
    if (!problem && (code.size() != 18 || !check || *check != code[17])) __builtin_trap();
  } else if (!problem) {
    __builtin_trap();  // too short to be valid
  }
  return 0;
}
