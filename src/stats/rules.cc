#include "stats/rules.h"

#include <algorithm>
#include <set>

namespace sz::stats {

std::optional<int64_t> parse_hundredths(std::string_view s) {
  if (s.empty() || s.size() > 15) return std::nullopt;
  int64_t whole = 0, frac = 0;
  size_t i = 0, frac_digits = 0;
  for (; i < s.size() && s[i] != '.'; ++i) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    whole = whole * 10 + (s[i] - '0');
  }
  if (i == 0) return std::nullopt;
  if (i < s.size()) {
    for (++i; i < s.size(); ++i, ++frac_digits) {
      if (s[i] < '0' || s[i] > '9' || frac_digits >= 2) return std::nullopt;
      frac = frac * 10 + (s[i] - '0');
    }
    if (frac_digits == 0) return std::nullopt;
    if (frac_digits == 1) frac *= 10;
  }
  return whole * 100 + frac;
}

std::string format_hundredths(int64_t v) {
  std::string s = std::to_string(v / 100);
  int64_t frac = v % 100;
  if (frac == 0) return s;
  s += '.';
  s += static_cast<char>('0' + frac / 10);
  if (frac % 10) s += static_cast<char>('0' + frac % 10);
  return s;
}

namespace {
std::string f(int64_t v) { return format_hundredths(v); }

void check_matrix(const Plan& p, std::vector<Finding>& out) {
  for (const auto& ind : p.indicators) {
    for (const auto& code : p.industries)
      if (!ind.values.count(code))
        out.push_back({"missing_value", "error",
                       "指标" + std::to_string(ind.no) + "「" + ind.name + "」缺少行业 " + code + " 的目标值"});
    if (ind.kind == "count") {
      int64_t sum = 0;
      for (const auto& [_, v] : ind.values) sum += v;
      if (sum != ind.total)
        out.push_back({"matrix_sum", "error",
                       "指标" + std::to_string(ind.no) + "「" + ind.name + "」四个行业之和为 " + f(sum) +
                           "，与合计 " + f(ind.total) + " 不符"});
    } else {
      int64_t sum = 0;
      for (const auto& [_, v] : ind.values) sum += v;
      int64_t n = static_cast<int64_t>(ind.values.size());
      // The mean in ten-thousandths, exact: 3.2375 % is 32375.
      std::string mean = n ? std::to_string(sum * 100 / n / 10000) + "." : "";
      if (n) {
        std::string frac = std::to_string(sum * 100 / n % 10000);
        mean += std::string(4 - frac.size(), '0') + frac;
        while (mean.back() == '0') mean.pop_back();
        if (mean.back() == '.') mean.pop_back();
      }
      out.push_back({"ratio_total", "info",
                     "指标" + std::to_string(ind.no) + "「" + ind.name + "」为比率指标：合计 " + f(ind.total) + ind.unit +
                         " 是全体试点企业的独立目标（按研发投入之和÷营业收入之和计算），不是各行业之和；四个行业数值的算术平均为 " +
                         mean + ind.unit});
    }
  }
}

void check_annex(const Plan& p, std::vector<Finding>& out) {
  AnnexTotals sum;
  for (const auto& d : p.districts) {
    if (d.y2024 + d.y2025 != d.total)
      out.push_back({"annex_row", "error",
                     d.name + "：2024年 " + std::to_string(d.y2024) + " + 2025年 " + std::to_string(d.y2025) +
                         " 不等于任务总数 " + std::to_string(d.total)});
    sum.total += d.total;
    sum.y2024 += d.y2024;
    sum.y2025 += d.y2025;
  }
  auto col = [&](const char* label, int64_t s, int64_t declared) {
    if (s != declared)
      out.push_back({"annex_sum", "error",
                     std::string("附件") + label + "各区县之和为 " + std::to_string(s) + "，与合计 " +
                         std::to_string(declared) + " 不符"});
  };
  col("任务总数", sum.total, p.annex.total);
  col("2024年考核目标", sum.y2024, p.annex.y2024);
  col("2025年考核目标", sum.y2025, p.annex.y2025);
  for (const auto& ind : p.indicators)
    if (ind.no == 1 && ind.total != p.annex.total * 100)
      out.push_back({"annex_vs_matrix", "error",
                     "附件任务总数 " + std::to_string(p.annex.total) + " 与目标表「改造企业数量」合计 " + f(ind.total) +
                         " 不符"});
}

void check_text(const Plan& p, std::vector<Finding>& out) {
  for (const auto& st : p.statements) {
    const Indicator* ind = nullptr;
    for (const auto& i : p.indicators)
      if (i.no == st.indicator) ind = &i;
    if (!ind) continue;
    if (st.value != ind->total)
      out.push_back({"text_vs_table", "warning",
                     "方案正文“" + st.quote + "”（" + f(st.value) + "）与目标表指标" + std::to_string(ind->no) + "「" +
                         ind->name + "」合计 " + f(ind->total) + ind->unit + " 不一致：两者均予展示，未作修改"});
  }
  for (const auto& n : p.notes) out.push_back({n.code, "warning", n.message});
}
}  // namespace

std::vector<Finding> check_plan(const Plan& plan) {
  std::vector<Finding> out;
  check_matrix(plan, out);
  check_annex(plan, out);
  check_text(plan, out);
  return out;
}

}  // namespace sz::stats

namespace sz::stats {

std::optional<int64_t> intensity_hundredths(int64_t rd, int64_t revenue) {
  if (revenue <= 0) return std::nullopt;
  __int128 scaled = static_cast<__int128>(rd) * 10000;  // percent × 100
  return static_cast<int64_t>((scaled * 2 + revenue) / (static_cast<__int128>(revenue) * 2));
}

ItemTally tally_items(const std::vector<CountedItem>& items, const std::string& district) {
  ItemTally t;
  for (const auto& i : items) {
    if (!district.empty() && i.district != district) continue;
    std::set<std::string> seen(i.industries.begin(), i.industries.end());
    for (const auto& code : seen) ++t.by_industry[code];
    ++t.total;
  }
  return t;
}

std::vector<CountedItem> items_by_day(const std::vector<CountedItem>& items, const std::string& day, int64_t* undated) {
  std::vector<CountedItem> kept;
  *undated = 0;
  for (const auto& i : items) {
    if (!i.until.empty() && i.until <= day) continue;
    if (i.on.empty()) ++*undated;
    if (i.on.empty() || i.on <= day) kept.push_back(i);
  }
  return kept;
}

std::vector<CountedItem> items_behind(const std::vector<CountedItem>& items, const std::string& industry,
                                      const std::string& district) {
  std::vector<CountedItem> out;
  for (const auto& i : items) {
    if (!district.empty() && i.district != district) continue;
    if (!industry.empty() && std::find(i.industries.begin(), i.industries.end(), industry) == i.industries.end()) continue;
    out.push_back(i);
  }
  return out;
}

namespace {
int64_t metric_of(const GroupCounts& g, const std::string& m) {
  auto it = g.metrics.find(m);
  return it == g.metrics.end() ? 0 : it->second;
}

// Each district's transformed count at a year's end: all of them, or those accepted in `cohort` only.
std::map<std::string, int64_t> accepted_by_district(const std::vector<GroupCounts>& rows, std::optional<int64_t> cohort) {
  std::map<std::string, int64_t> out;
  for (const auto& g : rows)
    if (!cohort || g.cohort == *cohort) out[g.district] += metric_of(g, "accepted");
  return out;
}
}  // namespace

Progress progress(const Plan& plan, const std::vector<MetricDef>& defs, const ProgressInput& in) {
  Progress out;
  // Indicators 1–4 from the stage's end (or today), the pipeline and the districts' registrations from today.
  std::map<std::string, std::map<std::string, int64_t>> by_industry;  // metric → industry → count
  for (const auto& g : in.stage ? *in.stage : in.now)
    for (const auto& [m, v] : g.metrics) by_industry[m][g.industry] += v;
  std::map<std::string, int64_t> pilot, pilot_2024, pilot_2025, assessed, level2, accepted_now;
  for (const auto& g : in.now) {
    pilot[g.district] += metric_of(g, "pilot");
    (g.batch == 2024 ? pilot_2024 : pilot_2025)[g.district] += metric_of(g, "pilot");
    assessed[g.district] += metric_of(g, "assessed");
    level2[g.district] += metric_of(g, "level2");
    accepted_now[g.district] += metric_of(g, "accepted");
    out.pilot += metric_of(g, "pilot");
    out.assessed += metric_of(g, "assessed");
    out.level2 += metric_of(g, "level2");
    out.accepted += metric_of(g, "accepted");
    out.cloud_undated += metric_of(g, "cloud_undated");
  }
  std::map<std::string, std::pair<int64_t, int64_t>> rd;  // industry → (rd, revenue) in the year
  std::map<std::string, int64_t> patents;                 // industry → Σ from 2024 to the stage's year
  for (const auto& y : in.years) {
    if (y.year == in.rd_year) {
      rd[y.industry].first += y.rd_spending;
      rd[y.industry].second += y.revenue;
    }
    if (y.year >= 2024 && y.year <= in.patents_to) patents[y.industry] += y.invention_patents;
  }
  for (const auto& ind : plan.indicators) {
    IndicatorProgress ip;
    ip.indicator = &ind;
    for (const auto& d : defs)
      if (d.indicator == ind.no) ip.def = &d;
    int64_t total_rd = 0, total_revenue = 0, total = 0;
    for (const auto& code : plan.industries) {
      ProgressCell cell;
      if (in.city_targets && ind.values.count(code)) cell.target = ind.values.at(code);
      if (ip.def && ip.def->drill == "items") {
        if (auto t = in.tallies.find(ip.def->metric); t != in.tallies.end()) {
          auto n = t->second.by_industry.find(code);
          cell.actual = (n == t->second.by_industry.end() ? 0 : n->second) * 100;
        }
      } else if (ip.def && !ip.def->metric.empty()) {
        if (ip.def->metric == "rd") {
          auto [r, v] = rd[code];
          total_rd += r;
          total_revenue += v;
          cell.actual = intensity_hundredths(r, v);
        } else {
          int64_t n = ip.def->metric == "patents" ? patents[code] : by_industry[ip.def->metric][code];
          total += n;
          cell.actual = n * 100;
        }
      }
      ip.by_industry[code] = cell;
    }
    if (in.city_targets) ip.total.target = ind.total;
    if (ip.def && ip.def->drill == "items") {
      if (auto t = in.tallies.find(ip.def->metric); t != in.tallies.end()) ip.total.actual = t->second.total * 100;
    } else if (ip.def && !ip.def->metric.empty()) {
      ip.total.actual = ip.def->metric == "rd" ? intensity_hundredths(total_rd, total_revenue) : std::optional<int64_t>(total * 100);
    }
    out.indicators.push_back(std::move(ip));
  }
  auto in_2024 = accepted_by_district(in.at_2024_end, 2024);
  auto in_2025 = accepted_by_district(in.at_2025_end, 2025);
  auto by_end = accepted_by_district(in.at_2025_end, std::nullopt);
  for (const auto& d : plan.districts) {
    if (!pilot.count(d.district) && !in.city_targets) continue;  // a district's view shows only itself
    DistrictProgress dp;
    dp.target = &d;
    dp.pilot = pilot[d.district];
    dp.pilot_2024 = pilot_2024[d.district];
    dp.pilot_2025 = pilot_2025[d.district];
    dp.assessed = assessed[d.district];
    dp.level2 = level2[d.district];
    dp.accepted_2024 = in_2024[d.district];
    dp.accepted_2025 = in_2025[d.district];
    dp.accepted_total = by_end[d.district];
    dp.accepted_now = accepted_now[d.district];
    out.districts.push_back(dp);
  }
  // Rank by completion (transformed by the pilot's end ÷ target), compared exactly as cross products.
  for (auto& a : out.districts) {
    int better = 0;
    for (const auto& b : out.districts)
      if (static_cast<__int128>(b.accepted_total) * a.target->total > static_cast<__int128>(a.accepted_total) * b.target->total)
        ++better;
    a.rank = better + 1;
  }
  return out;
}

}  // namespace sz::stats
