#include "infra/log.h"

#include <spdlog/spdlog.h>

#include <cstdio>

namespace sz::log {

std::string json_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out;
}

namespace {
std::string render(std::string_view msg, std::initializer_list<Field> fields) {
  std::string line = "\"msg\":\"" + json_escape(msg) + "\"";
  for (const auto& f : fields) {
    line += ",\"" + json_escape(f.key) + "\":";
    if (auto s = std::get_if<std::string_view>(&f.value))
      line += "\"" + json_escape(*s) + "\"";
    else if (auto i = std::get_if<int64_t>(&f.value))
      line += std::to_string(*i);
    else if (auto d = std::get_if<double>(&f.value))
      line += std::to_string(*d);
    else
      line += std::get<bool>(f.value) ? "true" : "false";
  }
  return line;
}
}  // namespace

void setup(const std::string& level) {
  spdlog::set_pattern(R"({"ts":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l",%v})", spdlog::pattern_time_type::utc);
  spdlog::set_level(spdlog::level::from_str(level));
}

void info(std::string_view msg, std::initializer_list<Field> fields) { spdlog::info(render(msg, fields)); }
void warn(std::string_view msg, std::initializer_list<Field> fields) { spdlog::warn(render(msg, fields)); }
void error(std::string_view msg, std::initializer_list<Field> fields) { spdlog::error(render(msg, fields)); }

}  // namespace sz::log
