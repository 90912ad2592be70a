// HTTP side of the catalogue: 小快轻准 products and the N+X scenario library.
#pragma once
#include "auth/api.h"
#include "catalog/service.h"

namespace sz::catalog {

void register_routes(auth::Routes& routes, Service& svc);
boost::json::object product_json(const Service& svc, const ProductView& v);

}  // namespace sz::catalog
