// HTTP side of accounts: the route table every area registers through (authentication and error mapping
// happen here once), and the /auth and /users endpoints.
#pragma once
#include <functional>
#include <string>

#include "auth/service.h"
#include "infra/http/router.h"
#include "infra/json.h"

namespace sz::auth {

class Routes {
 public:
  using Public = std::function<Result<http::Response>(http::Request&)>;
  using Authed = std::function<Result<http::Response>(http::Request&, const Principal&)>;
  using Check = std::function<Status(http::Request&, const Principal&)>;

  Routes(http::Router& router, Service& auth) : router_(router), auth_(auth) {}
  // Anyone, signed in or not.
  void pub(const std::string& method, const std::string& pattern, Public h);
  // Signed-in callers only (401 otherwise); the handler checks role and scope through its service.
  void authed(const std::string& method, const std::string& pattern, Authed h);
  // A signed-in caller's upload (the server streams its body to a file): the caller is authenticated and `may`
  // judges the header — who, and the query — before any of the body is read; the handler runs once it is stored.
  void upload(const std::string& method, const std::string& pattern, Check may, Authed h);

 private:
  // The caller of a signed-in route, by bearer token or session cookie; a cookie write must also come from a page
  // of this site and carry the CSRF token.
  Result<Principal> caller(const http::Request& req);
  http::Handler signed_in(Authed h);

  http::Router& router_;
  Service& auth_;
};

Origin origin_of(const http::Request& r);
boost::json::object user_json(const store::User& u);

struct CookiePolicy {
  bool secure = false;  // always Secure; otherwise Secure whenever the request came over HTTPS (Request::site)
};
void register_routes(Routes& routes, Service& auth, CookiePolicy cookies);

}  // namespace sz::auth
