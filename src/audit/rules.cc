#include "audit/rules.h"

#include "infra/crypto.h"

namespace sz::audit {

const char* const kGenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

namespace {
void put(std::string& out, const std::string& field) {
  out += std::to_string(field.size());
  out += ':';
  out += field;
  out += ';';
}
}  // namespace

std::string link_hash(const Entry& e) {
  std::string s;
  put(s, std::to_string(e.seq));
  put(s, std::to_string(e.at));
  put(s, e.actor.user_id ? std::to_string(*e.actor.user_id) : "");
  put(s, e.actor.name);
  put(s, e.actor.roles);
  put(s, e.actor.request_id);
  put(s, e.actor.ip);
  put(s, e.action);
  put(s, e.entity_type);
  put(s, e.entity_id);
  put(s, e.before_json);
  put(s, e.after_json);
  put(s, e.prev_hash);
  return crypto::sm3_hex(s);
}

bool ChainChecker::add(const Entry& e) {
  if (e.seq != last_seq_ + 1) {
    reason_ = "序号不连续：期望 " + std::to_string(last_seq_ + 1) + "，实际 " + std::to_string(e.seq);
    return false;
  }
  if (e.prev_hash != last_hash_) {
    reason_ = "前序哈希不匹配（上一条记录被修改或删除）";
    return false;
  }
  if (link_hash(e) != e.hash) {
    reason_ = "记录内容与哈希不符（记录被修改）";
    return false;
  }
  ++count_;
  last_seq_ = e.seq;
  last_hash_ = e.hash;
  return true;
}

}  // namespace sz::audit
