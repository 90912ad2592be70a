// HTTP side of notifications: a user's own messages and marking them read.
#pragma once
#include <memory>

#include "auth/api.h"
#include "infra/db/db.h"

namespace sz::notify {

void register_routes(auth::Routes& routes, std::shared_ptr<db::Database> db, const Clock& clock);

}  // namespace sz::notify
