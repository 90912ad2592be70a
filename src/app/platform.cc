#include "app/platform.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <thread>

#include "app/embedded.h"
#include "app/migrate.h"
#include "app/modules.h"
#include "app/reference.h"
#include "audit/anchor.h"
#include "auth/api.h"
#include "audit/rules.h"
#include "audit/signing.h"
#include "infra/http/client_ip.h"
#include "infra/http/static_files.h"
#include "infra/json.h"
#include "infra/metrics.h"

namespace sz::app {

namespace bj = boost::json;

namespace {
std::unique_ptr<Clock> make_clock(bool test_clock, bool manual_clock) {
  if (test_clock) return std::make_unique<TestClock>();
  if (manual_clock) return std::make_unique<ManualClock>();
  return std::make_unique<SystemClock>();
}

std::string default_node_name() {
  char host[256] = {0};
  gethostname(host, sizeof host - 1);
  return std::string(host) + "-" + std::to_string(getpid());
}
}  // namespace

PlatformOptions PlatformOptions::from(const config::Settings& s, bool test_clock, const std::string& default_web_root) {
  PlatformOptions o;
  o.test_clock = test_clock;
  o.web_root = s.get("server.web_root").empty() ? default_web_root : s.get("server.web_root");
  o.trusted_proxies = s.get_list("server.trusted_proxies");
  o.public_origin = http::origin_of_url(s.get("server.public_origin"));
  o.hsts_max_age = s.get_int("server.hsts_max_age");
  o.jobs.node = s.get("node.name").empty() ? default_node_name() : s.get("node.name");
  o.jobs.threads = static_cast<int>(s.get_int("jobs.threads"));
  o.jobs.lease_seconds = s.get_int("jobs.lease_seconds");
  o.jobs.work_dir = s.get("jobs.dir");
  return o;
}

Platform::Platform(std::shared_ptr<db::Database> db, const config::Settings& settings, PlatformOptions opts)
    : db_(std::move(db)),
      settings_(settings),
      opts_(std::move(opts)),
      clock_(make_clock(opts_.test_clock, opts_.manual_clock)),
      runner_(db_, *clock_, opts_.jobs),
      build_{SHUZHUAN_VERSION, [this]() -> Result<int64_t> {
               SZ_ASSIGN(auto* c, db_->local());
               return schema_version(*c);
             }} {
  install_input_ranges();
  audit::install_vocabulary(modules());
  services_.provide(*this);
  services_.provide(router_);
  services_.provide(runner_);
  services_.provide(build_);
  services_.provide(workflows_);
  for (const auto* m : modules())
    if (m->assemble) m->assemble(*this);
  for (const auto* m : modules())
    if (m->install) m->install(*this);
  register_routes();
  if (opts_.test_clock) register_test_routes();

  auto& m = metrics::registry();
  m.declare("shuzhuan_login_failures_total", "counter", "Failed login attempts");
  m.declare("shuzhuan_store_connections", "gauge", "Open store connections in this process");
  m.declare("shuzhuan_jobs", "gauge", "Jobs by state (all nodes)");
  m.inc("shuzhuan_login_failures_total", "", 0);
  m.on_scrape([db = db_](metrics::Registry& r) {
    r.set("shuzhuan_store_connections", "", static_cast<double>(db::Connection::open_count()));
    auto c = db->local();
    if (!c) return;
    auto counts = jobs::count_by_state(**c);
    if (!counts) return;
    for (const auto& [state, n] : *counts) r.set("shuzhuan_jobs", metrics::labels({{"state", state}}), static_cast<double>(n));
  });
}

// The runner's threads use the modules' services: stopped first; then the services, the later ones first (they may
// hold references to the earlier ones).
Platform::~Platform() {
  runner_.stop();
  while (!kept_.empty()) kept_.pop_back();
}

std::vector<std::pair<std::string_view, std::string_view>> Platform::data_under(std::string_view prefix) const {
  std::vector<std::pair<std::string_view, std::string_view>> out;
  for (const auto& f : embedded::files())
    if (std::string_view(f.path).starts_with(prefix)) out.emplace_back(f.path, f.content);
  std::sort(out.begin(), out.end());
  return out;
}

Status Platform::anchor_audit(const crypto::Sm2Key& key, const std::string& dir, int64_t interval) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (::access(dir.c_str(), W_OK) != 0) return err::invalid("audit.checkpoint_dir", "审计签名检查点目录不可写：" + dir);
  runner_.add_timer("audit.checkpoint", interval, [key, dir](db::Connection& c, int64_t now) -> Status {
    SZ_TRY(audit::sign_checkpoint(c, key, dir, now, "scheduled"));
    return ok();
  });
  SZ_ASSIGN(auto* c, db_->local());
  runner_.fire_timers(*c);
  return ok();
}

// The platform's own routes: whether it is up, its contract, and the workflows of its modules.
void Platform::register_routes() {
  auto& routes = services_.get<auth::Routes>();
  routes.pub("GET", "/api/v1/health", [this](http::Request&) -> Result<http::Response> {
    SZ_ASSIGN(auto* c, db_->local());
    SZ_ASSIGN(int64_t version, schema_version(*c));
    return json::reply(200, bj::object{{"status", "ok"},
                                       {"engine", db::engine_name(db_->engine())},
                                       {"version", SHUZHUAN_VERSION},
                                       {"schema_version", version},
                                       {"time", iso_utc(clock_->now())}});
  });
  routes.pub("GET", "/api/v1/workflows", [this](http::Request&) -> Result<http::Response> {
    return json::reply(200, bj::object{{"items", workflows_.json()}});
  });
  routes.pub("GET", "/api/v1/openapi.json", [](http::Request&) -> Result<http::Response> {
    http::Response r;
    r.body = std::string(*embedded::find("docs/openapi.json"));
    return r;
  });
}

// Only with `serve --test-clock`: tests move time forward and queue a job of known length.
void Platform::register_test_routes() {
  auto& routes = services_.get<auth::Routes>();
  routes.pub("POST", "/api/v1/test/clock", [this](http::Request& req) -> Result<http::Response> {
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_ASSIGN(auto secs, json::optional_int(o, "advance_seconds", "前进秒数"));
    if (!secs || !clock_->advance(*secs)) return err::invalid("advance_seconds", "前进秒数应为非负整数");
    return json::reply(200, bj::object{{"time", iso_utc(clock_->now())}});
  });
  routes.authed("POST", "/api/v1/test/jobs", [this](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_ASSIGN(auto steps, json::optional_int(o, "steps", "步数"));
    SZ_ASSIGN(auto step_ms, json::optional_int(o, "step_ms", "每步毫秒"));
    if (!steps || *steps < 1 || *steps > 10000 || !step_ms || *step_ms < 0 || *step_ms > 10000)
      return err::invalid("steps", "steps 应为 1–10000，step_ms 应为 0–10000");
    SZ_ASSIGN(auto* c, db_->local());
    std::string params = bj::serialize(bj::object{{"steps", *steps}, {"step_ms", *step_ms}});
    SZ_ASSIGN(int64_t id, jobs::enqueue(*c, "test.steps", p.user_id, params, clock_->now()));
    runner_.wake();
    return json::reply(202, bj::object{{"id", id}});
  });
  // Counts in steps of real time; its completion writes one audit entry in the finishing transaction, so a
  // test can count that the job took effect exactly once even when a node died half-way.
  runner_.add("test.steps", "测试任务", [this](jobs::Context& ctx) -> Result<jobs::Outcome> {
    auto params = bj::parse(ctx.job().params_json).as_object();
    int64_t steps = params.at("steps").as_int64(), step_ms = params.at("step_ms").as_int64();
    for (int64_t i = ctx.job().done; i < steps; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(step_ms));
      if (!ctx.progress(i + 1, steps)) return err::unavailable("lease lost");
    }
    int64_t id = ctx.job().id;
    return jobs::Outcome{bj::serialize(bj::object{{"steps", steps}}), [this, id](db::Connection& c) {
                           audit::Actor system{std::nullopt, "system", "system", "", ""};
                           return audit::record(c, clock_->now(), system, "job.complete", "job", std::to_string(id), "",
                                                R"({"kind":"test.steps"})");
                         }};
  });
}

bool Platform::is_upload(std::string_view method, std::string_view target) {
  return method == "POST" &&
         (target.rfind("/api/v1/enterprises/imports", 0) == 0 || target.rfind("/api/v1/documents?", 0) == 0 ||
          target == "/api/v1/documents");
}

void Platform::identify(http::Request& req) const {
  req.client_ip = http::client_ip(req.peer, req.header("x-forwarded-for").value_or(""), opts_.trusted_proxies);
  req.site = opts_.public_origin.empty() ? http::addressed_origin(req, opts_.trusted_proxies) : opts_.public_origin;
}

http::Response Platform::handle(http::Request& req) {
  identify(req);
  return with_hsts(req, dispatch(req));
}

// Browsers keep to HTTPS for this site once they have seen it over HTTPS (they ignore the header over HTTP).
http::Response Platform::with_hsts(const http::Request& req, http::Response res) const {
  if (opts_.hsts_max_age > 0 && req.site.starts_with("https://"))
    res.add_header("Strict-Transport-Security", "max-age=" + std::to_string(opts_.hsts_max_age));
  return res;
}

std::optional<http::Response> Platform::admit_upload(http::Request& req) {
  identify(req);
  const http::Route* route = nullptr;
  if (router_.match(req, &route) != http::Router::Match::found || !route->admit) return std::nullopt;
  auto refusal = route->admit(req);
  if (!refusal) return std::nullopt;
  return with_hsts(req, std::move(*refusal));
}

http::Response Platform::dispatch(http::Request& req) {
  bool api = req.path.rfind("/api/", 0) == 0 || req.path == "/metrics";
  if (!api) return http::serve_static(opts_.web_root, req);
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
