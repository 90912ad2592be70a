#include "app/embedded.h"

namespace sz::embedded {

std::optional<std::string_view> find(std::string_view path, const std::vector<File>& table) {
  for (const auto& f : table)
    if (path == f.path) return f.content;
  return std::nullopt;
}

}  // namespace sz::embedded
