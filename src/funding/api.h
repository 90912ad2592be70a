// HTTP side of funding: the what-if subsidy quote (a public contract, also served by `shuzhuan quote`),
// the rule sets, and the LPR table.
#pragma once
#include <string_view>

#include "auth/api.h"
#include "funding/service.h"

namespace sz::funding {

// Decodes a quote request, computes it and encodes the reply (docs/openapi.json, QuoteRequest → Quote).
Result<boost::json::object> quote_reply(Service& svc, std::string_view request_body);

void register_routes(auth::Routes& routes, Service& svc);

}  // namespace sz::funding
