// What an area declares about itself, in its own folder (src/<area>/module.cc): app/modules.cc lists the areas, and
// the platform takes what each declares from that list — no central table names another area's things.
#pragma once
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <typeindex>
#include <utility>
#include <unordered_map>
#include <vector>

#include "infra/clock.h"
#include "infra/config.h"
#include "infra/db/db.h"
#include "infra/result.h"
#include "infra/workflow.h"

namespace CLI {
class App;
}

namespace sz::module {

// A code as it is stored — an audit action, an entity type — and its name in Chinese.
struct Label {
  std::string_view code, name;
};

// The audit trail's words for an area: the actions it records, the kinds of record it writes them about, and the
// fields of those records (a field's label may depend on the record: `state` of a project is 项目状态).
struct FieldLabel {
  std::string_view entity;  // "" for the field on any record
  std::string_view field, name;
};
struct AuditVocabulary {
  std::vector<Label> actions = {}, entities = {};
  std::vector<FieldLabel> fields = {};
};

// The services of the running platform, found by type: how a command (and, later, a route or a job) of one area
// reaches the service of another without the platform's class naming them all.
class Services {
 public:
  template <class T>
  void provide(T& service) {
    by_type_[std::type_index(typeid(T))] = &service;
  }
  template <class T>
  T& get() const {
    auto it = by_type_.find(std::type_index(typeid(T)));
    if (it == by_type_.end()) throw std::logic_error(std::string("service not provided: ") + typeid(T).name());
    return *static_cast<T*>(it->second);
  }

 private:
  std::unordered_map<std::type_index, void*> by_type_;
};

// What a command gets when it runs: the configuration (files, environment and its flags applied), the store, the
// platform's services and clock — each made on first use, so a command that needs no store opens none.
class Context {
 public:
  virtual ~Context() = default;
  virtual const config::Settings& settings() = 0;
  virtual Result<db::Database*> database() = 0;
  // Schema and reference data brought up to date (init, demo, serve and the commands that write).
  virtual Status prepare() = 0;
  virtual Services& services() = 0;
  virtual const Clock& clock() = 0;
  template <class T>
  T& service() {
    return services().get<T>();
  }
};

// Flags that set a configuration key at the highest precedence (`--public-key` sets audit.verify_key).
class SettingFlags {
 public:
  virtual ~SettingFlags() = default;
  virtual void add(CLI::App& command, const std::string& flag, const std::string& key, const std::string& help) = 0;
};

// A command line subcommand: `declare` adds its options to its CLI11 subcommand and returns what runs it once the
// line is parsed (the options' values live in what it captures; the run returns the process's exit code). Without
// `declare` it is a group ("user"), declared before the commands under it ("user add").
using Run = std::function<int(Context&)>;
struct Command {
  std::string path;  // "user add": a word per level
  std::string help;
  bool store = true;  // takes --db and --config
  std::function<Run(CLI::App&, SettingFlags&)> declare;
};

// What is running, for the system status page: the binary's version and the schema version of its store.
struct Build {
  std::string version;
  std::function<Result<int64_t>()> schema_version;
};

// The platform as a module sees it while the platform is put together (app/platform.cc): the configuration, the
// store and the clock, and the services of the modules before it in the list. A module makes its own services here
// (`make`), which the platform keeps for its lifetime, destroys in reverse order, and offers to the modules after it.
class Assembly {
 public:
  virtual ~Assembly() = default;
  virtual const config::Settings& settings() const = 0;
  virtual std::shared_ptr<db::Database> database() const = 0;
  virtual const Clock& clock() const = 0;
  // `serve --test-clock`: tests move time, and paced work runs at once.
  virtual bool testing() const = 0;
  virtual Services& services() = 0;
  template <class T>
  T& service() {
    return services().get<T>();
  }
  // The files built into the binary under `prefix` ("data/assessment/"), by path: reference data.
  virtual std::vector<std::pair<std::string_view, std::string_view>> data_under(std::string_view prefix) const = 0;
  // One reference-data file built into the binary (data/…); a missing one stops start-up.
  std::string_view data(std::string_view path) const {
    auto files = data_under(path);
    if (files.size() != 1 || files[0].first != path)
      throw std::runtime_error(std::string(path) + ": not built into the binary");
    return files[0].second;
  }
  // `parse` applied to that file; a broken file stops start-up naming it and what is wrong with it.
  template <class Parse>
  auto reference(std::string_view path, Parse parse) {
    return parsed(path, parse(std::string(data(path))));
  }
  // `parse` applied to every file under `prefix` (versioned data: a file per version), in path order.
  template <class Parse>
  auto references(std::string_view prefix, Parse parse) {
    std::vector<decltype(parsed(prefix, parse(std::string())))> out;
    for (const auto& [path, content] : data_under(prefix)) out.push_back(parsed(path, parse(std::string(content))));
    return out;
  }
  // A workflow's file (data/…), read by the platform's one workflow mechanism (infra/workflow.h); a broken file stops
  // start-up. The module that owns it lists it in GET /api/v1/workflows (`service<workflow::Library>().add`).
  workflow::Workflow workflow(std::string_view path) { return parsed(path, workflow::parse(data(path), path)); }
  template <class T>
  static T parsed(std::string_view what, Result<T> r) {
    if (!r) throw std::runtime_error(std::string(what) + ": " + r.error().detail);
    return std::move(r).value();
  }
  template <class T, class... Args>
  T& make(Args&&... args) {
    auto owned = std::make_shared<T>(std::forward<Args>(args)...);
    T& made = *owned;
    keep(std::move(owned));
    services().provide(made);
    return made;
  }

 protected:
  virtual void keep(std::shared_ptr<void> service) = 0;
};

struct Info {
  std::string_view name;   // the folder, e.g. "projects"
  std::string_view title;  // e.g. "项目"
  AuditVocabulary audit = {};
  std::vector<Command> commands = {};
  // Makes the area's services from the configuration and the services of the modules listed before it.
  std::function<void(Assembly&)> assemble = {};
  // Once every module is assembled: the area's routes (auth::Routes is a service by then), its job kinds and
  // schedules, the indicators it counts for and the rules it adds to other areas' workflows.
  std::function<void(Assembly&)> install = {};
};

// How a command says it failed: 错误：message（field）and the detail on stderr; returns `code`.
int fail(const Error& e, int code = 1);

}  // namespace sz::module
