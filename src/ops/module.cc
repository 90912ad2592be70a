#include "ops/module.h"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>

#include "audit/anchor.h"
#include "audit/signing.h"
#include "infra/jobs/jobs.h"
#include "ops/api.h"
#include "ops/service.h"

namespace sz::ops {

namespace {

namespace fs = std::filesystem;

// The chain checked link by link, then against the newest signed checkpoint with the public key alone.
module::Command verify_audit() {
  return {"audit verify", "校验审计哈希链，并用公钥核对最新的签名检查点", true,
          [](CLI::App& cmd, module::SettingFlags& flags) -> module::Run {
            auto expect_head = std::make_shared<std::string>();
            auto max_age = std::make_shared<std::optional<int64_t>>();
            cmd.add_option("--expect-head", *expect_head, "另行保存的链头哈希，核对最新记录未被删除");
            flags.add(cmd, "--public-key", "audit.verify_key", "验证公钥文件（SM2，PEM）");
            flags.add(cmd, "--checkpoint-dir", "audit.checkpoint_dir", "签名检查点目录");
            cmd.add_option("--max-age", *max_age, "最新检查点最长可以是多少秒前签的（默认：签名间隔加宽限）");
            return [expect_head, max_age](module::Context& ctx) {
              const auto& settings = ctx.settings();
              auto db = ctx.database();
              if (!db) return module::fail(db.error());
              auto c = (*db)->local();
              if (!c) return module::fail(c.error());
              auto key = crypto::Sm2Key::load_public(settings.get("audit.verify_key"));
              if (!key) return module::fail(key.error());
              auto rep = audit::verify_anchored(**c, *key, settings.get("audit.checkpoint_dir"), ctx.clock().now(),
                                                *max_age ? **max_age : audit::checkpoint_max_age(settings));
              if (!rep) return module::fail(rep.error());
              if (!rep->ok) {
                std::cout << "审计链校验失败：" << rep->reason << "\n";
                return 2;
              }
              if (!expect_head->empty() && *expect_head != rep->chain.head_hash) {
                std::cout << "审计链完整，但链头与另行保存的链头不符：最新的记录可能被删除\n";
                return 2;
              }
              const auto& cp = *rep->checkpoint;
              std::cout << "审计链完整：共 " << rep->chain.entries << " 条，链头 " << rep->chain.head_hash << "\n";
              std::cout << "签名检查点：第 " << cp.seq << " 条，签于 " << shanghai_time(cp.at) << "（"
                        << audit::duration_text(rep->age) << "前），SM2 签名有效（密钥 " << cp.key_id << "）\n";
              if (rep->unanchored > 0)
                std::cout << "检查点之后新增 " << rep->unanchored << " 条，尚待下一次签名：在此之前删除它们不会被发现\n";
              return 0;
            };
          }};
}

module::Command sign_checkpoint() {
  return {"audit checkpoint", "立即为审计链头签名，追加到签名检查点目录", true,
          [](CLI::App&, module::SettingFlags&) -> module::Run {
            return [](module::Context& ctx) {
              auto anchor = audit::configured_anchor(ctx.settings());
              if (!anchor) return module::fail(anchor.error());
              auto db = ctx.database();
              if (!db) return module::fail(db.error());
              auto c = (*db)->local();
              if (!c) return module::fail(c.error());
              auto cp = audit::sign_checkpoint(**c, anchor->key, anchor->dir, ctx.clock().now(), "manual");
              if (!cp) return module::fail(cp.error());
              if (!*cp) return module::fail(err::invalid("audit", "审计日志是空的，没有可签名的链头"));
              std::cout << "已签名检查点：第 " << (*cp)->seq << " 条 " << (*cp)->hash << "（密钥 " << (*cp)->key_id
                        << "），写入 " << anchor->dir << "\n";
              return 0;
            };
          }};
}

module::Command generate_keys() {
  return {"audit keygen", "生成审计签名密钥对（SM2）", false, [](CLI::App& cmd, module::SettingFlags&) -> module::Run {
            auto out = std::make_shared<std::string>();
            cmd.add_option("--out", *out, "写到这个目录：audit-signing.key（私钥，仅属主可读）与 audit-verify.pub（公钥）")
                ->required();
            return [out](module::Context&) {
              std::error_code ec;
              fs::create_directories(*out, ec);
              auto priv = (fs::path(*out) / "audit-signing.key").string(), pub = (fs::path(*out) / "audit-verify.pub").string();
              if (auto s = crypto::Sm2Key::generate(priv, pub); !s) return module::fail(s.error());
              auto key = crypto::Sm2Key::load_public(pub);
              if (!key) return module::fail(key.error());
              std::cout << "已生成审计签名密钥对（SM2，密钥编号 " << key->key_id() << "）：\n  私钥 " << priv
                        << "（配置为 audit.signing_key，只放在签名的服务节点上，不要交给数据库管理员）\n  公钥 " << pub
                        << "（配置为 audit.verify_key，交给审计人员）\n";
              return 0;
            };
          }};
}

}  // namespace

namespace {
void assemble(module::Assembly& a) {
  a.make<Service>(a.database(), a.clock(), a.service<jobs::Runner>(), a.service<jobs::Runner>().node(),
                  a.settings().get("jobs.dir"));
}

void install(module::Assembly& a) {
  auto& ops = a.service<Service>();
  const auto& build = a.service<module::Build>();
  register_routes(a.service<auth::Routes>(), ops, {build.version, a.settings().get_list("server.metrics_allow")},
                  build.schema_version);
  a.service<jobs::Runner>().add("audit.export", "导出审计日志", ops.audit_export_handler());
}
}  // namespace

const module::Info kModule{
    .name = "ops",
    .title = "运维",
    .audit =
        {
            .actions =
                {
                    {"audit.export", "导出审计日志"},
                    {"job.complete", "任务完成"},
                },
            .entities =
                {
                    {"job", "任务"},
                    {"audit", "审计日志"},
                },
        },
    .commands = {{"audit", "审计日志", false, nullptr}, verify_audit(), sign_checkpoint(), generate_keys()},
    .assemble = assemble,
    .install = install,
};

}  // namespace sz::ops
