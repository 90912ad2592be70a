// Documents (资料上传): what a file is, decided by its content, and what its name may be.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sz::documents {

struct FileType {
  std::string mime, label, extension;  // "application/pdf", "PDF 文档", ".pdf"
};

// From the first bytes and, for a zip, the names inside it (Office files are zips with known parts).
// nullopt: not one of the accepted types (PDF, images, Office, zip, MP4 video).
std::optional<FileType> detect(std::string_view head, const std::vector<std::string>& zip_entries);

// A name safe to store and to send back: no directories, control characters or reserved characters,
// no leading dots, at most 100 characters; the detected type's extension when the name has none.
std::string sanitize_name(const std::string& name, const FileType& type);

}  // namespace sz::documents
