#include "registry/rules.h"

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
  return metric == "accepted" || metric == "scale_above_accepted" || metric == "innovative_accepted";
}

Contribution contribution_of(const Params& p, const EnterpriseFacts& e, const std::map<int64_t, YearFigures>& years) {
  Contribution c;
  if (e.status != "active") return c;
  c.counted = true;
  c.key = {e.district, e.industry, e.batch};
  const bool qualified = e.level >= p.qualifying_level;
  c.pilot = 1;
  c.assessed = e.level_source.empty() ? 0 : 1;
  c.level2 = qualified;
  c.scale_above_level2 = qualified && e.scale_above;
  c.innovative_level2 = qualified && e.tier != "none";  // 创新型 includes 专精特新 and 小巨人
  const bool transformed = qualified && e.accepted;  // indicator 1: 改造企业 = accepted at 二级 or higher
  c.accepted = transformed;
  c.scale_above_accepted = transformed && e.scale_above;
  c.innovative_accepted = transformed && e.tier != "none";
  c.specialized = e.tier == "specialized" || e.tier == "little_giant";
  c.cloud = e.cloud;
  c.years = years;
  return c;
}

std::optional<std::string> name_problem(const std::string& name) {
  size_t n = text::utf8_length(name);
  if (n < 2 || n > 100) return "企业名称应为2–100个字符";
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
