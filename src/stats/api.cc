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

namespace {
bj::value cell_json(const ProgressCell& c) {
  bj::object o{{"target", c.target ? number(*c.target) : bj::value(nullptr)},
               {"actual", c.actual ? number(*c.actual) : bj::value(nullptr)}};
  if (c.target && c.actual && *c.target > 0)
    o["rate"] = static_cast<double>(*c.actual) / static_cast<double>(*c.target);
  else
    o["rate"] = nullptr;
  return o;
}

bj::object district_json(const DistrictProgress& d) {
  double rate = d.target->total > 0 ? static_cast<double>(d.accepted_total) / static_cast<double>(d.target->total) : 0;
  return bj::object{{"district", bj::object{{"code", d.target->district}, {"name", d.target->name}}},
                    {"target", bj::object{{"total", d.target->total}, {"y2024", d.target->y2024}, {"y2025", d.target->y2025}}},
                    {"accepted", bj::object{{"y2024", d.accepted_2024}, {"y2025", d.accepted_2025},
                                            {"total", d.accepted_total}, {"now", d.accepted_now}}},
                    {"pilot", bj::object{{"total", d.pilot}, {"batch_2024", d.pilot_2024}, {"batch_2025", d.pilot_2025}}},
                    {"assessed", d.assessed},
                    {"level2", d.level2},
                    {"rate", rate},
                    {"rank", d.rank}};
}

Result<int64_t> year_param(const std::optional<std::string>& v) {
  if (!v || v->empty()) return 0;
  if (v->size() != 4 || v->find_first_not_of("0123456789") != std::string::npos) return err::invalid("year", "年份应为四位数字");
  return std::stoll(*v);
}
}  // namespace

void register_routes(auth::Routes& routes, Service& stats) {
  routes.authed("GET", "/api/v1/stats/progress", [&stats](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t stage, year_param(req.query_param("year")));
    SZ_ASSIGN(auto v, stats.progress(p, stage));
    bj::array industries, indicators, districts;
    for (const auto& code : v.targets.plan.industries)
      industries.push_back(bj::object{{"code", code}, {"short_name", v.targets.plan.industry_short_names[code]}});
    for (const auto& ip : v.progress.indicators) {
      bj::object by;
      for (const auto& [code, cell] : ip.by_industry) by[code] = cell_json(cell);
      bool supported = ip.def && !ip.def->metric.empty();
      indicators.push_back(bj::object{{"no", ip.indicator->no},
                                      {"name", ip.indicator->name},
                                      {"unit", ip.indicator->unit},
                                      {"kind", ip.def ? ip.def->kind : ip.indicator->kind},
                                      {"note", ip.def ? ip.def->note : ""},
                                      {"basis", ip.def ? drawn_from(v, *ip.def) : ""},
                                      {"supported", supported},
                                      {"metric", supported ? bj::value(ip.def->metric) : bj::value(nullptr)},
                                      {"drill", supported ? bj::value(ip.def->drill) : bj::value(nullptr)},
                                      {"by_industry", std::move(by)},
                                      {"total", cell_json(ip.total)}});
    }
    for (const auto& d : v.progress.districts) districts.push_back(district_json(d));
    return json::reply(200, bj::object{{"as_of", iso_utc(stats.now())},
                                       {"year", v.stage ? bj::value(v.stage) : bj::value(nullptr)},
                                       {"figures_as_of", v.as_of},
                                       {"rd_year", v.rd_year ? bj::value(v.rd_year) : bj::value(nullptr)},
                                       {"patents_to", v.patents_to},
                                       {"cloud_undated", v.progress.cloud_undated},
                                       {"scope", v.city_wide ? "city" : "district"},
                                       {"industries", std::move(industries)},
                                       {"indicators", std::move(indicators)},
                                       {"pipeline", bj::object{{"pilot", v.progress.pilot},
                                                               {"assessed", v.progress.assessed},
                                                               {"level2", v.progress.level2},
                                                               {"accepted", v.progress.accepted}}},
                                       {"districts", std::move(districts)}});
  });

  routes.authed("GET", "/api/v1/stats/progress/enterprises", [&stats](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto page, json::page_of(req));
    registry::store::MetricFilter f;
    f.metric = req.query_param("metric").value_or("pilot");
    f.industry = req.query_param("industry").value_or("");
    f.district = req.query_param("district").value_or("");
    if (auto b = req.query_param("batch"); b && !b->empty()) {
      if (*b != "2024" && *b != "2025") return err::invalid("batch", "批次应为 2024 或 2025");
      f.batch = std::stoll(*b);
    }
    SZ_ASSIGN(int64_t year, year_param(req.query_param("year")));
    if (year) f.year = year;
    if (f.metric == "rd" && !f.year) return err::invalid("year", "研发投入强度的明细需要指定年度");
    if (f.metric == "patents" && !f.year) f.year = std::stoll(stats.today().substr(0, 4));
    SZ_ASSIGN(auto as_of, json::day_query(req, "as_of", "截至日期"));
    if (!as_of.empty()) f.as_of = as_of;
    if (auto cohort = req.query_param("accepted_in"); cohort && !cohort->empty()) {
      auto y = year_param(cohort);
      if (!y) return err::invalid("accepted_in", "验收年度应为四位数字");
      f.cohort = *y;
    }
    int64_t total = 0;
    SZ_ASSIGN(auto rows, stats.drill(p, f, page.size, page.offset(), &total));
    bj::array items;
    for (const auto& [e, value] : rows) {
      items.push_back(bj::object{{"id", e.id},
                                 {"name", e.name},
                                 {"credit_code", e.credit_code},
                                 {"industry", bj::object{{"code", e.industry_code}, {"name", e.industry_name}}},
                                 {"district", bj::object{{"code", e.district_code}, {"name", e.district_name}}},
                                 {"batch", e.batch},
                                 {"level", e.level},
                                 {"tier", e.tier},
                                 {"value", value}});
    }
    return json::reply(200, json::page_reply(std::move(items), total, page));
  });

  routes.authed("GET", "/api/v1/stats/progress/items", [&stats](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto page, json::page_of(req));
    std::string label;
    SZ_ASSIGN(auto as_of, json::day_query(req, "as_of", "截至日期"));
    SZ_ASSIGN(auto list, stats.items(p, req.query_param("metric").value_or(""), req.query_param("industry").value_or(""),
                                     req.query_param("district").value_or(""), as_of, &label));
    bj::array items;
    int64_t end = std::min<int64_t>(static_cast<int64_t>(list.size()), page.offset() + page.size);
    for (int64_t i = page.offset(); i < end; ++i) {
      const auto& x = list[static_cast<size_t>(i)];
      bj::array industries;
      for (const auto& code : x.industries) industries.push_back(bj::value(code));
      items.push_back(bj::object{{"id", x.id},
                                 {"name", x.name},
                                 {"detail", x.detail},
                                 {"industries", std::move(industries)},
                                 {"district", x.district},
                                 {"on", x.on.empty() ? bj::value(nullptr) : bj::value(x.on)}});
    }
    auto body = json::page_reply(std::move(items), static_cast<int64_t>(list.size()), page);
    body["label"] = label;
    return json::reply(200, std::move(body));
  });

  routes.authed("POST", "/api/v1/stats/progress/exports", [&stats](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto o, json::parse_object(req.body.empty() ? "{}" : req.body));
    SZ_TRY(json::only_keys(o, {"year"}));
    SZ_ASSIGN(auto year, json::optional_int(o, "year", "年度"));
    if (year && (*year < 2000 || *year > 2100)) return err::invalid("year", "年份应在 2000–2100 之间");
    SZ_ASSIGN(auto job, stats.request_export(p, auth::origin_of(req), year.value_or(0)));
    return json::reply(202, bj::object{{"job", bj::object{{"id", job.id}, {"kind", job.kind}, {"state", job.state}}}});
  });

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
