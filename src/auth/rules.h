// Roles, the caller (Principal), data scope, password policy and lockout — pure rules, no I/O.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
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

// Password policy: 8–128 characters, three of four classes (upper, lower, digit, symbol), not the username.
// Returns the Chinese reason when the password is refused.
std::optional<std::string> password_problem(const std::string& username, const std::string& password);

// Lockout after repeated failures (parameters are configuration, not constants in code).
struct LockoutPolicy {
  int max_failures = 5;
  int64_t lock_seconds = 15 * 60;
};

// The binding each role needs: a district officer a district, an enterprise user an enterprise, …; and 三员分立:
// a system, security or audit administrator holds that role alone.
std::optional<std::string> binding_problem(const std::vector<Role>& roles, const std::optional<std::string>& district,
                                           const std::optional<int64_t>& enterprise_id,
                                           const std::optional<int64_t>& provider_id);

// Usernames: 3–32 of [A-Za-z0-9_.-], starting with a letter.
bool valid_username(const std::string& u);

}  // namespace sz::auth
