#include "infra/http/static_files.h"

#include <filesystem>

namespace sz::http {
namespace {
namespace fs = std::filesystem;

const char* content_type_of(const fs::path& p) {
  auto ext = p.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json") return "application/json; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".woff") return "font/woff";
  if (ext == ".ttf") return "font/ttf";
  return "application/octet-stream";
}

Response not_found(const char* msg) {
  Response r;
  r.status = 404;
  r.body = std::string("{\"error\":{\"code\":\"not_found\",\"message\":\"") + msg + "\",\"field\":\"\"}}";
  return r;
}

// Refuses "..", empty and dot segments so a path never leaves the root.
bool safe_relative(const std::string& path, fs::path* out) {
  fs::path rel;
  size_t i = 0;
  while (i < path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string::npos) j = path.size();
    std::string seg = path.substr(i, j - i);
    if (!seg.empty()) {
      if (seg == "." || seg == ".." || seg.find('\\') != std::string::npos || seg.find('\0') != std::string::npos)
        return false;
      rel /= seg;
    }
    i = j + 1;
  }
  *out = rel;
  return true;
}
}  // namespace

Response serve_static(const std::string& root, const Request& req) {
  if (req.method != "GET" && req.method != "HEAD") {
    Response r = not_found("资源不存在");
    r.status = 405;
    return r;
  }
  fs::path rel;
  if (!safe_relative(req.path, &rel)) return not_found("资源不存在");
  fs::path file = fs::path(root) / rel;
  std::error_code ec;
  bool is_file = !rel.empty() && fs::is_regular_file(file, ec);
  if (!is_file) {
    // Paths without an extension are the app's own routes (history mode): answer with index.html.
    if (!rel.empty() && rel.has_extension()) return not_found("资源不存在");
    file = fs::path(root) / "index.html";
    if (!fs::is_regular_file(file, ec)) return not_found("前端尚未构建：请先运行 scripts/run.sh");
  }
  Response r;
  r.file_path = file.string();
  r.content_type = content_type_of(file);
  bool hashed_asset = rel.begin() != rel.end() && *rel.begin() == "assets";
  r.add_header("Cache-Control", hashed_asset ? "public, max-age=31536000, immutable" : "no-cache");
  return r;
}

}  // namespace sz::http
