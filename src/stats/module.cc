#include "stats/module.h"

#include "infra/jobs/jobs.h"
#include "stats/api.h"
#include "stats/service.h"

namespace sz::stats {

namespace {
void assemble(module::Assembly& a) {
  a.make<Service>(a.database(), a.clock(), a.service<registry::Service>(),
                  a.reference("data/indicator-metrics.json", &Service::parse_metric_defs));
}

void install(module::Assembly& a) {
  auto& stats = a.service<Service>();
  register_routes(a.service<auth::Routes>(), stats);
  a.service<jobs::Runner>().add("stats.progress_export", "导出数据驾驶舱", stats.export_handler(a.settings().get("jobs.dir")));
}
}  // namespace

const module::Info kModule{
    .name = "stats",
    .title = "统计",
    .audit =
        {
            .actions =
                {
                    {"stats.export", "导出数据驾驶舱"},
                },
        },
    .assemble = assemble,
    .install = install,
};

}  // namespace sz::stats
