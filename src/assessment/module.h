// The 评测 area as the platform lists it (app/modules.cc): what it declares about itself.
#pragma once
#include "infra/module.h"

namespace sz::assessment {

extern const module::Info kModule;

}  // namespace sz::assessment
