// Loading the plan's reference data (data/*.json, built into the binary) into the store, and checking it.
#pragma once
#include <vector>

#include "infra/db/db.h"
#include "registry/service.h"
#include "stats/service.h"

namespace sz::app {

// Idempotent; one transaction. Returns the plan check's findings (the plan's own inconsistencies).
Result<std::vector<stats::Finding>> load_reference(db::Connection& c, int64_t now);

// The registry's rule parameters (data/registry-rules.json); a broken file stops start-up.
registry::Params registry_params();

// Puts the plausible ranges of numeric inputs (data/input-ranges.json) in force; a broken file stops start-up.
void install_input_ranges();

}  // namespace sz::app
