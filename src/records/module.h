// The 成果记录 area as the platform lists it (app/modules.cc): what it declares about itself.
#pragma once
#include "infra/module.h"

namespace sz::records {

extern const module::Info kModule;

}  // namespace sz::records
