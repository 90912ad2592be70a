#include "market/module.h"

#include "market/api.h"
#include "market/directory.h"
#include "market/indicators.h"

namespace sz::market {

namespace {
void assemble(module::Assembly& a) {
  a.make<Directory>(a.database(), a.clock(), a.reference("data/provider-rules.json", &Directory::parse_rules));
}

void install(module::Assembly& a) {
  auto& directory = a.service<Directory>();
  register_routes(a.service<auth::Routes>(), directory);
  add_indicator_sources(a.service<stats::Service>(), directory);
  a.service<workflow::Library>().add("providers", "服务商入库与考核", directory.rules().workflow);
}
}  // namespace

const module::Info kModule{
    .name = "market",
    .title = "服务商",
    .audit =
        {
            .actions =
                {
                    {"provider.create", "新增服务商"},
                    {"provider.update", "修改服务商资料"},
                    {"provider.apply", "提交入库申请"},
                    {"provider.start_notice", "开始公示"},
                    {"provider.admit", "准予入库"},
                    {"provider.reject", "不予入库"},
                    {"provider.warn", "警告服务商"},
                    {"provider.order_rectification", "责令限期整改"},
                    {"provider.rectified", "整改完成"},
                    {"provider.remove", "服务商出库"},
                    {"provider.objection", "登记公示异议"},
                    {"provider.objection_resolve", "处理公示异议"},
                    {"provider.appeal", "服务商申诉"},
                    {"provider.appeal_decide", "处理申诉"},
                    {"provider.appeal_overturned", "撤销处理决定"},
                    {"provider.select", "公开遴选入选"},
                    {"provider.deselect", "取消遴选"},
                },
            .entities =
                {
                    {"provider", "服务商"},
                },
        },
    .assemble = assemble,
    .install = install,
};

}  // namespace sz::market
