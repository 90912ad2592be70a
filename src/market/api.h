// HTTP side of the market area: the provider directory (public), and the provider lifecycle — application, review,
// 公示 and objections, admission, sanctions and appeals, the per-industry selection of integrators.
#pragma once
#include <memory>

#include "auth/api.h"
#include "infra/db/db.h"
#include "market/directory.h"

namespace sz::market {

void register_routes(auth::Routes& routes, Directory& dir);

}  // namespace sz::market
