#include "auth/api.h"

#include "infra/http/client_ip.h"
#include "infra/log.h"

namespace sz::auth {

namespace bj = boost::json;

Origin origin_of(const http::Request& r) { return {r.client_ip.empty() ? r.peer : r.client_ip, r.request_id}; }

namespace {
http::Response finish(Result<http::Response> r) {
  if (r) return std::move(r).value();
  const Error& e = r.error();
  if (e.status >= 500) log::error("error", {{"code", e.code}, {"detail", e.detail}});
  return json::error_reply(e);
}

template <class F>
http::Response guarded(F&& f) {
  try {
    return finish(f());
  } catch (const std::exception& ex) {
    return finish(err::internal(std::string("exception: ") + ex.what()));
  }
}

bool is_write(const std::string& method) { return method != "GET" && method != "HEAD" && method != "OPTIONS"; }

const Error kCrossSite = err::forbidden("拒绝跨站请求：请在本站页面上操作");
}  // namespace

void Routes::pub(const std::string& method, const std::string& pattern, Public h) {
  router_.add(method, pattern, [h = std::move(h)](http::Request& req) { return guarded([&] { return h(req); }); });
}

Result<Principal> Routes::caller(const http::Request& req) {
  std::string token;
  bool via_cookie = false;
  if (auto a = req.header("authorization"); a && a->rfind("Bearer ", 0) == 0) {
    token = a->substr(7);
  } else if (auto c = req.cookie("sz_session")) {
    token = *c;
    via_cookie = true;
  }
  if (token.empty()) return err::unauthorized("请先登录");
  // Only a browser sends the cookie by itself, and every browser names the page of a write in Origin (or Referer):
  // a write that names no page of this site is not this site's.
  if (via_cookie && is_write(req.method) && http::provenance(req) != http::Provenance::same_site) return kCrossSite;
  return auth_.authenticate(token, via_cookie, req.header("x-csrf-token"), is_write(req.method));
}

http::Handler Routes::signed_in(Authed h) {
  return [this, h = std::move(h)](http::Request& req) {
    std::string actor;
    auto res = guarded([&]() -> Result<http::Response> {
      SZ_ASSIGN(auto p, caller(req));
      actor = p.username;
      return h(req, p);
    });
    res.actor = actor;
    return res;
  };
}

void Routes::authed(const std::string& method, const std::string& pattern, Authed h) {
  router_.add(method, pattern, signed_in(std::move(h)));
}

void Routes::upload(const std::string& method, const std::string& pattern, Check may, Authed h) {
  auto admit = [this, may = std::move(may)](http::Request& req) -> std::optional<http::Response> {
    std::string actor;
    Status judged = [&]() -> Status {
      try {
        SZ_ASSIGN(auto p, caller(req));
        actor = p.username;
        return may(req, p);
      } catch (const std::exception& ex) {
        return err::internal(std::string("exception: ") + ex.what());
      }
    }();
    if (judged) return std::nullopt;
    auto res = finish(judged.take_error());
    res.actor = actor;
    return res;
  };
  router_.add(method, pattern, signed_in(std::move(h)), std::move(admit));
}

bj::object user_json(const store::User& u) {
  bj::array roles;
  for (Role r : u.roles) roles.emplace_back(role_code(r));
  auto opt_time = [](const std::optional<int64_t>& t) { return t ? bj::value(iso_utc(*t)) : bj::value(nullptr); };
  return bj::object{
      {"id", u.id},
      {"username", u.username},
      {"display_name", u.display_name},
      {"roles", std::move(roles)},
      {"district", u.district ? bj::value(bj::object{{"code", *u.district}, {"name", u.district_name}}) : bj::value(nullptr)},
      {"enterprise_id", u.enterprise_id ? bj::value(*u.enterprise_id) : bj::value(nullptr)},
      {"provider_id", u.provider_id ? bj::value(*u.provider_id) : bj::value(nullptr)},
      {"locked", u.locked_by_admin},
      {"totp_enrolled", u.totp_enrolled},
      {"locked_until", opt_time(u.locked_until)},
      {"last_login_at", opt_time(u.last_login_at)},
      {"created_at", iso_utc(u.created_at)},
  };
}

namespace {
std::string cookie(const std::string& name, const std::string& value, int64_t max_age, bool http_only, bool secure) {
  std::string c = name + "=" + value + "; Path=/; SameSite=Strict; Max-Age=" + std::to_string(max_age);
  if (http_only) c += "; HttpOnly";
  if (secure) c += "; Secure";
  return c;
}

// A login that opened a session: the token for API clients, the cookies for the browser.
http::Response session_reply(const LoginResult& r, Service& auth, bool secure) {
  bj::object body{{"token", r.token},
                  {"csrf_token", r.csrf_token},
                  {"expires_at", iso_utc(r.expires_at)},
                  {"user", user_json(r.user)}};
  if (!r.recovery_codes.empty()) {
    bj::array codes;
    for (const auto& c : r.recovery_codes) codes.emplace_back(c);
    body["recovery_codes"] = std::move(codes);  // shown once: only their hashes are kept
  }
  if (r.recovery_codes_left) body["recovery_codes_left"] = *r.recovery_codes_left;
  auto res = json::reply(200, std::move(body));
  int64_t max_age = r.expires_at - auth.clock().now();
  res.add_header("Set-Cookie", cookie("sz_session", r.token, max_age, true, secure));
  res.add_header("Set-Cookie", cookie("sz_csrf", r.csrf_token, max_age, false, secure));
  res.actor = r.user.username;
  return res;
}

// A right password on an account that needs its second factor: 202, and no session yet.
http::Response pending_reply(const LoginResult& r) {
  auto res = json::reply(202, bj::object{{"second_factor", r.pending->enrolment ? "enrol" : "totp"},
                                         {"pending_token", r.pending->token},
                                         {"expires_at", iso_utc(r.pending->expires_at)}});
  res.actor = r.user.username;
  return res;
}

// Secure whenever the client came over HTTPS, so one configuration serves the TLS site and a plain-HTTP test node.
bool secure_cookies(const CookiePolicy& policy, const http::Request& req) {
  return policy.secure || req.site.starts_with("https://");
}

// Login CSRF: a hostile page must not sign a visitor's browser in as someone else. A form cannot send JSON, a
// script on another site that does needs a CORS preflight this server never grants, and a browser names the page
// of the request in Origin (or Referer). A request naming neither comes from no browser page (curl, scripts).
Status check_login_request(const http::Request& req) {
  if (req.media_type() != "application/json")
    return Error{415, "unsupported_media_type", "登录请求须为 JSON 格式（Content-Type: application/json）", {}, {}};
  if (http::provenance(req) == http::Provenance::cross_site) return kCrossSite;
  return ok();
}

Result<NewUserInput> new_user_of(const bj::object& o) {
  SZ_TRY(json::only_keys(o, {"username", "display_name", "password", "roles", "district", "enterprise_id", "provider_id"}));
  NewUserInput in;
  SZ_ASSIGN(in.username, json::required_string(o, "username", "用户名", 32));
  SZ_ASSIGN(in.display_name, json::required_string(o, "display_name", "姓名", 50));
  SZ_ASSIGN(in.password, json::required_string(o, "password", "密码", 128));
  SZ_ASSIGN(in.roles, json::string_list(o, "roles", "角色"));
  SZ_ASSIGN(in.district, json::optional_string(o, "district", "所属区县", 20));
  SZ_ASSIGN(in.enterprise_id, json::optional_int(o, "enterprise_id", "所属企业"));
  SZ_ASSIGN(in.provider_id, json::optional_int(o, "provider_id", "所属服务商"));
  return in;
}
}  // namespace

void register_routes(Routes& routes, Service& auth, CookiePolicy cookies) {
  routes.pub("POST", "/api/v1/auth/login", [&auth, cookies](http::Request& req) -> Result<http::Response> {
    SZ_TRY(check_login_request(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"username", "password"}));
    SZ_ASSIGN(auto username, json::required_string(o, "username", "用户名", 64));
    SZ_ASSIGN(auto password, json::required_string(o, "password", "密码", 128));
    SZ_ASSIGN(auto r, auth.login(username, password, origin_of(req)));
    if (r.pending) return pending_reply(r);
    return session_reply(r, auth, secure_cookies(cookies, req));
  });

  // The second step of an administrator's login (two_factor.cc).
  routes.pub("POST", "/api/v1/auth/login/enrolment", [&auth](http::Request& req) -> Result<http::Response> {
    SZ_TRY(check_login_request(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"pending_token"}));
    SZ_ASSIGN(auto pending, json::required_string(o, "pending_token", "登录凭据", 128));
    SZ_ASSIGN(auto e, auth.start_enrolment(pending, origin_of(req)));
    return json::reply(200, bj::object{{"secret", e.secret}, {"otpauth_uri", e.otpauth_uri}});
  });

  routes.pub("POST", "/api/v1/auth/login/verify", [&auth, cookies](http::Request& req) -> Result<http::Response> {
    SZ_TRY(check_login_request(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"pending_token", "code", "recovery_code"}));
    SZ_ASSIGN(auto pending, json::required_string(o, "pending_token", "登录凭据", 128));
    SZ_ASSIGN(auto code, json::optional_string(o, "code", "动态口令", 16));
    SZ_ASSIGN(auto recovery, json::optional_string(o, "recovery_code", "恢复码", 32));
    SZ_ASSIGN(auto r, auth.second_factor(pending, code.value_or(""), recovery.value_or(""), origin_of(req)));
    return session_reply(r, auth, secure_cookies(cookies, req));
  });

  routes.authed("POST", "/api/v1/auth/logout", [&auth, cookies](http::Request& req, const Principal& p) -> Result<http::Response> {
    SZ_TRY(auth.logout(p, origin_of(req)));
    auto res = http::no_content();
    res.add_header("Set-Cookie", cookie("sz_session", "", 0, true, secure_cookies(cookies, req)));
    res.add_header("Set-Cookie", cookie("sz_csrf", "", 0, false, secure_cookies(cookies, req)));
    return res;
  });

  routes.authed("GET", "/api/v1/auth/me", [&auth](http::Request&, const Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto u, auth.find_user(p.username));
    if (!u) return err::unauthorized("请先登录");
    return json::reply(200, bj::object{{"user", user_json(*u)}});
  });

  routes.authed("POST", "/api/v1/auth/password", [&auth](http::Request& req, const Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"old_password", "new_password"}));
    SZ_ASSIGN(auto old_pw, json::required_string(o, "old_password", "原密码", 128));
    SZ_ASSIGN(auto new_pw, json::required_string(o, "new_password", "新密码", 128));
    SZ_TRY(auth.change_own_password(p, origin_of(req), old_pw, new_pw));
    return http::no_content();
  });

  routes.authed("GET", "/api/v1/users", [&auth](http::Request& req, const Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto page, json::page_of(req));
    std::optional<Role> role;
    if (auto code = req.query_param("role"); code && !code->empty()) {
      role = parse_role(*code);
      if (!role) return err::invalid("role", "未知角色：" + code->substr(0, 32));
    }
    SZ_ASSIGN(auto r, auth.list_users(p, req.query_param("q").value_or(""), role, page.size, page.offset()));
    bj::array items;
    for (const auto& u : r.items) items.push_back(user_json(u));
    return json::reply(200, json::page_reply(std::move(items), r.total, page));
  });

  routes.authed("POST", "/api/v1/users", [&auth](http::Request& req, const Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_ASSIGN(auto in, new_user_of(o));
    SZ_ASSIGN(auto u, auth.create_user(p, origin_of(req), in));
    return json::reply(201, bj::object{{"user", user_json(u)}});
  });

  for (bool lock : {true, false}) {
    routes.authed("POST", lock ? "/api/v1/users/{id}/lock" : "/api/v1/users/{id}/unlock",
                  [&auth, lock](http::Request& req, const Principal& p) -> Result<http::Response> {
                    SZ_ASSIGN(int64_t id, json::id_param(req));
                    SZ_ASSIGN(auto u, auth.set_locked(p, origin_of(req), id, lock));
                    return json::reply(200, bj::object{{"user", user_json(u)}});
                  });
  }

  routes.authed("POST", "/api/v1/users/{id}/second-factor/reset",
                [&auth](http::Request& req, const Principal& p) -> Result<http::Response> {
                  SZ_ASSIGN(int64_t id, json::id_param(req));
                  SZ_ASSIGN(auto u, auth.reset_second_factor(p, origin_of(req), id));
                  return json::reply(200, bj::object{{"user", user_json(u)}});
                });

  routes.authed("POST", "/api/v1/users/{id}/password", [&auth](http::Request& req, const Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(int64_t id, json::id_param(req));
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_TRY(json::only_keys(o, {"password"}));
    SZ_ASSIGN(auto pw, json::required_string(o, "password", "新密码", 128));
    SZ_TRY(auth.reset_password(p, origin_of(req), id, pw));
    return http::no_content();
  });

  routes.authed("GET", "/api/v1/login-log", [&auth](http::Request& req, const Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto page, json::page_of(req));
    store::LoginFilter f;
    f.username = req.query_param("username").value_or("");
    if (f.username.size() > 64) return err::invalid("username", "用户名过长");
    if (auto s = req.query_param("success"); s && !s->empty()) {
      if (*s != "true" && *s != "false") return err::invalid("success", "success 应为 true 或 false");
      f.success = *s == "true";
    }
    for (auto [key, slot] : {std::pair{"from", &f.from}, std::pair{"to", &f.to}}) {
      if (auto v = req.query_param(key); v && !v->empty()) {
        auto t = parse_iso_utc(*v);
        if (!t) return err::invalid(key, "时间格式应为 ISO 8601（如 2026-11-26T08:00:00Z）");
        *slot = *t;
      }
    }
    int64_t total = 0;
    SZ_ASSIGN(auto rows, auth.login_log(p, f, page.size, page.offset(), &total));
    bj::array items;
    for (const auto& a : rows)
      items.push_back(bj::object{{"id", a.id},
                                 {"username", a.username},
                                 {"success", a.success},
                                 {"reason", a.reason},
                                 {"ip", a.ip},
                                 {"at", iso_utc(a.at)}});
    return json::reply(200, json::page_reply(std::move(items), total, page));
  });
}

}  // namespace sz::auth
