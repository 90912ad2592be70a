#include "app/cli.h"

#include <CLI/CLI.hpp>
#include <sodium.h>

#include <cstdlib>
#include <deque>
#include <filesystem>
#include <iostream>
#include <map>

#include "app/platform.h"
#include "app/reference.h"
#include "app/settings.h"
#include "app/database.h"
#include "infra/log.h"

namespace sz::app {

namespace {

// A flag that, when given, sets a configuration key at the highest precedence.
class Flags : public module::SettingFlags {
 public:
  void add(CLI::App& command, const std::string& flag, const std::string& key, const std::string& help) override {
    values_.push_back({key, std::nullopt, &command});
    command.add_option(flag, values_.back().value, help + "（配置项 " + key + "）");
  }
  // The flags of the command that runs, applied over the other layers.
  Status apply(config::Settings& settings, const CLI::App& chosen) const {
    for (const auto& v : values_)
      if (v.command == &chosen && v.value) SZ_TRY(settings.set(v.key, *v.value, "命令行"));
    return ok();
  }

 private:
  struct Value {
    std::string key;
    std::optional<std::string> value;
    const CLI::App* command;
  };
  std::deque<Value> values_;  // stable addresses: CLI11 writes into them
};

class CommandContext : public module::Context {
 public:
  CommandContext(config::Settings& settings, bool manual_clock) : settings_(settings), manual_clock_(manual_clock) {}

  const config::Settings& settings() override { return settings_; }

  Result<db::Database*> database() override {
    if (!db_) {
      SZ_ASSIGN(db_, open_database(settings_));
    }
    return db_.get();
  }

  Status prepare() override {
    SZ_ASSIGN(auto* db, database());
    SZ_TRY(prepare_database(*db, clock()));
    return ok();
  }

  module::Services& services() override { return platform().services(); }
  const Clock& clock() override { return platform().clock(); }

 private:
  Platform& platform() {
    if (!platform_) {
      auto db = database();
      if (!db) throw std::runtime_error(db.error().message);
      auto opts = PlatformOptions::from(settings_, false, "");
      opts.manual_clock = manual_clock_;
      platform_ = std::make_unique<Platform>(db_, settings_, opts);
    }
    return *platform_;
  }

  config::Settings& settings_;
  bool manual_clock_;
  std::shared_ptr<db::Database> db_;
  std::unique_ptr<Platform> platform_;
};

// The CLI11 subcommand for a path ("user add") under its group ("user"), which the table declares before it.
CLI::App* subcommand_at(CLI::App& root, const std::string& path, const std::string& help,
                        const std::map<std::string, CLI::App*>& groups) {
  size_t space = path.rfind(' ');
  if (space == std::string::npos) return root.add_subcommand(path, help);
  auto group = groups.find(path.substr(0, space));
  if (group == groups.end()) throw std::logic_error("command " + path + " declared before its group");
  return group->second->add_subcommand(path.substr(space + 1), help);
}

}  // namespace

int run(const CommandLine& line, int argc, char** argv) {
  if (sodium_init() < 0) {
    std::cerr << "libsodium 初始化失败\n";
    return 1;
  }
  install_input_ranges();
  CLI::App root{line.description};
  std::string config_file;
  Flags flags;
  std::map<std::string, CLI::App*> groups;
  std::vector<std::pair<CLI::App*, module::Run>> runs;
  for (const auto& c : line.commands) {
    CLI::App* cmd = c.path.empty() ? &root : subcommand_at(root, c.path, c.help, groups);
    if (!c.declare) {  // a group: one of its commands must follow
      cmd->require_subcommand(1);
      groups[c.path] = cmd;
      continue;
    }
    if (c.store) {
      flags.add(*cmd, "--db", "db", "数据库：sqlite:路径 或 postgresql://…（默认 sqlite:var/shuzhuan.db）");
      cmd->add_option("--config", config_file, "配置文件（也可用环境变量 SHUZHUAN_CONFIG）");
    }
    runs.emplace_back(cmd, c.declare(*cmd, flags));
  }
  bool program_is_the_command = line.commands.size() == 1 && line.commands.front().path.empty();
  if (!program_is_the_command) root.require_subcommand(1);
  CLI11_PARSE(root, argc, argv);

  const CLI::App* chosen = &root;
  module::Run* run = nullptr;
  for (auto& [cmd, r] : runs)
    if (cmd == &root || cmd->parsed()) chosen = cmd, run = &r;
  auto settings = platform_settings();
  if (config_file.empty())
    if (const char* env = std::getenv("SHUZHUAN_CONFIG")) config_file = env;
  if (!config_file.empty())
    if (auto s = settings.load_file(config_file); !s) return module::fail(s.error(), 2);
  if (auto s = settings.load_env([](const char* n) { return std::getenv(n); }); !s) return module::fail(s.error(), 2);
  if (auto s = flags.apply(settings, *chosen); !s) return module::fail(s.error(), 2);
  log::setup(settings.get("log.level"));
  try {
    CommandContext ctx(settings, line.manual_clock);
    return (*run)(ctx);
  } catch (const std::exception& ex) {
    std::cerr << "错误：" << ex.what() << "\n";
    return 1;
  }
}

}  // namespace sz::app
