#include "stats/service.h"

#include <boost/json.hpp>

#include "infra/db/ref_versions.h"

namespace sz::stats {

namespace bj = boost::json;

Result<Targets> Service::targets() {
  SZ_ASSIGN(auto* c, db_->local());
  Targets t;
  SZ_ASSIGN(t.version, db::ref_version(*c, "plan"));
  SZ_ASSIGN(t.groups, store::groups(*c));
  SZ_ASSIGN(t.plan, store::load_plan(*c));
  t.findings = check_plan(t.plan);
  return t;
}

namespace {
Error bad_plan(const std::string& what) { return err::internal("plan document: " + what); }

Result<int64_t> hundredths_of(const bj::value& v, const std::string& where) {
  if (!v.is_string()) return bad_plan(where + " must be a decimal string");
  auto h = parse_hundredths(std::string(v.as_string()));
  if (!h) return bad_plan(where + " is not a decimal with at most two places");
  return *h;
}

const bj::value& at(const bj::object& o, const char* key) {
  static const bj::value null;
  auto* p = o.if_contains(key);
  return p ? *p : null;
}
std::string text(const bj::object& o, const char* key) {
  const auto& v = at(o, key);
  return v.is_string() ? std::string(v.as_string()) : std::string();
}
int64_t integer(const bj::object& o, const char* key) {
  const auto& v = at(o, key);
  return v.is_int64() ? v.as_int64() : 0;
}
}  // namespace

Result<std::vector<Finding>> Service::load_plan(db::Connection& c, std::string_view plan_json, int64_t now) {
  boost::system::error_code ec;
  auto doc = bj::parse(plan_json, ec);
  if (ec || !doc.is_object()) return bad_plan("not a JSON object");
  const auto& o = doc.as_object();
  std::vector<store::Group> groups;
  Plan p;
  for (const auto& g : at(o, "groups").as_array()) groups.push_back({text(g.as_object(), "no"), text(g.as_object(), "name")});
  for (const auto& v : at(o, "indicators").as_array()) {
    const auto& io = v.as_object();
    Indicator ind{integer(io, "no"), text(io, "group"), text(io, "name"), text(io, "unit"), text(io, "kind"), {}, 0};
    std::string where = "indicator " + std::to_string(ind.no);
    SZ_ASSIGN(ind.total, hundredths_of(at(io, "total"), where + " total"));
    for (const auto& kv : at(io, "values").as_object()) {
      SZ_ASSIGN(int64_t value, hundredths_of(kv.value(), where + " " + std::string(kv.key())));
      ind.values[std::string(kv.key())] = value;
    }
    p.indicators.push_back(std::move(ind));
  }
  for (const auto& v : at(o, "district_targets").as_array()) {
    const auto& d = v.as_object();
    p.districts.push_back({text(d, "district"), text(d, "name"), integer(d, "total"), integer(d, "y2024"),
                           integer(d, "y2025")});
  }
  const auto& tot = at(o, "district_targets_total").as_object();
  p.annex = {integer(tot, "total"), integer(tot, "y2024"), integer(tot, "y2025")};
  for (const auto& v : at(o, "text_statements").as_array()) {
    const auto& s = v.as_object();
    TextStatement st{integer(s, "indicator"), text(s, "quote"), 0, text(s, "relation")};
    SZ_ASSIGN(st.value, hundredths_of(at(s, "value"), "statement " + st.quote));
    p.statements.push_back(std::move(st));
  }
  for (const auto& v : at(o, "notes").as_array()) p.notes.push_back({text(v.as_object(), "code"), text(v.as_object(), "message")});
  SZ_TRY(store::save_plan(c, groups, p));
  SZ_TRY(db::record_ref_version(c, "plan", text(o, "version"), std::string(plan_json), now));
  // Names come from the stored reference lists, so check what was stored.
  SZ_ASSIGN(auto stored, store::load_plan(c));
  return check_plan(stored);
}

}  // namespace sz::stats
