#include "audit/rules.h"

#include <map>
#include <stdexcept>

#include "infra/crypto.h"
#include "infra/module.h"

namespace sz::audit {

const Actor kCommandLine{std::nullopt, "cli", "system", "cli", "local"};

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
// The areas' words (module::Info), put in force once at start-up; read without a lock afterwards.
struct Words {
  std::map<std::string, std::string, std::less<>> actions, entities;
  std::map<std::pair<std::string, std::string>, std::string, std::less<>> fields;  // (entity or "", field)
};
Words& words() {
  static Words w;
  return w;
}

// Fields every area's records have, named alike.
const module::FieldLabel kCommonFields[] = {{"", "name", "名称"}, {"", "district", "所属区县"}, {"", "status", "状态"},
                                            {"", "kind", "类型"},  {"", "year", "年度"},         {"", "reason", "原因"}};

template <class Map, class Key>
void put_label(Map& m, Key key, std::string_view code, std::string_view name, std::string_view area) {
  if (!m.emplace(std::move(key), std::string(name)).second)
    throw std::runtime_error("audit label of " + std::string(code) + " declared twice (again by " + std::string(area) + ")");
}

std::string named(const std::map<std::string, std::string, std::less<>>& m, const std::string& code) {
  auto it = m.find(code);
  return it == m.end() ? code : it->second;
}
}  // namespace

void install_vocabulary(const std::vector<const module::Info*>& areas) {
  Words w;
  for (const auto& f : kCommonFields) put_label(w.fields, std::pair<std::string, std::string>(f.entity, f.field), f.field, f.name, "audit");
  for (const auto* m : areas) {
    for (const auto& l : m->audit.actions) put_label(w.actions, std::string(l.code), l.code, l.name, m->name);
    for (const auto& l : m->audit.entities) put_label(w.entities, std::string(l.code), l.code, l.name, m->name);
    for (const auto& f : m->audit.fields)
      put_label(w.fields, std::pair<std::string, std::string>(f.entity, f.field), f.field, f.name, m->name);
  }
  words() = std::move(w);
}

std::string action_name(const std::string& action) { return named(words().actions, action); }

std::string entity_type_name(const std::string& t) { return named(words().entities, t); }

std::string field_name(const std::string& entity_type, const std::string& f) {
  const auto& fields = words().fields;
  for (const auto& key : {std::pair<std::string, std::string>(entity_type, f), std::pair<std::string, std::string>("", f)})
    if (auto it = fields.find(key); it != fields.end()) return it->second;
  return f;
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
