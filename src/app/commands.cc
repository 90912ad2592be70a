#include "app/commands.h"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>

#include "app/backup.h"
#include "app/database.h"
#include "app/migrate.h"
#include "app/platform.h"
#include "audit/signing.h"
#include "infra/http/server.h"

namespace sz::app {

namespace {

namespace fs = std::filesystem;

std::string default_web_root() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  for (fs::path candidate : {exe.parent_path() / ".." / "web" / "dist", fs::current_path() / "web" / "dist"})
    if (fs::exists(candidate / "index.html", ec)) return fs::weakly_canonical(candidate, ec).string();
  return (fs::current_path() / "web" / "dist").string();
}

void print_findings(const std::vector<stats::Finding>& findings) {
  int errors = 0;
  for (const auto& f : findings) {
    const char* tag = f.severity == "error" ? "错误" : f.severity == "warning" ? "提示" : "说明";
    std::cout << "  [" << tag << "] " << f.message << "\n";
    errors += f.severity == "error";
  }
  std::cout << "方案表格校验：" << (errors ? std::to_string(errors) + " 处合计不符" : std::string("各项合计均相符")) << "\n";
}

http::ServerOptions server_options(const config::Settings& settings) {
  http::ServerOptions o;
  o.host = settings.get("server.host");
  o.port = static_cast<uint16_t>(settings.get_int("server.port"));
  o.io_threads = static_cast<int>(settings.get_int("server.io_threads"));
  o.worker_threads = static_cast<int>(settings.get_int("server.workers"));
  o.body_limit = static_cast<size_t>(settings.get_int("server.body_limit"));
  o.read_timeout = std::chrono::seconds(settings.get_int("server.read_timeout"));
  o.idle_timeout = std::chrono::seconds(settings.get_int("server.idle_timeout"));
  o.header_timeout = std::chrono::seconds(settings.get_int("server.header_timeout"));
  o.max_connections = static_cast<size_t>(settings.get_int("server.max_connections"));
  o.max_connections_per_client = static_cast<size_t>(settings.get_int("server.max_connections_per_client"));
  o.trusted_proxies = settings.get_list("server.trusted_proxies");
  o.shutdown_timeout = std::chrono::seconds(settings.get_int("server.shutdown_timeout"));
  o.is_upload = &Platform::is_upload;
  o.upload_dir = (fs::path(settings.get("jobs.dir")) / "incoming").string();
  o.upload_limit = static_cast<uint64_t>(settings.get_int("server.upload_limit"));
  return o;
}

int serve(module::Context& ctx, bool test_clock) {
  const auto& settings = ctx.settings();
  auto db = open_database(settings);
  if (!db) return module::fail(db.error());
  Platform platform(*db, settings, PlatformOptions::from(settings, test_clock, default_web_root()));
  if (auto findings = prepare_database(**db, platform.clock()); !findings) return module::fail(findings.error());
  auto sopts = server_options(settings);
  sopts.admit_upload = [&platform](http::Request& req) { return platform.admit_upload(req); };
  http::Server server(sopts, [&platform](http::Request& req) { return platform.handle(req); });
  auto anchor = audit::configured_anchor(settings);
  if (!anchor) return module::fail(anchor.error());
  if (auto s = platform.anchor_audit(anchor->key, anchor->dir, anchor->interval); !s) return module::fail(s.error());
  platform.start_jobs();
  std::string error;
  std::cout << "shuzhuan 正在监听 http://" << sopts.host << ":" << sopts.port << "（" << (*db)->describe() << "）"
            << std::endl;
  bool served = server.run(&error);
  platform.stop_jobs();
  if (!served) {
    std::cerr << "错误：" << error << "\n";
    return 1;
  }
  return 0;
}

module::Command serve_command() {
  return {"serve", "启动平台服务", true, [](CLI::App& cmd, module::SettingFlags& flags) -> module::Run {
            flags.add(cmd, "--host", "server.host", "监听地址");
            flags.add(cmd, "--port", "server.port", "监听端口");
            flags.add(cmd, "--web-root", "server.web_root", "前端构建目录");
            flags.add(cmd, "--workers", "server.workers", "工作线程数");
            flags.add(cmd, "--read-timeout", "server.read_timeout", "读取完整请求的时限（秒）");
            flags.add(cmd, "--idle-timeout", "server.idle_timeout", "长连接空闲时限（秒）");
            flags.add(cmd, "--shutdown-timeout", "server.shutdown_timeout", "优雅停机时限（秒）");
            flags.add(cmd, "--body-limit", "server.body_limit", "请求体上限（字节）");
            flags.add(cmd, "--upload-limit", "server.upload_limit", "上传文件上限（字节）");
            flags.add(cmd, "--jobs-dir", "jobs.dir", "任务结果目录");
            flags.add(cmd, "--job-lease", "jobs.lease_seconds", "任务租约（秒）");
            auto test_clock = std::make_shared<bool>(false);
            cmd.add_flag("--test-clock", *test_clock, "测试模式：允许通过接口拨快时钟、排入测试任务（仅用于测试）");
            return [test_clock](module::Context& ctx) { return serve(ctx, *test_clock); };
          }};
}

module::Command init_command() {
  return {"init", "创建或升级数据库结构，载入参考数据", true, [](CLI::App&, module::SettingFlags&) -> module::Run {
            return [](module::Context& ctx) {
              auto db = ctx.database();
              if (!db) return module::fail(db.error());
              auto findings = prepare_database(**db, ctx.clock());
              if (!findings) return module::fail(findings.error());
              std::cout << "数据库已就绪：" << (*db)->describe() << "，结构版本 " << latest_schema_version() << "\n";
              print_findings(*findings);
              return 0;
            };
          }};
}

module::Command check_config() {
  return {"config check", "检查并打印生效的配置（隐藏密码）", true, [](CLI::App& cmd, module::SettingFlags& flags) -> module::Run {
            flags.add(cmd, "--host", "server.host", "同 serve");
            flags.add(cmd, "--port", "server.port", "同 serve");
            return [](module::Context& ctx) {
              std::cout << ctx.settings().dump();
              return 0;
            };
          }};
}

// Every route the server registers, for checking the API document against.
module::Command list_routes() {
  return {"routes", "列出服务注册的全部接口（供接口文档核对）", true, [](CLI::App& cmd, module::SettingFlags&) -> module::Run {
            auto test_clock = std::make_shared<bool>(false);
            cmd.add_flag("--test-clock", *test_clock, "包括测试模式下的接口");
            return [test_clock](module::Context& ctx) {
              auto db = open_database(ctx.settings());
              if (!db) return module::fail(db.error());
              Platform platform(*db, ctx.settings(), PlatformOptions::from(ctx.settings(), *test_clock, ""));
              for (const auto& r : platform.router().routes()) std::cout << r.method << " " << r.pattern << "\n";
              return 0;
            };
          }};
}

module::Command backup_command() {
  return {"backup", "在服务运行时备份整个数据库（含审计链头清单）", true, [](CLI::App& cmd, module::SettingFlags&) -> module::Run {
            auto to = std::make_shared<std::string>();
            cmd.add_option("--to", *to, "备份文件路径")->required();
            return [to](module::Context& ctx) {
              auto anchor = audit::configured_anchor(ctx.settings());
              if (!anchor) return module::fail(anchor.error());
              auto db = ctx.database();
              if (!db) return module::fail(db.error());
              auto r = backup(**db, *to, ctx.clock().now(), *anchor);
              if (!r) return module::fail(r.error());
              std::cout << "备份完成：" << r->path << "\n清单：" << r->manifest_path << "\n审计链头：第 " << r->head_seq << " 条 "
                        << r->head_hash << (r->checkpoint ? "（已签名为检查点）" : "") << "\n";
              return 0;
            };
          }};
}

module::Command restore_command() {
  return {"restore", "从备份恢复数据库（目标库已有数据时需 --force）", true,
          [](CLI::App& cmd, module::SettingFlags&) -> module::Run {
            auto from = std::make_shared<std::string>();
            auto force = std::make_shared<bool>(false);
            cmd.add_option("--from", *from, "备份文件路径")->required();
            cmd.add_flag("--force", *force, "覆盖已有数据的目标库");
            return [from, force](module::Context& ctx) {
              auto db = ctx.database();
              if (!db) return module::fail(db.error());
              auto r = restore(**db, *from, *force);
              if (!r) return module::fail(r.error());
              std::cout << "恢复完成，审计链完整，链头与备份清单一致：第 " << r->head_seq << " 条 " << r->head_hash << "\n";
              return 0;
            };
          }};
}

}  // namespace

std::vector<module::Command> platform_commands() {
  return {serve_command(), init_command(), {"config", "配置", false, nullptr}, check_config(), list_routes(),
          backup_command(), restore_command()};
}

}  // namespace sz::app
