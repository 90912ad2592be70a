// SQL of the plan's targets: the indicator matrix, the annex, and the text statements checked against them.
#pragma once
#include <string>
#include <vector>

#include "infra/db/db.h"
#include "stats/rules.h"

namespace sz::stats::store {

struct Group {
  std::string no, name;
};

// Replaces the stored plan with `p` (inside the caller's transaction).
Status save_plan(db::Connection& c, const std::vector<Group>& groups, const Plan& p);
// The stored plan, without industry and district names (those belong to the registry).
Result<Plan> load_plan(db::Connection& c);
Result<std::vector<Group>> groups(db::Connection& c);

}  // namespace sz::stats::store
