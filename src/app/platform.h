// The platform wired together: one store, one clock, every area's service, and the HTTP routes.
#pragma once
#include <memory>
#include <string>

#include "auth/api.h"
#include "auth/service.h"
#include "infra/clock.h"
#include "infra/db/db.h"
#include "infra/http/router.h"
#include "registry/service.h"
#include "stats/service.h"

namespace sz::app {

struct PlatformOptions {
  bool test_clock = false;       // lets tests move time forward; refused unless asked for explicitly
  std::string web_root;          // the built front end (web/dist)
  auth::CookiePolicy cookies;
  auth::LockoutPolicy lockout;
  auth::SessionPolicy sessions;
};

class Platform {
 public:
  Platform(std::shared_ptr<db::Database> db, PlatformOptions opts);
  http::Response handle(http::Request& req);

  db::Database& db() { return *db_; }
  const Clock& clock() const { return *clock_; }
  auth::Service& auth() { return auth_; }
  registry::Service& registry() { return registry_; }
  const http::Router& router() const { return router_; }

 private:
  void register_routes();

  std::shared_ptr<db::Database> db_;
  PlatformOptions opts_;
  std::unique_ptr<Clock> clock_;
  auth::Service auth_;
  registry::Service registry_;
  stats::Service stats_;
  http::Router router_;
  auth::Routes routes_;
};

// Checks a new account's district / enterprise / provider through the owning areas' services.
Status check_user_binding(db::Connection& c, const auth::NewUserInput& in);

}  // namespace sz::app
