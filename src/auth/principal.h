// The caller as every area sees it: its roles, the signed-in principal, and the enterprises its roles let it see —
// auth's public vocabulary (its password, lockout and throttling rules stay in auth/rules.h). Pure, no I/O.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sz::auth {

// The last three are 三员分立 (等保2.0 三级): the system administrator runs the platform, the security administrator
// manages accounts and roles, the audit administrator reads the trails; none of them holds another role.
enum class Role {
  city_admin,
  district_officer,
  enterprise,
  provider,
  expert,
  bank,
  system_admin,
  security_admin,
  audit_admin
};

std::optional<Role> parse_role(std::string_view s);
const char* role_code(Role r);
const char* role_name_zh(Role r);
const std::vector<Role>& all_roles();
// An administrator's account (the city's and the three of 三员分立): its login needs a second factor.
bool is_administrator(const std::vector<Role>& roles);

// The signed-in caller, as resolved from a session.
struct Principal {
  int64_t user_id = 0;
  std::string username;
  std::string display_name;
  std::vector<Role> roles;
  std::optional<std::string> district;      // district_officer's district/zone code
  std::optional<int64_t> enterprise_id;     // enterprise user's enterprise
  std::optional<int64_t> provider_id;       // provider user's provider
  int64_t session_id = 0;
  bool via_cookie = false;                  // cookie sessions need the CSRF header on writes

  bool has(Role r) const;
};

// Which enterprises a caller may see: the union of what each of its roles grants.
// Fails closed: a role that grants nothing adds nothing.
struct EnterpriseScope {
  bool all = false;
  std::vector<std::string> districts;
  std::vector<int64_t> enterprise_ids;
  bool empty() const { return !all && districts.empty() && enterprise_ids.empty(); }
  bool covers(const std::string& district, int64_t enterprise_id) const;
};
EnterpriseScope enterprise_scope(const Principal& p);

// Whether the caller may see an enterprise's contact details unmasked.
bool sees_personal_data(const Principal& p, const std::string& district, int64_t enterprise_id);

}  // namespace sz::auth
