#include "catalog/indicators.h"

#include "infra/clock.h"
#include "infra/json.h"

namespace sz::catalog {

namespace {
// Listed products — today, or on the catalogue at the end of `as_of` — dated by their listing.
Result<std::vector<stats::CountedItem>> products(Service& catalog, const std::string& as_of) {
  std::vector<store::Product> list;
  if (as_of.empty()) {
    SZ_ASSIGN(list, catalog.listed_products());
  } else {
    SZ_ASSIGN(list, catalog.listed_products_at(*shanghai_day_end(as_of)));
  }
  std::vector<stats::CountedItem> out;
  for (const auto& x : list) {
    const auto* cat = catalog.catalog().category(x.category);
    out.push_back({x.id, x.name, cat ? cat->name : x.category, json::strings_of(x.industries_json), "",
                   x.listed_at ? shanghai_date(*x.listed_at) : "", ""});
  }
  return out;
}

// N+X scenarios the expert committee selected as 可复制可推广, from the meeting's day.
Result<std::vector<stats::CountedItem>> replicable_scenarios(Service& catalog) {
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

void add_indicator_sources(stats::Service& stats, Service& catalog) {
  using Day = const std::string&;
  stats.add_source({"products", "解决方案", false,
                    [&catalog](db::Connection&, Day as_of) { return products(catalog, as_of); }});
  stats.add_source({"replicable_scenarios", "场景", false,
                    [&catalog](db::Connection&, Day) { return replicable_scenarios(catalog); }});
}

}  // namespace sz::catalog
