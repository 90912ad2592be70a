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
// The demo's own data (data/demo/), built into shuzhuan-demo only.
const std::vector<File>& demo_files();
// A file of `table` by its path.
std::optional<std::string_view> find(std::string_view path, const std::vector<File>& table = files());

}  // namespace sz::embedded
