#include "app/indicator_sources.h"

#include <boost/json.hpp>

#include "market/rules.h"
#include "registry/service.h"

namespace sz::app {

namespace bj = boost::json;

namespace {
std::vector<std::string> codes_of(const std::string& json_list) {
  std::vector<std::string> out;
  boost::system::error_code ec;
  auto v = bj::parse(json_list, ec);
  if (ec || !v.is_array()) return out;
  for (const auto& x : v.as_array())
    if (x.is_string()) out.emplace_back(x.as_string());
  return out;
}

const char* recognition_kind(const std::string& k) {
  return k == "factory" ? "智能工厂" : k == "workshop" ? "智能车间" : "智能制造优秀场景";
}

// 省级及以上认定 of pilot enterprises, under the enterprise's pilot industry and district, from the day of recognition
// until the enterprise left the pilot.
Result<std::vector<stats::CountedItem>> recognitions(db::Connection& c, records::Service& records) {
  SZ_ASSIGN(auto list, records.recognitions(std::nullopt));
  std::vector<stats::CountedItem> out;
  for (const auto& r : list) {
    SZ_ASSIGN(auto e, registry::Service::find(c, r.enterprise_id));
    if (!e) continue;
    SZ_ASSIGN(auto industry, registry::Service::pilot_industry_of(c, e->industry_code));
    out.push_back({r.id, r.name,
                   e->name + " · " + (r.level == "national" ? "国家级" : "省级") + recognition_kind(r.kind) +
                       (e->withdrawn_at ? "（企业已于 " + shanghai_date(*e->withdrawn_at) + " 退出试点）" : ""),
                   {industry}, e->district_code, r.recognized_on, e->withdrawn_at ? shanghai_date(*e->withdrawn_at) : ""});
  }
  return out;
}

// Chain models built (建成), from that day; a model belongs to its lead enterprise's district when the lead is in the
// registry.
Result<std::vector<stats::CountedItem>> chains(db::Connection& c, records::Service& records) {
  SZ_ASSIGN(auto list, records.chains(""));
  std::vector<stats::CountedItem> out;
  for (const auto& m : list) {
    if (!m.completed) continue;
    std::string district;
    if (m.lead_enterprise_id) {
      SZ_ASSIGN(auto e, registry::Service::find(c, *m.lead_enterprise_id));
      if (e) district = e->district_code;
    }
    out.push_back({m.id, m.name, "链主 " + m.lead_name + " · 链上企业 " + std::to_string(m.members.size()) + " 家",
                   {m.industry_code}, district, m.completed->on, ""});
  }
  return out;
}

// 小微企业园 whose digital transformation is complete, from that day.
Result<std::vector<stats::CountedItem>> parks(records::Service& records) {
  SZ_ASSIGN(auto list, records.parks());
  std::vector<stats::CountedItem> out;
  for (const auto& k : list)
    if (k.transformed)
      out.push_back({k.id, k.name, "入园企业 " + std::to_string(k.enterprises) + " 家 · " + k.transformed->evidence,
                     {k.industry_code}, k.district_code, k.transformed->on, ""});
  return out;
}

// 在郑 providers in the directory — today, or at the end of `as_of` by the directory's history — under every industry
// they serve, dated by the start of their stay.
Result<std::vector<stats::CountedItem>> providers(market::Directory& directory, const std::string& as_of) {
  std::optional<int64_t> until;
  if (!as_of.empty()) until = shanghai_day_end(as_of);
  SZ_ASSIGN(auto list, directory.listed_at(until));
  std::vector<stats::CountedItem> out;
  for (const auto& [r, since] : list) {
    if (!r.base.in_zhengzhou) continue;
    out.push_back({r.base.id, r.base.name, market::provider_kind_name(r.base.kind), codes_of(r.industries_json), "",
                   shanghai_date(since), ""});
  }
  return out;
}

// Listed products — today, or on the catalogue at the end of `as_of` — dated by their listing.
Result<std::vector<stats::CountedItem>> products(catalog::Service& catalog, const std::string& as_of) {
  std::vector<catalog::store::Product> list;
  if (as_of.empty()) {
    SZ_ASSIGN(list, catalog.listed_products());
  } else {
    SZ_ASSIGN(list, catalog.listed_products_at(*shanghai_day_end(as_of)));
  }
  std::vector<stats::CountedItem> out;
  for (const auto& x : list) {
    const auto* cat = catalog.catalog().category(x.category);
    out.push_back({x.id, x.name, cat ? cat->name : x.category, codes_of(x.industries_json), "",
                   x.listed_at ? shanghai_date(*x.listed_at) : "", ""});
  }
  return out;
}

// N+X scenarios the expert committee selected as 可复制可推广, from the meeting's day.
Result<std::vector<stats::CountedItem>> replicable_scenarios(catalog::Service& catalog) {
  SZ_ASSIGN(auto list, catalog.library(""));
  std::vector<stats::CountedItem> out;
  for (const auto& v : list) {
    if (!v.scenario.replicable_on) continue;
    out.push_back({v.scenario.id, v.scenario.name,
                   v.scenario.kind + " 类场景 · 应用项目 " + std::to_string(v.usage.projects) + " 个、验收通过企业 " +
                       std::to_string(v.usage.accepted_enterprises) + " 家",
                   {v.scenario.industry_code}, "", *v.scenario.replicable_on, ""});
  }
  return out;
}
}  // namespace

void add_indicator_sources(stats::Service& stats, records::Service& records, market::Directory& providers_,
                           catalog::Service& catalog) {
  using Day = const std::string&;
  stats.add_source({"smart", "认定", true, [&records](db::Connection& c, Day) { return recognitions(c, records); }});
  stats.add_source({"providers", "服务商", false,
                    [&providers_](db::Connection&, Day as_of) { return providers(providers_, as_of); }});
  stats.add_source({"products", "解决方案", false,
                    [&catalog](db::Connection&, Day as_of) { return products(catalog, as_of); }});
  stats.add_source({"replicable_scenarios", "场景", false,
                    [&catalog](db::Connection&, Day) { return replicable_scenarios(catalog); }});
  stats.add_source({"chains", "链式模式", true, [&records](db::Connection& c, Day) { return chains(c, records); }});
  stats.add_source({"parks", "园区", true, [&records](db::Connection&, Day) { return parks(records); }});
}

}  // namespace sz::app
