// Appending to the audit trail inside the caller's transaction, and verifying the whole chain.
#pragma once
#include <string>
#include <vector>

#include "audit/rules.h"
#include "audit/store.h"
#include "infra/db/db.h"
#include "infra/result.h"

namespace sz::audit {

// Appends one entry in the caller's open write transaction, so the write and its audit commit together.
Status record(db::Connection& c, int64_t now, const Actor& actor, const std::string& action,
              const std::string& entity_type, const std::string& entity_id, const std::string& before_json,
              const std::string& after_json);

struct VerifyReport {
  bool ok = false;
  int64_t entries = 0;
  int64_t first_broken_seq = 0;  // 0 when the chain is whole
  std::string reason;
  int64_t head_seq = 0;          // what audit_head records
  std::string head_hash;
};
// Streams the chain in seq order and compares its end with the recorded head, which shows a deletion of the
// newest entries.
Result<VerifyReport> verify(db::Connection& c);

// Reading the trail (authorization is the caller's: see ops/).
Result<std::vector<Entry>> page(db::Connection& c, const store::Filter& f, int64_t limit, int64_t offset, int64_t* total);
Result<std::optional<Entry>> entry(db::Connection& c, int64_t seq);
Status each_matching(db::Connection& c, const store::Filter& f, const std::function<bool(const Entry&)>& fn);
Result<int64_t> count_matching(db::Connection& c, const store::Filter& f);
Result<store::Head> chain_head(db::Connection& c);
struct Facets {
  std::vector<std::string> actions, entity_types;
};
Result<Facets> facets(db::Connection& c);

// Display of the trail. Values are compact JSON text with personal fields masked (is_personal_field).
struct Change {
  std::string field, before, after;
};
std::vector<Change> diff(const std::string& before_json, const std::string& after_json);
std::string masked(const std::string& json);

}  // namespace sz::audit
