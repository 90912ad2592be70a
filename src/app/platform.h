// The platform wired together: one store, one clock, every area's service, the job runner, and the HTTP routes.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "assessment/service.h"
#include "auth/api.h"
#include "auth/service.h"
#include "documents/service.h"
#include "funding/service.h"
#include "funding/loans.h"
#include "funding/subsidies.h"
#include "catalog/samples.h"
#include "catalog/service.h"
#include "exchange/service.h"
#include "records/service.h"
#include "platforms/service.h"
#include "reports/service.h"
#include "projects/service.h"
#include "publish/service.h"
#include "reviews/service.h"
#include "infra/clock.h"
#include "infra/config.h"
#include "infra/db/db.h"
#include "infra/http/router.h"
#include "infra/sm2.h"
#include "infra/jobs/jobs.h"
#include "infra/module.h"
#include "market/directory.h"
#include "ops/service.h"
#include "registry/service.h"
#include "registry/transfer.h"
#include "stats/service.h"

namespace sz::app {

struct PlatformOptions {
  bool test_clock = false;  // lets tests move time and queue test jobs; refused unless asked for explicitly
  bool manual_clock = false;  // `shuzhuan demo`: a clock set to past days, so the demo history carries real dates
  std::string web_root;     // the built front end (web/dist)
  auth::CookiePolicy cookies;
  auth::LockoutPolicy lockout;
  auth::password::PoolLimits hashing;
  std::string cracklib_dict;  // "" for libcrack2's own
  auth::SessionPolicy sessions;
  auth::SecondFactorPolicy second_factor;
  std::vector<std::string> trusted_proxies, metrics_allow;
  std::string public_origin;     // "https://szzx.example.gov.cn": the site browsers address; empty: judged per request
  int64_t hsts_max_age = 31536000;  // Strict-Transport-Security on HTTPS responses; 0: not sent
  jobs::RunnerOptions jobs;
  std::string documents_dir;
  int64_t public_query_interval = 10;  // seconds between two public look-ups of one client
  int64_t reports_live_min_interval = 0;  // seconds the dashboard's forecast is reused whatever changed

  static PlatformOptions from(const config::Settings& s, bool test_clock, const std::string& default_web_root);
};

class Platform {
 public:
  Platform(std::shared_ptr<db::Database> db, PlatformOptions opts);
  ~Platform();
  http::Response handle(http::Request& req);
  // An upload judged on its header (ServerOptions::admit_upload): who, and the route's own check.
  std::optional<http::Response> admit_upload(http::Request& req);
  void start_jobs() { runner_.start(); }
  // The routes whose request body is a file, streamed to disk by the server.
  static bool is_upload(std::string_view method, std::string_view target);
  void stop_jobs() { runner_.stop(); }
  // Signs the audit chain's head into `dir` every `interval` seconds on one node of all (a timer), and now if that
  // is due, so a node that starts serving has its chain anchored before its first request. Before start_jobs().
  Status anchor_audit(const crypto::Sm2Key& key, const std::string& dir, int64_t interval);

  db::Database& db() { return *db_; }
  const Clock& clock() const { return *clock_; }
  // Sets the manual clock (PlatformOptions::manual_clock); false for any other clock.
  bool set_time(int64_t t) { return clock_->set(t); }
  auth::Service& auth() { return auth_; }
  registry::Service& registry() { return registry_; }
  assessment::Service& assessment() { return assessment_; }
  documents::Service& documents() { return documents_; }
  publish::Service& publish() { return publish_; }
  funding::Service& funding() { return funding_; }
  funding::Subsidies& subsidies() { return subsidies_; }
  funding::Loans& loans() { return loans_; }
  projects::Service& projects() { return projects_; }
  reviews::Service& reviews() { return reviews_; }
  market::Directory& market() { return market_; }
  catalog::Service& catalog() { return catalog_; }
  catalog::Samples& samples() { return samples_; }
  exchange::Service& exchange() { return exchange_; }
  records::Service& records() { return records_; }
  platforms::Service& platforms() { return platforms_; }
  reports::Service& reports() { return reports_; }
  ops::Service& ops() { return ops_; }
  const http::Router& router() const { return router_; }
  // Every area's services by type, for the commands an area declares (module::Context) — and the platform itself.
  module::Services& services() { return services_; }

 private:
  void register_routes();
  void register_test_routes();
  void provide_services();
  // Who the client is and which site it addressed, as far as the trusted proxies and the configuration say.
  void identify(http::Request& req) const;
  http::Response dispatch(http::Request& req);
  http::Response with_hsts(const http::Request& req, http::Response res) const;

  std::shared_ptr<db::Database> db_;
  PlatformOptions opts_;
  std::unique_ptr<Clock> clock_;
  auth::Service auth_;
  registry::Service registry_;
  market::Directory market_;
  stats::Service stats_;
  assessment::Service assessment_;
  funding::Service funding_;
  funding::Subsidies subsidies_;
  funding::Loans loans_;
  projects::Service projects_;
  reviews::Service reviews_;
  catalog::Service catalog_;
  catalog::Samples samples_;
  exchange::Service exchange_;
  records::Service records_;
  platforms::Service platforms_;
  reports::Service reports_;
  publish::Service publish_;
  jobs::Runner runner_;
  registry::Transfer transfer_;
  documents::Service documents_;
  ops::Service ops_;
  http::Router router_;
  auth::Routes routes_;
  module::Services services_;
};

// Checks a new account's district / enterprise / provider through the owning areas' services.
Status check_user_binding(db::Connection& c, const auth::NewUserInput& in);

}  // namespace sz::app
