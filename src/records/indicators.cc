#include "records/indicators.h"

#include "infra/clock.h"
#include "registry/service.h"

namespace sz::records {

namespace {
const char* recognition_kind(const std::string& k) {
  return k == "factory" ? "智能工厂" : k == "workshop" ? "智能车间" : "智能制造优秀场景";
}

// 省级及以上认定 of pilot enterprises, under the enterprise's pilot industry and district, from the day of recognition
// until the enterprise left the pilot.
Result<std::vector<stats::CountedItem>> recognitions(db::Connection& c, Service& records) {
  SZ_ASSIGN(auto list, records.recognitions(std::nullopt));
  std::vector<stats::CountedItem> out;
  for (const auto& r : list) {
    SZ_ASSIGN(auto e, registry::internal::find(c, r.enterprise_id));
    if (!e) continue;
    SZ_ASSIGN(auto industry, registry::internal::pilot_industry_of(c, e->industry_code));
    out.push_back({r.id, r.name,
                   e->name + " · " + (r.level == "national" ? "国家级" : "省级") + recognition_kind(r.kind) +
                       (e->withdrawn_at ? "（企业已于 " + shanghai_date(*e->withdrawn_at) + " 退出试点）" : ""),
                   {industry}, e->district_code, r.recognized_on, e->withdrawn_at ? shanghai_date(*e->withdrawn_at) : ""});
  }
  return out;
}

// Chain models built (建成), from that day; a model belongs to its lead enterprise's district when the lead is in the
// registry.
Result<std::vector<stats::CountedItem>> chains(db::Connection& c, Service& records) {
  SZ_ASSIGN(auto list, records.chains(""));
  std::vector<stats::CountedItem> out;
  for (const auto& m : list) {
    if (!m.completed) continue;
    std::string district;
    if (m.lead_enterprise_id) {
      SZ_ASSIGN(auto e, registry::internal::find(c, *m.lead_enterprise_id));
      if (e) district = e->district_code;
    }
    out.push_back({m.id, m.name, "链主 " + m.lead_name + " · 链上企业 " + std::to_string(m.members.size()) + " 家",
                   {m.industry_code}, district, m.completed->on, ""});
  }
  return out;
}

// 小微企业园 whose digital transformation is complete, from that day.
Result<std::vector<stats::CountedItem>> parks(Service& records) {
  SZ_ASSIGN(auto list, records.parks());
  std::vector<stats::CountedItem> out;
  for (const auto& k : list)
    if (k.transformed)
      out.push_back({k.id, k.name, "入园企业 " + std::to_string(k.enterprises) + " 家 · " + k.transformed->evidence,
                     {k.industry_code}, k.district_code, k.transformed->on, ""});
  return out;
}
}  // namespace

void add_indicator_sources(stats::Service& stats, Service& records) {
  using Day = const std::string&;
  stats.add_source({"smart", "认定", true, [&records](db::Connection& c, Day) { return recognitions(c, records); }});
  stats.add_source({"chains", "链式模式", true, [&records](db::Connection& c, Day) { return chains(c, records); }});
  stats.add_source({"parks", "园区", true, [&records](db::Connection&, Day) { return parks(records); }});
}

}  // namespace sz::records
