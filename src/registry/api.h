// HTTP side of the registry: /industries, /districts (public) and /enterprises (scoped).
#pragma once
#include "auth/api.h"
#include "registry/service.h"
#include "registry/transfer.h"

namespace sz::registry {
void register_routes(auth::Routes& routes, Service& registry, Transfer& transfer);
}
