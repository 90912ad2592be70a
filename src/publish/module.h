// The 信息发布 area as the platform lists it (app/modules.cc): what it declares about itself.
#pragma once
#include "infra/module.h"

namespace sz::publish {

extern const module::Info kModule;

}  // namespace sz::publish
