#include "funding/module.h"

#include <CLI/CLI.hpp>

#include <iostream>

#include "funding/api.h"
#include "funding/loans.h"
#include "funding/service.h"
#include "funding/subsidies.h"
#include "infra/json.h"

namespace sz::funding {

namespace {

// The same decoding, rules and LPR table as POST /api/v1/subsidies/quote; the reply or the error body goes to stdout.
module::Command quote() {
  return {"quote", "试算补助金额（不保存），请求与应答同 POST /api/v1/subsidies/quote", true,
          [](CLI::App& cmd, module::SettingFlags&) -> module::Run {
            auto request = std::make_shared<std::string>();
            cmd.add_option("--json", *request,
                           "试算请求（JSON），如 '{\"scheme\":\"diagnosis\",\"cost_fen\":5000000,\"task_completed\":true}'")
                ->required();
            return [request](module::Context& ctx) {
              if (auto s = ctx.prepare(); !s) return module::fail(s.error());
              auto reply = quote_reply(ctx.service<Service>(), *request);
              if (!reply) {
                std::cout << json::to_text(json::error_json(reply.error())) << "\n";
                return reply.error().status == 400 ? 3 : 2;
              }
              std::cout << json::to_text(*reply) << "\n";
              return 0;
            };
          }};
}

}  // namespace

namespace {
void assemble(module::Assembly& a) {
  // Every subsidy rule set built into the binary (data/subsidy-rules-*.json); a broken one stops start-up.
  auto& rules = a.make<Service>(a.database(), a.clock(), a.references("data/subsidy-rules-", &Service::parse_rules));
  a.make<Subsidies>(a.database(), a.clock(), rules, a.workflow("data/payment-workflow.json"));
  a.make<Loans>(a.database(), a.clock(), rules);
}

void install(module::Assembly& a) {
  auto& subsidies = a.service<Subsidies>();
  register_routes(a.service<auth::Routes>(), a.service<Service>(), subsidies, a.service<Loans>());
  a.service<workflow::Library>().add("payments", "补助拨付", subsidies.payment_workflow());
}
}  // namespace

const module::Info kModule{
    .name = "funding",
    .title = "资金",
    .audit =
        {
            .actions =
                {
                    {"lpr.create", "新增 LPR"},
                    {"lpr.update", "修改 LPR"},
                    {"lpr.delete", "删除 LPR"},
                    {"subsidy.approve", "核定补助"},
                    {"subsidy.cancel", "撤销补助核定"},
                    {"payment.schedule", "安排拨付"},
                    {"payment.approve", "审批拨付"},
                    {"payment.pay", "拨付"},
                    {"payment.return", "退回拨付"},
                    {"payment.cancel", "取消拨付"},
                    {"fund.create", "登记专项资金"},
                    {"fund.budget", "调整资金预算"},
                    {"loan.create", "登记数字贷"},
                    {"loan.apply", "申请贴息"},
                    {"loan.confirm", "确认实际利息"},
                    {"loan_pool.add", "推荐入中长期贷款项目库"},
                    {"loan.reopen", "退回已确认的利息"},
                },
            .entities =
                {
                    {"lpr", "LPR 利率"},
                    {"subsidy", "补助"},
                    {"fund", "专项资金"},
                },
        },
    .commands = {quote()},
    .assemble = assemble,
    .install = install,
};

}  // namespace sz::funding
