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

  Routes(http::Router& router, Service& auth) : router_(router), auth_(auth) {}
  // Anyone, signed in or not.
  void pub(const std::string& method, const std::string& pattern, Public h);
  // Signed-in callers only (401 otherwise); the handler checks role and scope through its service.
  void authed(const std::string& method, const std::string& pattern, Authed h);

 private:
  http::Router& router_;
  Service& auth_;
};

Origin origin_of(const http::Request& r);
boost::json::object user_json(const store::User& u);

struct CookiePolicy {
  bool secure = false;  // set behind HTTPS
};
void register_routes(Routes& routes, Service& auth, CookiePolicy cookies);

}  // namespace sz::auth
