#include "infra/db/ref_versions.h"

#include "infra/crypto.h"

namespace sz::db {

Status record_ref_version(Connection& c, const std::string& name, const std::string& version,
                          const std::string& file_text, int64_t now) {
  SZ_TRY(c.execute("INSERT INTO ref_versions (name, version, sha256, loaded_at) VALUES ($1,$2,$3,$4) "
                   "ON CONFLICT (name) DO UPDATE SET version = excluded.version, sha256 = excluded.sha256, "
                   "loaded_at = excluded.loaded_at",
                   {name, version, crypto::sha256_hex(file_text), now}));
  return ok();
}

Result<std::string> ref_version(Connection& c, const std::string& name) {
  SZ_ASSIGN(auto row, c.query_one("SELECT version FROM ref_versions WHERE name = $1", {name}));
  return row ? row->text(0) : std::string();
}

}  // namespace sz::db
