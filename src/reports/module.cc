#include "reports/module.h"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>

#include "reports/quality.h"
#include "reports/service.h"

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
              auto r = Service::rerender(**c, *id, dir, *out);
              if (!r) return module::fail(r.error());
              auto same = [](bool s) { return s ? "（与发布时一致）" : "（与发布时不一致）"; };
              std::cout << "PDF：" << r->pdf_path << "\n  SM3 " << r->pdf_sm3 << same(r->pdf_same) << "\nExcel：" << r->xlsx_path
                        << "\n  SM3 " << r->xlsx_sm3 << same(r->xlsx_same) << "\n";
              return r->pdf_same && r->xlsx_same ? 0 : 2;
            };
          }};
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
};

}  // namespace sz::reports
