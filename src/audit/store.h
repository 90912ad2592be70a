// SQL of the audit trail.
#pragma once
#include <functional>
#include <optional>
#include <vector>

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
// The store's chain nonce (audit_chain): which chain a signed checkpoint belongs to.
Result<std::string> chain_nonce(db::Connection& c);
Status each_entry(db::Connection& c, const std::function<bool(const Entry&)>& fn);

struct Filter {
  std::string actor, action, entity_type, entity_id;
  std::optional<int64_t> from, to;  // epoch seconds, inclusive
};
// Newest first.
Result<std::vector<Entry>> list(db::Connection& c, const Filter& f, int64_t limit, int64_t offset);
Result<int64_t> count(db::Connection& c, const Filter& f);
// Streams matching entries oldest first (exports).
Status each_matching(db::Connection& c, const Filter& f, const std::function<bool(const Entry&)>& fn);
Result<std::optional<Entry>> find(db::Connection& c, int64_t seq);
Result<std::vector<std::string>> distinct(db::Connection& c, const std::string& column);

}  // namespace sz::audit::store
