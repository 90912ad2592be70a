// Appending to the audit trail inside the caller's transaction, and verifying the whole chain.
#pragma once
#include <string>

#include "audit/rules.h"
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

}  // namespace sz::audit
