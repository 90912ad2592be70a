#include "infra/jobs/schedule.h"

#include "infra/jobs/jobs.h"

namespace sz::jobs {

namespace {
constexpr int64_t kDay = 86400, kBeijing = 8 * 3600;

// Days since 1970-01-01 → (year, month, day of month, weekday 1–7 with Monday 1).
struct Civil {
  int64_t year, month, day, weekday;
};
Civil civil(int64_t days) {
  // Howard Hinnant's days_from_civil inverse.
  int64_t z = days + 719468, era = (z >= 0 ? z : z - 146096) / 146097, doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365, doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153, d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9;
  int64_t weekday = ((days % 7) + 7 + 3) % 7 + 1;  // 1970-01-01 was a Thursday (4)
  return {yoe + era * 400 + (m <= 2), m, d, weekday};
}

constexpr const char* kColumns =
    "id, name, job_kind, params, every, day, hour, enabled, next_run_at, owner_user_id, last_job_id, last_run_at, "
    "updated_by, updated_at";
Schedule schedule_of(const db::Row& r) {
  return {r.i64(0), r.text(1), r.text(2), r.text(3), r.text(4), r.i64(5), r.i64(6), r.i64(7) != 0, r.i64(8),
          r.opt_i64(9), r.opt_i64(10), r.opt_i64(11), r.text(12), r.i64(13)};
}
}  // namespace

std::optional<int64_t> next_run(const std::string& every, int64_t day, int64_t hour, int64_t after) {
  if (hour < 0 || hour > 23) return std::nullopt;
  if (every == "weekly" && (day < 1 || day > 7)) return std::nullopt;
  if (every == "monthly" && (day < 1 || day > 28)) return std::nullopt;
  if (every != "daily" && every != "weekly" && every != "monthly") return std::nullopt;
  int64_t local = after + kBeijing;
  int64_t today = (local >= 0 ? local : local - kDay + 1) / kDay;
  // At most 31 days ahead holds the next monthly run; check each day's firing time in order.
  for (int64_t d = today; d <= today + 32; ++d) {
    Civil c = civil(d);
    bool fires = every == "daily" || (every == "weekly" && c.weekday == day) || (every == "monthly" && c.day == day);
    int64_t at = d * kDay + hour * 3600 - kBeijing;
    if (fires && at > after) return at;
  }
  return std::nullopt;
}

Result<std::vector<Schedule>> schedules(db::Connection& c) {
  SZ_ASSIGN(auto rows, c.query(std::string("SELECT ") + kColumns + " FROM schedules ORDER BY id"));
  std::vector<Schedule> out;
  for (const auto& r : rows) out.push_back(schedule_of(r));
  return out;
}

Result<std::optional<Schedule>> schedule(db::Connection& c, int64_t id) {
  SZ_ASSIGN(auto row, c.query_one(std::string("SELECT ") + kColumns + " FROM schedules WHERE id = $1", {id}));
  if (!row) return std::optional<Schedule>();
  return std::optional<Schedule>(schedule_of(*row));
}

Result<int64_t> insert_schedule(db::Connection& c, const Schedule& s) {
  SZ_ASSIGN(auto row, c.query_one("INSERT INTO schedules (name, job_kind, params, every, day, hour, enabled, next_run_at, "
                                  "owner_user_id, updated_by, updated_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) RETURNING id",
                                  {s.name, s.job_kind, s.params_json, s.every, s.day, s.hour, static_cast<int64_t>(s.enabled),
                                   s.next_run_at, db::opt(s.owner_user_id), s.updated_by, s.updated_at}));
  return row->i64(0);
}

Status update_schedule(db::Connection& c, const Schedule& s) {
  SZ_TRY(c.execute("UPDATE schedules SET name = $2, params = $3, every = $4, day = $5, hour = $6, enabled = $7, "
                   "next_run_at = $8, owner_user_id = $9, updated_by = $10, updated_at = $11 WHERE id = $1",
                   {s.id, s.name, s.params_json, s.every, s.day, s.hour, static_cast<int64_t>(s.enabled), s.next_run_at,
                    db::opt(s.owner_user_id), s.updated_by, s.updated_at}));
  return ok();
}

Result<int> fire_due(db::Connection& c, int64_t now) {
  SZ_ASSIGN(auto due, c.query(std::string("SELECT ") + kColumns +
                                  " FROM schedules WHERE enabled = 1 AND next_run_at <= $1 ORDER BY next_run_at, id LIMIT 20",
                              {now}));
  int fired = 0;
  for (const auto& row : due) {
    Schedule s = schedule_of(row);
    auto next = next_run(s.every, s.day, s.hour, now);
    if (!next) continue;
    SZ_ASSIGN(auto tx, db::Transaction::begin(c));
    // Moved only if no other node moved it first: the one that moves it queues the job.
    SZ_ASSIGN(int64_t moved, c.execute("UPDATE schedules SET next_run_at = $1, last_run_at = $2 WHERE id = $3 AND next_run_at = $4",
                                       {*next, now, s.id, s.next_run_at}));
    if (moved == 0) continue;
    SZ_ASSIGN(int64_t job, enqueue(c, s.job_kind, s.owner_user_id, s.params_json, now));
    SZ_TRY(c.execute("UPDATE schedules SET last_job_id = $1 WHERE id = $2", {job, s.id}));
    SZ_TRY(tx->commit());
    ++fired;
  }
  return fired;
}

Result<bool> timer_due(db::Connection& c, const std::string& name, int64_t interval, int64_t now) {
  SZ_ASSIGN(auto row, c.query_one("SELECT last_at FROM timers WHERE name = $1", {name}));
  return !row || row->i64(0) == 0 || row->i64(0) + interval <= now;
}

Result<bool> claim_timer(db::Connection& c, const std::string& name, int64_t interval, int64_t now) {
  SZ_TRY(c.execute("INSERT INTO timers (name, last_at) VALUES ($1, 0) ON CONFLICT DO NOTHING", {name}));
  SZ_ASSIGN(auto row, c.query_one("SELECT last_at FROM timers WHERE name = $1", {name}));
  int64_t last = row->i64(0);
  if (last != 0 && last + interval > now) return false;
  SZ_ASSIGN(int64_t moved, c.execute("UPDATE timers SET last_at = $1 WHERE name = $2 AND last_at = $3", {now, name, last}));
  return moved == 1;
}

}  // namespace sz::jobs
