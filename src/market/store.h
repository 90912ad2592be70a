// SQL of service providers (数字化服务商). The full provider lifecycle comes with the market issue;
// the foundation needs providers to exist so provider accounts can be bound to one.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "infra/db/db.h"

namespace sz::market::store {

struct Provider {
  int64_t id = 0;
  std::string name, credit_code, kind;  // kind: "integrator" (集成服务商) or "specialist" (专业服务商)
  bool in_zhengzhou = true;             // 在郑
};

Result<int64_t> insert_provider(db::Connection& c, const Provider& p, int64_t now);
Result<bool> provider_exists(db::Connection& c, int64_t id);
Result<std::optional<Provider>> provider_by_id(db::Connection& c, int64_t id);
// The directory, by id (providers number in the hundreds per city).
Result<std::vector<Provider>> providers(db::Connection& c, int64_t limit);

}  // namespace sz::market::store
