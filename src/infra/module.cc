#include "infra/module.h"

#include <iostream>

namespace sz::module {

int fail(const Error& e, int code) {
  std::cerr << "错误：" << e.message;
  if (!e.field.empty() && e.message.find(e.field) == std::string::npos) std::cerr << "（" << e.field << "）";
  std::cerr << "\n";
  if (!e.detail.empty() && e.detail != e.message) std::cerr << "  " << e.detail << "\n";
  return code;
}

}  // namespace sz::module
