// HTTP side of 一对一辅导: the reference (topics, modes, states), the list and detail of requests in the caller's
// scope, a new request, and the moves on one (/transitions: the action and what its input carries).
#pragma once
#include "auth/api.h"
#include "coaching/service.h"

namespace sz::coaching {

void register_routes(auth::Routes& routes, Service& svc);

}  // namespace sz::coaching
