// The platform's own commands: serve, init, config check, routes, backup, restore.
#pragma once
#include <vector>

#include "infra/module.h"

namespace sz::app {

std::vector<module::Command> platform_commands();

}  // namespace sz::app
