// Background jobs: queued in the store, run by a runner thread on any node, with progress and a lease.
// A handler reads through its own connection, reports progress, and returns a result committed together with
// the job's final state — and only if this runner still holds the lease, so a job runs to completion once.
#pragma once
#include <atomic>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "infra/clock.h"
#include "infra/db/db.h"

namespace sz::jobs {

struct Job {
  int64_t id = 0;
  std::string kind;
  std::optional<int64_t> owner_user_id;
  std::string owner_username;
  std::string state;  // queued | running | succeeded | failed
  std::string params_json;
  int64_t done = 0, total = 0;
  std::optional<std::string> result_json, error;
  int64_t attempts = 0, max_attempts = 3;
  std::optional<std::string> lease_owner;
  std::optional<int64_t> lease_until;
  int64_t created_at = 0;
  std::optional<int64_t> started_at, finished_at;
};

// Queues a job in the caller's transaction (so the request that asks for it and the job commit together).
Result<int64_t> enqueue(db::Connection& c, const std::string& kind, std::optional<int64_t> owner,
                        const std::string& params_json, int64_t now, int max_attempts = 3);
Result<std::optional<Job>> find(db::Connection& c, int64_t id);
struct ListFilter {
  std::optional<int64_t> owner;  // nullopt: every owner
  std::optional<int64_t> id;     // one job (a link to a schedule's last run)
  std::string state, kind;
};
Result<std::vector<Job>> list(db::Connection& c, const ListFilter& f, int64_t limit, int64_t offset);
Result<int64_t> count(db::Connection& c, const ListFilter& f);
Result<std::map<std::string, int64_t>> count_by_state(db::Connection& c);

class Context;
struct Outcome {
  std::string result_json;
  // Runs in the transaction that marks the job succeeded: effects that must happen exactly once go here.
  std::function<Status(db::Connection&)> commit;
};
using Handler = std::function<Result<Outcome>(Context&)>;

class Context {
 public:
  const Job& job() const { return job_; }
  // A connection of the job's own for reading (it may stream for a long time).
  db::Connection& reader() { return *reader_; }
  // Reports progress and renews the lease; false when the lease was lost (another node took the job over),
  // and the handler should stop.
  bool progress(int64_t done, int64_t total);
  const std::string& work_dir() const { return work_dir_; }

 private:
  friend class Runner;
  Context(Job job, std::unique_ptr<db::Connection> reader, db::Connection& writer, const Clock& clock,
          std::string node, int64_t lease_seconds, std::string work_dir);
  Job job_;
  std::unique_ptr<db::Connection> reader_;
  db::Connection& writer_;
  const Clock& clock_;
  std::string node_;
  int64_t lease_seconds_;
  std::string work_dir_;
  int64_t last_renew_ = 0;
};

struct RunnerOptions {
  std::string node;            // this node's name in leases
  int threads = 1;
  int64_t lease_seconds = 30;
  std::string work_dir;        // where handlers write result files
};

class Runner {
 public:
  Runner(std::shared_ptr<db::Database> db, const Clock& clock, RunnerOptions opts);
  ~Runner();
  // `name` is the kind in words, shown wherever a job is listed.
  void add(const std::string& kind, std::string name, Handler h);
  struct Kind {
    std::string code, name;
  };
  std::vector<Kind> kinds() const;                    // every registered kind, by code
  const std::string& node() const { return opts_.node; }
  std::string kind_name(const std::string& kind) const;  // "任务" for one not registered
  // Runs `fn` every `interval` seconds on one node of all (claim_timer), inside the claiming transaction; when it
  // fails, the claim is rolled back and this node tries again a minute later. Declare timers before start().
  using TimerFn = std::function<Status(db::Connection&, int64_t now)>;
  void add_timer(std::string name, int64_t interval, TimerFn fn);
  // Fires the timers that are due now (the loop does so on every pass; serve also once before it listens).
  void fire_timers(db::Connection& c);
  void start();
  void stop();   // waits for running handlers to return
  void wake();   // a job was queued: look now rather than at the next poll

 private:
  void loop();
  Result<std::optional<Job>> claim(db::Connection& c);
  void run_one(db::Connection& c, Job job);

  std::shared_ptr<db::Database> db_;
  const Clock& clock_;
  RunnerOptions opts_;
  std::map<std::string, Handler> handlers_;
  std::map<std::string, std::string> names_;
  struct Timer {
    std::string name;
    int64_t interval;
    TimerFn fn;
    int64_t retry_at = 0;  // after a failure, this node waits until then
  };
  std::vector<Timer> timers_;
  std::mutex timers_mu_;  // one firing at a time on this node
  std::vector<std::thread> threads_;
  std::atomic<bool> stopping_{false};
  std::mutex mu_;
  std::condition_variable cv_;
};

}  // namespace sz::jobs
