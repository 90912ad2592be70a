// HTTP side of the assessment: models, live scoring, assessments of an enterprise, comparison.
#pragma once
#include "assessment/service.h"
#include "auth/api.h"

namespace sz::assessment {
void register_routes(auth::Routes& routes, Service& svc);
}
