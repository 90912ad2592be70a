#include "infra/db/db.h"

#include <atomic>
#include <charconv>
#include <map>
#include <mutex>

namespace sz::db {

const char* engine_name(Engine e) { return e == Engine::sqlite ? "sqlite" : "postgresql"; }

std::string bind(Params& p, Value v) {
  p.push_back(std::move(v));
  return "$" + std::to_string(p.size());
}

std::string like_contains(std::string_view text) {
  std::string p = "%";
  for (char ch : text) {
    if (ch == '%' || ch == '_' || ch == '\\') p += '\\';
    p += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  return p + "%";
}

int64_t Row::i64(size_t i) const {
  const Value& v = cells_.at(i);
  if (auto p = std::get_if<int64_t>(&v)) return *p;
  if (auto s = std::get_if<std::string>(&v)) {
    int64_t out = 0;
    std::from_chars(s->data(), s->data() + s->size(), out);
    return out;
  }
  return 0;
}

std::string Row::text(size_t i) const {
  const Value& v = cells_.at(i);
  if (auto s = std::get_if<std::string>(&v)) return *s;
  if (auto p = std::get_if<int64_t>(&v)) return std::to_string(*p);
  return {};
}

std::optional<int64_t> Row::opt_i64(size_t i) const {
  if (is_null(i)) return std::nullopt;
  return i64(i);
}

std::optional<std::string> Row::opt_text(size_t i) const {
  if (is_null(i)) return std::nullopt;
  return text(i);
}

namespace {
std::atomic<int64_t> g_open_connections{0};
}
Connection::Connection() { ++g_open_connections; }
Connection::~Connection() { --g_open_connections; }
int64_t Connection::open_count() { return g_open_connections.load(); }

Result<std::optional<Row>> Connection::query_one(std::string_view sql, const Params& params) {
  auto rows = query(sql, params);
  if (!rows) return rows.take_error();
  if (rows->empty()) return std::optional<Row>{};
  return std::optional<Row>(std::move(rows->front()));
}

Result<std::unique_ptr<Transaction>> Transaction::begin(Connection& c, bool write) {
  SZ_TRY(c.begin(write));
  return std::make_unique<Transaction>(c);
}

Transaction::~Transaction() {
  if (!done_) c_.rollback();
}

Status Transaction::commit() {
  done_ = true;
  auto s = c_.commit();
  if (!s) c_.rollback();
  return s;
}

Result<std::shared_ptr<Database>> open_sqlite(const std::string& path, SqliteSync sync);
Result<std::shared_ptr<Database>> open_postgres(const std::string& url);

Result<std::shared_ptr<Database>> Database::open(const std::string& url, const OpenOptions& options) {
  if (url.rfind("sqlite:", 0) == 0) return open_sqlite(url.substr(7), options.sqlite_synchronous);
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) return open_postgres(url);
  return err::invalid("db", "数据库地址应为 sqlite:路径 或 postgresql://…");
}

Result<Connection*> Database::local() {
  // One connection per (thread, database); the map dies with the thread.
  thread_local std::map<const Database*, std::unique_ptr<Connection>> conns;
  auto it = conns.find(this);
  if (it != conns.end()) return it->second.get();
  auto c = connect();
  if (!c) return c.take_error();
  Connection* raw = c->get();
  conns.emplace(this, std::move(c).value());
  return raw;
}

}  // namespace sz::db
