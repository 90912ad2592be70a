// The 服务商 area as the platform lists it (app/modules.cc): what it declares about itself.
#pragma once
#include "infra/module.h"

namespace sz::market {

extern const module::Info kModule;

}  // namespace sz::market
