#include "app/reference.h"

#include <stdexcept>

#include "app/embedded.h"
#include "funding/service.h"
#include "infra/ranges.h"
#include "registry/service.h"
#include "stats/service.h"

namespace sz::app {

Result<std::vector<stats::Finding>> load_reference(db::Connection& c, int64_t now) {
  auto industries = embedded::find("data/industries.json");
  auto districts = embedded::find("data/districts.json");
  auto plan = embedded::find("data/plan-2024-10.json");
  auto lpr = embedded::find("data/lpr.json");
  if (!industries || !districts || !plan || !lpr) return err::internal("reference data missing from the build");
  SZ_ASSIGN(auto tx, db::Transaction::begin(c));
  SZ_TRY(registry::internal::load_reference(c, *industries, *districts, now));
  SZ_ASSIGN(auto findings, stats::internal::load_plan(c, *plan, now));
  SZ_TRY(funding::internal::load_lpr(c, *lpr, now));
  SZ_TRY(tx->commit());
  return findings;
}

registry::Params registry_params() {
  auto p = registry::Service::parse_params(*embedded::find("data/registry-rules.json"));
  if (!p) throw std::runtime_error("data/registry-rules.json: " + p.error().detail);
  return *p;
}

void install_input_ranges() {
  auto doc = embedded::find("data/input-ranges.json");
  auto s = doc ? ranges::install(*doc) : Status(err::internal("data/input-ranges.json missing from the build"));
  if (!s) throw std::runtime_error("data/input-ranges.json: " + s.error().detail);
}

}  // namespace sz::app
