// HTTP side of the industrial internet platforms: the register, keys, batches and evaluations for officials, and
// the key-authenticated interface the platforms call (/api/v1/platform-api/…).
#pragma once
#include "auth/api.h"
#include "platforms/service.h"

namespace sz::platforms {

void register_routes(auth::Routes& routes, Service& svc);

}  // namespace sz::platforms
