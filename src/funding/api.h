// HTTP side of funding: the what-if subsidy quote (a public contract, also served by `shuzhuan quote`), the rule
// sets, the LPR table; subsidy approvals and their payments, funds, cost sharing, 数字贷 loans and the loan pool.
#pragma once
#include <string_view>

#include "auth/api.h"
#include "funding/loans.h"
#include "funding/service.h"
#include "funding/subsidies.h"

namespace sz::funding {

// Decodes a quote request, computes it and encodes the reply (docs/openapi.json, QuoteRequest → Quote).
Result<boost::json::object> quote_reply(Service& svc, std::string_view request_body);

void register_routes(auth::Routes& routes, Service& svc, Subsidies& subsidies, Loans& loans);

}  // namespace sz::funding
