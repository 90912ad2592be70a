#include "app/platform.h"

#include <unistd.h>

#include <filesystem>
#include <thread>

#include "app/embedded.h"
#include "app/reference.h"
#include "app/migrate.h"
#include "app/modules.h"
#include "assessment/api.h"
#include "documents/api.h"
#include "funding/api.h"
#include "catalog/api.h"
#include "exchange/api.h"
#include "records/api.h"
#include "notify/api.h"
#include "projects/api.h"
#include "publish/api.h"
#include "reviews/api.h"
#include "audit/anchor.h"
#include "audit/service.h"
#include "infra/http/client_ip.h"
#include "infra/http/static_files.h"
#include "infra/json.h"
#include "infra/metrics.h"
#include "market/api.h"
#include "market/service.h"
#include "ops/api.h"
#include "registry/api.h"
#include "stats/api.h"
#include "platforms/api.h"
#include "reports/api.h"
#include "catalog/samples_api.h"
#include "app/indicator_sources.h"
#include "app/reminders.h"

namespace sz::app {

namespace bj = boost::json;

namespace {
std::unique_ptr<Clock> make_clock(bool test_clock, bool manual_clock) {
  if (test_clock) return std::make_unique<TestClock>();
  if (manual_clock) return std::make_unique<ManualClock>();
  return std::make_unique<SystemClock>();
}

// Every assessment model file built into the binary (data/assessment/*.json); a broken one stops start-up.
std::vector<assessment::Loaded> assessment_models() {
  std::vector<assessment::Loaded> out;
  for (const auto& f : embedded::files()) {
    if (std::string(f.path).rfind("data/assessment/", 0) != 0) continue;
    auto l = assessment::parse_model(std::string(f.content));
    if (!l) throw std::runtime_error(std::string(f.path) + ": " + l.error().detail);
    out.push_back(std::move(l).value());
  }
  return out;
}

// Every subsidy rule set built into the binary (data/subsidy-rules-*.json); a broken one stops start-up.
std::vector<funding::RuleSet> subsidy_rules() {
  std::vector<funding::RuleSet> out;
  for (const auto& f : embedded::files()) {
    if (std::string(f.path).rfind("data/subsidy-rules-", 0) != 0) continue;
    auto r = funding::Service::parse_rules(std::string(f.content));
    if (!r) throw std::runtime_error(std::string(f.path) + ": " + r.error().detail);
    out.push_back(std::move(r).value());
  }
  return out;
}

catalog::Catalog product_catalog() {
  auto r = catalog::Service::parse_catalog(*embedded::find("data/product-catalog.json"));
  if (!r) throw std::runtime_error("data/product-catalog.json: " + r.error().detail);
  return *r;
}

market::ProviderRules provider_rules() {
  auto r = market::Directory::parse_rules(*embedded::find("data/provider-rules.json"));
  if (!r) throw std::runtime_error("data/provider-rules.json: " + r.error().detail);
  return *r;
}

projects::Reference project_reference() {
  auto r = projects::Service::parse_reference(*embedded::find("data/project-lifecycle.json"),
                                              *embedded::find("data/outcome-indicators.json"),
                                              *embedded::find("data/acceptance-materials.json"),
                                              *embedded::find("data/provider-scorecard.json"));
  if (!r) throw std::runtime_error("project reference data: " + r.error().detail);
  return *r;
}

std::vector<reviews::Rubric> review_rubrics() {
  auto r = reviews::Service::parse_rubrics(*embedded::find("data/review-rubrics.json"));
  if (!r) throw std::runtime_error("data/review-rubrics.json: " + r.error().detail);
  return *r;
}

catalog::SampleCriteria sample_criteria() {
  auto r = catalog::Samples::parse_criteria(*embedded::find("data/sample-criteria.json"));
  if (!r) throw std::runtime_error("data/sample-criteria.json: " + r.error().detail);
  return *r;
}

platforms::EvaluationRules platform_rules() {
  auto r = platforms::Service::parse_rules(*embedded::find("data/platform-evaluation.json"));
  if (!r) throw std::runtime_error("data/platform-evaluation.json: " + r.error().detail);
  return *r;
}

// The password policy: the versioned list of weak passwords (data/common-passwords.json) and cracklib's dictionary.
auth::PasswordPolicy password_policy(const std::string& cracklib_dict) {
  auto w = auth::Service::parse_weak_passwords(*embedded::find("data/common-passwords.json"));
  if (!w) throw std::runtime_error("data/common-passwords.json: " + w.error().detail);
  return {*w, cracklib_dict};
}

std::vector<stats::MetricDef> metric_defs() {
  auto d = stats::Service::parse_metric_defs(*embedded::find("data/indicator-metrics.json"));
  if (!d) throw std::runtime_error("data/indicator-metrics.json: " + d.error().detail);
  return *d;
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
  o.cookies.secure = s.get_bool("server.secure_cookies");
  o.lockout = {static_cast<int>(s.get_int("auth.lockout_failures")), s.get_int("auth.lockout_minutes") * 60,
               static_cast<int>(s.get_int("auth.login_per_address_per_minute")),
               static_cast<int>(s.get_int("auth.login_per_node_per_second"))};
  o.hashing = {static_cast<int>(s.get_int("auth.hash_threads")), static_cast<int>(s.get_int("auth.hash_queue"))};
  o.cracklib_dict = s.get("auth.cracklib_dict");
  o.sessions = {s.get_int("auth.session_idle_minutes") * 60, s.get_int("auth.session_max_hours") * 3600};
  o.second_factor.required_for_administrators = s.get_bool("auth.require_admin_totp");
  o.trusted_proxies = s.get_list("server.trusted_proxies");
  o.metrics_allow = s.get_list("server.metrics_allow");
  o.public_origin = http::origin_of_url(s.get("server.public_origin"));
  o.hsts_max_age = s.get_int("server.hsts_max_age");
  o.jobs.node = s.get("node.name").empty() ? default_node_name() : s.get("node.name");
  o.jobs.threads = static_cast<int>(s.get_int("jobs.threads"));
  o.jobs.lease_seconds = s.get_int("jobs.lease_seconds");
  o.jobs.work_dir = s.get("jobs.dir");
  o.documents_dir = s.get("documents.dir");
  o.public_query_interval = s.get_int("public.query_interval_seconds");
  o.reports_live_min_interval = s.get_int("reports.live_min_interval_seconds");
  return o;
}

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
      clock_(make_clock(opts_.test_clock, opts_.manual_clock)),
      auth_(db_, *clock_, opts_.lockout, opts_.sessions, check_user_binding, password_policy(opts_.cracklib_dict),
            opts_.hashing, opts_.second_factor),
      registry_(db_, *clock_, registry_params()),
      market_(db_, *clock_, provider_rules()),
      stats_(db_, *clock_, registry_, metric_defs()),
      assessment_(db_, *clock_, registry_, assessment_models()),
      funding_(db_, *clock_, subsidy_rules()),
      subsidies_(db_, *clock_, funding_),
      loans_(db_, *clock_, funding_),
      projects_(db_, *clock_, registry_, assessment_, project_reference()),
      reviews_(db_, *clock_, review_rubrics(), projects_),
      catalog_(db_, *clock_, product_catalog()),
      samples_(db_, *clock_, catalog_.catalog(), sample_criteria()),
      exchange_(db_, *clock_, catalog_, projects_),
      records_(db_, *clock_),
      platforms_(db_, *clock_, registry_, platform_rules()),
      reports_(db_, *clock_, reports::Collector(stats_, projects_, subsidies_, registry_, records_, platforms_), reports::Quality(stats_, registry_),
               reports::Evaluation(stats_),
               (std::filesystem::path(opts_.jobs.work_dir) / "reports").string(), opts_.test_clock,
               opts_.reports_live_min_interval),
      publish_(db_, *clock_, registry_, projects_, catalog_, opts_.public_query_interval),
      runner_(db_, *clock_, opts_.jobs),
      transfer_(db_, registry_, *clock_, opts_.jobs.work_dir),
      documents_(db_, *clock_, opts_.documents_dir,
                 {{"enterprise",
                   [](db::Connection& c, const auth::Principal& p, int64_t id, documents::Access a) {
                     return registry::Service::authorize(c, p, id, a == documents::Access::write);
                   }},
                  {"assessment",
                   [this](db::Connection& c, const auth::Principal& p, int64_t id, documents::Access a) {
                     return assessment_.authorize(c, p, id, a == documents::Access::write);
                   }},
                  {"project",
                   [](db::Connection& c, const auth::Principal& p, int64_t id, documents::Access a) {
                     return projects::Service::authorize(c, p, id, a == documents::Access::write);
                   }},
                  {"article",
                   [](db::Connection& c, const auth::Principal& p, int64_t id, documents::Access a) {
                     return publish::Service::authorize(c, p, id, a == documents::Access::write);
                   }},
                  {"product",
                   [](db::Connection& c, const auth::Principal& p, int64_t id, documents::Access a) {
                     return catalog::Service::authorize(c, p, id, a == documents::Access::write);
                   }}}),
      ops_(db_, *clock_, runner_, opts_.jobs.node, opts_.jobs.work_dir),
      routes_(router_, auth_) {
  install_input_ranges();
  audit::install_vocabulary(modules());
  // A project is approved only after its expert review passed; experts with a conflict of interest never serve on it.
  projects_.add_guard("review_passed", [](db::Connection& c, const projects::store::Project& pr) {
    return reviews::Service::review_passed(c, "project", pr.id);
  });
  projects_.add_guard("subsidy_paid", [](db::Connection& c, const projects::store::Project& pr) {
    return funding::Subsidies::transformation_paid(c, pr.id);
  });
  projects_.set_expert_check([this](db::Connection& c, int64_t expert, const projects::store::Project& pr) {
    return reviews_.check_expert_for_project(c, expert, pr);
  });
  // A terminated project's open expert reviews end with it.
  projects_.add_closer([](db::Connection& c, const audit::Actor& actor, const projects::store::Project& pr,
                          const std::string& reason, int64_t now) {
    return reviews::Service::cancel_open_rounds(c, actor, "project", pr.id, reason, now);
  });
  if (auto s = projects_.check_guards(); !s) throw std::runtime_error(s.error().detail);
  // A provider goes to 公示 only after its admission review passed.
  market_.add_guard("review_passed", [](db::Connection& c, const market::store::ProviderRecord& r) {
    return reviews::Service::review_passed(c, "provider", r.base.id);
  });
  if (auto s = market_.check_guards(); !s) throw std::runtime_error(s.error().detail);
  // A product is listed only after its expert review passed; its review judges conflicts on its provider.
  catalog_.set_review_guard([](db::Connection& c, const catalog::store::Product& p) {
    return reviews::Service::review_passed(c, "product", p.id);
  });
  reviews_.set_product_owner(&catalog::Service::owner);
  // Plans choose scenarios from the industry's N+X library once it has one.
  projects_.set_scenario_library(&catalog::Service::library_names);
  runner_.add("audit.export", "导出审计日志", ops_.audit_export_handler());
  runner_.add("enterprise.import", "导入企业", transfer_.import_handler());
  runner_.add("enterprise.export", "导出企业", transfer_.export_handler());
  runner_.add("stats.progress_export", "导出数据驾驶舱", stats_.export_handler(opts_.jobs.work_dir));
  add_indicator_sources(stats_, records_, market_, catalog_);
  runner_.add("reports.issue", "发布通报", reports_.issue_handler());
  runner_.add("reports.quality", "数据质量检查", reports_.quality_handler());
  runner_.add("reminders.due", "临期提醒", reminders_handler(*clock_));
  // What admins may put on a schedule (定时任务), with the parameters each starts from.
  ops_.add_schedulable({"reports.issue", R"({"period":"previous_month"})", [](const std::string& params) -> Status {
    boost::system::error_code ec;
    auto v = bj::parse(params, ec);
    const auto* period = !ec && v.is_object() && v.as_object().size() == 1 ? v.as_object().if_contains("period") : nullptr;
    if (!period || !period->is_string() ||
        (period->as_string() != "previous_month" && period->as_string() != "previous_quarter"))
      return err::invalid("params", "period 应为 previous_month（上月）或 previous_quarter（上季度）");
    return ok();
  }});
  ops_.add_schedulable({"reminders.due", R"({"days":7})", check_reminder_params});
  ops_.add_schedulable({"reports.quality", "{}", [](const std::string& params) -> Status {
    if (params != "{}") return err::invalid("params", "数据质量检查没有参数");
    return ok();
  }});
  register_routes();
  if (opts_.test_clock) register_test_routes();
  provide_services();

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

Platform::~Platform() { runner_.stop(); }

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

void Platform::provide_services() {
  services_.provide(*this);
  services_.provide(auth_);
  services_.provide(registry_);
  services_.provide(market_);
  services_.provide(stats_);
  services_.provide(assessment_);
  services_.provide(funding_);
  services_.provide(subsidies_);
  services_.provide(loans_);
  services_.provide(projects_);
  services_.provide(reviews_);
  services_.provide(catalog_);
  services_.provide(samples_);
  services_.provide(exchange_);
  services_.provide(records_);
  services_.provide(platforms_);
  services_.provide(reports_);
  services_.provide(publish_);
  services_.provide(documents_);
  services_.provide(ops_);
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
  auth::register_routes(routes_, auth_, opts_.cookies);
  registry::register_routes(routes_, registry_, transfer_);
  stats::register_routes(routes_, stats_);
  assessment::register_routes(routes_, assessment_);
  documents::register_routes(routes_, documents_);
  market::register_routes(routes_, market_);
  funding::register_routes(routes_, funding_, subsidies_, loans_);
  projects::register_routes(routes_, projects_, documents_, opts_.jobs.work_dir);
  reviews::register_routes(routes_, reviews_);
  catalog::register_routes(routes_, catalog_);
  catalog::register_sample_routes(routes_, samples_);
  exchange::register_routes(routes_, exchange_, catalog_);
  notify::register_routes(routes_, db_, *clock_);
  records::register_routes(routes_, records_);
  platforms::register_routes(routes_, platforms_);
  reports::register_routes(routes_, reports_, opts_.test_clock);
  publish::register_routes(routes_, publish_, documents_, market_);
  ops::register_routes(routes_, ops_, {SHUZHUAN_VERSION, opts_.metrics_allow}, [this]() -> Result<int64_t> {
    SZ_ASSIGN(auto* c, db_->local());
    return schema_version(*c);
  });
}

// Only with `serve --test-clock`: tests move time forward and queue a job of known length.
void Platform::register_test_routes() {
  routes_.pub("POST", "/api/v1/test/clock", [this](http::Request& req) -> Result<http::Response> {
    SZ_ASSIGN(auto o, json::parse_object(req.body));
    SZ_ASSIGN(auto secs, json::optional_int(o, "advance_seconds", "前进秒数"));
    if (!secs || !clock_->advance(*secs)) return err::invalid("advance_seconds", "前进秒数应为非负整数");
    return json::reply(200, bj::object{{"time", iso_utc(clock_->now())}});
  });
  routes_.authed("POST", "/api/v1/test/jobs", [this](http::Request& req, const auth::Principal& p) -> Result<http::Response> {
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
