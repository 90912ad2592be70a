// HTTP side of the registry: /industries, /districts (public) and /enterprises (scoped).
#pragma once
#include "auth/api.h"
#include "registry/service.h"
#include "registry/transfer.h"

namespace sz::registry {
void register_routes(auth::Routes& routes, Service& registry, Transfer& transfer);

// The request bodies the routes read; every shape error or unknown field is a 422 naming the field.
// An enterprise's fields (create and edit).
Result<EnterpriseInput> enterprise_input(const boost::json::object& o);
// The 增补 proposed with a withdrawal request ({"reason", "replacement": {…}}): none when absent or null.
Result<std::optional<EnterpriseInput>> proposed_replacement(const boost::json::object& body);
}
