// The 专家评审 area as the platform lists it (app/modules.cc): what it declares about itself.
#pragma once
#include "infra/module.h"

namespace sz::reviews {

extern const module::Info kModule;

}  // namespace sz::reviews
