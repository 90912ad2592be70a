#include "registry/rules.h"

#include "infra/clock.h"
#include "infra/text.h"

#include <algorithm>
#include <cstring>

namespace sz::registry {

const char* const kCreditCodeAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

namespace {
int value_of(char c) {
  const char* p = std::strchr(kCreditCodeAlphabet, c);
  return (c != '\0' && p) ? static_cast<int>(p - kCreditCodeAlphabet) : -1;
}

// Code points with ASCII lower-cased and blanks dropped: what the name index is built from.
std::vector<std::string> index_points(std::string_view s) {
  std::vector<std::string> out;
  for (auto cp : text::code_points(s)) {
    if (cp.size() == 1 && std::isspace(static_cast<unsigned char>(cp[0]))) continue;
    if (cp.size() == 1) cp[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(cp[0])));
    out.push_back(std::move(cp));
  }
  return out;
}

void add_unique(std::vector<std::string>& v, std::string g) {
  if (std::find(v.begin(), v.end(), g) == v.end()) v.push_back(std::move(g));
}
}  // namespace

std::optional<char> credit_code_check_char(std::string_view first17) {
  if (first17.size() != 17) return std::nullopt;
  int sum = 0, weight = 1;
  for (char c : first17) {
    int v = value_of(c);
    if (v < 0) return std::nullopt;
    sum += v * weight;
    weight = weight * 3 % 31;
  }
  return kCreditCodeAlphabet[(31 - sum % 31) % 31];
}

std::string normalize_credit_code(std::string_view raw) {
  while (!raw.empty() && std::isspace(static_cast<unsigned char>(raw.front()))) raw.remove_prefix(1);
  while (!raw.empty() && std::isspace(static_cast<unsigned char>(raw.back()))) raw.remove_suffix(1);
  std::string s(raw);
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::optional<std::string> credit_code_problem(std::string_view code) {
  if (code.size() != 18)
    return "统一社会信用代码应为18位，实际为" + std::to_string(code.size()) + "个字节";
  for (size_t i = 0; i < code.size(); ++i)
    if (value_of(code[i]) < 0)
      return "统一社会信用代码第" + std::to_string(i + 1) + "位字符不在允许的字符集中（数字及除 I、O、S、V、Z 外的大写字母）";
  // Position 1: registering authority; position 2: the kinds of entity that authority registers.
  static const struct {
    char authority;
    const char* kinds;
  } kAllowed[] = {{'1', "1239"}, {'5', "1239"}, {'9', "123"}, {'Y', "1"}};
  const char* kinds = nullptr;
  for (const auto& a : kAllowed)
    if (a.authority == code[0]) kinds = a.kinds;
  if (!kinds) return "统一社会信用代码第1位（登记管理部门代码）应为 1、5、9 或 Y";
  if (!std::strchr(kinds, code[1]))
    return "统一社会信用代码第2位（机构类别代码）与第1位登记管理部门不匹配";
  char expected = *credit_code_check_char(code.substr(0, 17));
  if (code[17] != expected) return "统一社会信用代码第18位校验码错误";
  return std::nullopt;
}

bool valid_tier(const std::string& t) {
  return t == "none" || t == "innovative" || t == "specialized" || t == "little_giant";
}

const char* tier_name(const std::string& t) {
  if (t == "innovative") return "创新型中小企业";
  if (t == "specialized") return "专精特新中小企业";
  if (t == "little_giant") return "专精特新“小巨人”企业";
  return "无";
}

bool scale_above(const Params& p, std::optional<int64_t> latest_revenue_fen) {
  return latest_revenue_fen && *latest_revenue_fen >= p.scale_above_revenue_fen;
}

bool accepted_metric(const std::string& metric) {
  return metric == "accepted" || metric == "scale_above_accepted" || metric == "innovative_accepted" ||
         metric == "cloud_accepted";
}

const char* sme_class_code(SmeClass c) {
  switch (c) {
    case SmeClass::medium: return "medium";
    case SmeClass::small: return "small";
    case SmeClass::micro: return "micro";
    case SmeClass::large: return "large";
    case SmeClass::unknown: break;
  }
  return "";
}

const char* sme_class_name(SmeClass c) {
  switch (c) {
    case SmeClass::medium: return "中型企业";
    case SmeClass::small: return "小型企业";
    case SmeClass::micro: return "微型企业";
    case SmeClass::large: return "非中小企业";
    case SmeClass::unknown: break;
  }
  return "未知（无年度数据）";
}

std::optional<SmeClass> parse_sme_class(const std::string& code) {
  for (auto c : {SmeClass::unknown, SmeClass::medium, SmeClass::small, SmeClass::micro, SmeClass::large})
    if (code == sme_class_code(c)) return c;
  return std::nullopt;
}

std::optional<bool> is_sme(SmeClass c) {
  if (c == SmeClass::unknown) return std::nullopt;
  return c != SmeClass::large;
}

namespace {
// 40000000000 分 → "40000万元"; 30000000000 → "30000万元"; amounts under 1万元 in 元.
std::string wan(int64_t fen) {
  constexpr int64_t kWan = 1'000'000;  // 1万元 in 分
  std::string whole = std::to_string(fen / kWan);
  int64_t rest = fen % kWan;
  if (!rest) return whole + "万元";
  std::string frac = std::to_string(rest + kWan).substr(1);  // six digits
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  return whole + "." + frac + "万元";
}
}  // namespace

SmeVerdict classify_sme(const SmeRule& r, std::optional<std::pair<int64_t, YearFigures>> figures) {
  SmeVerdict v;
  if (!figures) {
    v.reason = "尚无年度数据，无法按" + r.document + "划型";
    return v;
  }
  v.year = figures->first;
  const auto& y = figures->second;
  std::string facts = std::to_string(v.year) + "年从业人员" + std::to_string(y.employees) + "人、营业收入" + wan(y.revenue);
  std::string rule = "（" + r.document + r.clause + "）";
  if (y.employees >= r.large_employees && y.revenue >= r.large_revenue_fen) {
    v.cls = SmeClass::large;
    v.reason = facts + "：从业人员不少于" + std::to_string(r.large_employees) + "人且营业收入不低于" + wan(r.large_revenue_fen) +
               "，不属于中小企业" + rule;
    return v;
  }
  std::string why = y.employees < r.large_employees
                        ? "从业人员少于" + std::to_string(r.large_employees) + "人"
                        : "营业收入低于" + wan(r.large_revenue_fen);
  if (y.employees >= r.medium_employees && y.revenue >= r.medium_revenue_fen)
    v.cls = SmeClass::medium;
  else if (y.employees >= r.small_employees && y.revenue >= r.small_revenue_fen)
    v.cls = SmeClass::small;
  else
    v.cls = SmeClass::micro;
  v.reason = facts + "：" + why + "，属中小企业（" + sme_class_name(v.cls) + "）" + rule;
  return v;
}

StageCounts& StageCounts::operator+=(const StageCounts& o) {
  accepted += o.accepted;
  scale_above_accepted += o.scale_above_accepted;
  innovative_accepted += o.innovative_accepted;
  cloud_accepted += o.cloud_accepted;
  return *this;
}

StageCounts StageCounts::operator-(const StageCounts& o) const {
  return {accepted - o.accepted, scale_above_accepted - o.scale_above_accepted,
          innovative_accepted - o.innovative_accepted, cloud_accepted - o.cloud_accepted};
}

NowCounts& NowCounts::operator+=(const NowCounts& o) {
  pilot += o.pilot;
  assessed += o.assessed;
  level2 += o.level2;
  scale_above_level2 += o.scale_above_level2;
  innovative_level2 += o.innovative_level2;
  specialized += o.specialized;
  cloud += o.cloud;
  stage += o.stage;
  cloud_undated += o.cloud_undated;
  non_sme += o.non_sme;
  non_sme_accepted += o.non_sme_accepted;
  sme_unknown += o.sme_unknown;
  return *this;
}

namespace {
constexpr const char* kForever = "9999-12-31";  // after every recorded day: the enterprise as it is now

std::optional<std::pair<int64_t, YearFigures>> latest_by(const std::map<int64_t, YearFigures>& years, int64_t year) {
  auto it = years.upper_bound(year);
  if (it == years.begin()) return std::nullopt;
  --it;
  return *it;
}

int64_t year_of(const std::string& day) { return std::stoll(day.substr(0, 4)); }

// The enterprise's transformed counts at the end of `day`.
StageCounts stage_on(const Params& p, const EnterpriseFacts& e, const std::map<int64_t, YearFigures>& years,
                     const std::string& day) {
  auto on = [&](const std::optional<int64_t>& at) { return at && shanghai_date(*at) <= day; };
  const bool in_pilot = !on(e.withdrawn_at);
  const bool accepted = on(e.accepted_at) && e.accepted_level >= p.qualifying_level;
  auto figures = latest_by(years, year_of(day));
  const bool sme = is_sme(classify_sme(p.sme, figures).cls).value_or(true);  // unknown: counted until shown otherwise
  StageCounts s;
  if (!in_pilot || !accepted || !sme) return s;
  const bool scale = e.scale_source == "admin" ? e.scale_above
                                              : scale_above(p, figures ? std::optional(figures->second.revenue) : std::nullopt);
  s.accepted = 1;
  s.scale_above_accepted = scale;
  s.innovative_accepted = e.tier != "none";  // 创新型 includes 专精特新 and 小巨人
  s.cloud_accepted = e.cloud && on(e.cloud_at);
  return s;
}
}  // namespace

Contribution contribution_of(const Params& p, const EnterpriseFacts& e, const std::map<int64_t, YearFigures>& years) {
  Contribution c;
  c.key = {e.district, e.industry, e.batch};
  c.in_pilot = e.status == "active";
  for (const auto& [year, y] : years)
    if (!e.withdrawn_at || shanghai_date(*e.withdrawn_at) > std::to_string(year) + "-12-31") c.years[year] = y;

  // The days on which the transformed counts can change, in order; the change is the difference from the day before.
  if (e.accepted_at) {
    std::vector<std::string> days = {shanghai_date(*e.accepted_at)};
    for (const auto& at : {e.withdrawn_at, e.cloud_at})
      if (at) days.push_back(shanghai_date(*at));
    for (const auto& [year, _] : years) days.push_back(std::to_string(year) + "-01-01");
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    const int64_t cohort = year_of(shanghai_date(*e.accepted_at));
    StageCounts before;
    for (const auto& day : days) {
      StageCounts now = stage_on(p, e, years, day);
      if (!(now == before)) c.timeline.push_back({day, cohort, now - before});
      before = now;
    }
  }

  if (!c.in_pilot) return c;
  auto& n = c.now;
  const bool qualified = e.level >= p.qualifying_level;
  n.pilot = 1;
  n.assessed = e.level_source.empty() ? 0 : 1;
  n.level2 = qualified;
  n.scale_above_level2 = qualified && e.scale_above;
  n.innovative_level2 = qualified && e.tier != "none";
  n.specialized = e.tier == "specialized" || e.tier == "little_giant";
  n.cloud = e.cloud;
  n.stage = stage_on(p, e, years, kForever);
  n.stage.cloud_accepted = n.stage.accepted && e.cloud;  // today's figure also counts a cloud without a recorded day
  n.cloud_undated = n.stage.cloud_accepted && !e.cloud_at;
  const auto cls = classify_sme(p.sme, latest_by(years, year_of(kForever))).cls;
  n.non_sme = cls == SmeClass::large;
  n.non_sme_accepted = n.non_sme && e.accepted_at && e.accepted_level >= p.qualifying_level;
  n.sme_unknown = cls == SmeClass::unknown;
  return c;
}

std::optional<std::string> name_problem(const std::string& name) {
  size_t n = text::utf8_length(name);
  if (n < 2 || n > 100) return "企业名称应为2–100个字符";
  if (auto why = text::hidden_problem(name, false)) return "企业名称" + *why;
  return std::nullopt;
}

std::optional<std::string> phone_problem(const std::string& phone) {
  if (phone.size() > 20) return "联系电话不能超过20个字符";
  for (char c : phone)
    if (!std::isdigit(static_cast<unsigned char>(c)) && c != '-' && c != '+' && c != ' ')
      return "联系电话只能包含数字、空格、“-”和“+”";
  return std::nullopt;
}

std::vector<std::string> name_grams(std::string_view name) {
  auto cps = index_points(name);
  std::vector<std::string> out;
  for (size_t i = 0; i < cps.size(); ++i) {
    add_unique(out, cps[i]);
    if (i + 1 < cps.size()) add_unique(out, cps[i] + cps[i + 1]);
  }
  return out;
}

std::vector<std::string> query_grams(std::string_view q) {
  auto cps = index_points(q);
  std::vector<std::string> out;
  if (cps.size() == 1) out.push_back(cps[0]);
  for (size_t i = 0; i + 1 < cps.size(); ++i) add_unique(out, cps[i] + cps[i + 1]);
  return out;
}

}  // namespace sz::registry
