// HTTP side of operations: /audit, /jobs, /system/status and /metrics.
#pragma once
#include <string>
#include <vector>

#include "auth/api.h"
#include "ops/service.h"

namespace sz::ops {

struct ApiOptions {
  std::string version;
  std::vector<std::string> metrics_allow;  // addresses allowed to read /metrics
};
// `schema_version` reads the store's current version for the status page.
void register_routes(auth::Routes& routes, Service& ops, ApiOptions opts,
                     std::function<Result<int64_t>()> schema_version);

}  // namespace sz::ops
