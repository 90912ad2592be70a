// HTTP side of the N+X 样本库: sample enterprises, the experts' deliberations, and the versioned 需求清单.
#pragma once
#include "auth/api.h"
#include "catalog/samples.h"

namespace sz::catalog {

void register_sample_routes(auth::Routes& routes, Samples& svc);

}  // namespace sz::catalog
