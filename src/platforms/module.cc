#include "platforms/module.h"

#include "platforms/api.h"
#include "platforms/service.h"

namespace sz::platforms {

namespace {
void assemble(module::Assembly& a) {
  a.make<Service>(a.database(), a.clock(), a.service<registry::Service>(),
                  a.reference("data/platform-evaluation.json", &Service::parse_rules));
}

void install(module::Assembly& a) { register_routes(a.service<auth::Routes>(), a.service<Service>()); }
}  // namespace

const module::Info kModule{
    .name = "platforms",
    .title = "工业互联网平台",
    .audit =
        {
            .actions =
                {
                    {"enterprise.cloud", "上云用平台（平台报送）"},
                    {"platform.create", "登记工业互联网平台"},
                    {"platform.update", "修改工业互联网平台"},
                    {"platform.key_issue", "签发平台接口密钥"},
                    {"platform.key_revoke", "吊销平台接口密钥"},
                    {"platform.cloud_batch", "上云用平台批次"},
                    {"platform.evaluate", "平台考评"},
                    {"platform.node", "登记标识解析二级节点"},
                },
            .entities =
                {
                    {"platform", "工业互联网平台"},
                },
        },
    .assemble = assemble,
    .install = install,
};

}  // namespace sz::platforms
