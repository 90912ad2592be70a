#include "auth/service.h"

#include <boost/json.hpp>

#include "audit/service.h"
#include "auth/password.h"
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

Error locked_error(int64_t until) {
  if (until == 0) return err::locked("账户已被管理员锁定，请联系管理员解锁");
  return err::locked("连续登录失败次数过多，账户已锁定，请于 " + shanghai_time(until) + " 后重试或联系管理员解锁");
}
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
                 BindingCheck check_binding, SecondFactorPolicy second_factor)
    : db_(std::move(db)), clock_(clock), lockout_(lockout), sessions_(sessions),
      check_binding_(std::move(check_binding)), second_factor_(std::move(second_factor)) {}

Result<db::Connection*> Service::conn() { return db_->local(); }

Result<LoginResult> Service::login(const std::string& username, const std::string& password, const Origin& from) {
  SZ_ASSIGN(auto* c, conn());
  const int64_t now = clock_.now();
  SZ_ASSIGN(auto found, store::user_by_name(*c, username));
  auto log = [&](std::optional<int64_t> uid, bool success, const std::string& reason) {
    if (!success) metrics::registry().inc("shuzhuan_login_failures_total");
    return store::log_login(*c, {0, now, username.substr(0, 64), uid, success, reason, from.ip});
  };
  if (!found) {
    password::verify_dummy(password);
    SZ_TRY(log(std::nullopt, false, "用户不存在"));
    return err::unauthorized("用户名或密码错误");
  }
  store::User& u = *found;
  if (u.locked_by_admin) {
    SZ_TRY(log(u.id, false, "账户被管理员锁定"));
    return locked_error(0);
  }
  if (u.locked_until && *u.locked_until > now) {
    SZ_TRY(log(u.id, false, "账户锁定中"));
    return locked_error(*u.locked_until);
  }
  if (!password::verify(u.password_hash, password)) {
    SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
    SZ_ASSIGN(auto until, count_failure(*c, u.id));
    SZ_TRY(log(u.id, false, until ? "密码错误，账户已锁定" : "密码错误"));
    SZ_TRY(tx->commit());
    if (until) return locked_error(*until);
    return err::unauthorized("用户名或密码错误");
  }
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto result, password_accepted(*c, u, from));
  SZ_TRY(tx->commit());
  return result;
}

Result<std::optional<int64_t>> Service::count_failure(db::Connection& c, int64_t user_id) {
  SZ_ASSIGN(int64_t failed, store::add_failure(c, user_id));
  if (failed < lockout_.max_failures) return std::optional<int64_t>{};
  const int64_t until = clock_.now() + lockout_.lock_seconds;
  SZ_TRY(store::lock_until(c, user_id, until));
  return std::optional<int64_t>(until);
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
  if (u->locked_by_admin) return err::locked("账户已被管理员锁定，请联系管理员解锁");
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

Result<store::User> Service::create_user_as(const audit::Actor& actor, const NewUserInput& in) {
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
  if (auto why = password_problem(in.username, in.password)) return err::invalid("password", *why);
  SZ_ASSIGN(auto* c, conn());
  std::string hash = password::hash(in.password);  // before the transaction: it takes ~0.1 s
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
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

Status Service::change_own_password(const Principal& p, const Origin& from, const std::string& old_pw,
                                    const std::string& new_pw) {
  SZ_ASSIGN(auto* c, conn());
  SZ_ASSIGN(auto u, store::user_by_id(*c, p.user_id));
  if (!u || !password::verify(u->password_hash, old_pw)) return err::invalid("old_password", "原密码错误");
  return set_password_as(actor_of(p, from), p.user_id, new_pw);
}

Status Service::set_password_as(const audit::Actor& actor, int64_t user_id, const std::string& pw) {
  SZ_ASSIGN(auto* c, conn());
  SZ_ASSIGN(auto u, store::user_by_id(*c, user_id));
  if (!u) return err::not_found("用户不存在");
  if (auto why = password_problem(u->username, pw)) return err::invalid("password", *why);
  std::string hash = password::hash(pw);
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_TRY(store::set_password(*c, user_id, hash, clock_.now()));
  SZ_TRY(store::revoke_user_sessions(*c, user_id));  // a new password ends every open session
  // The audit entry says that the password changed, never what it is.
  SZ_TRY(audit::record(*c, clock_.now(), actor, "user.password", "user", std::to_string(user_id), "",
                       R"({"password":"（已修改）"})"));
  return tx->commit();
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

Result<std::optional<Principal>> Service::principal_of(db::Connection& c, int64_t user_id) {
  SZ_ASSIGN(auto u, store::user_by_id(c, user_id));
  if (!u || u->locked_by_admin) return std::optional<Principal>{};
  return std::optional<Principal>(principal_from(*u));
}

Result<Principal> Service::job_owner(db::Connection& c, std::optional<int64_t> owner) {
  if (!owner) return err::forbidden("任务没有发起人");
  SZ_ASSIGN(auto p, principal_of(c, *owner));
  if (!p) return err::forbidden("任务发起人的账号已不可用");
  return *p;
}

Result<int64_t> Service::failed_logins_since(db::Connection& c, int64_t since) {
  store::LoginFilter f;
  f.success = false;
  f.from = since;
  return store::count_logins(c, f);
}

Result<bool> Service::has_accounts(db::Connection& c) {
  SZ_ASSIGN(int64_t n, store::count_users(c));
  return n > 0;
}

Result<std::vector<int64_t>> Service::accounts_of(db::Connection& c, std::optional<int64_t> enterprise_id,
                                                  std::optional<int64_t> provider_id) {
  return store::accounts_of(c, enterprise_id, provider_id);
}

Result<std::string> Service::display_name_of(db::Connection& c, int64_t user_id) {
  SZ_ASSIGN(auto u, store::user_by_id(c, user_id));
  return u ? u->display_name : std::string();
}

Result<bool> Service::user_has_role(db::Connection& c, int64_t user_id, Role role) {
  SZ_ASSIGN(auto u, store::user_by_id(c, user_id));
  return u && std::find(u->roles.begin(), u->roles.end(), role) != u->roles.end();
}

Result<std::optional<store::User>> Service::find_user(const std::string& username) {
  SZ_ASSIGN(auto* c, conn());
  return store::user_by_name(*c, username);
}

}  // namespace sz::auth
