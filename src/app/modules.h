// The platform's modules (app/modules.list), in the order they are assembled. Adding an area is its folder and one
// line in that list.
#pragma once
#include <vector>

#include "infra/module.h"

namespace sz::app {

const std::vector<const module::Info*>& modules();

}  // namespace sz::app
