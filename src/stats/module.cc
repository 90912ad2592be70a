#include "stats/module.h"

namespace sz::stats {

const module::Info kModule{
    "stats",
    "统计",
    {.actions = {{"stats.export", "导出数据驾驶舱"}}},
};

}  // namespace sz::stats
