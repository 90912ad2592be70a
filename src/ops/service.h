// Operator features (运维): reading the audit trail, exporting it, jobs and their results, system status.
// Only city admins see the trail and the system; any user sees the jobs they started.
#pragma once
#include <functional>
#include <map>
#include <optional>
#include <memory>
#include <string>
#include <vector>

#include "audit/service.h"
#include "auth/service.h"
#include "infra/clock.h"
#include "infra/db/db.h"
#include "infra/jobs/jobs.h"
#include "infra/jobs/schedule.h"

namespace sz::ops {

struct StatusInfo {
  std::string version, engine, database, node;
  int64_t schema_version = 0, started_at = 0, now = 0;
  int64_t in_flight = 0, requests_total = 0, connections = 0, login_failures_24h = 0;
  std::map<std::string, int64_t> jobs;
  audit::store::Head audit_head;
  int64_t audit_entries = 0;
};

struct JobFile {
  std::string path, download_name;
};

// A job kind admins may put on a schedule, with the parameters it starts from and the check its parameters pass
// (its name is the runner's).
struct SchedulableKind {
  std::string code, default_params;
  std::function<Status(const std::string& params_json)> check;
};
struct ScheduleInput {
  std::optional<std::string> name, job_kind, params_json, every;
  std::optional<int64_t> day, hour;
  std::optional<bool> enabled;
};
struct ScheduleView {
  jobs::Schedule schedule;
  std::string kind_name;
  std::optional<jobs::Job> last_job;
};

class Service {
 public:
  Service(std::shared_ptr<db::Database> db, const Clock& clock, jobs::Runner& runner, std::string node,
          std::string jobs_dir);

  Result<std::vector<audit::Entry>> audit_page(const auth::Principal& p, const audit::store::Filter& f, int64_t limit,
                                               int64_t offset, int64_t* total);
  Result<audit::Entry> audit_entry(const auth::Principal& p, int64_t seq);
  Result<audit::Facets> audit_facets(const auth::Principal& p);
  // Queues an .xlsx export of the entries matching `f`; the request itself is audited.
  Result<jobs::Job> export_audit(const auth::Principal& p, const auth::Origin& from, const audit::store::Filter& f);

  Result<std::vector<jobs::Job>> jobs_page(const auth::Principal& p, const jobs::ListFilter& f, int64_t limit,
                                           int64_t offset, int64_t* total);
  Result<jobs::Job> job(const auth::Principal& p, int64_t id);
  Result<JobFile> job_file(const auth::Principal& p, int64_t id);

  Result<StatusInfo> status(const auth::Principal& p, const std::string& version, int64_t schema_version);

  // 定时任务: the kinds app allows on a schedule; the city admin lists, adds and edits schedules (each change audited).
  void add_schedulable(SchedulableKind k) { schedulable_.push_back(std::move(k)); }
  const std::vector<SchedulableKind>& schedulable() const { return schedulable_; }
  // The kinds of job this node runs, in words (the job list's filter, each job's kind_name).
  std::vector<jobs::Runner::Kind> job_kinds() const { return runner_.kinds(); }
  std::string job_kind_name(const std::string& kind) const { return runner_.kind_name(kind); }
  Result<std::vector<ScheduleView>> schedules(const auth::Principal& p);
  Result<ScheduleView> save_schedule(const auth::Principal& p, const auth::Origin& from, std::optional<int64_t> id,
                                     const ScheduleInput& in);

  // The export handler, registered with the job runner.
  jobs::Handler audit_export_handler();

 private:
  std::shared_ptr<db::Database> db_;
  const Clock& clock_;
  jobs::Runner& runner_;
  std::string node_, jobs_dir_;
  int64_t started_at_;
  std::vector<SchedulableKind> schedulable_;
};

}  // namespace sz::ops
