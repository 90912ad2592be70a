// The plan's targets as the platform serves them, and loading them from data/plan-2024-10.json.
#pragma once
#include <functional>
#include <memory>
#include <string_view>
#include <vector>

#include "auth/service.h"
#include "infra/clock.h"
#include "infra/db/db.h"
#include "infra/jobs/jobs.h"
#include "registry/service.h"
#include "stats/rules.h"
#include "stats/store.h"

namespace sz::stats {

struct Targets {
  std::string version;
  std::vector<store::Group> groups;
  Plan plan;
  std::vector<Finding> findings;
};

struct ProgressView {
  Targets targets;
  Progress progress;
  int64_t stage = 0;       // the stage (a year) whose end the figures are at; 0 for today
  std::string as_of;       // the day the figures stand at: the stage's last day, or today while it runs
  int64_t rd_year = 0;     // indicator 11's year: the stage's, or the latest with figures
  int64_t patents_to = 0;  // indicator 12 counts 2024 to this year
  bool city_wide = true;
  std::map<std::string, int64_t> undated_items;  // item metric → items counted as they are now, for want of a day
};
// How a figure of the view was drawn, in words: the records it reads and the day they were counted to.
std::string drawn_from(const ProgressView& v, const MetricDef& d);

// Lists the items behind one of the item metrics (indicators 5–10); wired by app from the area that keeps them.
// These tables grow with the plan's counts (hundreds per city), not with enterprises, so a source reads them whole.
// `as_of` ("YYYY-MM-DD", "" for today) lets a source whose items also leave (providers removed from the directory)
// list those in at the end of that day; items that only ever arrive are dated and cut by the caller.
struct ItemSource {
  std::string metric, label;  // label: what one item is (认定, 服务商, …)
  bool by_district = true;    // false: a city-wide count with no figure in a district's view
  std::function<Result<std::vector<CountedItem>>(db::Connection&, const std::string& as_of)> items;
};

class Service {
 public:
  Service(std::shared_ptr<db::Database> db, const Clock& clock, registry::Service& registry, std::vector<MetricDef> defs)
      : db_(std::move(db)), clock_(clock), registry_(registry), defs_(std::move(defs)) {}
  static Result<std::vector<MetricDef>> parse_metric_defs(std::string_view json);
  Result<Targets> targets();

  // 数据驾驶舱: the plan's targets against the figures, for a city admin (the city) or a district officer (theirs):
  // today's (`stage` 0), or as they stood at the end of the stage `stage` (a year; today while it runs), read from the
  // month-keyed summary rows — indicators 1–4 at that day, 5–10 by their records' days, 11 of that year, 12 from 2024 to it.
  Result<ProgressView> progress(const auth::Principal& p, int64_t stage);
  // The same without a caller, for reports: the city ("") or one district.
  Result<ProgressView> progress_of(const std::string& district, int64_t stage);
  // The enterprises behind one figure.
  Result<std::vector<std::pair<registry::store::Enterprise, std::string>>> drill(
      const auth::Principal& p, const registry::store::MetricFilter& f, int64_t limit, int64_t offset, int64_t* total);
  void add_source(ItemSource s) { sources_.push_back(std::move(s)); }
  // An item metric as it stood at the end of `day`, city-wide; `undated` counts items without a date.
  Result<ItemTally> items_by(const std::string& metric, const std::string& day, int64_t* undated);
  // The items themselves, city-wide, as they stood at the end of `day` (reports list them).
  Result<std::vector<CountedItem>> items_at(const std::string& metric, const std::string& day);
  // Today's day in Beijing.
  std::string today() const { return shanghai_date(clock_.now()); }
  // The items behind an item metric's figure, today or (`as_of` a day) as they stood at its end — items without a
  // date as they are now; a district officer's stay in the district.
  Result<std::vector<CountedItem>> items(const auth::Principal& p, const std::string& metric, const std::string& industry,
                                         std::string district, const std::string& as_of, std::string* label);
  Result<jobs::Job> request_export(const auth::Principal& p, const auth::Origin& from, int64_t year);
  jobs::Handler export_handler(std::string jobs_dir);
  int64_t now() const { return clock_.now(); }

 private:
  std::shared_ptr<db::Database> db_;
  const Clock& clock_;
  registry::Service& registry_;
  std::vector<MetricDef> defs_;
  std::vector<ItemSource> sources_;
};

// The internal interface of the area's service: for the platform and other modules' services and jobs, inside
// their transaction (the connection is theirs). Each trusts its caller — no principal, no authorization — unless it
// takes the principal it authorizes.
namespace internal {
// Parses, checks and stores the plan document; returns the check's findings (errors included: the plan is
// loaded as written, and its inconsistencies are listed rather than hidden).
Result<std::vector<Finding>> load_plan(db::Connection& c, std::string_view plan_json, int64_t now);
}  // namespace internal

}  // namespace sz::stats
