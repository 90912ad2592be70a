// The items behind the target matrix's indicators that the directory of providers (market) keeps (stats::ItemSource), for the progress figures.
#pragma once
#include "market/directory.h"
#include "stats/service.h"

namespace sz::market {

void add_indicator_sources(stats::Service& stats, Directory& directory);

}  // namespace sz::market
