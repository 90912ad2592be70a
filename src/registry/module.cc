#include "registry/module.h"

#include "documents/service.h"
#include "infra/jobs/jobs.h"
#include "registry/api.h"
#include "registry/service.h"
#include "registry/transfer.h"

namespace sz::registry {

namespace {
void assemble(module::Assembly& a) {
  auto& registry = a.make<Service>(a.database(), a.clock(), a.reference("data/registry-rules.json", &Service::parse_params));
  a.make<Transfer>(a.database(), registry, a.clock(), a.settings().get("jobs.dir"));
}

void install(module::Assembly& a) {
  auto& transfer = a.service<Transfer>();
  register_routes(a.service<auth::Routes>(), a.service<Service>(), transfer);
  auto& runner = a.service<jobs::Runner>();
  runner.add("enterprise.import", "导入企业", transfer.import_handler());
  runner.add("enterprise.export", "导出企业", transfer.export_handler());
  a.service<documents::Service>().add_owner("enterprise", &internal::authorize);
}
}  // namespace

const module::Info kModule{
    .name = "registry",
    .title = "企业",
    .audit =
        {
            .actions =
                {
                    {"enterprise.create", "新增企业"},
                    {"enterprise.update", "修改企业信息"},
                    {"enterprise.year", "填报年度数据"},
                    {"enterprise.withdraw_request", "申请退出试点"},
                    {"enterprise.withdraw", "退出试点"},
                    {"enterprise.withdraw_approve", "批准退出申请"},
                    {"enterprise.withdraw_reject", "驳回退出申请"},
                    {"enterprise.import", "导入企业"},
                    {"enterprise.export", "导出企业"},
                    {"industry.create", "添加细分行业"},
                },
            .entities =
                {
                    {"enterprise", "企业"},
                    {"industry", "行业"},
                },
            .fields =
                {
                    {"", "credit_code", "统一社会信用代码"},
                    {"", "industry", "行业"},
                    {"", "batch", "试点批次"},
                    {"", "address", "地址"},
                    {"", "legal_rep", "法定代表人"},
                    {"", "contact_name", "联系人"},
                    {"", "contact_phone", "联系电话"},
                    {"", "tier", "企业梯度"},
                    {"", "scale_above", "规上企业"},
                    {"", "scale_source", "规上认定方式"},
                    {"", "cloud", "上云用云"},
                    {"", "cloud_stars", "上云星级"},
                    {"", "key_cultivation", "重点培育"},
                    {"", "credit_code_override", "信用代码例外理由"},
                    {"", "level", "数字化水平等级"},
                    {"", "level_source", "等级来源"},
                    {"", "revenue", "营业收入（分）"},
                    {"", "employees", "员工人数"},
                    {"", "rd_spending", "研发投入（分）"},
                    {"", "invention_patents", "新增发明专利"},
                    {"", "replacement", "增补企业"},
                    {"", "decision_note", "审批意见"},
                },
        },
    .assemble = assemble,
    .install = install,
};

}  // namespace sz::registry
