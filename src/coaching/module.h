// The 一对一辅导 area as the platform lists it (app/modules.list): what it declares about itself.
#pragma once
#include "infra/module.h"

namespace sz::coaching {

extern const module::Info kModule;

}  // namespace sz::coaching
