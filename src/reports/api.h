// HTTP side of the 通报: issuing (a job), the list, one report with its snapshot, its PDF and workbook, and the live
// attainment forecast.
#pragma once
#include "auth/api.h"
#include "reports/service.h"

namespace sz::reports {

void register_routes(auth::Routes& routes, Service& svc, bool test_pacing);

}  // namespace sz::reports
