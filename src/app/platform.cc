#include "app/platform.h"

#include "app/embedded.h"
#include "app/migrate.h"
#include "infra/http/static_files.h"
#include "infra/json.h"
#include "market/service.h"
#include "registry/api.h"
#include "stats/api.h"

namespace sz::app {

namespace bj = boost::json;

namespace {
std::unique_ptr<Clock> make_clock(bool test_clock) {
  if (test_clock) return std::make_unique<TestClock>();
  return std::make_unique<SystemClock>();
}
}  // namespace

Status check_user_binding(db::Connection& c, const auth::NewUserInput& in) {
  if (in.district) {
    SZ_ASSIGN(bool found, registry::Service::district_exists(c, *in.district));
    if (!found) return err::invalid("district", "区县代码不存在：" + *in.district);
  }
  if (in.enterprise_id) {
    SZ_ASSIGN(bool found, registry::Service::enterprise_exists(c, *in.enterprise_id));
    if (!found) return err::invalid("enterprise_id", "企业不存在：" + std::to_string(*in.enterprise_id));
  }
  if (in.provider_id) {
    SZ_ASSIGN(bool found, market::provider_exists(c, *in.provider_id));
    if (!found) return err::invalid("provider_id", "服务商不存在：" + std::to_string(*in.provider_id));
  }
  return ok();
}

Platform::Platform(std::shared_ptr<db::Database> db, PlatformOptions opts)
    : db_(std::move(db)),
      opts_(std::move(opts)),
      clock_(make_clock(opts_.test_clock)),
      auth_(db_, *clock_, opts_.lockout, opts_.sessions, check_user_binding),
      registry_(db_, *clock_),
      stats_(db_),
      routes_(router_, auth_) {
  register_routes();
}

void Platform::register_routes() {
  routes_.pub("GET", "/api/v1/health", [this](http::Request&) -> Result<http::Response> {
    SZ_ASSIGN(auto* c, db_->local());
    SZ_ASSIGN(int64_t version, schema_version(*c));
    return json::reply(200, bj::object{{"status", "ok"},
                                       {"engine", db::engine_name(db_->engine())},
                                       {"version", SHUZHUAN_VERSION},
                                       {"schema_version", version},
                                       {"time", iso_utc(clock_->now())}});
  });
  routes_.pub("GET", "/api/v1/openapi.json", [](http::Request&) -> Result<http::Response> {
    http::Response r;
    r.body = std::string(*embedded::find("docs/openapi.json"));
    return r;
  });
  if (opts_.test_clock) {
    // Only with `serve --test-clock`: tests move time forward (lockout expiry, session expiry).
    routes_.pub("POST", "/api/v1/test/clock", [this](http::Request& req) -> Result<http::Response> {
      SZ_ASSIGN(auto o, json::parse_object(req.body));
      SZ_ASSIGN(auto secs, json::optional_int(o, "advance_seconds", "前进秒数"));
      if (!secs || !clock_->advance(*secs)) return err::invalid("advance_seconds", "前进秒数应为非负整数");
      return json::reply(200, bj::object{{"time", iso_utc(clock_->now())}});
    });
  }
  auth::register_routes(routes_, auth_, opts_.cookies);
  registry::register_routes(routes_, registry_);
  stats::register_routes(routes_, stats_);
}

http::Response Platform::handle(http::Request& req) {
  if (req.path.rfind("/api/", 0) != 0) return http::serve_static(opts_.web_root, req);
  const http::Route* route = nullptr;
  switch (router_.match(req, &route)) {
    case http::Router::Match::found:
      return route->handler(req);
    case http::Router::Match::wrong_method:
      return json::error_reply({405, "method_not_allowed", "不支持该请求方法", {}, {}});
    case http::Router::Match::no_path:
      break;
  }
  return json::error_reply(err::not_found("接口不存在"));
}

}  // namespace sz::app
