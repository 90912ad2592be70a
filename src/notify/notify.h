// Notifications inside the platform (站内消息): any area adds one inside its own transaction, so the message and the
// change it announces commit together; users read and mark their own.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "infra/db/db.h"

namespace sz::notify {

struct Notification {
  int64_t id = 0, user_id = 0;
  std::string kind, title, link;
  int64_t created_at = 0;
  std::optional<int64_t> read_at;
};

// kind: "proposal" | "message" | "review" | "deadline" …; link: a path in the front end.
Status push(db::Connection& c, int64_t user_id, const std::string& kind, const std::string& title, const std::string& link,
            int64_t at);
// The same, once per (subject, user): a reminder the job finds again on its next run is not sent twice. Returns
// whether it was sent now.
Result<bool> push_once(db::Connection& c, const std::string& subject, int64_t user_id, const std::string& kind,
                       const std::string& title, const std::string& link, int64_t at);
Result<std::vector<Notification>> of_user(db::Connection& c, int64_t user_id, bool unread_only, int64_t limit);
Result<int64_t> unread_count(db::Connection& c, int64_t user_id);
// Marks one (or, with id 0, all) of the user's notifications read; false when the id is not the user's.
Result<bool> mark_read(db::Connection& c, int64_t user_id, int64_t id, int64_t at);

}  // namespace sz::notify
