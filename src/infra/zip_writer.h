// Writing a .zip archive (libzip): entries from memory or from files on disk, names in UTF-8.
#pragma once
#include <string>
#include <vector>

#include "infra/result.h"

namespace sz::zip {

struct Entry {
  std::string name;         // path inside the archive, UTF-8
  std::string data;         // the content, when `file` is empty
  std::string file;         // or a file on disk, read when the archive is written
};

// Writes the archive to `path` (replacing it) through a temporary file, so a reader never sees half an archive.
Status write(const std::string& path, const std::vector<Entry>& entries, int64_t mtime);

}  // namespace sz::zip
