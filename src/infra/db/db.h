// A thin layer over each engine's C API (no ORM). SQL is written once with PostgreSQL-style
// placeholders ($1, $2 …); the SQLite connection rewrites them to ?1, ?2 ….
// Values are NULL, 64-bit integers or text: money is integer 分, time is epoch seconds (UTC).
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "infra/result.h"

namespace sz::db {

enum class Engine { sqlite, postgresql };
const char* engine_name(Engine e);

using Value = std::variant<std::monostate, int64_t, std::string>;
using Params = std::vector<Value>;
inline Value null() { return std::monostate{}; }
template <class T>
Value opt(const std::optional<T>& v) { return v ? Value(*v) : null(); }

// Binds `v` as the next parameter and returns its placeholder ("$3"), for queries built from optional filters.
std::string bind(Params& p, Value v);

// "(a OR b …)" of a caller's relations, built up by `add`; "(1=0)" when there are none, so an empty scope reads
// nothing (fail closed).
class AnyOf {
 public:
  AnyOf& add(std::string condition) {
    text_ += (text_.empty() ? "" : " OR ") + std::move(condition);
    return *this;
  }
  std::string sql() const { return "(" + (text_.empty() ? std::string("1=0") : text_) + ")"; }

 private:
  std::string text_;
};

// A LIKE pattern that matches `text` anywhere, with %, _ and \ escaped; use with ESCAPE '\\'.
// ASCII letters are lower-cased: compare against lower(column) so both engines answer alike.
std::string like_contains(std::string_view text);

class Row {
 public:
  explicit Row(std::vector<Value> cells) : cells_(std::move(cells)) {}
  size_t size() const { return cells_.size(); }
  bool is_null(size_t i) const { return std::holds_alternative<std::monostate>(cells_.at(i)); }
  int64_t i64(size_t i) const;                 // NULL reads as 0
  std::string text(size_t i) const;            // NULL reads as ""
  std::optional<int64_t> opt_i64(size_t i) const;
  std::optional<std::string> opt_text(size_t i) const;

 private:
  std::vector<Value> cells_;
};

class Connection {
 public:
  Connection();
  virtual ~Connection();
  // Connections open in this process (store pool use, for metrics and the status page).
  static int64_t open_count();
  virtual Engine engine() const = 0;
  virtual Result<std::vector<Row>> query(std::string_view sql, const Params& params = {}) = 0;
  // Calls `each` for every row without holding the result set in memory; stop by returning false.
  virtual Status stream(std::string_view sql, const Params& params, const std::function<bool(const Row&)>& each) = 0;
  // Returns the number of rows changed.
  virtual Result<int64_t> execute(std::string_view sql, const Params& params = {}) = 0;
  // Several statements, no parameters (migrations).
  virtual Status exec_script(std::string_view sql) = 0;
  // A write transaction takes the write lock at once (SQLite BEGIN IMMEDIATE), so it never fails half-way on a lock upgrade.
  virtual Status begin(bool write) = 0;
  virtual Status commit() = 0;
  virtual void rollback() = 0;
  // Serialises migrations across processes and nodes; call inside a write transaction.
  virtual Status lock_schema() = 0;
  // For a connection that writes in bulk (imports): a larger page cache on SQLite (64 MiB), so index inserts
  // stay in memory; a no-op on PostgreSQL, whose server manages its own buffers.
  virtual Status prepare_for_bulk() = 0;
  // Starts a read-only transaction on one consistent snapshot; PostgreSQL returns the snapshot's id so that
  // pg_dump can copy exactly what this transaction sees (SQLite returns "").
  virtual Result<std::string> begin_snapshot() = 0;

  Result<std::optional<Row>> query_one(std::string_view sql, const Params& params = {});
};

// Commits only when told; rolls back otherwise, so an early return leaves nothing half-written.
class Transaction {
 public:
  static Result<std::unique_ptr<Transaction>> begin(Connection& c, bool write = true);
  ~Transaction();
  Status commit();
  Transaction(Connection& c) : c_(c) {}
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

 private:
  Connection& c_;
  bool done_ = false;
};

// How SQLite makes a commit durable (PRAGMA synchronous; PostgreSQL keeps its own server settings). In WAL mode
// NORMAL syncs only at checkpoints, so a power loss can drop the last acknowledged commits; FULL syncs the WAL on
// every commit (docs/operations.md has the measured cost).
enum class SqliteSync { normal, full };

struct OpenOptions {
  SqliteSync sqlite_synchronous = SqliteSync::full;
};

class Database {
 public:
  virtual ~Database() = default;
  // "sqlite:PATH" or "postgresql://…" ("postgres://" too).
  static Result<std::shared_ptr<Database>> open(const std::string& url, const OpenOptions& options = {});
  virtual Engine engine() const = 0;
  // The URL with any password removed, for logs and health.
  virtual std::string describe() const = 0;
  virtual Result<std::unique_ptr<Connection>> connect() = 0;
  // This thread's own connection, opened on first use (workers never share a connection).
  Result<Connection*> local();

  // A consistent copy of the whole store while it serves: SQLite's online backup into the file `to`;
  // pg_dump (custom format) of the snapshot `snapshot` for PostgreSQL (see export_snapshot()).
  virtual Status backup_to(const std::string& to, const std::string& snapshot) = 0;
  // Replaces this store's contents with the copy at `from` (made by backup_to of the same engine).
  virtual Status restore_from(const std::string& from) = 0;
};

}  // namespace sz::db
