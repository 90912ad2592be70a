#include "app/database.h"

#include <filesystem>

#include "app/migrate.h"
#include "app/reference.h"

namespace sz::app {

Result<std::shared_ptr<db::Database>> open_database(const config::Settings& settings) {
  const std::string& url = settings.get("db");
  if (url.rfind("sqlite:", 0) == 0) {
    std::filesystem::path p = url.substr(7);
    std::error_code ec;
    if (p.has_parent_path()) std::filesystem::create_directories(p.parent_path(), ec);
  }
  db::OpenOptions options;
  options.sqlite_synchronous = settings.get("sqlite.synchronous") == "NORMAL" ? db::SqliteSync::normal : db::SqliteSync::full;
  return db::Database::open(url, options);
}

Result<std::vector<stats::Finding>> prepare_database(db::Database& database, const Clock& clock) {
  SZ_ASSIGN(auto* c, database.local());
  SZ_TRY(migrate(*c, clock.now()));
  return load_reference(*c, clock.now());
}

}  // namespace sz::app
