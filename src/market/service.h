// The provider directory's internal interface: for other modules' services (and the demo), inside their transaction
// (the connection is theirs). Each trusts its caller — no principal, no authorization.
#pragma once
#include "audit/rules.h"
#include "infra/db/db.h"
#include "market/store.h"

namespace sz::market::internal {

Result<int64_t> create_provider_as(db::Connection& c, const audit::Actor& actor, const store::Provider& p,
                                   int64_t now);
Result<bool> provider_exists(db::Connection& c, int64_t id);
Result<std::optional<store::Provider>> find_provider(db::Connection& c, int64_t id);
Result<std::vector<store::Provider>> provider_directory(db::Connection& c);
// Listed providers that serve an industry (for matchmaking).
Result<std::vector<store::ProviderRecord>> listed_serving(db::Connection& c, const std::string& industry);

}  // namespace sz::market::internal
