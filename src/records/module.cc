#include "records/module.h"

#include "records/api.h"
#include "records/indicators.h"
#include "records/service.h"

namespace sz::records {

namespace {
void assemble(module::Assembly& a) { a.make<Service>(a.database(), a.clock()); }

void install(module::Assembly& a) {
  auto& records = a.service<Service>();
  register_routes(a.service<auth::Routes>(), records);
  add_indicator_sources(a.service<stats::Service>(), records);
}
}  // namespace

const module::Info kModule{
    .name = "records",
    .title = "成果记录",
    .audit =
        {
            .actions =
                {
                    {"chain.create", "登记链式转型模式"},
                    {"recognition.create", "登记智能工厂（车间、场景）认定"},
                    {"park.create", "登记小微企业园"},
                    {"training.create", "登记培训"},
                    {"training.attend", "登记参训企业"},
                    {"chain.complete", "登记链式模式建成"},
                    {"chain.recognize", "登记工信部链式典型案例认定"},
                    {"park.transform", "登记园区数字化改造完成"},
                    {"lighthouse.designate", "认定“小灯塔”企业"},
                    {"workshop.create", "登记数字工坊"},
                },
            .entities =
                {
                    {"chain", "链式模式"},
                    {"park", "小微企业园"},
                    {"training", "培训"},
                    {"workshop", "数字工坊"},
                },
        },
    .assemble = assemble,
    .install = install,
};

}  // namespace sz::records
