// The items behind the target matrix's indicators that the catalogue (catalog) keeps (stats::ItemSource), for the progress figures.
#pragma once
#include "catalog/service.h"
#include "stats/service.h"

namespace sz::catalog {

void add_indicator_sources(stats::Service& stats, Service& catalog);

}  // namespace sz::catalog
