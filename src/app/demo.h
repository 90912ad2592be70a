// Demo data for what the platform holds so far: the 440 pilot enterprises (industry totals as the target
// matrix's row 1, district totals and batches as the annex) with tiers, 上云, two years of figures and, for about a
// third of them, a submitted self-assessment; one provider; and one account per role. Everything is written through
// the services, so the audit trail and the dashboard's summary counts are as real use would leave them.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "assessment/service.h"
#include "auth/service.h"
#include "registry/service.h"

namespace sz::app {

struct DemoAccount {
  std::string username, role, scope;
};

extern const char* const kDemoPassword;

// Does nothing when the demo enterprises already exist. Returns the demo accounts. `bare`: only the accounts and
// the 440 enterprises, without figures or assessments (the API tests start from it and create their own).
Result<std::vector<DemoAccount>> load_demo(db::Database& db, auth::Service& auth, registry::Service& registry,
                                           assessment::Service& assessment, const Clock& clock, bool bare = false);

}  // namespace sz::app
