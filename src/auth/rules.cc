#include "auth/rules.h"

#include <algorithm>
#include <array>

namespace sz::auth {
namespace {
struct RoleInfo {
  Role role;
  const char* code;
  const char* name;
};
constexpr std::array<RoleInfo, 9> kRoles{{
    {Role::city_admin, "city_admin", "市级管理员"},
    {Role::district_officer, "district_officer", "区县专班"},
    {Role::enterprise, "enterprise", "试点企业"},
    {Role::provider, "provider", "数字化服务商"},
    {Role::expert, "expert", "评审专家"},
    {Role::bank, "bank", "合作银行"},
    {Role::system_admin, "system_admin", "系统管理员"},
    {Role::security_admin, "security_admin", "安全管理员"},
    {Role::audit_admin, "audit_admin", "审计管理员"},
}};
bool is_separated_duty(Role r) {
  return r == Role::system_admin || r == Role::security_admin || r == Role::audit_admin;
}
const RoleInfo& info(Role r) { return kRoles[static_cast<size_t>(r)]; }
}  // namespace

std::optional<Role> parse_role(std::string_view s) {
  for (const auto& i : kRoles)
    if (s == i.code) return i.role;
  return std::nullopt;
}
const char* role_code(Role r) { return info(r).code; }
const char* role_name_zh(Role r) { return info(r).name; }
const std::vector<Role>& all_roles() {
  static const std::vector<Role> v = [] {
    std::vector<Role> out;
    for (const auto& i : kRoles) out.push_back(i.role);
    return out;
  }();
  return v;
}

bool is_administrator(const std::vector<Role>& roles) {
  return std::any_of(roles.begin(), roles.end(), [](Role r) { return r == Role::city_admin || is_separated_duty(r); });
}

bool Principal::has(Role r) const { return std::find(roles.begin(), roles.end(), r) != roles.end(); }

bool EnterpriseScope::covers(const std::string& district, int64_t enterprise_id) const {
  if (all) return true;
  if (std::find(districts.begin(), districts.end(), district) != districts.end()) return true;
  return std::find(enterprise_ids.begin(), enterprise_ids.end(), enterprise_id) != enterprise_ids.end();
}

EnterpriseScope enterprise_scope(const Principal& p) {
  EnterpriseScope s;
  if (p.has(Role::city_admin)) s.all = true;
  if (p.has(Role::district_officer) && p.district) s.districts.push_back(*p.district);
  if (p.has(Role::enterprise) && p.enterprise_id) s.enterprise_ids.push_back(*p.enterprise_id);
  // provider, expert and bank see enterprises only through their projects, reviews and loans (later issues).
  return s;
}

bool sees_personal_data(const Principal& p, const std::string& district, int64_t enterprise_id) {
  // The officials who handle the file and the enterprise itself need the real contact; no one else does.
  return enterprise_scope(p).covers(district, enterprise_id);
}

std::optional<std::string> password_problem(const std::string& username, const std::string& password) {
  if (password.size() < 8) return "密码长度至少8位";
  if (password.size() > 128) return "密码长度不能超过128位";
  bool upper = false, lower = false, digit = false, other = false;
  for (unsigned char c : password) {
    if (std::isupper(c)) upper = true;
    else if (std::islower(c)) lower = true;
    else if (std::isdigit(c)) digit = true;
    else other = true;
  }
  if (upper + lower + digit + other < 3) return "密码须包含大写字母、小写字母、数字、符号中的至少三类";
  std::string lu = username, lp = password;
  for (auto& c : lu) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (auto& c : lp) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (!lu.empty() && lp.find(lu) != std::string::npos) return "密码不能包含用户名";
  return std::nullopt;
}

std::optional<std::string> binding_problem(const std::vector<Role>& roles, const std::optional<std::string>& district,
                                           const std::optional<int64_t>& enterprise_id,
                                           const std::optional<int64_t>& provider_id) {
  if (roles.empty()) return "至少需要一个角色";
  if (roles.size() > 1 && std::any_of(roles.begin(), roles.end(), is_separated_duty))
    return "三员分立：系统管理员、安全管理员、审计管理员须各用独立账号，不能兼任其他角色";
  auto has = [&](Role r) { return std::find(roles.begin(), roles.end(), r) != roles.end(); };
  if (has(Role::district_officer) && !district) return "区县专班用户必须指定所属区县";
  if (has(Role::enterprise) && !enterprise_id) return "企业用户必须指定所属企业";
  if (has(Role::provider) && !provider_id) return "服务商用户必须指定所属服务商";
  if (district && !has(Role::district_officer)) return "只有区县专班用户可以指定区县";
  if (enterprise_id && !has(Role::enterprise)) return "只有企业用户可以指定企业";
  if (provider_id && !has(Role::provider)) return "只有服务商用户可以指定服务商";
  return std::nullopt;
}

bool valid_username(const std::string& u) {
  if (u.size() < 3 || u.size() > 32 || !std::isalpha(static_cast<unsigned char>(u[0]))) return false;
  return std::all_of(u.begin(), u.end(), [](unsigned char c) { return std::isalnum(c) || c == '_' || c == '.' || c == '-'; });
}

}  // namespace sz::auth
