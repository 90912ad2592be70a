// The platform's areas, in the order they are built (an area after those it uses). Adding an area is one line here.
#pragma once
#include <vector>

#include "infra/module.h"

namespace sz::app {

const std::vector<const module::Info*>& modules();

}  // namespace sz::app
