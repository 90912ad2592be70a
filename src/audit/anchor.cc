#include "audit/anchor.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <boost/json.hpp>
#include <filesystem>
#include <fstream>

#include "audit/store.h"
#include "infra/clock.h"
#include "infra/log.h"

namespace sz::audit {

namespace bj = boost::json;
namespace fs = std::filesystem;

namespace {
constexpr std::string_view kFilePrefix = "audit-checkpoints-", kFileSuffix = ".jsonl";

std::string file_for(const std::string& dir, int64_t at) {
  return (fs::path(dir) / (std::string(kFilePrefix) + shanghai_date(at) + std::string(kFileSuffix))).string();
}

// One line appended with a single write on a file opened O_APPEND, then synced: earlier lines are never rewritten.
Status append_line(const std::string& path, const std::string& line) {
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) return err::internal("cannot open audit checkpoint file " + path);
  std::string text = line + "\n";
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) return err::internal("cannot append to audit checkpoint file " + path);
  return sz::ok();
}

// The newest checkpoint of `chain` in `dir`: files from the newest day back, the latest (time, seq) within the first
// file that has one. Lines that do not parse (a torn write) are skipped.
std::optional<Checkpoint> newest_of_chain(const std::string& dir, const std::string& chain) {
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& f : fs::directory_iterator(dir, ec)) {
    std::string name = f.path().filename().string();
    if (name.rfind(kFilePrefix, 0) == 0 && name.size() > kFileSuffix.size() &&
        name.compare(name.size() - kFileSuffix.size(), kFileSuffix.size(), kFileSuffix) == 0)
      files.push_back(f.path().string());
  }
  std::sort(files.rbegin(), files.rend());
  for (const auto& file : files) {
    std::ifstream in(file);
    std::optional<Checkpoint> best;
    for (std::string line; std::getline(in, line);) {
      auto cp = parse_checkpoint(line);
      if (!cp || cp->chain != chain) continue;
      if (!best || std::pair(cp->at, cp->seq) > std::pair(best->at, best->seq)) best = std::move(cp);
    }
    if (best) return best;
  }
  return std::nullopt;
}

std::string where_signed(const Checkpoint& cp) {
  return "第 " + std::to_string(cp.seq) + " 条，签于 " + shanghai_time(cp.at);
}
}  // namespace

std::string signed_text(const Checkpoint& cp) {
  return "shuzhuan audit checkpoint 1\nchain " + cp.chain + "\nseq " + std::to_string(cp.seq) + "\nhash " + cp.hash +
         "\nat " + std::to_string(cp.at) + "\nreason " + cp.reason + "\nkey " + cp.key_id + "\n";
}

std::string checkpoint_json(const Checkpoint& cp) {
  return bj::serialize(bj::object{{"chain", cp.chain},
                                  {"seq", cp.seq},
                                  {"hash", cp.hash},
                                  {"at", cp.at},
                                  {"time", iso_utc(cp.at)},
                                  {"reason", cp.reason},
                                  {"key_id", cp.key_id},
                                  {"signature", cp.signature}});
}

std::optional<Checkpoint> parse_checkpoint(std::string_view json_line) {
  boost::system::error_code ec;
  auto v = bj::parse(json_line, ec);
  if (ec || !v.is_object()) return std::nullopt;
  const auto& o = v.as_object();
  bool whole = true;
  auto text = [&](const char* k) {
    const auto* x = o.if_contains(k);
    whole = whole && x && x->is_string();
    return whole ? std::string(x->as_string()) : std::string();
  };
  auto number = [&](const char* k) {
    const auto* x = o.if_contains(k);
    whole = whole && x && x->is_int64();
    return whole ? x->get_int64() : int64_t{0};
  };
  Checkpoint cp{text("chain"), number("seq"), text("hash"), number("at"), text("reason"), text("key_id"), text("signature")};
  if (!whole) return std::nullopt;
  return cp;
}

Result<std::optional<Checkpoint>> sign_checkpoint(db::Connection& c, const crypto::Sm2Key& key, const std::string& dir,
                                                  int64_t now, const std::string& reason) {
  SZ_ASSIGN(auto head, store::head(c));
  if (head.seq == 0) return std::optional<Checkpoint>();
  SZ_ASSIGN(auto chain, store::chain_nonce(c));
  Checkpoint cp{chain, head.seq, head.hash, now, reason, key.key_id(), ""};
  SZ_ASSIGN(cp.signature, key.sign(signed_text(cp)));
  std::string line = checkpoint_json(cp);
  SZ_TRY(append_line(file_for(dir, now), line));
  log::info("audit checkpoint signed", {{"seq", cp.seq},
                                        {"hash", cp.hash},
                                        {"chain", cp.chain},
                                        {"reason", cp.reason},
                                        {"key_id", cp.key_id},
                                        {"checkpoint", line}});
  return std::optional<Checkpoint>(std::move(cp));
}

Result<AnchoredReport> verify_anchored(db::Connection& c, const crypto::Sm2Key& verify_key, const std::string& dir,
                                       int64_t now, int64_t max_age) {
  AnchoredReport r;
  SZ_ASSIGN(r.chain, verify(c));
  if (!r.chain.ok) {
    r.reason = "第 " + std::to_string(r.chain.first_broken_seq) + " 条起断裂 — " + r.chain.reason;
    return r;
  }
  if (r.chain.entries == 0) {
    r.reason = "审计日志是空的，没有可与签名检查点核对的记录（日志可能被清空）";
    return r;
  }
  auto chain = store::chain_nonce(c);
  if (!chain) {
    r.reason = "审计链标识（audit_chain 表）缺失，无法找到本审计链的签名检查点";
    return r;
  }
  r.checkpoint = newest_of_chain(dir, *chain);
  if (!r.checkpoint) {
    r.reason = "在 " + dir + " 中找不到本审计链的签名检查点：签名任务从未运行，检查点目录不对，或审计链已被整体重写";
    return r;
  }
  const Checkpoint& cp = *r.checkpoint;
  r.age = now - cp.at;
  r.unanchored = r.chain.head_seq - cp.seq;
  if (cp.key_id != verify_key.key_id()) {
    r.reason = "最新的签名检查点（" + where_signed(cp) + "）由另一把密钥（" + cp.key_id + "）签名，验证公钥是 " +
               verify_key.key_id() + "：检查点被伪造，或公钥不对";
    return r;
  }
  if (!verify_key.verify(signed_text(cp), cp.signature)) {
    r.reason = "最新的签名检查点（" + where_signed(cp) + "）签名无效：检查点被伪造或改动";
    return r;
  }
  if (r.age > max_age) {
    r.reason = "最新的签名检查点（" + where_signed(cp) + "）已是 " + duration_text(r.age) + "前，超过预期的 " +
               duration_text(max_age) + "：签名任务可能已停止，或较新的检查点被删除";
    return r;
  }
  if (r.chain.head_seq < cp.seq) {
    r.reason = "审计链只有 " + std::to_string(r.chain.head_seq) + " 条，签名检查点记录的链头是第 " + std::to_string(cp.seq) +
               " 条：之后的记录被删除，链头被改写";
    return r;
  }
  SZ_ASSIGN(auto signed_entry, store::find(c, cp.seq));
  if (!signed_entry || signed_entry->hash != cp.hash) {
    r.reason = "第 " + std::to_string(cp.seq) + " 条与签名检查点记录的哈希不符：记录被改写后重算了哈希链";
    return r;
  }
  r.ok = true;
  return r;
}

std::string duration_text(int64_t s) {
  if (s < 0) s = 0;
  int64_t d = s / 86400, h = s % 86400 / 3600, m = s % 3600 / 60, sec = s % 60;
  if (d) return std::to_string(d) + " 天 " + std::to_string(h) + " 小时";
  if (h) return std::to_string(h) + " 小时 " + std::to_string(m) + " 分";
  if (m) return std::to_string(m) + " 分 " + std::to_string(sec) + " 秒";
  return std::to_string(sec) + " 秒";
}

}  // namespace sz::audit
