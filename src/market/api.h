// HTTP side of the market area so far: the provider directory the project forms pick from.
#pragma once
#include <memory>

#include "auth/api.h"
#include "infra/db/db.h"

namespace sz::market {

void register_routes(auth::Routes& routes, std::shared_ptr<db::Database> db);

}  // namespace sz::market
