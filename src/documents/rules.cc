#include "documents/rules.h"

#include <algorithm>

#include "infra/text.h"

namespace sz::documents {

namespace {
bool starts(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
bool any_under(const std::vector<std::string>& entries, std::string_view dir) {
  return std::any_of(entries.begin(), entries.end(), [&](const std::string& e) { return starts(e, dir); });
}
}  // namespace

std::optional<FileType> detect(std::string_view head, const std::vector<std::string>& entries) {
  if (starts(head, "%PDF-")) return FileType{"application/pdf", "PDF 文档", ".pdf"};
  if (starts(head, "\x89PNG\r\n\x1a\n")) return FileType{"image/png", "PNG 图片", ".png"};
  if (starts(head, "\xFF\xD8\xFF")) return FileType{"image/jpeg", "JPEG 图片", ".jpg"};
  if (starts(head, "GIF87a") || starts(head, "GIF89a")) return FileType{"image/gif", "GIF 图片", ".gif"};
  if (head.size() >= 12 && starts(head, "RIFF") && head.substr(8, 4) == "WEBP")
    return FileType{"image/webp", "WebP 图片", ".webp"};
  if (head.size() >= 12 && head.substr(4, 4) == "ftyp") return FileType{"video/mp4", "MP4 视频", ".mp4"};
  if (starts(head, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
    return FileType{"application/x-ole-storage", "Office 97–2003 文档", ""};
  if (starts(head, "PK\x03\x04")) {
    bool office = std::find(entries.begin(), entries.end(), "[Content_Types].xml") != entries.end();
    if (office && any_under(entries, "word/"))
      return FileType{"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word 文档", ".docx"};
    if (office && any_under(entries, "xl/"))
      return FileType{"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel 表格", ".xlsx"};
    if (office && any_under(entries, "ppt/"))
      return FileType{"application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint 演示文稿",
                      ".pptx"};
    return FileType{"application/zip", "ZIP 压缩包", ".zip"};
  }
  return std::nullopt;
}

std::string sanitize_name(const std::string& raw, const FileType& type) {
  std::string name = text::valid_utf8(raw) ? raw : std::string();
  // Keep only the last path component: "../../etc/passwd" and "C:\x\y.pdf" become "passwd" and "y.pdf".
  size_t slash = name.find_last_of("/\\");
  if (slash != std::string::npos) name = name.substr(slash + 1);
  std::string clean;
  for (const auto& cp : text::code_points(name)) {
    unsigned char c = static_cast<unsigned char>(cp[0]);
    if (cp.size() == 1 && (c < 0x20 || c == 0x7F)) continue;
    if (cp.size() == 1 && std::string_view("<>:\"|?*").find(static_cast<char>(c)) != std::string_view::npos) {
      clean += '_';
      continue;
    }
    clean += cp;
  }
  while (!clean.empty() && (clean.front() == '.' || clean.front() == ' ')) clean.erase(0, 1);
  while (!clean.empty() && clean.back() == ' ') clean.pop_back();
  auto cps = text::code_points(clean);
  if (cps.size() > 100) {
    clean.clear();
    for (size_t i = cps.size() - 100; i < cps.size(); ++i) clean += cps[i];  // keep the end, where the extension is
  }
  if (clean.empty()) clean = "文件";
  if (!type.extension.empty() && clean.find('.') == std::string::npos) clean += type.extension;
  return clean;
}

}  // namespace sz::documents
