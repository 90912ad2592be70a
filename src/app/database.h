// The store as configured (`db`, `sqlite.synchronous`), and bringing it up to date: used by every command.
#pragma once
#include <memory>
#include <vector>

#include "infra/clock.h"
#include "infra/config.h"
#include "infra/db/db.h"
#include "stats/service.h"

namespace sz::app {

// Opens `db`; a SQLite file's folder is made if missing.
Result<std::shared_ptr<db::Database>> open_database(const config::Settings& settings);

// Schema and reference data (init, demo, serve and the commands that write); returns the plan check's findings.
Result<std::vector<stats::Finding>> prepare_database(db::Database& database, const Clock& clock);

}  // namespace sz::app
