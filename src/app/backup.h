// Backup and restore of the whole store while it serves, with a manifest that records the audit chain head
// of the copy, so a restored store can be checked against it.
#pragma once
#include <string>

#include "infra/db/db.h"

namespace sz::app {

struct BackupReport {
  std::string path, manifest_path;
  int64_t head_seq = 0;
  std::string head_hash;
};

Result<BackupReport> backup(db::Database& db, const std::string& to, int64_t now);
// Refuses to overwrite a store that holds data unless `force`; afterwards verifies the audit chain and compares
// its head with the manifest's.
Result<BackupReport> restore(db::Database& db, const std::string& from, bool force);

}  // namespace sz::app
