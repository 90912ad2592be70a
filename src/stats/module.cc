#include "stats/module.h"

namespace sz::stats {

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
};

}  // namespace sz::stats
