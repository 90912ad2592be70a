// Versioned schema migrations (src/<area>/migrations/NNNN_name.sql, built into the binary), applied in one
// transaction under a lock so several nodes starting together migrate once.
#pragma once
#include "infra/db/db.h"

namespace sz::app {

// Brings the schema to the newest version; returns that version.
Result<int64_t> migrate(db::Connection& c, int64_t now);
// The version now in the store (after migrate() has run: the table exists).
Result<int64_t> schema_version(db::Connection& c);
// The newest version this binary knows.
int64_t latest_schema_version();

}  // namespace sz::app
