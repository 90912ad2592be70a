#include "infra/http/message.h"

#include <boost/url/parse.hpp>

#include "infra/text.h"

namespace sz::http {

bool decode_target(std::string_view target, Request& req) {
  auto u = boost::urls::parse_origin_form(target);
  if (!u) return false;
  req.path = std::string(u->path());
  for (auto p : u->params()) req.query.emplace_back(std::string(p.key), std::string(p.value));
  return true;
}

std::optional<std::string> Request::header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  if (it == headers.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> Request::query_param(const std::string& name) const {
  for (const auto& [k, v] : query)
    if (k == name) return v;
  return std::nullopt;
}

std::string Request::media_type() const {
  std::string type = header("content-type").value_or("");
  type = text::trim(type.substr(0, type.find(';')));
  for (auto& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return type;
}

std::optional<std::string> Request::cookie(const std::string& name) const {
  auto h = header("cookie");
  if (!h) return std::nullopt;
  std::string_view s = *h;
  while (!s.empty()) {
    auto semi = s.find(';');
    std::string_view pair = s.substr(0, semi);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    auto eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == name) return std::string(pair.substr(eq + 1));
    if (semi == std::string_view::npos) break;
    s.remove_prefix(semi + 1);
  }
  return std::nullopt;
}

std::string percent_encode(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

Response attachment(const std::string& path, const std::string& content_type, const std::string& download_name) {
  Response r;
  r.file_path = path;
  r.content_type = content_type;
  r.add_header("Content-Disposition", "attachment; filename=\"download\"; filename*=UTF-8''" + percent_encode(download_name));
  r.add_header("Cache-Control", "private, no-store");
  return r;
}

Response no_content() {
  Response r;
  r.status = 204;
  r.content_type.clear();
  return r;
}

}  // namespace sz::http
