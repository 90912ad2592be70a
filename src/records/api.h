// HTTP side of the records: 链式 models, recognitions, 小微企业园, trainings, and their tally.
#pragma once
#include "auth/api.h"
#include "records/service.h"

namespace sz::records {

void register_routes(auth::Routes& routes, Service& svc);

}  // namespace sz::records
