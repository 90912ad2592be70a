// HTTP side of 企商互动: needs, suggestions, proposals, message threads, matchmaking events.
#pragma once
#include "auth/api.h"
#include "exchange/service.h"

namespace sz::exchange {

void register_routes(auth::Routes& routes, Service& svc, const catalog::Service& catalog);

}  // namespace sz::exchange
