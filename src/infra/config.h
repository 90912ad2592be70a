// Configuration in layers: built-in defaults < config file < environment (SHUZHUAN_*) < command-line flags.
// Every key is declared with its default, description and check; unknown keys and bad values are refused with
// the key named. Secrets are hidden when the configuration is printed.
#pragma once
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "infra/result.h"

namespace sz::config {

// Returns the Chinese reason a value is refused, or nullopt.
using Check = std::function<std::optional<std::string>(const std::string&)>;

struct Key {
  std::string name;           // "server.port"
  std::string default_value;
  std::string description;    // Chinese, one line
  Check check;
  bool secret = false;        // a URL whose password dump() hides (user and host stay visible)
};

Check integer_between(int64_t lo, int64_t hi);
Check boolean();
Check one_of(std::vector<std::string> values);
Check ip_list();               // comma-separated IPv4/IPv6 addresses
Check any_text();

// "server.port" → "SHUZHUAN_SERVER_PORT"
std::string env_name(const std::string& key);

class Settings {
 public:
  explicit Settings(std::vector<Key> keys);

  // `key = value` lines; `[section]` prefixes the keys below it ("[server]" + "port" → "server.port");
  // '#' starts a comment. Unknown keys and bad values are errors naming the key and the line.
  Status load_file(const std::string& path);
  // Reads SHUZHUAN_<KEY> for every declared key (other variables are ignored).
  Status load_env(const std::function<const char*(const char*)>& getenv_fn);
  Status set(const std::string& key, const std::string& value, const std::string& source);

  const std::string& get(const std::string& key) const;
  int64_t get_int(const std::string& key) const;
  bool get_bool(const std::string& key) const;
  std::vector<std::string> get_list(const std::string& key) const;
  const std::string& source(const std::string& key) const;  // "默认" "文件" "环境变量" "命令行"

  const std::vector<Key>& keys() const { return keys_; }
  // One line per key: name = value   # source — secrets hidden.
  std::string dump() const;

 private:
  const Key* find(const std::string& key) const;
  std::vector<Key> keys_;
  std::map<std::string, std::string> values_, sources_;
};

// postgresql://user:secret@host/db → postgresql://user:***@host/db
std::string hide_password(const std::string& url);

}  // namespace sz::config
