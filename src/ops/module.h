// The 运维 area as the platform lists it (app/modules.cc): what it declares about itself.
#pragma once
#include "infra/module.h"

namespace sz::ops {

extern const module::Info kModule;

}  // namespace sz::ops
