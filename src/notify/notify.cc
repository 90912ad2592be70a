#include "notify/notify.h"

namespace sz::notify {

Status push(db::Connection& c, int64_t user_id, const std::string& kind, const std::string& title, const std::string& link,
            int64_t at) {
  SZ_TRY(c.execute("INSERT INTO notifications (user_id, kind, title, link, created_at) VALUES ($1,$2,$3,$4,$5)",
                   {user_id, kind, title, link, at}));
  return ok();
}

Result<std::vector<Notification>> of_user(db::Connection& c, int64_t user_id, bool unread_only, int64_t limit) {
  SZ_ASSIGN(auto rows, c.query(std::string("SELECT id, user_id, kind, title, link, created_at, read_at FROM notifications "
                                           "WHERE user_id = $1") +
                                   (unread_only ? " AND read_at IS NULL" : "") + " ORDER BY id DESC LIMIT $2",
                               {user_id, limit}));
  std::vector<Notification> out;
  for (const auto& r : rows) out.push_back({r.i64(0), r.i64(1), r.text(2), r.text(3), r.text(4), r.i64(5), r.opt_i64(6)});
  return out;
}

Result<int64_t> unread_count(db::Connection& c, int64_t user_id) {
  SZ_ASSIGN(auto row, c.query_one("SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND read_at IS NULL", {user_id}));
  return row->i64(0);
}

Result<bool> push_once(db::Connection& c, const std::string& subject, int64_t user_id, const std::string& kind,
                       const std::string& title, const std::string& link, int64_t at) {
  SZ_ASSIGN(int64_t fresh, c.execute("INSERT INTO reminders_sent (subject, user_id, sent_at) VALUES ($1,$2,$3) ON CONFLICT DO NOTHING",
                                     {subject, user_id, at}));
  if (fresh == 0) return false;
  SZ_TRY(push(c, user_id, kind, title, link, at));
  return true;
}

Result<bool> mark_read(db::Connection& c, int64_t user_id, int64_t id, int64_t at) {
  if (id == 0) {
    SZ_TRY(c.execute("UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL", {user_id, at}));
    return true;
  }
  SZ_ASSIGN(int64_t n, c.execute("UPDATE notifications SET read_at = COALESCE(read_at, $3) WHERE id = $1 AND user_id = $2",
                                 {id, user_id, at}));
  return n > 0;
}

}  // namespace sz::notify
