// Which version of each reference-data file is loaded (data/*.json), with the file's SHA-256.
#pragma once
#include <string>

#include "infra/db/db.h"

namespace sz::db {

Status record_ref_version(Connection& c, const std::string& name, const std::string& version,
                          const std::string& file_text, int64_t now);
Result<std::string> ref_version(Connection& c, const std::string& name);

}  // namespace sz::db
