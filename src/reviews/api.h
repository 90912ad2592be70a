// HTTP side of expert review: expert profiles and review rounds.
#pragma once
#include "auth/api.h"
#include "reviews/service.h"

namespace sz::reviews {

void register_routes(auth::Routes& routes, Service& svc);

}  // namespace sz::reviews
