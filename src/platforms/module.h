// The 工业互联网平台 area as the platform lists it (app/modules.cc): what it declares about itself.
#pragma once
#include "infra/module.h"

namespace sz::platforms {

extern const module::Info kModule;

}  // namespace sz::platforms
