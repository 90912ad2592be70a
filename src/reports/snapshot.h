// The data a 通报 is built from, gathered once and frozen: the target matrix, the districts against the annex, the
// pipeline funnel, late milestones, funds, provider scorecards, the attainment forecast and what changed since the
// previous report. The snapshot is a JSON document; its SM3 is what a report's figures can be checked against.
#pragma once
#include <boost/json/object.hpp>

#include <string>

#include "auth/service.h"
#include "funding/subsidies.h"
#include "platforms/service.h"
#include "projects/service.h"
#include "records/service.h"
#include "registry/service.h"
#include "reports/rules.h"
#include "stats/service.h"

namespace sz::reports {

struct Scope {
  std::string code, name;  // code "" = the whole city
};

class Collector {
 public:
  Collector(stats::Service& stats, projects::Service& projects, funding::Subsidies& subsidies, registry::Service& registry,
            records::Service& records, platforms::Service& platforms)
      : stats_(stats), projects_(projects), subsidies_(subsidies), registry_(registry), records_(records),
        platforms_(platforms) {}

  // `owner`: the city admin issuing it (funds are read as they read them). `previous`: the last issued snapshot of
  // the same scope and kind, if any. `now`: the issue time, which is also the documents' creation date.
  Result<boost::json::object> collect(db::Connection& c, const auth::Principal& owner, const Period& period,
                                      const Scope& scope, const boost::json::object* previous, int64_t now);

 private:
  stats::Service& stats_;
  projects::Service& projects_;
  funding::Subsidies& subsidies_;
  registry::Service& registry_;
  records::Service& records_;
  platforms::Service& platforms_;

  // The records the plan names beside the indicators (小灯塔, 数字工坊, 链式 models built and recognised, parks
  // transformed, 标识解析二级节点, replicable scenarios): how many stand, and those dated in the period.
  Result<boost::json::object> records_section(db::Connection& c, const Period& period, const Scope& scope);
};

// The figures of a snapshot that "what changed" compares (indicators, districts' accepted, the funnel), each in
// hundredths like the plan's figures (12 enterprises → 1200).
std::vector<Figure> figures_of(const boost::json::object& snapshot);

}  // namespace sz::reports
