#include "infra/jobs/jobs.h"

#include <chrono>

#include "infra/jobs/schedule.h"
#include "infra/log.h"

namespace sz::jobs {

namespace {
const char* kColumns =
    "j.id, j.kind, j.owner_user_id, COALESCE(u.username, ''), j.state, j.params_json, j.progress_done, "
    "j.progress_total, j.result_json, j.error, j.attempts, j.max_attempts, j.lease_owner, j.lease_until, "
    "j.created_at, j.started_at, j.finished_at FROM jobs j LEFT JOIN users u ON u.id = j.owner_user_id ";

Job job_of(const db::Row& r) {
  Job j;
  j.id = r.i64(0);
  j.kind = r.text(1);
  j.owner_user_id = r.opt_i64(2);
  j.owner_username = r.text(3);
  j.state = r.text(4);
  j.params_json = r.text(5);
  j.done = r.i64(6);
  j.total = r.i64(7);
  j.result_json = r.opt_text(8);
  j.error = r.opt_text(9);
  j.attempts = r.i64(10);
  j.max_attempts = r.i64(11);
  j.lease_owner = r.opt_text(12);
  j.lease_until = r.opt_i64(13);
  j.created_at = r.i64(14);
  j.started_at = r.opt_i64(15);
  j.finished_at = r.opt_i64(16);
  return j;
}

std::string where(const ListFilter& f, db::Params& p) {
  std::string w = "WHERE 1=1";
  if (f.owner) w += " AND j.owner_user_id = " + db::bind(p, *f.owner);
  if (f.id) w += " AND j.id = " + db::bind(p, *f.id);
  if (!f.state.empty()) w += " AND j.state = " + db::bind(p, f.state);
  if (!f.kind.empty()) w += " AND j.kind = " + db::bind(p, f.kind);
  return w;
}
}  // namespace

Result<int64_t> enqueue(db::Connection& c, const std::string& kind, std::optional<int64_t> owner,
                        const std::string& params_json, int64_t now, int max_attempts) {
  SZ_ASSIGN(auto row, c.query_one("INSERT INTO jobs (kind, owner_user_id, state, params_json, progress_done, "
                                  "progress_total, attempts, max_attempts, created_at) "
                                  "VALUES ($1, $2, 'queued', $3, 0, 0, 0, $4, $5) RETURNING id",
                                  {kind, db::opt(owner), params_json, static_cast<int64_t>(max_attempts), now}));
  return row->i64(0);
}

Result<std::optional<Job>> find(db::Connection& c, int64_t id) {
  SZ_ASSIGN(auto row, c.query_one(std::string("SELECT ") + kColumns + "WHERE j.id = $1", {id}));
  if (!row) return std::optional<Job>{};
  return std::optional<Job>(job_of(*row));
}

Result<std::vector<Job>> list(db::Connection& c, const ListFilter& f, int64_t limit, int64_t offset) {
  db::Params p;
  std::string sql = std::string("SELECT ") + kColumns + where(f, p);
  sql += " ORDER BY j.id DESC LIMIT " + db::bind(p, limit) + " OFFSET " + db::bind(p, offset);
  SZ_ASSIGN(auto rows, c.query(sql, p));
  std::vector<Job> out;
  for (const auto& r : rows) out.push_back(job_of(r));
  return out;
}

Result<int64_t> count(db::Connection& c, const ListFilter& f) {
  db::Params p;
  SZ_ASSIGN(auto row, c.query_one("SELECT COUNT(*) FROM jobs j " + where(f, p), p));
  return row->i64(0);
}

Result<std::map<std::string, int64_t>> count_by_state(db::Connection& c) {
  std::map<std::string, int64_t> out{{"queued", 0}, {"running", 0}, {"succeeded", 0}, {"failed", 0}};
  SZ_ASSIGN(auto rows, c.query("SELECT state, COUNT(*) FROM jobs GROUP BY state"));
  for (const auto& r : rows) out[r.text(0)] = r.i64(1);
  return out;
}

Context::Context(Job job, std::unique_ptr<db::Connection> reader, db::Connection& writer, const Clock& clock,
                 std::string node, int64_t lease_seconds, std::string work_dir)
    : job_(std::move(job)), reader_(std::move(reader)), writer_(writer), clock_(clock), node_(std::move(node)),
      lease_seconds_(lease_seconds), work_dir_(std::move(work_dir)) {}

bool Context::progress(int64_t done, int64_t total) {
  job_.done = done;
  job_.total = total;
  int64_t now = clock_.now();
  auto n = writer_.execute(
      "UPDATE jobs SET progress_done = $1, progress_total = $2, lease_until = $3 "
      "WHERE id = $4 AND lease_owner = $5 AND attempts = $6 AND state = 'running'",
      {done, total, now + lease_seconds_, job_.id, node_, job_.attempts});
  last_renew_ = now;
  return n.ok() && *n == 1;
}

Runner::Runner(std::shared_ptr<db::Database> db, const Clock& clock, RunnerOptions opts)
    : db_(std::move(db)), clock_(clock), opts_(std::move(opts)) {}

Runner::~Runner() { stop(); }

void Runner::add(const std::string& kind, std::string name, Handler h) {
  handlers_[kind] = std::move(h);
  names_[kind] = std::move(name);
}

std::vector<Runner::Kind> Runner::kinds() const {
  std::vector<Kind> out;
  for (const auto& [code, name] : names_) out.push_back({code, name});
  return out;
}

std::string Runner::kind_name(const std::string& kind) const {
  auto it = names_.find(kind);
  return it == names_.end() ? "任务" : it->second;
}

void Runner::start() {
  for (int i = 0; i < opts_.threads; ++i) threads_.emplace_back([this] { loop(); });
}

void Runner::stop() {
  stopping_ = true;
  cv_.notify_all();
  for (auto& t : threads_)
    if (t.joinable()) t.join();
  threads_.clear();
}

void Runner::wake() { cv_.notify_one(); }

Result<std::optional<Job>> Runner::claim(db::Connection& c) {
  const int64_t now = clock_.now();
  // Kinds this node can run: a node never claims a job it has no handler for.
  std::string kinds;
  db::Params p{now};
  for (const auto& [k, _] : handlers_) kinds += (kinds.empty() ? "" : ",") + db::bind(p, k);
  if (kinds.empty()) return std::optional<Job>{};
  std::string pick = "SELECT id FROM jobs WHERE kind IN (" + kinds +
                     ") AND (state = 'queued' OR (state = 'running' AND lease_until < $1)) ORDER BY id LIMIT 1";
  if (c.engine() == db::Engine::postgresql) pick += " FOR UPDATE SKIP LOCKED";
  SZ_ASSIGN(auto tx, db::Transaction::begin(c));
  SZ_ASSIGN(auto row, c.query_one(pick, p));
  if (!row) return std::optional<Job>{};
  int64_t id = row->i64(0);
  SZ_TRY(c.execute("UPDATE jobs SET state = 'running', lease_owner = $1, lease_until = $2, attempts = attempts + 1, "
                   "started_at = COALESCE(started_at, $3) WHERE id = $4",
                   {opts_.node, now + opts_.lease_seconds, now, id}));
  SZ_ASSIGN(auto job, find(c, id));
  SZ_TRY(tx->commit());
  return job;
}

void Runner::add_timer(std::string name, int64_t interval, TimerFn fn) {
  std::lock_guard lock(timers_mu_);
  timers_.push_back({std::move(name), interval, std::move(fn)});
}

void Runner::fire_timers(db::Connection& c) {
  std::lock_guard lock(timers_mu_);
  for (auto& t : timers_) {
    int64_t now = clock_.now();
    if (now < t.retry_at) continue;
    auto fired = [&]() -> Status {
      SZ_ASSIGN(bool due, timer_due(c, t.name, t.interval, now));
      if (!due) return ok();
      SZ_ASSIGN(auto tx, db::Transaction::begin(c));
      SZ_ASSIGN(bool mine, claim_timer(c, t.name, t.interval, now));
      if (!mine) return ok();
      SZ_TRY(t.fn(c, now));
      return tx->commit();
    }();
    if (!fired) {
      t.retry_at = now + 60;
      log::error("timer failed", {{"timer", t.name}, {"detail", fired.error().detail.empty() ? fired.error().message : fired.error().detail}});
    }
  }
}

void Runner::loop() {
  while (!stopping_) {
    auto c = db_->local();
    std::optional<Job> job;
    if (c) {
      // Due schedules first, so their jobs are claimed in this same pass.
      if (auto fired = fire_due(**c, clock_.now()); !fired) log::error("schedules not fired", {{"detail", fired.error().detail}});
      fire_timers(**c);
      auto claimed = claim(**c);
      if (claimed)
        job = std::move(*claimed);
      else
        log::error("job claim failed", {{"detail", claimed.error().detail}});
    }
    if (job) {
      run_one(**c, std::move(*job));
      continue;
    }
    std::unique_lock lock(mu_);
    cv_.wait_for(lock, std::chrono::seconds(1), [this] { return stopping_.load(); });
  }
}

void Runner::run_one(db::Connection& c, Job job) {
  const int64_t id = job.id, attempt = job.attempts;
  log::info("job started", {{"job", id}, {"kind", job.kind}, {"attempt", attempt}});
  Result<Outcome> outcome = err::internal("no handler");
  auto reader = db_->connect();
  if (!reader) {
    outcome = reader.take_error();
  } else {
    Context ctx(job, std::move(reader).value(), c, clock_, opts_.node, opts_.lease_seconds, opts_.work_dir);
    try {
      outcome = handlers_.at(job.kind)(ctx);
    } catch (const std::exception& ex) {
      outcome = err::internal(std::string("exception: ") + ex.what());
    }
  }
  const int64_t now = clock_.now();
  // Finish only while holding the lease; otherwise another runner owns the job now and this attempt is void.
  const char* still_ours = "id = $1 AND lease_owner = $2 AND attempts = $3 AND state = 'running'";
  auto finish = [&]() -> Status {
    SZ_ASSIGN(auto tx, db::Transaction::begin(c));
    if (outcome) {
      SZ_ASSIGN(int64_t n, c.execute(std::string("UPDATE jobs SET state = 'succeeded', result_json = $4, error = NULL, "
                                                 "progress_done = progress_total, finished_at = $5, lease_until = NULL "
                                                 "WHERE ") + still_ours,
                                     {id, opts_.node, attempt, outcome->result_json, now}));
      if (n == 0) return err::conflict("", "lease lost");
      if (outcome->commit) SZ_TRY(outcome->commit(c));
    } else {
      const Error& e = outcome.error();
      std::string message = e.message + (e.detail.empty() ? "" : "（" + e.detail + "）");
      bool retry = attempt < job.max_attempts && e.status >= 500;
      SZ_ASSIGN(int64_t n, c.execute(std::string("UPDATE jobs SET state = $4, error = $5, lease_owner = NULL, "
                                                 "lease_until = NULL, finished_at = $6 WHERE ") + still_ours,
                                     {id, opts_.node, attempt, std::string(retry ? "queued" : "failed"), message,
                                      retry ? db::null() : db::Value(now)}));
      if (n == 0) return err::conflict("", "lease lost");
    }
    return tx->commit();
  };
  auto done = finish();
  if (!done)
    log::warn("job not finished by this runner", {{"job", id}, {"attempt", attempt}, {"reason", done.error().message}});
  else
    log::info("job finished", {{"job", id}, {"ok", outcome.ok()}});
}

}  // namespace sz::jobs
