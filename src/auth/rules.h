// Password policy, lockout, login throttling and account bindings — pure rules, no I/O. Private to auth; the roles,
// the caller and data scope every area uses are auth/principal.h.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/principal.h"

namespace sz::auth {

// Weak passwords beyond cracklib's English dictionary (data/common-passwords.json, versioned): whole passwords,
// words that with only digits and symbols added make one (pinyin such as zhangsan, woaini, keyboard runs such as qwe),
// and the names of the platform and the city that no password may contain.
struct WeakPasswords {
  std::string version;
  std::vector<std::string> passwords, words, names;  // lowercase
};

// Whose password it is: it may contain neither their username nor their name.
struct PasswordOwner {
  std::string username, display_name;
};

// Password policy: 8–128 characters (code points, not bytes), three of four classes (upper, lower, digit, other),
// none of the owner's names, the platform's names or the common passwords. Returns the Chinese reason when refused.
// The dictionary check (cracklib) is not pure; the service adds it.
std::optional<std::string> password_problem(const std::string& password, const PasswordOwner& owner,
                                            const WeakPasswords& weak);

// Login throttling. Lockouts count per (username, address) in the store, for known and unknown names alike, so that
// the answer tells nothing of who exists and an attacker elsewhere cannot lock an official out of their own office.
// The per-address and per-node attempt limits protect one node's CPU from argon2id floods (parameters are
// configuration, not constants in code).
struct LockoutPolicy {
  int max_failures = 5;             // consecutive failures of one name from one address before it is locked there
  int64_t lock_seconds = 15 * 60;   // and how long (also how long a failure is remembered)
  int per_address_per_minute = 20;  // attempts one address may start on this node (successful logins given back)
  int per_node_per_second = 10;     // password checks this node starts from all addresses together
};

// The Chinese answer to a name locked at an address: the same text for every name, known or not.
std::string locked_message(int64_t seconds_left);

// A token bucket: up to `capacity` at once, refilled at `per_second`. The per-node attempt limits count with it.
struct Bucket {
  double tokens = 0;
  int64_t at = 0;  // when `tokens` was last brought up to date (seconds)
};
struct BucketRate {
  double capacity = 1, per_second = 1;
};
Bucket full_bucket(const BucketRate& rate, int64_t now);
// Takes one token: nullopt when taken, otherwise the whole seconds until one is there (at least 1).
std::optional<int64_t> take_token(Bucket& b, const BucketRate& rate, int64_t now);
void give_back_token(Bucket& b, const BucketRate& rate);
// Whether the bucket has refilled completely by `now` (so forgetting it changes nothing).
bool bucket_full(const Bucket& b, const BucketRate& rate, int64_t now);

// The binding each role needs: a district officer a district, an enterprise user an enterprise, …; and 三员分立:
// a system, security or audit administrator holds that role alone.
std::optional<std::string> binding_problem(const std::vector<Role>& roles, const std::optional<std::string>& district,
                                           const std::optional<int64_t>& enterprise_id,
                                           const std::optional<int64_t>& provider_id);

// Usernames: 3–32 of [A-Za-z0-9_.-], starting with a letter.
bool valid_username(const std::string& u);

}  // namespace sz::auth
