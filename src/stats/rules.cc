#include "stats/rules.h"

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
