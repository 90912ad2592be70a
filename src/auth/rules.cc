#include "auth/rules.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "infra/text.h"

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

namespace {
std::string ascii_lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool ascii_letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

// Common substitutions (p@ssw0rd) read back as letters — only between two letters, so that the digits and symbols
// added at the ends (Woaini@1314) stay what they are.
std::string undo_substitutions(std::string s) {
  static const std::string from = "@0$3!1|45", to = "aoseiilas";
  for (size_t i = 1; i + 1 < s.size(); ++i) {
    auto k = from.find(s[i]);
    if (k != std::string::npos && ascii_letter(s[i - 1]) && ascii_letter(s[i + 1])) s[i] = to[k];
  }
  return s;
}

// The letters of a password, lowercase, substitutions undone: what is left when its digits and symbols are dropped.
std::string letters_of(const std::string& lower) {
  std::string out;
  for (char c : undo_substitutions(lower))
    if (ascii_letter(c)) out += c;
  return out;
}

bool listed(const std::vector<std::string>& list, const std::string& s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}
}  // namespace

std::optional<std::string> password_problem(const std::string& password, const PasswordOwner& owner,
                                            const WeakPasswords& weak) {
  if (!text::valid_utf8(password)) return "密码含有无效的字符";
  size_t length = text::utf8_length(password);
  if (length < 8) return "密码长度至少8个字符";
  if (length > 128) return "密码长度不能超过128个字符";
  bool upper = false, lower = false, digit = false, other = false;
  for (unsigned char c : password) {
    if (std::isupper(c)) upper = true;
    else if (std::islower(c)) lower = true;
    else if (std::isdigit(c)) digit = true;
    else other = true;  // symbols, and any character beyond ASCII
  }
  if (upper + lower + digit + other < 3) return "密码须包含大写字母、小写字母、数字、符号中的至少三类";
  const std::string lp = ascii_lower(password);
  const std::string username = ascii_lower(owner.username);
  if (!username.empty() && lp.find(username) != std::string::npos) return "密码不能包含用户名";
  if (text::utf8_length(owner.display_name) >= 2 && lp.find(ascii_lower(owner.display_name)) != std::string::npos)
    return "密码不能包含本人姓名";
  for (const auto& name : weak.names)
    if (lp.find(name) != std::string::npos) return "密码不能包含平台名称或地名（如 shuzhuan、数转、郑州）";
  if (listed(weak.passwords, lp) || listed(weak.passwords, undo_substitutions(lp)))
    return "这是常见密码，容易被猜中，请换一个";
  if (listed(weak.words, letters_of(lp)))
    return "密码只是常见的拼音、单词或键盘序列加上数字和符号，容易被猜中，请换一个";
  return std::nullopt;
}

std::string locked_message(int64_t seconds_left) {
  int64_t minutes = std::max<int64_t>(1, (seconds_left + 59) / 60);
  return "连续登录失败次数过多，该账户在本地址已暂时锁定，请 " + std::to_string(minutes) +
         " 分钟后重试，或联系管理员解锁";
}

Bucket full_bucket(const BucketRate& rate, int64_t now) { return {rate.capacity, now}; }

namespace {
void refill(Bucket& b, const BucketRate& rate, int64_t now) {
  if (now > b.at) b.tokens = std::min(rate.capacity, b.tokens + static_cast<double>(now - b.at) * rate.per_second);
  b.at = std::max(b.at, now);
}
}  // namespace

std::optional<int64_t> take_token(Bucket& b, const BucketRate& rate, int64_t now) {
  refill(b, rate, now);
  if (b.tokens >= 1) {
    b.tokens -= 1;
    return std::nullopt;
  }
  return std::max<int64_t>(1, static_cast<int64_t>(std::ceil((1 - b.tokens) / rate.per_second)));
}

void give_back_token(Bucket& b, const BucketRate& rate) { b.tokens = std::min(rate.capacity, b.tokens + 1); }

bool bucket_full(const Bucket& b, const BucketRate& rate, int64_t now) {
  Bucket later = b;
  refill(later, rate, now);
  return later.tokens >= rate.capacity;
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
