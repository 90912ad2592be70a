// HTTP side of the assessment: models, live scoring, assessments of an enterprise, comparison.
#pragma once
#include "assessment/service.h"
#include "auth/api.h"

namespace sz::assessment {
void register_routes(auth::Routes& routes, Service& svc);
// {"answers": {"1": ["B","C"], …}, "scenes": {"产品设计": 2, …}} with every shape error a 422 naming the item.
Result<Answers> answers_from(const boost::json::object& o);
}
