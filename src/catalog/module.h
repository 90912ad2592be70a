// The 产品与场景库 area as the platform lists it (app/modules.cc): what it declares about itself.
#pragma once
#include "infra/module.h"

namespace sz::catalog {

extern const module::Info kModule;

}  // namespace sz::catalog
