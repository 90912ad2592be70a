#include "infra/config.h"

#include <arpa/inet.h>

#include <charconv>
#include <fstream>
#include <sstream>

namespace sz::config {

namespace {
std::string trim(std::string s) {
  size_t a = s.find_first_not_of(" \t\r\n");
  size_t b = s.find_last_not_of(" \t\r\n");
  return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

std::vector<std::string> split_commas(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  std::string item;
  while (std::getline(in, item, ','))
    if (auto t = trim(item); !t.empty()) out.push_back(t);
  return out;
}
}  // namespace

Check integer_between(int64_t lo, int64_t hi) {
  return [lo, hi](const std::string& v) -> std::optional<std::string> {
    int64_t n = 0;
    auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (ec != std::errc() || p != v.data() + v.size())
      return "应为整数";
    if (n < lo || n > hi) return "应在 " + std::to_string(lo) + " 到 " + std::to_string(hi) + " 之间";
    return std::nullopt;
  };
}

Check boolean() {
  return [](const std::string& v) -> std::optional<std::string> {
    if (v == "true" || v == "false") return std::nullopt;
    return "应为 true 或 false";
  };
}

Check one_of(std::vector<std::string> values) {
  return [values](const std::string& v) -> std::optional<std::string> {
    for (const auto& x : values)
      if (x == v) return std::nullopt;
    std::string all;
    for (const auto& x : values) all += (all.empty() ? "" : "、") + x;
    return "应为以下之一：" + all;
  };
}

Check ip_list() {
  return [](const std::string& v) -> std::optional<std::string> {
    for (const auto& ip : split_commas(v)) {
      unsigned char buf[16];
      if (inet_pton(AF_INET, ip.c_str(), buf) != 1 && inet_pton(AF_INET6, ip.c_str(), buf) != 1)
        return "不是有效的 IP 地址：" + ip;
    }
    return std::nullopt;
  };
}

Check any_text() {
  return [](const std::string&) -> std::optional<std::string> { return std::nullopt; };
}

std::string env_name(const std::string& key) {
  std::string e = "SHUZHUAN_";
  for (char c : key) e += (c == '.' || c == '-') ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return e;
}

std::string hide_password(const std::string& url) {
  auto scheme = url.find("://");
  auto at = url.find('@');
  if (scheme == std::string::npos || at == std::string::npos) return url;
  auto colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon + 1) + "***" + url.substr(at);
}

Settings::Settings(std::vector<Key> keys) : keys_(std::move(keys)) {
  for (const auto& k : keys_) {
    values_[k.name] = k.default_value;
    sources_[k.name] = "默认";
  }
}

const Key* Settings::find(const std::string& key) const {
  for (const auto& k : keys_)
    if (k.name == key) return &k;
  return nullptr;
}

Status Settings::set(const std::string& key, const std::string& value, const std::string& source) {
  const Key* k = find(key);
  if (!k) return err::invalid(key, "未知的配置项：" + key);
  if (auto why = k->check(value)) return err::invalid(key, "配置项 " + key + " 的值无效：" + *why);
  values_[key] = value;
  sources_[key] = source;
  return ok();
}

Status Settings::load_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) return err::invalid("config", "无法读取配置文件：" + path);
  std::string line, section;
  for (int n = 1; std::getline(in, line); ++n) {
    auto hash = line.find('#');
    if (hash != std::string::npos) line = line.substr(0, hash);
    line = trim(line);
    if (line.empty()) continue;
    if (line.front() == '[' && line.back() == ']') {
      section = trim(line.substr(1, line.size() - 2));
      continue;
    }
    auto eq = line.find('=');
    if (eq == std::string::npos)
      return err::invalid("config", path + " 第 " + std::to_string(n) + " 行应为 键 = 值");
    std::string key = trim(line.substr(0, eq));
    std::string value = trim(line.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    if (!section.empty()) key = section + "." + key;
    auto s = set(key, value, "文件");
    if (!s) {
      Error e = s.error();
      e.message = path + " 第 " + std::to_string(n) + " 行：" + e.message;
      return e;
    }
  }
  return ok();
}

Status Settings::load_env(const std::function<const char*(const char*)>& getenv_fn) {
  for (const auto& k : keys_)
    if (const char* v = getenv_fn(env_name(k.name).c_str())) SZ_TRY(set(k.name, v, "环境变量"));
  return ok();
}

const std::string& Settings::get(const std::string& key) const { return values_.at(key); }
int64_t Settings::get_int(const std::string& key) const { return std::stoll(values_.at(key)); }
bool Settings::get_bool(const std::string& key) const { return values_.at(key) == "true"; }
std::vector<std::string> Settings::get_list(const std::string& key) const { return split_commas(values_.at(key)); }
const std::string& Settings::source(const std::string& key) const { return sources_.at(key); }

std::string Settings::dump() const {
  std::string out;
  for (const auto& k : keys_) {
    std::string v = values_.at(k.name);
    if (k.secret) v = hide_password(v);
    out += k.name + " = " + v + "    # " + sources_.at(k.name) + "；" + k.description + "\n";
  }
  return out;
}

}  // namespace sz::config
