// Files built into the binary: migrations (src/<area>/migrations), reference data (data/) and docs/openapi.json.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sz::embedded {

struct File {
  const char* path;  // relative to the source tree, e.g. "data/districts.json"
  std::string_view content;
};

const std::vector<File>& files();
std::optional<std::string_view> find(std::string_view path);

}  // namespace sz::embedded
