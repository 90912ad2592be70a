// HTTP side of targets: /targets (the plan's matrix with its consistency findings) and /district-targets.
#pragma once
#include "auth/api.h"
#include "stats/service.h"

namespace sz::stats {
void register_routes(auth::Routes& routes, Service& stats);
}
