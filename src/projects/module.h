// The 项目 area as the platform lists it (app/modules.cc): what it declares about itself.
#pragma once
#include "infra/module.h"

namespace sz::projects {

extern const module::Info kModule;

}  // namespace sz::projects
