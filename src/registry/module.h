// The 企业 area as the platform lists it (app/modules.cc): what it declares about itself.
#pragma once
#include "infra/module.h"

namespace sz::registry {

extern const module::Info kModule;

}  // namespace sz::registry
