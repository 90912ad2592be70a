// PostgreSQL engine through libpq: text-format parameters and results, integers typed by column OID,
// single-row mode for streaming so a large export never holds the whole result.
#include <libpq-fe.h>

#include <cstring>
#include <string>

#include "infra/config.h"
#include "infra/db/db.h"
#include "infra/process.h"

namespace sz::db {
namespace {

constexpr Oid kBool = 16, kInt8 = 20, kInt2 = 21, kInt4 = 23;


class PgResult {
 public:
  explicit PgResult(PGresult* r) : r_(r) {}
  ~PgResult() { PQclear(r_); }
  PgResult(const PgResult&) = delete;
  PgResult& operator=(const PgResult&) = delete;
  PGresult* get() const { return r_; }

 private:
  PGresult* r_;
};

Error pg_error(PGconn* c, PGresult* r, std::string_view sql) {
  const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
  std::string detail = std::string("postgresql: ") + (r ? PQresultErrorMessage(r) : PQerrorMessage(c)) +
                       " in: " + std::string(sql.substr(0, 200));
  if (state && std::strcmp(state, "23505") == 0) return {409, "duplicate", "记录已存在，不能重复", {}, detail};
  if (state && (std::strcmp(state, "40001") == 0 || std::strcmp(state, "40P01") == 0 ||
                std::strcmp(state, "55P03") == 0))
    return err::unavailable(detail);
  if (PQstatus(c) != CONNECTION_OK) return err::unavailable(detail);
  return err::internal(detail);
}

Row to_row(PGresult* r, int row) {
  int n = PQnfields(r);
  std::vector<Value> cells;
  cells.reserve(n);
  for (int i = 0; i < n; ++i) {
    if (PQgetisnull(r, row, i)) {
      cells.push_back(null());
      continue;
    }
    const char* v = PQgetvalue(r, row, i);
    Oid t = PQftype(r, i);
    if (t == kInt8 || t == kInt4 || t == kInt2)
      cells.push_back(static_cast<int64_t>(std::strtoll(v, nullptr, 10)));
    else if (t == kBool)
      cells.push_back(static_cast<int64_t>(v[0] == 't'));
    else
      cells.push_back(std::string(v, static_cast<size_t>(PQgetlength(r, row, i))));
  }
  return Row(std::move(cells));
}

class PgConnection final : public Connection {
 public:
  explicit PgConnection(PGconn* c) : c_(c) {}
  ~PgConnection() override { PQfinish(c_); }
  Engine engine() const override { return Engine::postgresql; }

  Result<std::vector<Row>> query(std::string_view sql, const Params& params) override {
    SZ_ASSIGN(auto res, run(sql, params));
    std::vector<Row> rows;
    int n = PQntuples(res->get());
    rows.reserve(n);
    for (int i = 0; i < n; ++i) rows.push_back(to_row(res->get(), i));
    return rows;
  }

  Status stream(std::string_view sql, const Params& params, const std::function<bool(const Row&)>& each) override {
    reconnect_if_idle_and_broken();
    Bound b(params);
    std::string s(sql);
    if (!PQsendQueryParams(c_, s.c_str(), b.n(), nullptr, b.values(), nullptr, nullptr, 0))
      return pg_error(c_, nullptr, sql);
    PQsetSingleRowMode(c_);
    bool want_more = true;
    std::optional<Error> failure;
    while (PGresult* raw = PQgetResult(c_)) {
      PgResult r(raw);
      auto st = PQresultStatus(raw);
      if (st == PGRES_SINGLE_TUPLE) {
        if (want_more) want_more = each(to_row(raw, 0));  // keep draining to leave the connection usable
      } else if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK && !failure) {
        failure = pg_error(c_, raw, sql);
      }
    }
    if (failure) return *failure;
    return ok();
  }

  Result<int64_t> execute(std::string_view sql, const Params& params) override {
    SZ_ASSIGN(auto res, run(sql, params));
    const char* n = PQcmdTuples(res->get());
    return static_cast<int64_t>(n && *n ? std::strtoll(n, nullptr, 10) : 0);
  }

  Status exec_script(std::string_view sql) override {
    reconnect_if_idle_and_broken();
    std::string s(sql);
    PgResult r(PQexec(c_, s.c_str()));
    auto st = PQresultStatus(r.get());
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) return pg_error(c_, r.get(), sql);
    return ok();
  }

  Status begin(bool) override { return exec_script("BEGIN"); }
  Status commit() override { return exec_script("COMMIT"); }
  void rollback() override {
    if (PQtransactionStatus(c_) != PQTRANS_IDLE) PQclear(PQexec(c_, "ROLLBACK"));
  }
  Status prepare_for_bulk() override { return ok(); }
  Result<std::string> begin_snapshot() override {
    SZ_TRY(exec_script("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY"));
    SZ_ASSIGN(auto row, query_one("SELECT pg_export_snapshot()"));
    return row->text(0);
  }
  Status lock_schema() override {
    // Held until the transaction ends, on every node that migrates at start-up.
    return exec_script("SELECT pg_advisory_xact_lock(7283001)");
  }

 private:
  struct Bound {
    explicit Bound(const Params& params) {
      texts.reserve(params.size());
      for (const auto& v : params) {
        if (auto p = std::get_if<int64_t>(&v))
          texts.push_back(std::to_string(*p));
        else if (auto s = std::get_if<std::string>(&v))
          texts.push_back(*s);
        else
          texts.emplace_back();
        is_null.push_back(std::holds_alternative<std::monostate>(v));
      }
      for (size_t i = 0; i < texts.size(); ++i) ptrs.push_back(is_null[i] ? nullptr : texts[i].c_str());
    }
    int n() const { return static_cast<int>(ptrs.size()); }
    const char* const* values() const { return ptrs.data(); }
    std::vector<std::string> texts;
    std::vector<bool> is_null;
    std::vector<const char*> ptrs;
  };

  // A dropped server connection is reopened, but never inside a transaction (its work is lost anyway).
  void reconnect_if_idle_and_broken() {
    if (PQstatus(c_) == CONNECTION_BAD) PQreset(c_);
  }

  Result<std::unique_ptr<PgResult>> run(std::string_view sql, const Params& params) {
    reconnect_if_idle_and_broken();
    Bound b(params);
    std::string s(sql);
    auto r = std::make_unique<PgResult>(PQexecParams(c_, s.c_str(), b.n(), nullptr, b.values(), nullptr, nullptr, 0));
    auto st = PQresultStatus(r->get());
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) return pg_error(c_, r->get(), sql);
    return r;
  }

  PGconn* c_;
};

class PgDatabase final : public Database {
 public:
  explicit PgDatabase(std::string url) : url_(std::move(url)) {}
  Engine engine() const override { return Engine::postgresql; }
  std::string describe() const override { return config::hide_password(url_); }

  Result<std::unique_ptr<Connection>> connect() override {
    PGconn* c = PQconnectdb(url_.c_str());
    if (PQstatus(c) != CONNECTION_OK) {
      std::string detail = PQerrorMessage(c);
      PQfinish(c);
      return Error{503, "db_unavailable", "无法连接 PostgreSQL 数据库", "db", "pg connect " + describe() + ": " + detail};
    }
    auto conn = std::make_unique<PgConnection>(c);
    SZ_TRY(conn->exec_script("SET client_encoding = 'UTF8'; SET TIME ZONE 'UTC'"));
    return std::unique_ptr<Connection>(std::move(conn));
  }

  // pg_dump and pg_restore from the PostgreSQL client package; the URL is passed as an argument, never to a shell.
  Status backup_to(const std::string& to, const std::string& snapshot) override {
    std::vector<std::string> argv = {"pg_dump", "--format=custom", "--no-owner", "--file=" + to};
    if (!snapshot.empty()) argv.push_back("--snapshot=" + snapshot);
    argv.push_back("--dbname=" + url_);
    return process::run(argv);
  }
  Status restore_from(const std::string& from) override {
    return process::run({"pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
                         "--exit-on-error", "--dbname=" + url_, from});
  }

 private:
  std::string url_;
};

}  // namespace

Result<std::shared_ptr<Database>> open_postgres(const std::string& url) {
  auto db = std::make_shared<PgDatabase>(url);
  auto probe = db->connect();
  if (!probe) return probe.take_error();
  return std::shared_ptr<Database>(db);
}

}  // namespace sz::db
