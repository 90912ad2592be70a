// The 统计 area as the platform lists it (app/modules.cc): what it declares about itself.
#pragma once
#include "infra/module.h"

namespace sz::stats {

extern const module::Info kModule;

}  // namespace sz::stats
