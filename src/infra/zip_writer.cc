#include "infra/zip_writer.h"

#include <zip.h>

#include <filesystem>

#include "infra/crypto.h"

namespace sz::zip {

Status write(const std::string& path, const std::vector<Entry>& entries, int64_t mtime) {
  std::string tmp = path + "." + crypto::random_token().substr(0, 12) + ".part";  // concurrent writers never meet
  int error = 0;
  zip_t* z = zip_open(tmp.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (!z) return err::internal("zip_open failed: " + std::to_string(error));
  for (const auto& e : entries) {
    zip_source_t* src = e.file.empty() ? zip_source_buffer(z, e.data.data(), e.data.size(), 0)
                                       : zip_source_file(z, e.file.c_str(), 0, -1);
    if (!src) {
      zip_discard(z);
      return err::internal("zip source for " + e.name + ": " + zip_strerror(z));
    }
    zip_int64_t idx = zip_file_add(z, e.name.c_str(), src, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
    if (idx < 0) {
      zip_source_free(src);
      std::string why = zip_strerror(z);
      zip_discard(z);
      return err::internal("zip add " + e.name + ": " + why);
    }
    // Entry times from the record, not the wall clock: the same project gives the same archive.
    zip_file_set_mtime(z, static_cast<zip_uint64_t>(idx), static_cast<time_t>(mtime), 0);
  }
  if (zip_close(z) != 0) {
    std::string why = zip_strerror(z);
    zip_discard(z);
    return err::internal("zip_close: " + why);
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) return err::internal("rename archive: " + ec.message());
  return ok();
}

}  // namespace sz::zip
