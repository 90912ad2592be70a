// Every configuration key of the platform, its default and its check (docs/configuration.md lists them).
#pragma once
#include "infra/config.h"

namespace sz::app {

config::Settings platform_settings();

}  // namespace sz::app
