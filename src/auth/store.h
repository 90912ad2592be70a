// SQL of users, roles, sessions and the login log.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "auth/rules.h"
#include "infra/db/db.h"

namespace sz::auth::store {

struct User {
  int64_t id = 0;
  std::string username;
  std::string display_name;
  std::string password_hash;
  std::optional<std::string> district;
  std::string district_name;
  std::optional<int64_t> enterprise_id;
  std::optional<int64_t> provider_id;
  std::optional<int64_t> locked_until;  // the latest login lock of this name at any address (login_throttle)
  bool locked_by_admin = false;
  std::optional<int64_t> last_login_at;
  int64_t created_at = 0;
  bool totp_enrolled = false;  // a confirmed second factor
  std::vector<Role> roles;
};

Result<std::optional<User>> user_by_name(db::Connection& c, const std::string& username);
Result<std::optional<User>> user_by_id(db::Connection& c, int64_t id);
struct NewUser {
  std::string username, display_name, password_hash;
  std::vector<Role> roles;
  std::optional<std::string> district;
  std::optional<int64_t> enterprise_id, provider_id;
};
Result<int64_t> insert_user(db::Connection& c, const NewUser& u, int64_t now);
Status set_admin_lock(db::Connection& c, int64_t id, bool locked, int64_t now);
Status record_login(db::Connection& c, int64_t id, int64_t now);

// Login throttling by (username, address), for names with or without an account.
// Until when the name is locked at the address (nullopt: not locked at `now`).
Result<std::optional<int64_t>> locked_until(db::Connection& c, const std::string& username, const std::string& ip,
                                            int64_t now);
// Counts one more failure atomically (parallel guesses cannot slip past the limit), starting again when the last one
// is older than `forget_before`; returns the count.
Result<int64_t> add_failure(db::Connection& c, const std::string& username, const std::string& ip, int64_t now,
                            int64_t forget_before);
// Locks the name at the address until `until` and starts the count again.
Status lock_at(db::Connection& c, const std::string& username, const std::string& ip, int64_t until);
// A success, or the admin's unlock (ip nullopt: every address), clears the throttle.
Status clear_throttle(db::Connection& c, const std::string& username, const std::optional<std::string>& ip);
// Forgets the rows whose last failure and lock are both over (the table holds no more than the attackers' recent names).
Status forget_throttle_before(db::Connection& c, int64_t before, int64_t now);
Status set_password(db::Connection& c, int64_t id, const std::string& hash, int64_t now);
// Accounts by name, and by role when `role` is not empty.
Result<std::vector<User>> list_users(db::Connection& c, const std::string& q, const std::string& role, int64_t limit,
                                     int64_t offset);
Result<int64_t> count_users(db::Connection& c, const std::string& q, const std::string& role);

struct Session {
  int64_t id = 0;
  int64_t user_id = 0;
  std::string csrf_hash;
  int64_t last_seen_at = 0;
  int64_t expires_at = 0;
};
Result<int64_t> insert_session(db::Connection& c, const std::string& token_hash, const std::string& csrf_hash,
                               int64_t user_id, int64_t now, int64_t expires_at, const std::string& ip);
Result<std::optional<Session>> live_session(db::Connection& c, const std::string& token_hash);
Status touch_session(db::Connection& c, int64_t id, int64_t now);
Status revoke_session(db::Connection& c, int64_t id);
Status revoke_user_sessions(db::Connection& c, int64_t user_id);

struct LoginAttempt {
  int64_t id = 0, at = 0;
  std::string username;
  std::optional<int64_t> user_id;
  bool success = false;
  std::string reason, ip;
};
Status log_login(db::Connection& c, const LoginAttempt& a);
struct LoginFilter {
  std::string username;
  std::optional<bool> success;
  std::optional<int64_t> from, to;
};
Result<std::vector<LoginAttempt>> list_logins(db::Connection& c, const LoginFilter& f, int64_t limit, int64_t offset);
Result<int64_t> count_logins(db::Connection& c, const LoginFilter& f);
Result<int64_t> count_users(db::Connection& c);

// Unlocked accounts bound to an enterprise or a provider, by id.
Result<std::vector<int64_t>> accounts_of(db::Connection& c, std::optional<int64_t> enterprise_id,
                                         std::optional<int64_t> provider_id);

// The second factor (TOTP) of an account: its secret, whether the first code confirmed it, the newest step used.
struct Totp {
  std::string secret;
  std::optional<int64_t> confirmed_at;
  int64_t last_step = 0;
};
Result<std::optional<Totp>> totp_of(db::Connection& c, int64_t user_id);
// A new, unconfirmed secret (replacing an unconfirmed one; a confirmed one stays until removed).
Status start_totp(db::Connection& c, int64_t user_id, const std::string& secret, int64_t now);
// Takes `step` as used — atomically, only when it is newer than the last one used (a code is accepted once) —
// and confirms the enrolment; false when the step was used already.
Result<bool> accept_totp_step(db::Connection& c, int64_t user_id, int64_t step, int64_t now);
// Removes the second factor and its recovery codes (the security administrator's reset).
Status remove_totp(db::Connection& c, int64_t user_id);
Status replace_recovery_codes(db::Connection& c, int64_t user_id, const std::vector<std::string>& hashes);
// Spends an unused recovery code; false when there is none with that hash.
Result<bool> use_recovery_code(db::Connection& c, int64_t user_id, const std::string& hash, int64_t now);
Result<int64_t> recovery_codes_left(db::Connection& c, int64_t user_id);

// Between a login's password and its second factor.
struct Challenge {
  int64_t id = 0, user_id = 0, expires_at = 0, failures = 0;
};
Status insert_challenge(db::Connection& c, const std::string& token_hash, int64_t user_id, int64_t now,
                        int64_t expires_at, const std::string& ip);
Result<std::optional<Challenge>> open_challenge(db::Connection& c, const std::string& token_hash);
Result<int64_t> add_challenge_failure(db::Connection& c, int64_t id);
Status close_challenge(db::Connection& c, int64_t id);

}  // namespace sz::auth::store
