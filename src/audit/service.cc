#include "audit/service.h"

#include <boost/json.hpp>
#include <set>

#include "audit/store.h"
#include "infra/text.h"

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

Result<std::vector<Entry>> page(db::Connection& c, const store::Filter& f, int64_t limit, int64_t offset,
                                int64_t* total) {
  SZ_ASSIGN(*total, store::count(c, f));
  return store::list(c, f, limit, offset);
}

Result<std::optional<Entry>> entry(db::Connection& c, int64_t seq) { return store::find(c, seq); }

Status each_matching(db::Connection& c, const store::Filter& f, const std::function<bool(const Entry&)>& fn) {
  return store::each_matching(c, f, fn);
}

Result<int64_t> count_matching(db::Connection& c, const store::Filter& f) { return store::count(c, f); }
Result<store::Head> chain_head(db::Connection& c) { return store::head(c); }

Result<Facets> facets(db::Connection& c) {
  Facets f;
  SZ_ASSIGN(f.actions, store::distinct(c, "action"));
  SZ_ASSIGN(f.entity_types, store::distinct(c, "entity_type"));
  return f;
}

namespace {
namespace bj = boost::json;

bj::object object_of(const std::string& json) {
  if (json.empty()) return {};
  boost::system::error_code ec;
  auto v = bj::parse(json, ec);
  return !ec && v.is_object() ? v.as_object() : bj::object{{"value", json}};
}

std::string shown(const std::string& field, const bj::value* v) {
  if (!v) return "";
  if (is_personal_field(field) && v->is_string()) {
    std::string s(v->as_string());
    return bj::serialize(bj::value(field.find("phone") != std::string::npos || field == "mobile" ? text::mask_phone(s)
                                                                                                  : text::mask_name(s)));
  }
  return bj::serialize(*v);
}
}  // namespace

std::vector<Change> diff(const std::string& before_json, const std::string& after_json) {
  auto before = object_of(before_json), after = object_of(after_json);
  std::set<std::string> fields;
  for (const auto& kv : before) fields.insert(std::string(kv.key()));
  for (const auto& kv : after) fields.insert(std::string(kv.key()));
  std::vector<Change> out;
  for (const auto& f : fields) {
    const bj::value* b = before.if_contains(f);
    const bj::value* a = after.if_contains(f);
    if (b && a && *b == *a) continue;
    out.push_back({f, shown(f, b), shown(f, a)});
  }
  return out;
}

std::string masked(const std::string& json) {
  if (json.empty()) return "";
  auto o = object_of(json);
  for (auto& kv : o)
    if (is_personal_field(std::string(kv.key())) && kv.value().is_string())
      kv.value() = bj::parse(shown(std::string(kv.key()), &kv.value()));
  return bj::serialize(o);
}

}  // namespace sz::audit
