#include "market/indicators.h"

#include "infra/clock.h"
#include "infra/json.h"
#include "market/rules.h"

namespace sz::market {

namespace {
// 在郑 providers in the directory — today, or at the end of `as_of` by the directory's history — under every industry
// they serve, dated by the start of their stay.
Result<std::vector<stats::CountedItem>> providers(Directory& directory, const std::string& as_of) {
  std::optional<int64_t> until;
  if (!as_of.empty()) until = shanghai_day_end(as_of);
  SZ_ASSIGN(auto list, directory.listed_at(until));
  std::vector<stats::CountedItem> out;
  for (const auto& [r, since] : list) {
    if (!r.base.in_zhengzhou) continue;
    out.push_back({r.base.id, r.base.name, provider_kind_name(r.base.kind), json::strings_of(r.industries_json), "",
                   shanghai_date(since), ""});
  }
  return out;
}
}  // namespace

void add_indicator_sources(stats::Service& stats, Directory& directory) {
  using Day = const std::string&;
  stats.add_source({"providers", "服务商", false,
                    [&directory](db::Connection&, Day as_of) { return providers(directory, as_of); }});
}

}  // namespace sz::market
