#include "app/backup.h"

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>

#include "app/migrate.h"
#include "audit/service.h"
#include "auth/service.h"
#include "infra/clock.h"
#include "infra/crypto.h"
#include "infra/progress.h"

namespace sz::app {

namespace bj = boost::json;
namespace fs = std::filesystem;

namespace {
std::string manifest_of(const std::string& path) { return path + ".manifest.json"; }

Result<std::string> sha256_of_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return err::invalid("path", "无法读取文件：" + path);
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return crypto::sha256_hex(data);
}

// Checks the chain of the store `c` with a progress bar; returns its head.
Result<audit::store::Head> verified_head(db::Connection& c, const char* label) {
  TerminalProgress bar(label);
  SZ_ASSIGN(auto rep, audit::verify(c));
  bar.update(rep.entries, rep.entries);
  if (!rep.ok)
    return err::invalid("audit", "审计链校验失败：第 " + std::to_string(rep.first_broken_seq) + " 条起断裂 — " + rep.reason);
  return audit::store::Head{rep.head_seq, rep.head_hash};
}
}  // namespace

Result<BackupReport> backup(db::Database& db, const std::string& to, int64_t now, const audit::ConfiguredAnchor& anchor) {
  if (fs::exists(to)) return err::conflict("to", "备份文件已存在：" + to + "（请换一个路径）");
  if (to.empty()) return err::invalid("to", "请指定备份文件路径");
  std::error_code ec;
  if (fs::path(to).has_parent_path()) fs::create_directories(fs::path(to).parent_path(), ec);
  BackupReport r{to, manifest_of(to), 0, "", std::nullopt};
  int64_t schema = 0;
  if (db.engine() == db::Engine::postgresql) {
    // pg_dump copies the snapshot this transaction holds; the head read here is the dump's head.
    SZ_ASSIGN(auto conn, db.connect());
    SZ_ASSIGN(auto snapshot, conn->begin_snapshot());
    SZ_ASSIGN(auto head, audit::chain_head(*conn));
    SZ_ASSIGN(schema, schema_version(*conn));
    SZ_ASSIGN(r.checkpoint, audit::sign_checkpoint(*conn, anchor.key, anchor.dir, now, "backup"));
    TerminalProgress bar("备份");
    bar.update(0, 1);
    SZ_TRY(db.backup_to(to, snapshot));
    bar.update(1, 1);
    conn->rollback();
    r.head_seq = head.seq;
    r.head_hash = head.hash;
  } else {
    {
      TerminalProgress bar("备份");
      bar.update(0, 1);
      SZ_TRY(db.backup_to(to, ""));
      bar.update(1, 1);
    }
    // The copy is a database of its own: its head is the head of exactly what was copied.
    SZ_ASSIGN(auto copy, db::Database::open("sqlite:" + to));
    SZ_ASSIGN(auto c, copy->connect());
    SZ_ASSIGN(auto head, verified_head(*c, "校验备份"));
    SZ_ASSIGN(schema, schema_version(*c));
    SZ_ASSIGN(r.checkpoint, audit::sign_checkpoint(*c, anchor.key, anchor.dir, now, "backup"));
    r.head_seq = head.seq;
    r.head_hash = head.hash;
  }
  SZ_ASSIGN(auto sha, sha256_of_file(to));
  bj::object manifest{{"format", 1},
                      {"engine", db::engine_name(db.engine())},
                      {"source", db.describe()},
                      {"created_at", iso_utc(now)},
                      {"schema_version", schema},
                      {"audit_head", bj::object{{"seq", r.head_seq}, {"hash", r.head_hash}}},
                      {"audit_checkpoint", r.checkpoint ? bj::parse(audit::checkpoint_json(*r.checkpoint)) : bj::value()},
                      {"sha256", sha},
                      {"size", static_cast<int64_t>(fs::file_size(to))}};
  std::ofstream(r.manifest_path) << bj::serialize(manifest) << "\n";
  return r;
}

Result<BackupReport> restore(db::Database& db, const std::string& from, bool force) {
  if (!fs::exists(from)) return err::invalid("from", "备份文件不存在：" + from);
  BackupReport r{from, manifest_of(from), 0, "", std::nullopt};
  std::ifstream mf(r.manifest_path);
  if (!mf) return err::invalid("from", "缺少备份清单：" + r.manifest_path);
  std::string text((std::istreambuf_iterator<char>(mf)), std::istreambuf_iterator<char>());
  boost::system::error_code ec;
  auto manifest = bj::parse(text, ec);
  if (ec || !manifest.is_object()) return err::invalid("from", "备份清单格式错误：" + r.manifest_path);
  const auto& m = manifest.as_object();
  if (!m.contains("engine") || m.at("engine").as_string() != db::engine_name(db.engine()))
    return err::invalid("db", "备份来自另一种数据库引擎，不能恢复到 " + std::string(db::engine_name(db.engine())));
  SZ_ASSIGN(auto sha, sha256_of_file(from));
  if (sha != m.at("sha256").as_string()) return err::invalid("from", "备份文件的 SHA-256 与清单不符：文件可能已损坏或被修改");

  SZ_ASSIGN(auto* c, db.local());
  // A store is live when it has accounts: overwriting one needs --force. (An empty store has no users table yet.)
  auto live = auth::internal::has_accounts(*c);
  if (live && *live && !force)
    return err::conflict("db", "目标数据库已有数据：如确需覆盖，请加 --force（建议先备份目标库）");
  {
    TerminalProgress bar("恢复");
    bar.update(0, 1);
    SZ_TRY(db.restore_from(from));
    bar.update(1, 1);
  }
  SZ_ASSIGN(auto fresh, db.connect());
  SZ_ASSIGN(auto head, verified_head(*fresh, "校验恢复结果"));
  r.head_seq = head.seq;
  r.head_hash = head.hash;
  const auto& want = m.at("audit_head").as_object();
  if (head.seq != want.at("seq").as_int64() || head.hash != want.at("hash").as_string())
    return err::invalid("from", "恢复后的审计链头与备份清单不符");
  return r;
}

}  // namespace sz::app
