// The items behind the target matrix's indicators 5–10, each read from the area that keeps them.
#pragma once
#include "catalog/service.h"
#include "market/directory.h"
#include "records/service.h"
#include "stats/service.h"

namespace sz::app {

void add_indicator_sources(stats::Service& stats, records::Service& records, market::Directory& providers,
                           catalog::Service& catalog);

}  // namespace sz::app
