// Use cases of accounts and sessions: login with lockout, session checks, user administration.
// Every write checks the caller's role first and writes its audit entry in the same transaction.
#pragma once
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "audit/rules.h"
#include "auth/dictionary.h"
#include "auth/password.h"
#include "auth/rules.h"
#include "auth/store.h"
#include "infra/clock.h"
#include "infra/db/db.h"
#include "infra/result.h"

namespace sz::auth {

struct SessionPolicy {
  int64_t idle_seconds = 30 * 60;       // a session unused this long expires
  int64_t max_seconds = 12 * 3600;      // and none lives longer than this
};

// What a new password must pass: the rules with the weak-password list, then cracklib's dictionary.
struct PasswordPolicy {
  WeakPasswords weak;
  std::string cracklib_dict;  // "" for libcrack2's own
};

// Where a request comes from, for the login log and the audit trail.
struct Origin {
  std::string ip;
  std::string request_id;
};

// The second factor of a login (TOTP, RFC 6238): who must give it and how long the pending login waits for it.
struct SecondFactorPolicy {
  bool required_for_administrators = true;  // auth.require_admin_totp
  int64_t pending_seconds = 5 * 60;         // between the password and the code
  int max_code_failures = 5;                // wrong codes on one pending login before it ends
  std::string issuer = "郑州数转";          // what the authenticator app shows
};

// A login that awaits its second factor: the pending token stands for the password already given.
struct PendingLogin {
  std::string token;
  int64_t expires_at = 0;
  bool enrolment = false;  // the account has no second factor yet: it enrols before it logs in
};

struct LoginResult {
  std::string token;
  std::string csrf_token;
  int64_t expires_at = 0;
  store::User user;
  std::optional<PendingLogin> pending;         // set instead of a session when a second factor is needed
  std::vector<std::string> recovery_codes;     // shown once, when this login confirmed an enrolment
  std::optional<int64_t> recovery_codes_left;  // after a login by recovery code
};

// A new authenticator secret, shown once: as the otpauth:// address (a QR code) and as text to type.
struct Enrolment {
  std::string secret;
  std::string otpauth_uri;
};

struct NewUserInput {
  std::string username, display_name, password;
  std::vector<std::string> roles;
  std::optional<std::string> district;
  std::optional<int64_t> enterprise_id, provider_id;
};

struct Page {
  std::vector<store::User> items;
  int64_t total = 0;
};

// Checks that a user's district / enterprise / provider exists: set by the pilot layer (src/pilot), which asks the
// areas that keep them, so auth does not read other areas' tables.
using BindingCheck = std::function<Status(db::Connection&, const NewUserInput&)>;

class Service {
 public:
  Service(std::shared_ptr<db::Database> db, const Clock& clock, LockoutPolicy lockout, SessionPolicy sessions,
          PasswordPolicy passwords, password::PoolLimits hashing, SecondFactorPolicy second_factor = {});
  void set_binding_check(BindingCheck f) { check_binding_ = std::move(f); }
  // data/common-passwords.json
  static Result<WeakPasswords> parse_weak_passwords(std::string_view json);

  Result<LoginResult> login(const std::string& username, const std::string& password, const Origin& from);
  Status logout(const Principal& p, const Origin& from);
  // Resolves a session token; for cookie sessions on writes, `csrf` must match.
  Result<Principal> authenticate(const std::string& token, bool via_cookie, const std::optional<std::string>& csrf,
                                 bool is_write);

  // Security admins manage accounts over HTTP; the command line acts as the local operator (actor "cli").
  Result<store::User> create_user(const Principal& p, const Origin& from, const NewUserInput& in);
  Result<store::User> set_locked(const Principal& p, const Origin& from, int64_t user_id, bool locked);
  Status reset_password(const Principal& p, const Origin& from, int64_t user_id, const std::string& password);
  Status change_own_password(const Principal& p, const Origin& from, const std::string& old_pw,
                             const std::string& new_pw);
  // All accounts for the security administrator; the expert accounts (role "expert") also for the city admin, who
  // assigns experts to their work.
  Result<Page> list_users(const Principal& p, const std::string& q, std::optional<Role> role, int64_t limit,
                          int64_t offset);
  Result<std::vector<store::LoginAttempt>> login_log(const Principal& p, const store::LoginFilter& f, int64_t limit,
                                                     int64_t offset, int64_t* total);

  // The second step of a login (two_factor.cc): an account without a second factor enrols first (a new secret on
  // each call until a code confirms it); then a TOTP code or one of its recovery codes opens the session. Wrong
  // codes count as failed logins.
  Result<Enrolment> start_enrolment(const std::string& pending_token, const Origin& from);
  Result<LoginResult> second_factor(const std::string& pending_token, const std::string& code,
                                    const std::string& recovery_code, const Origin& from);
  // The security administrator's reset (a lost phone): the account enrols again at its next login.
  Result<store::User> reset_second_factor(const Principal& p, const Origin& from, int64_t user_id);

  // Without asking who (the CLI's `user add`, the demo). `password_hash`, when given, is the hash of `in.password`
  // already made (hash_of): the demo's accounts share one published password, and hashing it once per account was
  // two thirds of the time a demo store took to load.
  Result<store::User> create_user_as(const audit::Actor& actor, const NewUserInput& in,
                                     const std::optional<std::string>& password_hash = std::nullopt);
  // An argon2id hash of `password` with a fresh salt, as accounts keep it (503 when the hashing queue is full).
  Result<std::string> hash_of(const std::string& password);
  Result<store::User> set_locked_as(const audit::Actor& actor, int64_t user_id, bool locked);
  Result<store::User> reset_second_factor_as(const audit::Actor& actor, int64_t user_id);
  Status set_password_as(const audit::Actor& actor, int64_t user_id, const std::string& password);
  Result<std::optional<store::User>> find_user(const std::string& username);

  const Clock& clock() const { return clock_; }

 private:
  Result<db::Connection*> conn();
  Result<LoginResult> open_session(db::Connection& c, const store::User& u, const Origin& from);
  // After the password: a session, or a pending login when the account needs its second factor.
  Result<LoginResult> password_accepted(db::Connection& c, const store::User& u, const Origin& from);
  // Completes a login: the account's last login, the login log, the session.
  Result<LoginResult> finish_login(db::Connection& c, const store::User& u, const Origin& from, const std::string& how);
  Result<std::pair<store::Challenge, store::User>> pending_login(db::Connection& c, const std::string& pending_token,
                                                                  const Origin& from);
  Result<LoginResult> check_login(const std::string& username, const std::string& password, const Origin& from);
  // The per-node limits, kept in memory (they protect this node's CPU): 429 with Retry-After when over.
  // Every attempt of an address counts, before the store is read; the node's total counts the attempts that are
  // about to hash (a refusal of a locked name costs no hash).
  Status admit_attempt(const std::string& ip);
  Status admit_hash();
  // A successful attempt does not count against its address.
  void give_back_attempt(const std::string& ip);
  // Verifies against the account's hash, or a dummy one when there is no account (same effort); 429 past the node's
  // total, 503 when the hashing queue is full.
  Result<bool> password_matches(const std::optional<store::User>& u, const std::string& password);
  // Counts a wrong password (or second-factor code) of `username` at the address and logs it, inside the caller's
  // transaction; returns the lock's seconds when this failure locked the name there.
  Result<std::optional<int64_t>> count_failure(db::Connection& c, const std::string& username,
                                               std::optional<int64_t> user_id, const Origin& from,
                                               const std::string& reason);
  std::optional<std::string> new_password_problem(const std::string& password, const PasswordOwner& owner) const;

  std::shared_ptr<db::Database> db_;
  const Clock& clock_;
  LockoutPolicy lockout_;
  SessionPolicy sessions_;
  BindingCheck check_binding_;
  SecondFactorPolicy second_factor_;
  WeakPasswords weak_;
  Dictionary dictionary_;
  password::Hasher hasher_;
  std::mutex limits_mu_;  // guards the buckets below
  Bucket node_attempts_;
  std::unordered_map<std::string, Bucket> address_attempts_;
};

// The internal interface of the area's service: for the platform and other modules' services and jobs, inside
// their transaction (the connection is theirs). Each trusts its caller — no principal, no authorization — unless it
// takes the principal it authorizes.
namespace internal {
// The caller a background job acts for: the job's owner as a principal (nullopt if the account is gone or locked).
Result<std::optional<Principal>> principal_of(db::Connection& c, int64_t user_id);
// A background job acts for its owner, who must still have a usable account (403 otherwise).
Result<Principal> job_owner(db::Connection& c, std::optional<int64_t> owner);
// Failed logins since `since` (the status page) and whether any account exists (a store is "live").
Result<int64_t> failed_logins_since(db::Connection& c, int64_t since);
Result<bool> has_accounts(db::Connection& c);
// For other areas, inside their transaction: whether a user holds a role.
Result<bool> user_has_role(db::Connection& c, int64_t user_id, Role role);
// For other areas' displays: a user's display name ("" when there is no such user).
Result<std::string> display_name_of(db::Connection& c, int64_t user_id);
// The active accounts of an enterprise or a provider (whom a reminder reaches).
Result<std::vector<int64_t>> accounts_of(db::Connection& c, std::optional<int64_t> enterprise_id,
                                         std::optional<int64_t> provider_id);
}  // namespace internal

audit::Actor actor_of(const Principal& p, const Origin& from);
// The user as recorded in the audit trail: never the password hash.
std::string audit_json(const store::User& u);

}  // namespace sz::auth
