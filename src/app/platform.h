// The platform put together: one store, one clock, the job runner and the HTTP routes, and every module of the list
// (app/modules.cc) — each makes its own services and adds its routes, jobs and rules (module::Info).
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "infra/clock.h"
#include "infra/config.h"
#include "infra/db/db.h"
#include "infra/http/router.h"
#include "infra/sm2.h"
#include "infra/jobs/jobs.h"
#include "infra/module.h"
#include "infra/workflow.h"

namespace sz::app {

struct PlatformOptions {
  bool test_clock = false;  // lets tests move time and queue test jobs; refused unless asked for explicitly
  bool manual_clock = false;  // `shuzhuan demo`: a clock set to past days, so the demo history carries real dates
  std::string web_root;     // the built front end (web/dist)
  std::vector<std::string> trusted_proxies;
  std::string public_origin;     // "https://szzx.example.gov.cn": the site browsers address; empty: judged per request
  int64_t hsts_max_age = 31536000;  // Strict-Transport-Security on HTTPS responses; 0: not sent
  jobs::RunnerOptions jobs;

  static PlatformOptions from(const config::Settings& s, bool test_clock, const std::string& default_web_root);
};

class Platform : private module::Assembly {
 public:
  // `settings`: what the modules read their own keys from (documents.dir, auth.*, …).
  Platform(std::shared_ptr<db::Database> db, const config::Settings& settings, PlatformOptions opts);
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
  const Clock& clock() const override { return *clock_; }
  // Sets the manual clock (PlatformOptions::manual_clock); false for any other clock.
  bool set_time(int64_t t) { return clock_->set(t); }
  const http::Router& router() const { return router_; }
  // Every module's services by type (and the platform itself): `platform.service<records::Service>()`.
  module::Services& services() override { return services_; }
  template <class T>
  T& service() {
    return services_.get<T>();
  }

 private:
  // module::Assembly, as the modules see the platform while it is put together.
  const config::Settings& settings() const override { return settings_; }
  std::shared_ptr<db::Database> database() const override { return db_; }
  bool testing() const override { return opts_.test_clock; }
  std::vector<std::pair<std::string_view, std::string_view>> data_under(std::string_view prefix) const override;
  void keep(std::shared_ptr<void> service) override { kept_.push_back(std::move(service)); }

  void register_routes();
  void register_test_routes();
  // Who the client is and which site it addressed, as far as the trusted proxies and the configuration say.
  void identify(http::Request& req) const;
  http::Response dispatch(http::Request& req);
  http::Response with_hsts(const http::Request& req, http::Response res) const;

  std::shared_ptr<db::Database> db_;
  config::Settings settings_;
  PlatformOptions opts_;
  std::unique_ptr<Clock> clock_;
  http::Router router_;
  jobs::Runner runner_;
  module::Build build_;
  workflow::Library workflows_;  // every module's workflow, for GET /api/v1/workflows
  module::Services services_;
  std::vector<std::shared_ptr<void>> kept_;  // the modules' services, in the order they were made
};

}  // namespace sz::app
