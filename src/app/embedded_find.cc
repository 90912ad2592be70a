#include "app/embedded.h"

namespace sz::embedded {

std::optional<std::string_view> find(std::string_view path) {
  for (const auto& f : files())
    if (path == f.path) return f.content;
  return std::nullopt;
}

}  // namespace sz::embedded
