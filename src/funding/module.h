// The 资金 area as the platform lists it (app/modules.cc): what it declares about itself.
#pragma once
#include "infra/module.h"

namespace sz::funding {

extern const module::Info kModule;

}  // namespace sz::funding
