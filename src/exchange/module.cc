#include "exchange/module.h"

#include "exchange/api.h"
#include "exchange/service.h"

namespace sz::exchange {

namespace {
void assemble(module::Assembly& a) {
  a.make<Service>(a.database(), a.clock(), a.service<catalog::Service>(), a.service<projects::Service>(),
                  a.reference("data/need-matching.json", &Service::parse_matching));
}

void install(module::Assembly& a) {
  auto& svc = a.service<Service>();
  register_routes(a.service<auth::Routes>(), svc, a.service<catalog::Service>());
  a.service<workflow::Library>().add("needs", "供需对接", svc.matching());
}
}  // namespace

const module::Info kModule{
    .name = "exchange",
    .title = "企商互动",
    .audit =
        {
            .actions =
                {
                    {"need.create", "发布需求"},
                    {"need.propose", "响应需求"},
                    {"need.match", "需求对接"},
                    {"need.close", "关闭需求"},
                    {"need.message", "需求留言"},
                    {"match_event.create", "发布对接会"},
                    {"match_event.register", "报名对接会"},
                },
            .entities =
                {
                    {"need", "需求"},
                    {"match_event", "供需对接会"},
                },
        },
    .assemble = assemble,
    .install = install,
};

}  // namespace sz::exchange
