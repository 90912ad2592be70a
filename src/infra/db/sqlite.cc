// SQLite engine: WAL, busy_timeout on every connection, one connection per worker thread,
// write transactions as BEGIN IMMEDIATE so writers queue instead of failing on lock upgrade.
#include <sqlite3.h>

#include <string>
#include <unordered_map>

#include "infra/db/db.h"

namespace sz::db {
namespace {

// "$12" → "?12" outside string literals and quoted identifiers.
std::string to_sqlite_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size());
  char quote = 0;
  for (size_t i = 0; i < sql.size(); ++i) {
    char c = sql[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '$' && i + 1 < sql.size() && sql[i + 1] >= '0' && sql[i + 1] <= '9') {
      c = '?';
    }
    out.push_back(c);
  }
  return out;
}

Error sqlite_error(sqlite3* db, int rc, std::string_view sql) {
  int ext = sqlite3_extended_errcode(db);
  std::string detail = std::string("sqlite: ") + sqlite3_errmsg(db) + " in: " + std::string(sql.substr(0, 200));
  if (ext == SQLITE_CONSTRAINT_UNIQUE || ext == SQLITE_CONSTRAINT_PRIMARYKEY)
    return {409, "duplicate", "记录已存在，不能重复", {}, detail};
  if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) return err::unavailable(detail);
  return err::internal(detail);
}

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  ~SqliteConnection() override {
    for (auto& [_, st] : cache_) sqlite3_finalize(st);
    sqlite3_close_v2(db_);
  }
  Engine engine() const override { return Engine::sqlite; }

  Result<std::vector<Row>> query(std::string_view sql, const Params& params) override {
    std::vector<Row> rows;
    auto s = stream(sql, params, [&](const Row& r) {
      rows.push_back(r);
      return true;
    });
    if (!s) return s.take_error();
    return rows;
  }

  Status stream(std::string_view sql, const Params& params, const std::function<bool(const Row&)>& each) override {
    SZ_ASSIGN(sqlite3_stmt * st, prepare(sql, params));
    Reset guard{st};
    for (;;) {
      int rc = sqlite3_step(st);
      if (rc == SQLITE_DONE) return ok();
      if (rc != SQLITE_ROW) return sqlite_error(db_, rc, sql);
      int n = sqlite3_column_count(st);
      std::vector<Value> cells;
      cells.reserve(n);
      for (int i = 0; i < n; ++i) cells.push_back(column(st, i));
      if (!each(Row(std::move(cells)))) return ok();
    }
  }

  Result<int64_t> execute(std::string_view sql, const Params& params) override {
    SZ_ASSIGN(sqlite3_stmt * st, prepare(sql, params));
    Reset guard{st};
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE) return sqlite_error(db_, rc, sql);
    return static_cast<int64_t>(sqlite3_changes64(db_));
  }

  Status exec_script(std::string_view sql) override {
    std::string s(sql);
    char* msg = nullptr;
    int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &msg);
    if (rc != SQLITE_OK) {
      std::string detail = msg ? msg : "";
      sqlite3_free(msg);
      return err::internal("sqlite script: " + detail);
    }
    return ok();
  }

  Status begin(bool write) override { return exec_script(write ? "BEGIN IMMEDIATE" : "BEGIN"); }
  Status commit() override { return exec_script("COMMIT"); }
  void rollback() override {
    if (!sqlite3_get_autocommit(db_)) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  Status lock_schema() override { return ok(); }  // BEGIN IMMEDIATE already excludes other writers
  Status prepare_for_bulk() override { return exec_script("PRAGMA cache_size=-65536; PRAGMA wal_autocheckpoint=8000"); }
  Result<std::string> begin_snapshot() override {
    SZ_TRY(exec_script("BEGIN"));
    return std::string();
  }

 private:
  struct Reset {
    sqlite3_stmt* st;
    ~Reset() {
      sqlite3_reset(st);
      sqlite3_clear_bindings(st);
    }
  };

  Result<sqlite3_stmt*> prepare(std::string_view sql, const Params& params) {
    std::string key(sql);
    sqlite3_stmt* st = nullptr;
    if (auto it = cache_.find(key); it != cache_.end()) {
      st = it->second;
    } else {
      std::string converted = to_sqlite_placeholders(sql);
      int rc = sqlite3_prepare_v3(db_, converted.c_str(), static_cast<int>(converted.size()), SQLITE_PREPARE_PERSISTENT,
                                  &st, nullptr);
      if (rc != SQLITE_OK) return sqlite_error(db_, rc, sql);
      cache_.emplace(std::move(key), st);
    }
    for (size_t i = 0; i < params.size(); ++i) {
      int idx = static_cast<int>(i + 1);
      const Value& v = params[i];
      int rc;
      if (auto p = std::get_if<int64_t>(&v))
        rc = sqlite3_bind_int64(st, idx, *p);
      else if (auto s = std::get_if<std::string>(&v))
        rc = sqlite3_bind_text(st, idx, s->data(), static_cast<int>(s->size()), SQLITE_TRANSIENT);
      else
        rc = sqlite3_bind_null(st, idx);
      if (rc != SQLITE_OK) return sqlite_error(db_, rc, sql);
    }
    return st;
  }

  static Value column(sqlite3_stmt* st, int i) {
    switch (sqlite3_column_type(st, i)) {
      case SQLITE_NULL:
        return null();
      case SQLITE_INTEGER:
        return static_cast<int64_t>(sqlite3_column_int64(st, i));
      default: {
        auto p = reinterpret_cast<const char*>(sqlite3_column_text(st, i));
        return std::string(p ? p : "", static_cast<size_t>(sqlite3_column_bytes(st, i)));
      }
    }
  }

  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

// Copies the database file `from` into `to` with SQLite's online backup: one step over all pages, which
// reads a single consistent snapshot (WAL keeps writers going meanwhile).
Status copy_database(const std::string& from, const std::string& to) {
  sqlite3 *src = nullptr, *dst = nullptr;
  auto close_both = [&] {
    sqlite3_close_v2(src);
    sqlite3_close_v2(dst);
  };
  if (sqlite3_open_v2(from.c_str(), &src, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK ||
      sqlite3_open_v2(to.c_str(), &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
    std::string detail = sqlite3_errmsg(src ? dst ? dst : src : src);
    close_both();
    return err::invalid("path", "无法打开数据库文件：" + detail);
  }
  sqlite3_busy_timeout(src, 5000);
  sqlite3_busy_timeout(dst, 5000);
  sqlite3_backup* b = sqlite3_backup_init(dst, "main", src, "main");
  if (!b) {
    std::string detail = sqlite3_errmsg(dst);
    close_both();
    return err::internal("sqlite backup init: " + detail);
  }
  int rc;
  for (int tries = 0; (rc = sqlite3_backup_step(b, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED; ++tries) {
    if (tries > 100) break;
    sqlite3_sleep(50);
  }
  sqlite3_backup_finish(b);
  std::string detail = sqlite3_errmsg(dst);
  close_both();
  if (rc != SQLITE_DONE) return err::internal("sqlite backup: " + detail);
  return ok();
}

class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(std::string path, SqliteSync sync) : path_(std::move(path)), sync_(sync) {}
  Engine engine() const override { return Engine::sqlite; }
  std::string describe() const override { return "sqlite:" + path_; }

  Result<std::unique_ptr<Connection>> connect() override {
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(path_.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                             nullptr);
    if (rc != SQLITE_OK) {
      std::string detail = db ? sqlite3_errmsg(db) : "out of memory";
      sqlite3_close_v2(db);
      return Error{503, "db_unavailable", "无法打开数据库文件", "db", "sqlite open " + path_ + ": " + detail};
    }
    auto conn = std::make_unique<SqliteConnection>(db);
    sqlite3_busy_timeout(db, 5000);
    SZ_TRY(conn->exec_script(std::string("PRAGMA journal_mode=WAL; PRAGMA synchronous=") +
                             (sync_ == SqliteSync::full ? "FULL" : "NORMAL") +
                             "; PRAGMA foreign_keys=ON; PRAGMA journal_size_limit=67108864;"));
    return std::unique_ptr<Connection>(std::move(conn));
  }

  Status backup_to(const std::string& to, const std::string&) override { return copy_database(path_, to); }
  Status restore_from(const std::string& from) override { return copy_database(from, path_); }

 private:
  std::string path_;
  SqliteSync sync_;
};

}  // namespace

Result<std::shared_ptr<Database>> open_sqlite(const std::string& path, SqliteSync sync) {
  if (path.empty()) return err::invalid("db", "SQLite 数据库路径不能为空");
  auto db = std::make_shared<SqliteDatabase>(path, sync);
  auto probe = db->connect();  // fail early on an unwritable path
  if (!probe) return probe.take_error();
  return std::shared_ptr<Database>(db);
}

}  // namespace sz::db
