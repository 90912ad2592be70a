#include "reports/snapshot.h"

#include <boost/json.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "audit/service.h"
#include "infra/clock.h"
#include "infra/json.h"
#include "reports/forecast.h"

namespace sz::reports {

namespace bj = boost::json;

namespace {

constexpr const char* kIssuer = "郑州市工业和信息化局";
constexpr double kDay = 86400;

// Where an enterprise's most advanced project stands, and since when.
struct Standing1 {
  int stage = 0;
  int64_t declared_at = 0, entered_at = 0;
};

uint64_t fnv1a(const std::string& s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char ch : s) h = (h ^ ch) * 1099511628211ull;
  return h;
}

// A target year of the annex: its last day and the cumulative district target by then.
struct TargetYear {
  std::string label, last_day;
  bool cumulative_total = false;  // false: y2024 only
};

// Enterprises of one scope, counted as they stream by.
struct Tally {
  std::map<std::string, int64_t> funnel;
  std::map<std::pair<std::string, std::string>, std::map<std::pair<int, int64_t>, int64_t>> standing;  // cell → (stage, week)
  std::map<std::pair<std::string, std::string>, int64_t> accepted;                                     // cell → now
  std::map<std::pair<std::string, std::string>, std::map<std::string, int64_t>> accepted_by;           // cell → year end → n
};

std::vector<Standing> standings_of(const std::map<std::pair<int, int64_t>, int64_t>& buckets) {
  std::vector<Standing> out;
  for (const auto& [key, n] : buckets) out.push_back({key.first, static_cast<double>(key.second) * 7 + 3.5, n});
  return out;
}

}  // namespace

Result<bj::object> Collector::collect(db::Connection& c, const auth::Principal& owner, const Period& period,
                                      const Scope& scope, const bj::object* previous, int64_t now) {
  const bool city = scope.code.empty();
  const std::string today = shanghai_date(now);
  SZ_ASSIGN(auto view, stats_.progress_of(scope.code, 0));
  const auto& plan = view.targets.plan;

  bj::object snap;
  snap["meta"] = bj::object{{"title", "郑州市中小企业数字化转型试点工作通报"},
                            {"kind", period.kind},
                            {"period", period.code},
                            {"period_label", period.label()},
                            {"scope", bj::object{{"code", scope.code}, {"name", city ? "全市" : scope.name}}},
                            {"issuer", kIssuer},
                            {"issued_at", now},
                            {"as_of", iso_utc(now)},
                            {"plan_version", view.targets.version},
                            {"rd_year", view.rd_year}};

  // The target matrix (hundredths, as the plan states them).
  bj::array industries, indicators;
  for (const auto& code : plan.industries)
    industries.push_back(bj::object{{"code", code}, {"short_name", plan.industry_short_names.at(code)}});
  for (const auto& ip : view.progress.indicators) {
    bj::array cells;
    for (const auto& code : plan.industries) {
      const auto& cell = ip.by_industry.at(code);
      cells.push_back(bj::object{{"industry", code}, {"target", json::opt_value(cell.target)}, {"actual", json::opt_value(cell.actual)}});
    }
    indicators.push_back(bj::object{{"no", ip.indicator->no},
                                    {"name", ip.indicator->name},
                                    {"unit", ip.indicator->unit},
                                    {"kind", ip.def ? ip.def->kind : ip.indicator->kind},
                                    {"target", json::opt_value(ip.total.target)},
                                    {"actual", json::opt_value(ip.total.actual)},
                                    {"by_industry", std::move(cells)}});
  }
  snap["industries"] = std::move(industries);
  snap["indicators"] = std::move(indicators);

  bj::array districts;
  for (const auto& d : view.progress.districts)
    districts.push_back(bj::object{{"code", d.target->district},
                                   {"name", d.target->name},
                                   {"target", d.target->total},
                                   {"y2024", d.target->y2024},
                                   {"y2025", d.target->y2025},
                                   {"pilot", d.pilot},
                                   {"assessed", d.assessed},
                                   {"level2", d.level2},
                                   {"accepted", d.accepted_total},
                                   {"accepted_2024", d.accepted_2024},
                                   {"accepted_2025", d.accepted_2025},
                                   {"accepted_now", d.accepted_now},
                                   {"rank", d.rank}});
  snap["districts"] = std::move(districts);

  // Each enterprise's furthest project, and the stage durations observed so far.
  Durations seen;
  std::unordered_map<int64_t, Standing1> furthest;
  SZ_TRY(projects::internal::each_stage_times(c, scope.code, [&](const projects::store::StageTimes& t) {
    int s = stage_of(t.state);
    if (t.approved_at) seen.days[1].push_back(static_cast<double>(*t.approved_at - t.created_at) / kDay);
    if (t.approved_at && t.applied_at) seen.days[2].push_back(static_cast<double>(*t.applied_at - *t.approved_at) / kDay);
    if (t.applied_at && t.passed_at) seen.days[3].push_back(static_cast<double>(*t.passed_at - *t.applied_at) / kDay);
    int64_t entered = s == 1 ? t.created_at : s == 2 ? t.approved_at.value_or(t.created_at)
                                  : s == 3 ? t.applied_at.value_or(t.created_at) : t.passed_at.value_or(t.created_at);
    auto& f = furthest[t.enterprise_id];
    if (s > f.stage) f = {s, t.created_at, entered};
    return true;
  }));
  SZ_ASSIGN(auto diagnosed, projects::internal::diagnosed_enterprises(c));
  SZ_ASSIGN(auto all_industries, registry::internal::industries_in(c));
  std::map<std::string, std::string> pilot_of;
  for (const auto& i : all_industries) pilot_of[i.code] = i.parent.empty() ? i.code : i.parent;

  const std::vector<TargetYear> years = [&] {
    std::vector<TargetYear> y = {{"2024年底", "2024-12-31", false}, {"2025年底", "2025-12-31", true}};
    // After the plan's two years, how far the rest can still get by the end of this year.
    if (today > "2025-12-31") y.push_back({today.substr(0, 4) + "年底", today.substr(0, 4) + "-12-31", true});
    return y;
  }();
  Tally tally;
  registry::store::Filter f;
  f.district = scope.code;
  f.status = "active";
  SZ_TRY(registry_.each_enterprise(c, owner, f, [&](const registry::store::Enterprise& e) {
    std::pair<std::string, std::string> cell{e.district_code, pilot_of[e.industry_code]};
    ++tally.funnel["registered"];
    if (std::binary_search(diagnosed.begin(), diagnosed.end(), e.id)) ++tally.funnel["diagnosed"];
    if (!e.level_source.empty()) ++tally.funnel["assessed"];
    auto it = furthest.find(e.id);
    Standing1 s = it == furthest.end() ? Standing1{0, 0, e.created_at} : it->second;
    if (s.stage >= 2) ++tally.funnel["approved"];
    if (s.stage == 2) ++tally.funnel["implementing"];
    if (s.stage == 3) ++tally.funnel["acceptance"];
    if (s.stage >= 1 && s.declared_at > e.created_at) seen.days[0].push_back(static_cast<double>(s.declared_at - e.created_at) / kDay);
    // Transformed as the dashboard counts today (registry/rules.cc): accepted at 二级 or higher, an SME.
    bool accepted = e.accepted_at && e.accepted_level >= registry_.qualifying_level() && e.sme_class != "large";
    if (accepted) {
      ++tally.funnel["accepted"];
      ++tally.accepted[cell];
      return true;
    }
    int stage = std::min(s.stage, kStages - 1);
    int64_t week = std::max<int64_t>(0, (now - s.entered_at) / (7 * 86400));
    ++tally.standing[cell][{stage, week}];
    return true;
  }));

  // A year already over is judged on what counted at its end (the month-keyed summary rows).
  for (const auto& y : years) {
    SZ_ASSIGN(auto rows, registry_.stage_counts(y.last_day, scope.code));
    for (const auto& r : rows) tally.accepted_by[{r.key.district, r.key.industry}][y.last_day] += r.counts.accepted;
  }

  bj::array funnel;
  for (const auto& [code, name] : std::vector<std::pair<const char*, const char*>>{
           {"registered", "纳入试点"}, {"diagnosed", "完成诊断"}, {"assessed", "完成评测"}, {"approved", "项目立项"},
           {"implementing", "实施中"}, {"acceptance", "验收中"}, {"accepted", "验收通过（二级及以上）"}})
    funnel.push_back(bj::object{{"code", code}, {"name", name}, {"count", tally.funnel[code]}});
  snap["funnel"] = std::move(funnel);

  // The forecast, by district (against the annex) and, for the city, by industry (against indicator 1).
  std::map<std::string, std::string> district_names;
  std::map<std::string, std::pair<int64_t, int64_t>> district_targets;  // code → (y2024, total)
  for (const auto& d : plan.districts) {
    district_names[d.district] = d.name;
    district_targets[d.district] = {d.y2024, d.total};
  }
  std::map<std::string, int64_t> industry_targets;
  for (const auto& ind : plan.indicators)
    if (ind.no == 1)
      for (const auto& [code, v] : ind.values) industry_targets[code] = v / 100;
  auto pooled = [&](const std::function<bool(const std::pair<std::string, std::string>&)>& in, const TargetYear& y,
                    const std::string& key) {
    std::vector<Standing> st;
    int64_t now_accepted = 0, by_then = 0;
    for (const auto& [cell, buckets] : tally.standing)
      if (in(cell))
        for (const auto& s : standings_of(buckets)) st.push_back(s);
    for (const auto& [cell, n] : tally.accepted)
      if (in(cell)) now_accepted += n;
    for (const auto& [cell, m] : tally.accepted_by)
      if (in(cell) && m.count(y.last_day)) by_then += m.at(y.last_day);
    double horizon = (static_cast<double>(*day_number(y.last_day) + 1) * kDay - 8 * 3600 - static_cast<double>(now)) / kDay;
    if (horizon <= 0) {  // the year is over: what happened, not a forecast
      CellForecast known;
      known.accepted = known.p10 = known.p50 = known.p90 = by_then;
      return known;
    }
    return forecast_cell(seen, st, now_accepted, horizon, fnv1a(period.code + "|" + key + "|" + y.last_day));
  };
  auto band = [](const CellForecast& f, std::optional<int64_t> target) {
    bj::object o{{"accepted", f.accepted}, {"p10", f.p10}, {"p50", f.p50}, {"p90", f.p90},
                 {"enough_history", f.enough_history}};
    o["target"] = target ? bj::value(*target) : bj::value(nullptr);
    o["risk"] = target ? bj::value(risk_of(f, *target)) : bj::value(nullptr);
    return o;
  };
  bj::array forecast;
  for (const auto& y : years) {
    bj::array by_district, by_industry;
    for (const auto& d : plan.districts) {
      if (!city && d.district != scope.code) continue;
      auto fc = pooled([&](const auto& cell) { return cell.first == d.district; }, y, d.district);
      auto [y2024, total] = district_targets[d.district];
      bj::object o = band(fc, y.cumulative_total ? total : y2024);
      o["code"] = d.district;
      o["name"] = d.name;
      by_district.push_back(std::move(o));
    }
    if (city && y.cumulative_total)
      for (const auto& code : plan.industries) {
        auto fc = pooled([&](const auto& cell) { return cell.second == code; }, y, code);
        bj::object o = band(fc, industry_targets[code]);
        o["code"] = code;
        o["name"] = plan.industry_short_names.at(code);
        by_industry.push_back(std::move(o));
      }
    // Every district × industry cell with enterprises in it (the annex sets no target per cell).
    bj::array cells;
    std::set<std::pair<std::string, std::string>> seen_cells;
    for (const auto& [cell, _] : tally.standing) seen_cells.insert(cell);
    for (const auto& [cell, _] : tally.accepted) seen_cells.insert(cell);
    for (const auto& cell : seen_cells) {
      auto fc = pooled([&](const auto& c2) { return c2 == cell; }, y, cell.first + "/" + cell.second);
      bj::object o = band(fc, std::nullopt);
      o["district"] = cell.first;
      o["district_name"] = district_names[cell.first];
      o["industry"] = cell.second;
      cells.push_back(std::move(o));
    }
    forecast.push_back(bj::object{{"label", y.label}, {"last_day", y.last_day}, {"districts", std::move(by_district)},
                                  {"industries", std::move(by_industry)}, {"cells", std::move(cells)}});
  }
  bj::array observed;
  for (int s = 0; s < kStages; ++s) observed.push_back(static_cast<int64_t>(seen.days[s].size()));
  snap["forecast"] = bj::object{{"years", std::move(forecast)}, {"observed_durations", std::move(observed)},
                                {"method", "按各阶段已观察到的办理时长重抽样（以已停留时间为条件），400 次模拟取第10、50、90百分位"}};

  // Late milestones (the open-milestones index), the first 30 named.
  int64_t late_total = 0, late_projects = 0;
  SZ_ASSIGN(auto late, projects::internal::late_milestones(c, scope.code, today, 30, &late_total, &late_projects));
  bj::array late_items;
  for (const auto& m : late) {
    SZ_ASSIGN(auto e, registry::internal::find(c, m.enterprise_id));
    int64_t days_late = *day_number(today) - *day_number(m.due_on);
    late_items.push_back(bj::object{{"project_id", m.project_id}, {"project", m.project_name},
                                    {"enterprise", e ? e->name : ""}, {"district", district_names[m.district_code]},
                                    {"milestone", m.milestone}, {"due_on", m.due_on}, {"days_late", days_late}});
  }
  snap["late_milestones"] = bj::object{{"total", late_total}, {"projects", late_projects}, {"items", std::move(late_items)}};

  // Funds and provider scorecards are the city's.
  if (city) {
    SZ_ASSIGN(auto funds, subsidies_.funds(owner));
    bj::array fund_rows;
    for (const auto& fv : funds)
      fund_rows.push_back(bj::object{{"year", fv.fund.year},
                                     {"source", fv.fund.source == "central" ? "中央试点资金" : "市级配套资金"},
                                     {"budget_fen", fv.fund.budget_fen},
                                     {"committed_fen", fv.committed()},
                                     {"paid_fen", fv.paid},
                                     {"remaining_fen", fv.remaining()}});
    snap["funds"] = std::move(fund_rows);
    SZ_ASSIGN(auto cards, projects_.scorecards());
    std::stable_sort(cards.begin(), cards.end(), [](const auto& a, const auto& b) {
      return a.card.total_milli.value_or(-1) > b.card.total_milli.value_or(-1);
    });
    bj::array providers;
    for (size_t i = 0; i < cards.size() && i < 15; ++i)
      providers.push_back(bj::object{{"name", cards[i].provider_name},
                                     {"stars", cards[i].card.stars},
                                     {"score_milli", json::opt_value(cards[i].card.total_milli)},
                                     {"projects", cards[i].facts.projects},
                                     {"accepted", cards[i].facts.accepted}});
    snap["providers"] = std::move(providers);
  }

  SZ_ASSIGN(snap["records"], records_section(c, period, scope));

  // What changed since the previous report of this scope.
  bj::array changed;
  bj::value previous_ref = nullptr;
  if (previous) {
    previous_ref = previous->at("meta").as_object().at("period_label");
    for (const auto& ch : changes(figures_of(*previous), figures_of(snap)))
      changed.push_back(bj::object{{"item", ch.item}, {"before", ch.before}, {"after", ch.after}});
  }
  snap["changes"] = bj::object{{"previous", previous_ref}, {"items", std::move(changed)}};
  SZ_ASSIGN(auto head, audit::chain_head(c));
  snap["audit"] = bj::object{{"seq", head.seq}, {"hash", head.hash}};
  return snap;
}

Result<bj::object> Collector::records_section(db::Connection& c, const Period& period, const Scope& scope) {
  const bool city = scope.code.empty();
  const std::string from = period.first_day(), to = period.last_day();
  bj::array rows;
  // One line per kind: how many stand (by the period's end), how many of them are dated in the period, and their names.
  auto line = [&](const char* kind, const std::vector<std::pair<std::string, std::string>>& dated) {  // (day, name)
    int64_t standing = 0;
    bj::array added;
    for (const auto& [day, name] : dated) {
      if (day > to) continue;
      ++standing;
      if (day >= from) added.push_back(bj::value(name + "（" + day + "）"));
    }
    rows.push_back(bj::object{{"kind", kind}, {"count", standing}, {"added", std::move(added)}});
  };
  auto district_of = [&](int64_t enterprise) -> Result<std::string> {
    SZ_ASSIGN(auto e, registry::internal::find(c, enterprise));
    return e ? e->district_code : std::string();
  };
  std::vector<std::pair<std::string, std::string>> lighthouses, workshops, chains, miit, parks, nodes, scenarios;
  SZ_ASSIGN(auto lh, records_.lighthouses(std::nullopt));
  for (const auto& l : lh)
    if (city || l.district_code == scope.code) lighthouses.emplace_back(l.designated.on, l.enterprise_name);
  SZ_ASSIGN(auto ws, records_.workshops(std::nullopt));
  for (const auto& w : ws) {
    SZ_ASSIGN(auto d, district_of(w.lead_enterprise_id));
    if (city || d == scope.code) workshops.emplace_back(w.established.on, w.name);
  }
  SZ_ASSIGN(auto ch, records_.chains(""));
  for (const auto& m : ch) {
    std::string d;
    if (m.lead_enterprise_id) {
      SZ_ASSIGN(d, district_of(*m.lead_enterprise_id));
    }
    if (!city && d != scope.code) continue;
    if (m.completed) chains.emplace_back(m.completed->on, m.name);
    if (m.miit) miit.emplace_back(m.miit->on, m.name);
  }
  SZ_ASSIGN(auto pk, records_.parks());
  for (const auto& k : pk)
    if (k.transformed && (city || k.district_code == scope.code)) parks.emplace_back(k.transformed->on, k.name);
  line("数字化转型“小灯塔”企业", lighthouses);
  line("数字工坊", workshops);
  line("建成的“链式”转型模式", chains);
  line("获评工信部“链式”典型案例", miit);
  line("完成数字化改造的小微企业园", parks);
  if (city) {
    SZ_ASSIGN(auto ns, platforms_.nodes());
    for (const auto& n : ns) nodes.emplace_back(n.approved_on, n.name + " " + n.prefix);
    line("标识解析二级节点", nodes);
    SZ_ASSIGN(auto sel, stats_.items_at("replicable_scenarios", to));
    for (const auto& x : sel) scenarios.emplace_back(x.on, x.name);
    line("可复制可推广的典型应用场景", scenarios);
  }
  return bj::object{{"first_day", from}, {"last_day", to}, {"rows", std::move(rows)}};
}

std::vector<Figure> figures_of(const bj::object& snapshot) {
  std::vector<Figure> out;
  for (const auto& v : snapshot.at("indicators").as_array()) {
    const auto& o = v.as_object();
    if (o.at("actual").is_int64())
      out.push_back({"指标" + std::to_string(o.at("no").as_int64()) + " " + std::string(o.at("name").as_string()),
                     o.at("actual").as_int64()});
  }
  for (const auto& v : snapshot.at("districts").as_array())
    out.push_back({std::string(v.at("name").as_string()) + " 验收通过", v.at("accepted").as_int64() * 100});
  for (const auto& v : snapshot.at("funnel").as_array())
    out.push_back({"漏斗 " + std::string(v.at("name").as_string()), v.at("count").as_int64() * 100});
  return out;
}

}  // namespace sz::reports
