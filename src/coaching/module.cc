#include "coaching/module.h"

#include "coaching/api.h"
#include "coaching/service.h"

namespace sz::coaching {

namespace {
void assemble(module::Assembly& a) {
  a.make<Service>(a.database(), a.clock(), a.reference("data/coaching.json", &Service::parse_rules));
}

void install(module::Assembly& a) {
  auto& svc = a.service<Service>();
  register_routes(a.service<auth::Routes>(), svc);
  a.service<workflow::Library>().add("coaching", "一对一辅导", svc.rules().workflow);
}
}  // namespace

const module::Info kModule{
    .name = "coaching",
    .title = "一对一辅导",
    .audit =
        {
            .actions =
                {
                    {"coaching.request", "申请一对一辅导"},
                    {"coaching.assign", "指派辅导专家"},
                    {"coaching.decline", "不予受理辅导申请"},
                    {"coaching.withdraw", "撤回辅导申请"},
                    {"coaching.record_session", "登记辅导记录"},
                    {"coaching.close", "结束辅导"},
                    {"coaching.rate", "评价辅导"},
                },
            .entities =
                {
                    {"coaching", "一对一辅导"},
                },
            .fields =
                {
                    {"coaching", "state", "辅导状态"},
                    {"coaching", "sessions", "辅导次数"},
                    {"coaching", "expert", "辅导专家"},
                    {"coaching", "expert_user_id", "辅导专家账号"},
                    {"coaching", "enterprise", "申请企业"},
                    {"coaching", "topic", "辅导主题"},
                    {"coaching", "mode", "希望的辅导方式"},
                    {"coaching", "needs", "辅导需求"},
                    {"coaching", "held_on", "辅导日期"},
                    {"coaching", "minutes", "辅导时长（分钟）"},
                    {"coaching", "session_mode", "辅导方式"},
                    {"coaching", "content", "辅导内容"},
                    {"coaching", "advice", "专家建议"},
                    {"coaching", "summary", "辅导总结"},
                    {"coaching", "rating", "评分"},
                    {"coaching", "comment", "评价意见"},
                },
        },
    .assemble = assemble,
    .install = install,
};

}  // namespace sz::coaching
