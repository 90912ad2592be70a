// The 企商互动 area as the platform lists it (app/modules.cc): what it declares about itself.
#pragma once
#include "infra/module.h"

namespace sz::exchange {

extern const module::Info kModule;

}  // namespace sz::exchange
