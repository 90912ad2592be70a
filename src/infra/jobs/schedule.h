// Schedules (定时任务): a job kind with its parameters, run daily, weekly or monthly at an hour (Beijing time). Any
// node's runner fires a due schedule; a conditional update moves its next run before the job is queued, in one
// transaction, so a schedule fires once however many nodes see it due, and a restart loses nothing (a run missed
// while every node was down fires once when one comes back).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "infra/db/db.h"

namespace sz::jobs {

struct Schedule {
  int64_t id = 0;
  std::string name, job_kind, params_json = "{}";
  std::string every;  // daily | weekly | monthly
  int64_t day = 1;    // weekly: 1 (Monday) – 7; monthly: 1 – 28; daily: unused
  int64_t hour = 8;   // 0 – 23, Beijing time
  bool enabled = true;
  int64_t next_run_at = 0;
  std::optional<int64_t> owner_user_id, last_job_id, last_run_at;
  std::string updated_by;
  int64_t updated_at = 0;
};

// The first time strictly after `after` (epoch seconds) the schedule fires; nullopt when `every`/`day`/`hour` make no
// schedule. Pure.
std::optional<int64_t> next_run(const std::string& every, int64_t day, int64_t hour, int64_t after);

Result<std::vector<Schedule>> schedules(db::Connection& c);
Result<std::optional<Schedule>> schedule(db::Connection& c, int64_t id);
Result<int64_t> insert_schedule(db::Connection& c, const Schedule& s);
Status update_schedule(db::Connection& c, const Schedule& s);
// Queues a job for every schedule due at `now`; returns how many fired.
Result<int> fire_due(db::Connection& c, int64_t now);

// A timer of the platform's own (not an admin's schedule): due once `interval` seconds have passed since it last
// fired on any node. In the caller's write transaction, moves its last firing to `now` only if no other node moved
// it first; true when this caller fired it (the transaction then does the timer's work and commits).
Result<bool> claim_timer(db::Connection& c, const std::string& name, int64_t interval, int64_t now);
// Whether the timer looks due, read without a transaction: the runner's loop asks every second, and claims (a write
// transaction) only when this says yes.
Result<bool> timer_due(db::Connection& c, const std::string& name, int64_t interval, int64_t now);

}  // namespace sz::jobs
