#include "projects/rules.h"

#include <algorithm>

namespace sz::projects {

namespace {
struct PartyInfo {
  Party party;
  const char* code;
};
constexpr PartyInfo kParties[] = {{Party::city_admin, "city_admin"},
                                  {Party::district_officer, "district_officer"},
                                  {Party::enterprise, "enterprise"},
                                  {Party::integrator, "integrator"},
                                  {Party::expert, "expert"}};
}  // namespace

std::optional<Party> parse_party(std::string_view code) {
  for (const auto& p : kParties)
    if (code == p.code) return p.party;
  return std::nullopt;
}

workflow::Parties party_codes(const std::set<Party>& parties) {
  workflow::Parties out;
  for (const auto& x : kParties)
    if (parties.count(x.party)) out.insert(x.code);
  return out;
}

bool task_completed(const std::string& state) { return state == "passed" || state == "subsidized"; }

bool ended(const std::string& state) { return task_completed(state) || state == "terminated"; }

MilestoneStatus milestone_status(int64_t due, std::optional<int64_t> done, int64_t today, int64_t warn_days) {
  if (done) return *done <= due ? MilestoneStatus::done : MilestoneStatus::done_late;
  if (today > due) return MilestoneStatus::overdue;
  if (due - today <= warn_days) return MilestoneStatus::due_soon;
  return MilestoneStatus::on_track;
}

const char* milestone_status_code(MilestoneStatus s) {
  switch (s) {
    case MilestoneStatus::done: return "done";
    case MilestoneStatus::done_late: return "done_late";
    case MilestoneStatus::overdue: return "overdue";
    case MilestoneStatus::due_soon: return "due_soon";
    case MilestoneStatus::on_track: return "on_track";
  }
  return "";
}

const char* milestone_status_name(MilestoneStatus s) {
  switch (s) {
    case MilestoneStatus::done: return "按期完成";
    case MilestoneStatus::done_late: return "逾期完成";
    case MilestoneStatus::overdue: return "已逾期";
    case MilestoneStatus::due_soon: return "即将到期";
    case MilestoneStatus::on_track: return "正常";
  }
  return "";
}

std::vector<std::string> risk_reasons(const std::vector<MilestoneFacts>& milestones,
                                      const std::vector<FindingFacts>& findings, int64_t today, int64_t warn_days) {
  std::vector<std::string> out;
  for (const auto& m : milestones) {
    auto s = milestone_status(m.due_day, m.done_day, today, warn_days);
    if (s == MilestoneStatus::overdue)
      out.push_back("里程碑「" + m.name + "」已逾期 " + std::to_string(today - m.due_day) + " 天");
    else if (s == MilestoneStatus::due_soon)
      out.push_back("里程碑「" + m.name + "」将在 " + std::to_string(m.due_day - today) + " 天内到期，尚未完成");
  }
  int64_t open = 0, overdue = 0;
  for (const auto& f : findings) {
    if (f.rectified_day) continue;
    ++open;
    overdue += today > f.due_day;
  }
  if (overdue) out.push_back(std::to_string(overdue) + " 项监管整改已超过整改期限");
  else if (open) out.push_back(std::to_string(open) + " 项监管整改尚未完成");
  return out;
}

std::vector<std::string> plan_problems(const PlanFacts& p) {
  std::vector<std::string> out;
  if (p.scenarios == 0) out.push_back("至少选择一个改造场景");
  if (p.milestones == 0) out.push_back("至少设置一个里程碑");
  if (p.budget_lines == 0 || p.budget_total_fen <= 0) out.push_back("至少填写一项预算");
  return out;
}

std::vector<std::string> missing_materials(const std::vector<Material>& required, const std::set<std::string>& present) {
  std::vector<std::string> out;
  for (const auto& m : required)
    if (!present.count(m.code)) out.push_back(m.name);
  return out;
}

std::optional<int64_t> parse_milli(const std::string& s) {
  size_t i = 0;
  bool negative = false;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) negative = s[i++] == '-';
  int64_t whole = 0, frac = 0;
  int digits = 0, frac_digits = 0;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i, ++digits) {
    if (digits >= 12) return std::nullopt;
    whole = whole * 10 + (s[i] - '0');
  }
  if (i < s.size() && s[i] == '.') {
    for (++i; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i, ++frac_digits) {
      if (frac_digits >= 3) return std::nullopt;
      frac = frac * 10 + (s[i] - '0');
    }
    if (frac_digits == 0) return std::nullopt;
  }
  if (i != s.size() || digits == 0) return std::nullopt;
  for (int k = frac_digits; k < 3; ++k) frac *= 10;
  int64_t v = whole * 1000 + frac;
  return negative ? -v : v;
}

std::string milli_text(int64_t v) {
  std::string sign = v < 0 ? "-" : "";
  uint64_t a = v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
  std::string s = sign + std::to_string(a / 1000);
  if (uint64_t f = a % 1000) {
    std::string frac = std::to_string(f);
    frac = std::string(3 - frac.size(), '0') + frac;
    while (frac.back() == '0') frac.pop_back();
    s += "." + frac;
  }
  return s;
}

std::optional<int64_t> improvement_milli_percent(const Indicator& i, int64_t before, int64_t after) {
  if (before == 0) return std::nullopt;
  __int128 change = i.better == "lower" ? before - after : after - before;
  __int128 base = before < 0 ? -static_cast<__int128>(before) : before;
  return static_cast<int64_t>(change * 100'000 / base);
}

namespace {
int64_t clamp_milli(int64_t v) { return std::max<int64_t>(0, std::min<int64_t>(100'000, v)); }
}  // namespace

Scorecard score(const ScorecardRules& r, const ProviderFacts& f) {
  Scorecard card;
  int64_t weighted = 0, weights = 0;
  for (const auto& c : r.components) {
    ComponentScore cs{&c, std::nullopt, "暂无数据"};
    if (c.code == "acceptance_pass_rate" && f.accepted + f.failed_acceptances > 0) {
      int64_t n = f.accepted + f.failed_acceptances;
      cs.score_milli = f.accepted * 100'000 / n;
      cs.explanation = "验收通过 " + std::to_string(f.accepted) + " 次 / 验收 " + std::to_string(n) + " 次";
    } else if (c.code == "timeliness" && f.milestones_judged > 0) {
      // Average days late; the rules' horizon scores 0.
      int64_t avg_milli = f.late_days_sum * 1000 / f.milestones_judged;
      cs.score_milli = clamp_milli(100'000 - avg_milli * 100 / r.late_days_zero_score);
      cs.explanation = "里程碑平均逾期 " + milli_text(avg_milli) + " 天（" + std::to_string(f.milestones_judged) + " 个里程碑；逾期 " +
                       std::to_string(r.late_days_zero_score) + " 天及以上计 0 分）";
    } else if (c.code == "satisfaction" && f.ratings > 0) {
      int64_t avg_milli = f.ratings_sum * 1000 / f.ratings;  // 1000–5000
      cs.score_milli = clamp_milli((avg_milli - 1000) * 100 / 4);
      cs.explanation = "企业评价平均 " + milli_text(avg_milli) + " 星（" + std::to_string(f.ratings) + " 个项目）";
    } else if (c.code == "level_uplift" && f.uplifts > 0) {
      int64_t avg_milli = f.uplift_sum * 1000 / f.uplifts;
      cs.score_milli = clamp_milli(avg_milli * 100 / r.uplift_full_score_levels);
      cs.explanation = "验收项目数字化水平平均提升 " + milli_text(avg_milli) + " 级（提升 " +
                       std::to_string(r.uplift_full_score_levels) + " 级及以上满分）";
    } else if (c.code == "price" && f.discounts > 0) {
      int64_t avg_bp = f.discount_bp_sum / f.discounts;
      cs.score_milli = clamp_milli(avg_bp * 1000 / r.discount_full_score_percent);
      cs.explanation = "较目录价平均让利 " + milli_text(avg_bp * 10) + "%（让利 " + std::to_string(r.discount_full_score_percent) +
                       "% 及以上满分）";
    }
    if (cs.score_milli) {
      weighted += *cs.score_milli * c.weight;
      weights += c.weight;
    }
    card.components.push_back(std::move(cs));
  }
  if (weights > 0) {
    card.total_milli = weighted / weights;
    for (const auto& [min, stars] : r.stars)
      if (*card.total_milli >= min * 1000) {
        card.stars = stars;
        break;
      }
  }
  return card;
}

void OutcomeAccumulator::add(const Indicator& i, int64_t before, int64_t after) {
  ++projects_;
  auto imp = improvement_milli_percent(i, before, after);
  if (!imp) return;
  ++counted_;
  sum_ += *imp;
  improved_ += *imp > 0;
}

OutcomeSummary OutcomeAccumulator::result() const {
  OutcomeSummary s{projects_, improved_, std::nullopt};
  if (counted_) s.mean_improvement_milli_percent = static_cast<int64_t>(sum_ / counted_);
  return s;
}

}  // namespace sz::projects
