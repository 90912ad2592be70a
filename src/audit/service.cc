#include "audit/service.h"

#include "audit/store.h"

namespace sz::audit {

Status record(db::Connection& c, int64_t now, const Actor& actor, const std::string& action,
              const std::string& entity_type, const std::string& entity_id, const std::string& before_json,
              const std::string& after_json) {
  SZ_ASSIGN(auto head, store::lock_head(c));
  Entry e;
  e.seq = head.seq + 1;
  e.at = now;
  e.actor = actor;
  e.action = action;
  e.entity_type = entity_type;
  e.entity_id = entity_id;
  e.before_json = before_json;
  e.after_json = after_json;
  e.prev_hash = head.hash;
  e.hash = link_hash(e);
  SZ_TRY(store::insert(c, e));
  return store::set_head(c, {e.seq, e.hash});
}

Result<VerifyReport> verify(db::Connection& c) {
  VerifyReport rep;
  ChainChecker chain;
  int64_t broken_at = 0;
  SZ_TRY(store::each_entry(c, [&](const Entry& e) {
    if (chain.add(e)) return true;
    broken_at = e.seq;
    return false;
  }));
  SZ_ASSIGN(auto head, store::head(c));
  rep.entries = chain.count();
  rep.head_seq = head.seq;
  rep.head_hash = head.hash;
  if (broken_at) {
    rep.first_broken_seq = broken_at;
    rep.reason = chain.reason();
    return rep;
  }
  if (head.seq != chain.last_seq() || head.hash != chain.last_hash()) {
    rep.first_broken_seq = chain.last_seq() + 1;
    rep.reason = "链尾与记录的链头不符：记录的链头为第 " + std::to_string(head.seq) + " 条，实际最后一条为第 " +
                 std::to_string(chain.last_seq()) + " 条（最新的记录可能被删除）";
    return rep;
  }
  rep.ok = true;
  return rep;
}

}  // namespace sz::audit
