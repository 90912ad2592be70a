// Loading the plan's reference data (data/*.json, built into the binary) into the store, and checking it.
#pragma once
#include <vector>

#include "infra/db/db.h"
#include "stats/rules.h"

namespace sz::app {

// Idempotent; one transaction. Returns the plan check's findings (the plan's own inconsistencies).
Result<std::vector<stats::Finding>> load_reference(db::Connection& c, int64_t now);

}  // namespace sz::app
