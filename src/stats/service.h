// The plan's targets as the platform serves them, and loading them from data/plan-2024-10.json.
#pragma once
#include <memory>
#include <string_view>
#include <vector>

#include "infra/db/db.h"
#include "stats/rules.h"
#include "stats/store.h"

namespace sz::stats {

struct Targets {
  std::string version;
  std::vector<store::Group> groups;
  Plan plan;
  std::vector<Finding> findings;
};

class Service {
 public:
  explicit Service(std::shared_ptr<db::Database> db) : db_(std::move(db)) {}
  Result<Targets> targets();

  // Parses, checks and stores the plan document; returns the check's findings (errors included: the plan is
  // loaded as written, and its inconsistencies are listed rather than hidden).
  static Result<std::vector<Finding>> load_plan(db::Connection& c, std::string_view plan_json, int64_t now);

 private:
  std::shared_ptr<db::Database> db_;
};

}  // namespace sz::stats
