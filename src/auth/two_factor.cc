// The second step of a login (等保2.0 三级: two factors for administrators): the password gives a pending token;
// the token with a TOTP code (RFC 6238) or a recovery code gives the session. An account without a second factor
// that must have one enrols with its pending token: a secret shown once, confirmed by its first code, which also
// returns the ten recovery codes, shown once.
#include "audit/service.h"
#include "auth/service.h"
#include "auth/totp.h"
#include "infra/crypto.h"

namespace sz::auth {

namespace {
const char* kPendingGone = "登录验证已失效，请重新输入用户名和密码";
}  // namespace

Result<LoginResult> Service::password_accepted(db::Connection& c, const store::User& u, const Origin& from) {
  const bool required = second_factor_.required_for_administrators && is_administrator(u.roles);
  if (!u.totp_enrolled && !required) return finish_login(c, u, from, "登录成功");
  PendingLogin pending{crypto::random_token(), clock_.now() + second_factor_.pending_seconds, !u.totp_enrolled};
  SZ_TRY(store::insert_challenge(c, crypto::sha256_hex(pending.token), u.id, clock_.now(), pending.expires_at, from.ip));
  LoginResult r;
  r.user = u;
  r.pending = std::move(pending);
  return r;
}

Result<std::pair<store::Challenge, store::User>> Service::pending_login(db::Connection& c,
                                                                         const std::string& pending_token,
                                                                         const Origin& from) {
  if (pending_token.empty() || pending_token.size() > 128) return err::unauthorized(kPendingGone);
  SZ_ASSIGN(auto ch, store::open_challenge(c, crypto::sha256_hex(pending_token)));
  if (!ch || clock_.now() >= ch->expires_at) return err::unauthorized(kPendingGone);
  SZ_ASSIGN(auto u, store::user_by_id(c, ch->user_id));
  if (!u) return err::unauthorized(kPendingGone);
  // The password was right, so saying that the account is locked tells nothing to someone who does not hold it.
  // A lock of the name at another address (someone else guessing) does not stop its owner here.
  SZ_ASSIGN(auto locked_here, store::locked_until(c, u->username, from.ip, clock_.now()));
  if (u->locked_by_admin || locked_here)
    return err::locked("账户已锁定，请稍后重试或联系安全管理员解锁");
  return std::pair{*ch, std::move(*u)};
}

Result<Enrolment> Service::start_enrolment(const std::string& pending_token, const Origin& from) {
  SZ_ASSIGN(auto* c, conn());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto found, pending_login(*c, pending_token, from));
  const store::User& u = found.second;
  if (u.totp_enrolled) return err::conflict("code", "该账号已启用双因素登录，请输入动态口令");
  Enrolment e;
  e.secret = totp::new_secret();
  e.otpauth_uri = totp::otpauth_uri(second_factor_.issuer, u.username, e.secret);
  SZ_TRY(store::start_totp(*c, u.id, e.secret, clock_.now()));
  SZ_TRY(tx->commit());
  return e;
}

Result<LoginResult> Service::second_factor(const std::string& pending_token, const std::string& code,
                                           const std::string& recovery_code, const Origin& from) {
  if (code.empty() == recovery_code.empty()) return err::invalid("code", "请输入动态口令或恢复码（二者选一）");
  SZ_ASSIGN(auto* c, conn());
  SZ_ASSIGN(auto tx, db::Transaction::begin(*c));
  SZ_ASSIGN(auto found, pending_login(*c, pending_token, from));
  auto& [challenge, u] = found;
  const int64_t now = clock_.now();
  SZ_ASSIGN(auto secret, store::totp_of(*c, u.id));
  const bool enrolling = !u.totp_enrolled;
  if (enrolling && !secret) return err::invalid("code", "请先获取密钥并在身份验证器中添加账号");
  if (enrolling && !recovery_code.empty()) return err::invalid("recovery_code", "尚未启用双因素登录，没有恢复码");

  bool accepted = false;
  if (code.empty()) {
    SZ_ASSIGN(accepted, store::use_recovery_code(*c, u.id, crypto::sha256_hex(totp::canonical_recovery_code(recovery_code)), now));
  } else if (auto step = secret ? totp::matching_step(secret->secret, now, code) : std::nullopt) {
    // A code already used (its step is not newer than the last one taken) is refused like a wrong one.
    SZ_ASSIGN(accepted, store::accept_totp_step(*c, u.id, *step, now));
  }
  if (!accepted) {
    SZ_ASSIGN(auto until, count_failure(*c, u.username, u.id, from, code.empty() ? "恢复码错误" : "动态口令错误"));
    SZ_ASSIGN(int64_t failures, store::add_challenge_failure(*c, challenge.id));
    const bool ended = until || failures >= second_factor_.max_code_failures;
    if (ended) SZ_TRY(store::close_challenge(*c, challenge.id));
    SZ_TRY(tx->commit());
    if (until) return err::locked("验证失败次数过多，账户已锁定，请稍后重试或联系安全管理员解锁");
    if (ended) return err::unauthorized("验证失败次数过多，请重新登录");
    return err::unauthorized(code.empty() ? "恢复码错误或已使用" : "动态口令错误或已使用，请输入身份验证器中的最新口令");
  }

  std::vector<std::string> recovery_codes;
  if (enrolling) {
    recovery_codes = totp::new_recovery_codes();
    std::vector<std::string> hashes;
    for (const auto& rc : recovery_codes) hashes.push_back(crypto::sha256_hex(totp::canonical_recovery_code(rc)));
    SZ_TRY(store::replace_recovery_codes(*c, u.id, hashes));
    Principal self;  // the account enrols itself
    self.user_id = u.id;
    self.username = u.username;
    self.roles = u.roles;
    SZ_TRY(audit::record(*c, now, actor_of(self, from), "user.totp_enrol", "user", std::to_string(u.id), "",
                         R"({"second_factor":"TOTP","recovery_codes":10})"));
    u.totp_enrolled = true;
  }
  SZ_TRY(store::close_challenge(*c, challenge.id));
  SZ_ASSIGN(auto result, finish_login(*c, u, from, code.empty() ? "登录成功（恢复码）" : "登录成功（动态口令）"));
  result.recovery_codes = std::move(recovery_codes);
  if (!recovery_code.empty()) {
    SZ_ASSIGN(result.recovery_codes_left, store::recovery_codes_left(*c, u.id));
  }
  SZ_TRY(tx->commit());
  return result;
}

}  // namespace sz::auth
