// Structured logs: one JSON object per line, written through spdlog. Callers pass fields, never raw text, so
// values are escaped and a log line is always valid JSON. Never log passwords, tokens or request bodies.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <variant>

namespace sz::log {

using Value = std::variant<std::string_view, int64_t, double, bool>;
struct Field {
  std::string_view key;
  Value value;
  Field(std::string_view k, std::string_view v) : key(k), value(v) {}
  Field(std::string_view k, const std::string& v) : key(k), value(std::string_view(v)) {}
  Field(std::string_view k, const char* v) : key(k), value(std::string_view(v)) {}
  Field(std::string_view k, int64_t v) : key(k), value(v) {}
  Field(std::string_view k, int v) : key(k), value(static_cast<int64_t>(v)) {}
  Field(std::string_view k, double v) : key(k), value(v) {}
  Field(std::string_view k, bool v) : key(k), value(v) {}
};

// Sets the line format ({"ts","level",...fields}) and the level ("debug", "info", "warn", "error").
void setup(const std::string& level);
void info(std::string_view msg, std::initializer_list<Field> fields = {});
void warn(std::string_view msg, std::initializer_list<Field> fields = {});
void error(std::string_view msg, std::initializer_list<Field> fields = {});

std::string json_escape(std::string_view s);

}  // namespace sz::log
