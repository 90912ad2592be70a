// Anchoring the audit chain outside the store. Whoever holds the database can rewrite the whole SM3 chain (it has
// no key), so the platform signs the chain's head with an SM2 key that the database never holds — at least hourly
// from a timer that fires once across nodes, and on every backup — and appends each signed checkpoint to files of
// their own (audit.checkpoint_dir, opened for appending only) and to the JSON log. `audit verify` checks the chain
// against the newest checkpoint with the public key alone. Rows written after the newest checkpoint can still be
// removed unnoticed: the interval bounds that window (docs/operations.md, 审计锚定).
#pragma once
#include <optional>
#include <string>

#include "audit/service.h"
#include "infra/db/db.h"
#include "infra/sm2.h"

namespace sz::audit {

struct Checkpoint {
  std::string chain;      // the store's chain nonce (audit_chain): which chain (one directory may hold several)
  int64_t seq = 0;        // the head signed
  std::string hash;
  int64_t at = 0;         // when it was signed, epoch seconds
  std::string reason;     // scheduled | backup | manual
  std::string key_id;     // Sm2Key::key_id of the signing key
  std::string signature;  // SM2 over signed_text(), DER in hex
};

// The exact bytes signed: every field but the signature, one per line.
std::string signed_text(const Checkpoint& cp);
std::string checkpoint_json(const Checkpoint& cp);
std::optional<Checkpoint> parse_checkpoint(std::string_view json_line);

// Signs the current head of the chain in `c` (read in the caller's transaction or snapshot) and appends it to `dir`
// (one file a day, Beijing time: audit-checkpoints-YYYY-MM-DD.jsonl, opened O_APPEND and synced) and to the log.
// An empty chain has nothing to anchor: nullopt.
Result<std::optional<Checkpoint>> sign_checkpoint(db::Connection& c, const crypto::Sm2Key& key, const std::string& dir,
                                                  int64_t now, const std::string& reason);

struct AnchoredReport {
  VerifyReport chain;                    // the chain on its own
  std::optional<Checkpoint> checkpoint;  // the newest of this chain in the directory
  int64_t age = 0;                       // seconds since it was signed
  int64_t unanchored = 0;                // entries after it, which nothing outside the store vouches for yet
  bool ok = false;
  std::string reason;                    // why not, in Chinese
};
// The chain verified on its own, then against the newest checkpoint of this chain in `dir`: missing, older than
// `max_age`, signed by another key or badly, or naming a head the chain does not hold — each is a failure.
Result<AnchoredReport> verify_anchored(db::Connection& c, const crypto::Sm2Key& verify_key, const std::string& dir,
                                       int64_t now, int64_t max_age);

// "1 小时 5 分" — ages in verify's output.
std::string duration_text(int64_t seconds);

}  // namespace sz::audit
