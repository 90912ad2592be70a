// The 监测通报 area as the platform lists it (app/modules.cc): what it declares about itself.
#pragma once
#include "infra/module.h"

namespace sz::reports {

extern const module::Info kModule;

}  // namespace sz::reports
