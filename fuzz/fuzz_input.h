// Shared by the fuzz targets: the input split into the fields a target needs, and a scratch file for readers that
// take a path (a per-process file under /dev/shm or /tmp, rewritten for each input).
#pragma once
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

namespace sz::fuzz {

// Splits at '\n' into at most `n` fields; the last field keeps the rest (newlines included).
inline std::vector<std::string> fields(const uint8_t* data, size_t size, size_t n) {
  std::string_view s(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> out;
  while (out.size() + 1 < n) {
    auto nl = s.find('\n');
    if (nl == std::string_view::npos) break;
    out.emplace_back(s.substr(0, nl));
    s.remove_prefix(nl + 1);
  }
  out.emplace_back(s);
  out.resize(n);
  return out;
}

// The input written to this process's scratch file; returns its path.
inline const std::string& scratch_file(const uint8_t* data, size_t size) {
  static const std::string path = [] {
    const char* dir = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    return std::string(dir) + "/sz-fuzz-" + std::to_string(getpid());
  }();
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) __builtin_trap();
  if (size) std::fwrite(data, 1, size, f);
  std::fclose(f);
  return path;
}

}  // namespace sz::fuzz
