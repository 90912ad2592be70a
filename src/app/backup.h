// Backup and restore of the whole store while it serves, with a manifest that records the audit chain head
// of the copy, so a restored store can be checked against it; every backup signs that head as a checkpoint too.
#pragma once
#include <optional>
#include <string>

#include "audit/signing.h"
#include "audit/anchor.h"
#include "infra/db/db.h"

namespace sz::app {

struct BackupReport {
  std::string path, manifest_path;
  int64_t head_seq = 0;
  std::string head_hash;
  std::optional<audit::Checkpoint> checkpoint;  // the copy's head, signed (none for an empty chain)
};

Result<BackupReport> backup(db::Database& db, const std::string& to, int64_t now, const audit::ConfiguredAnchor& anchor);
// Refuses to overwrite a store that holds data unless `force`; afterwards verifies the audit chain and compares
// its head with the manifest's.
Result<BackupReport> restore(db::Database& db, const std::string& from, bool force);

}  // namespace sz::app
