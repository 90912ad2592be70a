// Demo data for what the platform holds so far: the 440 pilot enterprises (industry totals as the target
// matrix's row 1, district totals and batches as the annex), one provider, and one account per role.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "auth/service.h"
#include "registry/service.h"

namespace sz::app {

struct DemoAccount {
  std::string username, role, scope;
};

extern const char* const kDemoPassword;

// Does nothing when the demo enterprises already exist. Returns the demo accounts.
Result<std::vector<DemoAccount>> load_demo(db::Database& db, auth::Service& auth, registry::Service& registry,
                                           const Clock& clock);

}  // namespace sz::app
