// The items behind the target matrix's indicators that 成果记录 (records) keeps (stats::ItemSource), for the progress figures.
#pragma once
#include "records/service.h"
#include "stats/service.h"

namespace sz::records {

void add_indicator_sources(stats::Service& stats, Service& records);

}  // namespace sz::records
