// The full demo's market and records, on the days they would have happened: the N+X 样本库 of each industry (samples,
// deliberation, confirmed 需求清单), 小快轻准 products reviewed and listed, a provider admitted through review and
// 公示 and another in 公示 today, trainings, parks, 链式 models, recognitions, two industrial internet platforms
// pushing 上云 batches with their keys and evaluated, and an enterprise's needs answered by providers.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "demo/demo.h"
#include "app/platform.h"
#include "audit/rules.h"
#include "auth/service.h"

namespace sz::demo {

struct MarketCast {
  auth::Principal admin, integrator, qiye;
  std::vector<auth::Principal> experts;  // experts[0] leads the panels
  int64_t provider_id = 0;               // the demo integrator
  std::vector<int64_t> enterprises;      // every demo enterprise
  int64_t qiye_enterprise = 0;
  audit::Actor actor;
  std::string today;
  std::vector<DemoAccount>* accounts = nullptr;
};
// Runs `fn` on `day` at `hour` (Beijing time), in day order with the rest of the demo.
using Schedule = std::function<void(const std::string& day, int hour, std::function<Status()> fn)>;

Status plan_market(Platform& pf, const MarketCast& cast, const Schedule& at);

}  // namespace sz::demo
