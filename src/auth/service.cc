#include "auth/service.h"

#include <boost/json.hpp>

#include "audit/service.h"
#include "infra/crypto.h"
#include "infra/metrics.h"

namespace sz::auth {

namespace bj = boost::json;

namespace {
std::string roles_csv(const std::vector<Role>& roles) {
  std::string s;
  for (Role r : roles) {
    if (!s.empty()) s += ',';
    s += role_code(r);
  }
  return s;
}

// 三员分立: accounts and roles are the security administrator's duty alone.
Status require_security_admin(const Principal& p) {
  if (!p.has(Role::security_admin)) return err::forbidden("仅安全管理员可以管理账号和角色");
  return ok();
}

// The account as a caller, with the scope its roles and bindings give.
Principal principal_from(const store::User& u) {
  Principal p;
  p.user_id = u.id;
  p.username = u.username;
  p.display_name = u.display_name;
  p.roles = u.roles;
  p.district = u.district;
  p.enterprise_id = u.enterprise_id;
  p.provider_id = u.provider_id;
  return p;
}

Error admin_locked() { return err::locked("账户已被管理员锁定，请联系管理员解锁"); }

// The same answer, word for word, for a name with an account and one without.
Error locked_at_address(int64_t seconds_left) {
  Error e = err::locked(locked_message(seconds_left));
  e.retry_after = seconds_left;
  return e;
}

Error hashing_busy() {
  return {503, "busy", "当前登录的人较多，请稍后重试", {}, "password hashing queue full", 1};
}

// An address may try its per-minute allowance at once, then at that pace; the node takes a second's worth at once.
BucketRate address_rate(const LockoutPolicy& p) {
  return {static_cast<double>(p.per_address_per_minute), p.per_address_per_minute / 60.0};
}
BucketRate node_rate(const LockoutPolicy& p) {
  return {static_cast<double>(p.per_node_per_second), static_cast<double>(p.per_node_per_second)};
}

// Buckets of addresses that have not tried for a while are full again and carry nothing: forget them past this many.
constexpr size_t kAddressesKept = 4096;
}  // namespace

std::string audit_json(const store::User& u) {
  bj::array roles;
  for (Role r : u.roles) roles.emplace_back(role_code(r));
  bj::object o{{"id", u.id},
               {"username", u.username},
               {"display_name", u.display_name},
               {"roles", std::move(roles)},
               {"district", u.district ? bj::value(*u.district) : bj::value(nullptr)},
               {"enterprise_id", u.enterprise_id ? bj::value(*u.enterprise_id) : bj::value(nullptr)},
               {"provider_id", u.provider_id ? bj::value(*u.provider_id) : bj::value(nullptr)},
               {"locked_by_admin", u.locked_by_admin},
               {"totp_enrolled", u.totp_enrolled}};
  return bj::serialize(o);
}

audit::Actor actor_of(const Principal& p, const Origin& from) {
  return {p.user_id, p.username, roles_csv(p.roles), from.request_id, from.ip};
}

Service::Service(std::shared_ptr<db::Database> db, const Clock& clock, LockoutPolicy lockout, SessionPolicy sessions,
                 PasswordPolicy passwords, password::PoolLimits hashing, SecondFactorPolicy second_factor)
    : db_(std::move(db)), clock_(clock), lockout_(lockout), sessions_(sessions),
      second_factor_(std::move(second_factor)), weak_(std::move(passwords.weak)),
      dictionary_(passwords.cracklib_dict), hasher_(hashing),
      node_attempts_(full_bucket(node_rate(lockout_), clock_.now())) {}

Result<WeakPasswords> Service::parse_weak_passwords(std::string_view json) {
  boost::system::error_code ec;
  auto v = bj::parse(json, ec);
  if (ec || !v.is_object()) return err::internal("common-passwords.json is not a JSON object");
  const auto& o = v.as_object();
  WeakPasswords w;
  if (!o.contains("version") || !o.at("version").is_string()) return err::internal("common-passwords.json: version");
  w.version = o.at("version").as_string();
  for (auto [key, list] : {std::pair{"passwords", &w.passwords}, std::pair{"words", &w.words}, std::pair{"names", &w.names}}) {
    const auto* a = o.if_contains(key);
    if (!a || !a->is_array()) return err::internal(std::string("common-passwords.json: ") + key + " is not a list");
    for (const auto& x : a->as_array()) {
      // Matching is on lowercase text: an entry with capitals would never match anything.
      auto capital = [](char ch) { return std::isupper(static_cast<unsigned char>(ch)) != 0; };
      if (!x.is_string() || std::any_of(x.as_string().begin(), x.as_string().end(), capital))
        return err::internal(std::string("common-passwords.json: ") + key + " holds a non-lowercase entry");
      list->emplace_back(x.as_string());
    }
  }
  return w;
}

Result<db::Connection*> Service::conn() { return db_->local(); }

Status Service::admit_attempt(const std::string& ip) {
  const int64_t now = clock_.now();
  std::lock_guard lock(limits_mu_);
  if (address_attempts_.size() > kAddressesKept)
    std::erase_if(address_attempts_, [&](const auto& a) { return bucket_full(a.second, address_rate(lockout_), now); });
  auto it = address_attempts_.try_emplace(ip, full_bucket(address_rate(lockout_), now)).first;
  if (auto wait = take_token(it->second, address_rate(lockout_), now))
    return err::too_many("本地址登录尝试过于频繁，请 " + std::to_string(*wait) + " 秒后再试", *wait);
  return ok();
}

Status Service::admit_hash() {
  std::lock_guard lock(limits_mu_);
  if (auto wait = take_token(node_attempts_, node_rate(lockout_), clock_.now()))
    return err::too_many("登录请求过多，请 " + std::to_string(*wait) + " 秒后再试", *wait);
  return ok();
}

void Service::give_back_attempt(const std::string& ip) {
  std::lock_guard lock(limits_mu_);
  if (auto it = address_attempts_.find(ip); it != address_attempts_.end()) give_back_token(it->second, address_rate(lockout_));
}

Result<bool> Service::password_matches(const std::optional<store::User>& u, const std::string& password) {
  SZ_TRY(admit_hash());
  auto match = u ? hasher_.verify(u->password_hash, password) : hasher_.verify_dummy(password);
  if (!match) return hashing_busy();
  return u && *match;
}

Result<std::optional<int64_t>> Service::count_failure(db::Connection& c, const std::string& username,
                                                      std::optional<int64_t> user_id, const Origin& from,
                                                      const std::string& reason) {
  const int64_t now = clock_.now();
  SZ_ASSIGN(int64_t failures, store::add_failure(c, username, from.ip, now, now - lockout_.lock_seconds));
  std::optional<int64_t> lock;
  if (failures >= lockout_.max_failures) {
    lock = lockout_.lock_seconds;
    SZ_TRY(store::lock_at(c, username, from.ip, now + *lock));
  }
  SZ_TRY(store::forget_throttle_before(c, now - lockout_.lock_seconds, now));
  metrics::registry().inc("shuzhuan_login_failures_total");
  SZ_TRY(store::log_login(c, {0, now, username, user_id, false, lock ? reason + "，本地址暂停登录" : reason, from.ip}));
  return lock;
}

Result<LoginResult> Service::login(const std::string& username, const std::string& password, const Origin& from) {
  SZ_TRY(admit_attempt(from.ip));
  auto r = check_login(username.substr(0, 64), password, from);
  if (r) give_back_attempt(from.ip);
  return r;
}

// Every step costs the same for a name with an account and one without: the lock is looked up by (name, address)
// before any hashing, a wrong password is counted under the name either way, and the dummy hash stands in for a
// missing account. The admin's lock is told only to someone who knows the password.
Result<LoginResult> Service::check_login(const std::string& username, const std::string& password, const Origin& from) {
  SZ_ASSIGN(auto* c, conn());
  const int64_t now = clock_.now();
  SZ_ASSIGN(auto found, store::user_by_name(*c, username));
  std::optional<int64_t> uid = found ? std::optional<int64_t>(found->id) : std::nullopt;
  auto log = [&](bool success, const std::string& reason) {
    if (!success) metrics::registry().inc("shuzhuan_login_failures_total");
    return store::log_login(*c, {0, now, username, uid, success, reason, from.ip});
  };
  SZ_ASSIGN(auto locked, store::locked_until(*c, username, from.ip, now));
  if (locked) {
    SZ_TRY(log(false, "本地址暂停登录中"));
    return locked_at_address(*locked - now);
  }
  SZ_ASSIGN(bool right, password_matches(found, password));
  if (!right) {
    SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
    SZ_ASSIGN(auto lock, count_failure(*c, username, uid, from, found ? "密码错误" : "用户不存在"));
    SZ_TRY(tx->commit());
    if (lock) return locked_at_address(*lock);
    return err::unauthorized("用户名或密码错误");
  }
  if (found->locked_by_admin) {
    SZ_TRY(log(false, "账户被管理员锁定"));
    return admin_locked();
  }
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_TRY(store::clear_throttle(*c, username, from.ip));
  SZ_ASSIGN(auto result, password_accepted(*c, *found, from));
  SZ_TRY(tx->commit());
  return result;
}

Result<LoginResult> Service::finish_login(db::Connection& c, const store::User& u, const Origin& from,
                                          const std::string& how) {
  const int64_t now = clock_.now();
  SZ_TRY(store::record_login(c, u.id, now));
  SZ_TRY(store::log_login(c, {0, now, u.username, u.id, true, how, from.ip}));
  return open_session(c, u, from);
}

Result<LoginResult> Service::open_session(db::Connection& c, const store::User& u, const Origin& from) {
  LoginResult r;
  r.token = crypto::random_token();
  r.csrf_token = crypto::random_token();
  r.expires_at = clock_.now() + sessions_.max_seconds;
  r.user = u;
  SZ_TRY(store::insert_session(c, crypto::sha256_hex(r.token), crypto::sha256_hex(r.csrf_token), u.id, clock_.now(),
                               r.expires_at, from.ip));
  return r;
}

Status Service::logout(const Principal& p, const Origin&) {
  SZ_ASSIGN(auto* c, conn());
  return store::revoke_session(*c, p.session_id);
}

Result<Principal> Service::authenticate(const std::string& token, bool via_cookie,
                                        const std::optional<std::string>& csrf, bool is_write) {
  const auto expired = err::unauthorized("登录已过期，请重新登录");
  if (token.empty() || token.size() > 128) return err::unauthorized("请先登录");
  SZ_ASSIGN(auto* c, conn());
  const int64_t now = clock_.now();
  SZ_ASSIGN(auto s, store::live_session(*c, crypto::sha256_hex(token)));
  if (!s) return expired;
  if (now >= s->expires_at || now - s->last_seen_at >= sessions_.idle_seconds) {
    SZ_TRY(store::revoke_session(*c, s->id));
    return expired;
  }
  if (via_cookie && is_write && (!csrf || !crypto::equal(crypto::sha256_hex(*csrf), s->csrf_hash)))
    return err::forbidden("缺少或无效的 CSRF 令牌，请刷新页面后重试");
  SZ_ASSIGN(auto u, store::user_by_id(*c, s->user_id));
  if (!u) return expired;
  if (u->locked_by_admin) return admin_locked();
  // Refresh last use at most once a minute: a write per request would serialise every reader on SQLite.
  if (now - s->last_seen_at >= 60) SZ_TRY(store::touch_session(*c, s->id, now));
  Principal p = principal_from(*u);
  p.session_id = s->id;
  p.via_cookie = via_cookie;
  return p;
}

Result<store::User> Service::create_user(const Principal& p, const Origin& from, const NewUserInput& in) {
  SZ_TRY(require_security_admin(p));
  return create_user_as(actor_of(p, from), in);
}

Result<store::User> Service::create_user_as(const audit::Actor& actor, const NewUserInput& in,
                                            const std::optional<std::string>& password_hash) {
  if (!valid_username(in.username))
    return err::invalid("username", "用户名须为3–32位字母、数字、下划线、点或连字符，并以字母开头");
  if (in.display_name.empty()) return err::invalid("display_name", "姓名不能为空");
  std::vector<Role> roles;
  for (const auto& r : in.roles) {
    auto role = parse_role(r);
    if (!role) return err::invalid("roles", "未知角色：" + r);
    if (std::find(roles.begin(), roles.end(), *role) == roles.end()) roles.push_back(*role);
  }
  if (auto why = binding_problem(roles, in.district, in.enterprise_id, in.provider_id)) return err::invalid("roles", *why);
  if (auto why = new_password_problem(in.password, {in.username, in.display_name})) return err::invalid("password", *why);
  SZ_ASSIGN(auto* c, conn());
  std::string hash;
  if (password_hash) {
    hash = *password_hash;
  } else {
    SZ_ASSIGN(hash, hash_of(in.password));  // before the transaction: it takes ~0.1 s
  }
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  if (!check_binding_) return err::internal("no binding check installed");
  SZ_TRY(check_binding_(*c, in));
  SZ_ASSIGN(auto existing, store::user_by_name(*c, in.username));
  if (existing) return err::conflict("username", "用户名已存在：" + in.username);
  store::NewUser nu{in.username, in.display_name, hash, roles, in.district, in.enterprise_id, in.provider_id};
  SZ_ASSIGN(int64_t id, store::insert_user(*c, nu, clock_.now()));
  SZ_ASSIGN(auto created, store::user_by_id(*c, id));
  SZ_TRY(audit::record(*c, clock_.now(), actor, "user.create", "user", std::to_string(id), "", audit_json(*created)));
  SZ_TRY(tx->commit());
  return *created;
}

Result<store::User> Service::set_locked(const Principal& p, const Origin& from, int64_t user_id, bool locked) {
  SZ_TRY(require_security_admin(p));
  if (locked && user_id == p.user_id) return err::invalid("id", "不能锁定自己的账户");
  return set_locked_as(actor_of(p, from), user_id, locked);
}

Result<store::User> Service::set_locked_as(const audit::Actor& actor, int64_t user_id, bool locked) {
  SZ_ASSIGN(auto* c, conn());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto before, store::user_by_id(*c, user_id));
  if (!before) return err::not_found("用户不存在");
  SZ_TRY(store::set_admin_lock(*c, user_id, locked, clock_.now()));
  if (locked) SZ_TRY(store::revoke_user_sessions(*c, user_id));
  // Unlocking also lifts the login pauses of the name at every address.
  if (!locked) SZ_TRY(store::clear_throttle(*c, before->username, std::nullopt));
  SZ_ASSIGN(auto after, store::user_by_id(*c, user_id));
  SZ_TRY(audit::record(*c, clock_.now(), actor, locked ? "user.lock" : "user.unlock", "user",
                       std::to_string(user_id), audit_json(*before), audit_json(*after)));
  SZ_TRY(tx->commit());
  return *after;
}

Result<store::User> Service::reset_second_factor(const Principal& p, const Origin& from, int64_t user_id) {
  SZ_TRY(require_security_admin(p));
  return reset_second_factor_as(actor_of(p, from), user_id);
}

Result<store::User> Service::reset_second_factor_as(const audit::Actor& actor, int64_t user_id) {
  SZ_ASSIGN(auto* c, conn());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto before, store::user_by_id(*c, user_id));
  if (!before) return err::not_found("用户不存在");
  SZ_TRY(store::remove_totp(*c, user_id));
  SZ_TRY(store::revoke_user_sessions(*c, user_id));  // whoever held the lost phone's codes is signed out too
  SZ_ASSIGN(auto after, store::user_by_id(*c, user_id));
  SZ_TRY(audit::record(*c, clock_.now(), actor, "user.totp_reset", "user", std::to_string(user_id),
                       audit_json(*before), audit_json(*after)));
  SZ_TRY(tx->commit());
  return *after;
}

Status Service::reset_password(const Principal& p, const Origin& from, int64_t user_id, const std::string& pw) {
  SZ_TRY(require_security_admin(p));
  return set_password_as(actor_of(p, from), user_id, pw);
}

// A wrong old password counts like a failed login of the name at the address (the same throttle and lock).
Status Service::change_own_password(const Principal& p, const Origin& from, const std::string& old_pw,
                                    const std::string& new_pw) {
  SZ_TRY(admit_attempt(from.ip));
  SZ_ASSIGN(auto* c, conn());
  const int64_t now = clock_.now();
  SZ_ASSIGN(auto locked, store::locked_until(*c, p.username, from.ip, now));
  if (locked) return locked_at_address(*locked - now);
  SZ_ASSIGN(auto u, store::user_by_id(*c, p.user_id));
  SZ_ASSIGN(bool right, password_matches(u, old_pw));
  if (!right) {
    SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
    SZ_ASSIGN(auto lock, count_failure(*c, p.username, p.user_id, from, "修改密码时原密码错误"));
    SZ_TRY(tx->commit());
    if (lock) return locked_at_address(*lock);
    return err::invalid("old_password", "原密码错误");
  }
  give_back_attempt(from.ip);
  SZ_TRY(store::clear_throttle(*c, p.username, from.ip));
  return set_password_as(actor_of(p, from), p.user_id, new_pw);
}

Status Service::set_password_as(const audit::Actor& actor, int64_t user_id, const std::string& pw) {
  SZ_ASSIGN(auto* c, conn());
  SZ_ASSIGN(auto u, store::user_by_id(*c, user_id));
  if (!u) return err::not_found("用户不存在");
  if (auto why = new_password_problem(pw, {u->username, u->display_name})) return err::invalid("password", *why);
  SZ_ASSIGN(std::string hash, hash_of(pw));
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_TRY(store::set_password(*c, user_id, hash, clock_.now()));
  SZ_TRY(store::revoke_user_sessions(*c, user_id));  // a new password ends every open session
  // The audit entry says that the password changed, never what it is.
  SZ_TRY(audit::record(*c, clock_.now(), actor, "user.password", "user", std::to_string(user_id), "",
                       R"({"password":"（已修改）"})"));
  return tx->commit();
}

std::optional<std::string> Service::new_password_problem(const std::string& pw, const PasswordOwner& owner) const {
  if (auto why = password_problem(pw, owner, weak_)) return why;
  return dictionary_.problem(pw, owner);
}

Result<std::string> Service::hash_of(const std::string& pw) {
  auto hash = hasher_.hash(pw);
  if (!hash) return hashing_busy();
  return *hash;
}

Result<Page> Service::list_users(const Principal& p, const std::string& q, std::optional<Role> role, int64_t limit,
                                 int64_t offset) {
  if (!(p.has(Role::city_admin) && role == Role::expert)) SZ_TRY(require_security_admin(p));
  SZ_ASSIGN(auto* c, conn());
  const std::string role_code_or_all = role ? role_code(*role) : "";
  Page page;
  SZ_ASSIGN(page.items, store::list_users(*c, q, role_code_or_all, limit, offset));
  SZ_ASSIGN(page.total, store::count_users(*c, q, role_code_or_all));
  return page;
}

Result<std::vector<store::LoginAttempt>> Service::login_log(const Principal& p, const store::LoginFilter& f,
                                                            int64_t limit, int64_t offset, int64_t* total) {
  if (!p.has(Role::audit_admin)) return err::forbidden("仅审计管理员可以查看登录日志");
  SZ_ASSIGN(auto* c, conn());
  SZ_ASSIGN(*total, store::count_logins(*c, f));
  return store::list_logins(*c, f, limit, offset);
}

Result<std::optional<Principal>> internal::principal_of(db::Connection& c, int64_t user_id) {
  SZ_ASSIGN(auto u, store::user_by_id(c, user_id));
  if (!u || u->locked_by_admin) return std::optional<Principal>{};
  return std::optional<Principal>(principal_from(*u));
}

Result<Principal> internal::job_owner(db::Connection& c, std::optional<int64_t> owner) {
  if (!owner) return err::forbidden("任务没有发起人");
  SZ_ASSIGN(auto p, principal_of(c, *owner));
  if (!p) return err::forbidden("任务发起人的账号已不可用");
  return *p;
}

Result<int64_t> internal::failed_logins_since(db::Connection& c, int64_t since) {
  store::LoginFilter f;
  f.success = false;
  f.from = since;
  return store::count_logins(c, f);
}

Result<bool> internal::has_accounts(db::Connection& c) {
  SZ_ASSIGN(int64_t n, store::count_users(c));
  return n > 0;
}

Result<std::vector<int64_t>> internal::accounts_of(db::Connection& c, std::optional<int64_t> enterprise_id,
                                                   std::optional<int64_t> provider_id) {
  return store::accounts_of(c, enterprise_id, provider_id);
}

Result<std::string> internal::display_name_of(db::Connection& c, int64_t user_id) {
  SZ_ASSIGN(auto u, store::user_by_id(c, user_id));
  return u ? u->display_name : std::string();
}

Result<bool> internal::user_has_role(db::Connection& c, int64_t user_id, Role role) {
  SZ_ASSIGN(auto u, store::user_by_id(c, user_id));
  return u && std::find(u->roles.begin(), u->roles.end(), role) != u->roles.end();
}

Result<std::optional<store::User>> Service::find_user(const std::string& username) {
  SZ_ASSIGN(auto* c, conn());
  return store::user_by_name(*c, username);
}

}  // namespace sz::auth
