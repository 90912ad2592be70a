#include "reports/module.h"

#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include <filesystem>
#include <iostream>

#include "funding/subsidies.h"
#include "infra/jobs/jobs.h"
#include "ops/service.h"
#include "platforms/service.h"
#include "projects/service.h"
#include "records/service.h"
#include "registry/service.h"
#include "reports/api.h"
#include "reports/quality.h"
#include "reports/service.h"
#include "stats/service.h"

namespace sz::reports {

namespace {

// Every summary row recomputed from the records; --repair rebuilds them (the differences go to the audit trail).
module::Command verify_stats() {
  return {"stats verify", "按明细记录重算全部汇总表并列出差异（有差异时退出码为 1）", true,
          [](CLI::App& cmd, module::SettingFlags&) -> module::Run {
            auto repair = std::make_shared<bool>(false);
            cmd.add_flag("--repair", *repair, "按明细重建汇总表，差异记入审计日志");
            return [repair](module::Context& ctx) {
              auto db = ctx.database();
              if (!db) return module::fail(db.error());
              auto c = (*db)->local();
              if (!c) return module::fail(c.error());
              const auto& params = ctx.service<registry::Service>().params();
              auto found = *repair ? repair_summaries(**c, params, audit::kCommandLine, ctx.clock().now())
                                   : verify_summaries(**c, params);
              if (!found) return module::fail(found.error());
              for (const auto& d : *found) std::cout << difference_text(d) << "\n";
              if (found->empty()) {
                std::cout << "全部汇总表与明细记录一致\n";
                return 0;
              }
              if (*repair) {
                std::cout << "已按明细记录重建汇总表，更正 " << found->size() << " 处差异（审计日志 stats.repair）\n";
                return 0;
              }
              std::cout << "汇总表与明细记录有 " << found->size() << " 处不一致；运行 shuzhuan stats verify --repair 可重建\n";
              return 1;
            };
          }};
}

// A 通报's files made again from the snapshot frozen when it was issued, and checked against the SM3 of then.
module::Command render_report() {
  return {"report render", "按发布时冻结的数据快照重新生成通报的 PDF 和 Excel，并与发布时的 SM3 核对", true,
          [](CLI::App& cmd, module::SettingFlags& flags) -> module::Run {
            flags.add(cmd, "--jobs-dir", "jobs.dir", "任务结果目录（通报文件在其 reports/ 下）");
            auto id = std::make_shared<int64_t>(0);
            auto out = std::make_shared<std::string>();
            cmd.add_option("--id", *id, "通报编号")->required();
            cmd.add_option("--out", *out, "写到这个目录（默认：覆盖保存位置的文件）");
            return [id, out](module::Context& ctx) {
              auto db = ctx.database();
              if (!db) return module::fail(db.error());
              auto c = (*db)->local();
              if (!c) return module::fail(c.error());
              auto dir = (std::filesystem::path(ctx.settings().get("jobs.dir")) / "reports").string();
              auto r = internal::rerender(**c, *id, dir, *out);
              if (!r) return module::fail(r.error());
              auto same = [](bool s) { return s ? "（与发布时一致）" : "（与发布时不一致）"; };
              std::cout << "PDF：" << r->pdf_path << "\n  SM3 " << r->pdf_sm3 << same(r->pdf_same) << "\nExcel：" << r->xlsx_path
                        << "\n  SM3 " << r->xlsx_sm3 << same(r->xlsx_same) << "\n";
              return r->pdf_same && r->xlsx_same ? 0 : 2;
            };
          }};
}

}  // namespace

namespace {
void assemble(module::Assembly& a) {
  auto& figures = a.service<stats::Service>();
  auto& enterprises = a.service<registry::Service>();
  a.make<Service>(a.database(), a.clock(),
                  Collector(figures, a.service<projects::Service>(), a.service<funding::Subsidies>(), enterprises,
                            a.service<records::Service>(), a.service<platforms::Service>()),
                  Quality(figures, enterprises), Evaluation(figures),
                  (std::filesystem::path(a.settings().get("jobs.dir")) / "reports").string(), a.testing(),
                  a.settings().get_int("reports.live_min_interval_seconds"));
}

// A scheduled 通报 covers the month or the quarter before the day it runs.
Status check_issue_params(const std::string& params) {
  boost::system::error_code ec;
  auto v = boost::json::parse(params, ec);
  const auto* period = !ec && v.is_object() && v.as_object().size() == 1 ? v.as_object().if_contains("period") : nullptr;
  if (!period || !period->is_string() ||
      (period->as_string() != "previous_month" && period->as_string() != "previous_quarter"))
    return err::invalid("params", "period 应为 previous_month（上月）或 previous_quarter（上季度）");
  return ok();
}

void install(module::Assembly& a) {
  auto& reports = a.service<Service>();
  register_routes(a.service<auth::Routes>(), reports, a.testing());
  auto& runner = a.service<jobs::Runner>();
  runner.add("reports.issue", "发布通报", reports.issue_handler());
  runner.add("reports.quality", "数据质量检查", reports.quality_handler());
  // What admins may put on a schedule (定时任务), with the parameters each starts from.
  auto& schedules = a.service<ops::Service>();
  schedules.add_schedulable({"reports.issue", R"({"period":"previous_month"})", check_issue_params});
  schedules.add_schedulable({"reports.quality", "{}", [](const std::string& params) -> Status {
                         if (params != "{}") return err::invalid("params", "数据质量检查没有参数");
                         return ok();
                       }});
}
}  // namespace

const module::Info kModule{
    .name = "reports",
    .title = "监测通报",
    .audit =
        {
            .actions =
                {
                    {"stats.repair", "按明细重建汇总表"},
                },
            .entities =
                {
                    {"summary", "汇总表"},
                },
        },
    .commands = {{"stats", "统计汇总表", false, nullptr}, verify_stats(), {"report", "通报", false, nullptr}, render_report()},
    .assemble = assemble,
    .install = install,
};

}  // namespace sz::reports
