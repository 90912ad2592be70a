#include "projects/module.h"

#include "documents/service.h"
#include "projects/api.h"
#include "projects/service.h"

namespace sz::projects {

namespace {
Reference reference(module::Assembly& a) {
  return module::Assembly::parsed("project reference data",
                                  Service::parse_reference(a.data("data/project-lifecycle.json"),
                                                           a.data("data/outcome-indicators.json"),
                                                           a.data("data/acceptance-materials.json"),
                                                           a.data("data/provider-scorecard.json")));
}

void assemble(module::Assembly& a) {
  a.make<Service>(a.database(), a.clock(), a.service<registry::Service>(), a.service<assessment::Service>(), reference(a));
}

void install(module::Assembly& a) {
  auto& docs = a.service<documents::Service>();
  register_routes(a.service<auth::Routes>(), a.service<Service>(), docs, a.settings().get("jobs.dir"));
  docs.add_owner("project", &internal::authorize);
  a.service<workflow::Library>().add("projects", "一企一策项目", a.service<Service>().reference().lifecycle);
}
}  // namespace

const module::Info kModule{
    .name = "projects",
    .title = "项目",
    .audit =
        {
            .actions =
                {
                    {"diagnosis.create", "登记诊断"},
                    {"project.create", "申报项目"},
                    {"project.submit", "提交申报"},
                    {"project.approve", "立项"},
                    {"project.return", "退回修改"},
                    {"project.start", "开始实施"},
                    {"project.apply_acceptance", "申请验收"},
                    {"project.district_approve", "区县审核通过"},
                    {"project.district_return", "区县退回"},
                    {"project.schedule_onsite", "安排现场验收"},
                    {"project.pass", "验收通过"},
                    {"project.fail", "验收不通过"},
                    {"project.pay_out", "补助兑现"},
                    {"project.plan_propose", "提交方案调整"},
                    {"project.plan_approve", "同意方案调整"},
                    {"project.plan_reject", "不同意方案调整"},
                    {"project.contract", "登记合同"},
                    {"project.milestone", "里程碑完成"},
                    {"project.cost", "登记费用"},
                    {"project.expert", "指派项目专家"},
                    {"project.supervision", "登记监管意见"},
                    {"project.rectify", "登记整改"},
                    {"project.outcomes", "填报成效指标"},
                    {"project.material", "提交验收材料"},
                    {"project.rating", "评价服务商"},
                    {"enterprise.accepted", "验收通过"},
                    {"project.terminate", "终止项目"},
                },
            .entities =
                {
                    {"project", "项目"},
                },
        },
    .assemble = assemble,
    .install = install,
};

}  // namespace sz::projects
