// SQL of the audit trail.
#pragma once
#include <functional>

#include "audit/rules.h"
#include "infra/db/db.h"

namespace sz::audit::store {

struct Head {
  int64_t seq = 0;
  std::string hash;
};
// Locks the head row for the rest of the transaction (PostgreSQL FOR UPDATE; SQLite holds the write lock already).
Result<Head> lock_head(db::Connection& c);
Status insert(db::Connection& c, const Entry& e);
Status set_head(db::Connection& c, const Head& h);
Result<Head> head(db::Connection& c);
Status each_entry(db::Connection& c, const std::function<bool(const Entry&)>& fn);

}  // namespace sz::audit::store
