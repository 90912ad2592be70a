#include "stats/api.h"

namespace sz::stats {

namespace bj = boost::json;

namespace {
// Counts go out as integers, ratios as decimals (3.35).
bj::value number(int64_t hundredths) {
  if (hundredths % 100 == 0) return hundredths / 100;
  return bj::parse(format_hundredths(hundredths));
}
}  // namespace

void register_routes(auth::Routes& routes, Service& stats) {
  routes.pub("GET", "/api/v1/targets", [&stats](http::Request&) -> Result<http::Response> {
    SZ_ASSIGN(auto t, stats.targets());
    bj::array industries, groups, indicators, findings;
    for (const auto& code : t.plan.industries)
      industries.push_back(bj::object{
          {"code", code}, {"name", t.plan.industry_names[code]}, {"short_name", t.plan.industry_short_names[code]}});
    for (const auto& g : t.groups) groups.push_back(bj::object{{"no", g.no}, {"name", g.name}});
    for (const auto& ind : t.plan.indicators) {
      bj::object values;
      for (const auto& [code, v] : ind.values) values[code] = number(v);
      indicators.push_back(bj::object{{"no", ind.no},
                                      {"group", ind.group},
                                      {"name", ind.name},
                                      {"unit", ind.unit},
                                      {"kind", ind.kind},
                                      {"values", std::move(values)},
                                      {"total", number(ind.total)}});
    }
    for (const auto& f : t.findings)
      findings.push_back(bj::object{{"code", f.code}, {"severity", f.severity}, {"message", f.message}});
    return json::reply(200, bj::object{{"version", t.version},
                                       {"industries", std::move(industries)},
                                       {"groups", std::move(groups)},
                                       {"indicators", std::move(indicators)},
                                       {"consistency", std::move(findings)}});
  });

  routes.pub("GET", "/api/v1/district-targets", [&stats](http::Request&) -> Result<http::Response> {
    SZ_ASSIGN(auto t, stats.targets());
    bj::array items;
    for (const auto& d : t.plan.districts)
      items.push_back(bj::object{{"district", bj::object{{"code", d.district}, {"name", d.name}}},
                                 {"total", d.total},
                                 {"y2024", d.y2024},
                                 {"y2025", d.y2025}});
    const auto& a = t.plan.annex;
    return json::reply(200, bj::object{{"version", t.version},
                                       {"items", std::move(items)},
                                       {"totals", bj::object{{"total", a.total}, {"y2024", a.y2024}, {"y2025", a.y2025}}}});
  });
}

}  // namespace sz::stats
