#include "audit/rules.h"

#include <map>

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

namespace {
const std::map<std::string, std::string> kActionNames = {
    {"user.create", "新增用户"},        {"user.lock", "锁定用户"},          {"user.unlock", "解锁用户"},
    {"user.password", "修改密码"},      {"enterprise.create", "新增企业"},  {"provider.create", "新增服务商"},
    {"audit.export", "导出审计日志"},   {"job.complete", "任务完成"},       {"enterprise.level", "更新数字化水平等级"},
    {"assessment.create", "新建评测"},   {"assessment.save", "保存评测答卷"}, {"assessment.submit", "提交评测"},
    {"assessment.assign", "指派现场评定专家"},
};
const std::map<std::string, std::string> kEntityNames = {
    {"user", "用户"}, {"enterprise", "企业"}, {"provider", "服务商"}, {"job", "任务"}, {"audit", "审计日志"},
    {"assessment", "评测"},
};
}  // namespace

std::string action_name(const std::string& action) {
  auto it = kActionNames.find(action);
  return it == kActionNames.end() ? action : it->second;
}

std::string entity_type_name(const std::string& t) {
  auto it = kEntityNames.find(t);
  return it == kEntityNames.end() ? t : it->second;
}

bool is_personal_field(const std::string& f) {
  return f == "contact_name" || f == "contact_phone" || f == "phone" || f == "mobile" || f == "id_number" ||
         f == "email";
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
