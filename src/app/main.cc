// The shuzhuan binary: serve, init, demo, user, audit, backup, restore, config, routes.
// Configuration: defaults < --config file < SHUZHUAN_* environment < command-line flags (docs/configuration.md).
#include <CLI/CLI.hpp>
#include <sodium.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "app/audit_anchor.h"
#include "app/backup.h"
#include "app/demo.h"
#include "app/migrate.h"
#include "app/platform.h"
#include "app/reference.h"
#include "app/settings.h"
#include "audit/anchor.h"
#include "audit/service.h"
#include "funding/api.h"
#include "infra/clock.h"
#include "infra/json.h"
#include "infra/http/server.h"
#include "infra/log.h"

namespace {

using namespace sz;
namespace fs = std::filesystem;

const audit::Actor kCliActor{std::nullopt, "cli", "system", "cli", "local"};

int fail(const Error& e, int code = 1) {
  std::cerr << "错误：" << e.message;
  if (!e.field.empty() && e.message.find(e.field) == std::string::npos) std::cerr << "（" << e.field << "）";
  std::cerr << "\n";
  if (!e.detail.empty() && e.detail != e.message) std::cerr << "  " << e.detail << "\n";
  return code;
}

std::string default_web_root() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  for (fs::path candidate : {exe.parent_path() / ".." / "web" / "dist", fs::current_path() / "web" / "dist"})
    if (fs::exists(candidate / "index.html", ec)) return fs::weakly_canonical(candidate, ec).string();
  return (fs::current_path() / "web" / "dist").string();
}

Result<std::shared_ptr<db::Database>> open_db(const config::Settings& settings) {
  const std::string& url = settings.get("db");
  if (url.rfind("sqlite:", 0) == 0) {
    fs::path p = url.substr(7);
    std::error_code ec;
    if (p.has_parent_path()) fs::create_directories(p.parent_path(), ec);
  }
  db::OpenOptions options;
  options.sqlite_synchronous = settings.get("sqlite.synchronous") == "NORMAL" ? db::SqliteSync::normal : db::SqliteSync::full;
  return db::Database::open(url, options);
}

// Schema and reference data: run by init, demo and serve alike.
Result<std::vector<stats::Finding>> prepare(db::Database& database, const Clock& clock) {
  SZ_ASSIGN(auto* c, database.local());
  SZ_TRY(app::migrate(*c, clock.now()));
  return app::load_reference(*c, clock.now());
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

std::string read_password_stdin() {
  std::string pw;
  std::getline(std::cin, pw);
  if (!pw.empty() && pw.back() == '\r') pw.pop_back();
  return pw;
}

// A flag that, when given, sets a configuration key at the highest precedence.
struct FlagSetting {
  std::string key;
  std::optional<std::string> value;
};

}  // namespace

int main(int argc, char** argv) {
  if (sodium_init() < 0) {
    std::cerr << "libsodium 初始化失败\n";
    return 1;
  }
  app::install_input_ranges();

  CLI::App cli{"shuzhuan 数转 — 郑州市中小企业数字化转型公共服务平台"};
  cli.require_subcommand(1);
  std::string config_file;
  std::vector<std::unique_ptr<FlagSetting>> flags;
  auto flag = [&](CLI::App* sub, const std::string& name, const std::string& key, const std::string& help) {
    flags.push_back(std::make_unique<FlagSetting>(FlagSetting{key, std::nullopt}));
    sub->add_option(name, flags.back()->value, help + "（配置项 " + key + "）");
  };
  auto common = [&](CLI::App* sub) {
    flag(sub, "--db", "db", "数据库：sqlite:路径 或 postgresql://…（默认 sqlite:var/shuzhuan.db）");
    sub->add_option("--config", config_file, "配置文件（也可用环境变量 SHUZHUAN_CONFIG）");
  };

  auto* serve = cli.add_subcommand("serve", "启动平台服务");
  common(serve);
  flag(serve, "--host", "server.host", "监听地址");
  flag(serve, "--port", "server.port", "监听端口");
  flag(serve, "--web-root", "server.web_root", "前端构建目录");
  flag(serve, "--workers", "server.workers", "工作线程数");
  flag(serve, "--read-timeout", "server.read_timeout", "读取完整请求的时限（秒）");
  flag(serve, "--idle-timeout", "server.idle_timeout", "长连接空闲时限（秒）");
  flag(serve, "--shutdown-timeout", "server.shutdown_timeout", "优雅停机时限（秒）");
  flag(serve, "--body-limit", "server.body_limit", "请求体上限（字节）");
  flag(serve, "--upload-limit", "server.upload_limit", "上传文件上限（字节）");
  flag(serve, "--jobs-dir", "jobs.dir", "任务结果目录");
  flag(serve, "--job-lease", "jobs.lease_seconds", "任务租约（秒）");
  bool test_clock = false;
  serve->add_flag("--test-clock", test_clock, "测试模式：允许通过接口拨快时钟、排入测试任务（仅用于测试）");

  auto* init = cli.add_subcommand("init", "创建或升级数据库结构，载入参考数据");
  common(init);
  auto* demo = cli.add_subcommand("demo", "载入演示数据（440家试点企业及各角色账号）");
  common(demo);
  bool bare = false;
  demo->add_flag("--bare", bare, "只载入账号和440家企业（不含年度数据与评测；接口测试从此开始）");

  auto* user = cli.add_subcommand("user", "账号管理");
  user->require_subcommand(1);
  std::string username, display_name;
  std::vector<std::string> roles;
  std::optional<std::string> district;
  std::optional<int64_t> enterprise_id, provider_id;
  bool password_stdin = false;
  auto* user_add = user->add_subcommand("add", "新增用户");
  common(user_add);
  user_add->add_option("name", username, "用户名")->required();
  user_add->add_option("--role", roles, "角色：city_admin district_officer enterprise provider expert bank system_admin security_admin audit_admin（可多次）")->required();
  user_add->add_option("--display-name", display_name, "姓名（默认同用户名）");
  user_add->add_option("--district", district, "区县代码（district_officer）");
  user_add->add_option("--enterprise", enterprise_id, "企业编号（enterprise）");
  user_add->add_option("--provider", provider_id, "服务商编号（provider）");
  user_add->add_flag("--password-stdin", password_stdin, "从标准输入读取密码")->required();
  auto* user_passwd = user->add_subcommand("passwd", "重设密码");
  common(user_passwd);
  user_passwd->add_option("name", username, "用户名")->required();
  user_passwd->add_flag("--password-stdin", password_stdin, "从标准输入读取密码")->required();
  auto* user_lock = user->add_subcommand("lock", "锁定用户");
  common(user_lock);
  user_lock->add_option("name", username, "用户名")->required();
  auto* user_unlock = user->add_subcommand("unlock", "解锁用户");
  common(user_unlock);
  user_unlock->add_option("name", username, "用户名")->required();
  // The way back when the only security administrator lost both the phone and the recovery codes.
  auto* user_reset_2fa = user->add_subcommand("reset-second-factor", "重置双因素登录（下次登录时重新绑定身份验证器）");
  common(user_reset_2fa);
  user_reset_2fa->add_option("name", username, "用户名")->required();

  auto* audit_cmd = cli.add_subcommand("audit", "审计日志");
  audit_cmd->require_subcommand(1);
  auto* audit_verify = audit_cmd->add_subcommand("verify", "校验审计哈希链，并用公钥核对最新的签名检查点");
  common(audit_verify);
  std::string expect_head;
  audit_verify->add_option("--expect-head", expect_head, "另行保存的链头哈希，核对最新记录未被删除");
  flag(audit_verify, "--public-key", "audit.verify_key", "验证公钥文件（SM2，PEM）");
  flag(audit_verify, "--checkpoint-dir", "audit.checkpoint_dir", "签名检查点目录");
  std::optional<int64_t> max_age;
  audit_verify->add_option("--max-age", max_age, "最新检查点最长可以是多少秒前签的（默认：签名间隔加宽限）");
  auto* audit_checkpoint = audit_cmd->add_subcommand("checkpoint", "立即为审计链头签名，追加到签名检查点目录");
  common(audit_checkpoint);
  auto* audit_keygen = audit_cmd->add_subcommand("keygen", "生成审计签名密钥对（SM2）");
  std::string keygen_out;
  audit_keygen->add_option("--out", keygen_out, "写到这个目录：audit-signing.key（私钥，仅属主可读）与 audit-verify.pub（公钥）")
      ->required();

  auto* stats_cmd = cli.add_subcommand("stats", "统计汇总表");
  stats_cmd->require_subcommand(1);
  auto* stats_verify = stats_cmd->add_subcommand("verify", "按明细记录重算全部汇总表并列出差异（有差异时退出码为 1）");
  common(stats_verify);
  bool repair = false;
  stats_verify->add_flag("--repair", repair, "按明细重建汇总表，差异记入审计日志");

  std::string backup_to, restore_from;
  bool force = false;
  auto* backup_cmd = cli.add_subcommand("backup", "在服务运行时备份整个数据库（含审计链头清单）");
  common(backup_cmd);
  backup_cmd->add_option("--to", backup_to, "备份文件路径")->required();
  auto* restore_cmd = cli.add_subcommand("restore", "从备份恢复数据库（目标库已有数据时需 --force）");
  common(restore_cmd);
  restore_cmd->add_option("--from", restore_from, "备份文件路径")->required();
  restore_cmd->add_flag("--force", force, "覆盖已有数据的目标库");

  auto* config_cmd = cli.add_subcommand("config", "配置");
  config_cmd->require_subcommand(1);
  auto* config_check = config_cmd->add_subcommand("check", "检查并打印生效的配置（隐藏密码）");
  common(config_check);
  for (const char* f : {"--host", "--port"}) flag(config_check, f, f == std::string("--host") ? "server.host" : "server.port", "同 serve");

  auto* quote_cmd = cli.add_subcommand("quote", "试算补助金额（不保存），请求与应答同 POST /api/v1/subsidies/quote");
  common(quote_cmd);
  std::string quote_json;
  quote_cmd->add_option("--json", quote_json, "试算请求（JSON），如 '{\"scheme\":\"diagnosis\",\"cost_fen\":5000000,\"task_completed\":true}'")
      ->required();

  auto* report_cmd = cli.add_subcommand("report", "通报");
  report_cmd->require_subcommand(1);
  auto* report_render = report_cmd->add_subcommand("render", "按发布时冻结的数据快照重新生成通报的 PDF 和 Excel，并与发布时的 SM3 核对");
  common(report_render);
  flag(report_render, "--jobs-dir", "jobs.dir", "任务结果目录（通报文件在其 reports/ 下）");
  int64_t report_id = 0;
  std::string report_out;
  report_render->add_option("--id", report_id, "通报编号")->required();
  report_render->add_option("--out", report_out, "写到这个目录（默认：覆盖保存位置的文件）");

  auto* routes_cmd = cli.add_subcommand("routes", "列出服务注册的全部接口（供接口文档核对）");
  common(routes_cmd);
  routes_cmd->add_flag("--test-clock", test_clock, "包括测试模式下的接口");

  CLI11_PARSE(cli, argc, argv);

  // Configuration layers; any refusal names the key.
  auto settings = app::platform_settings();
  if (config_file.empty())
    if (const char* env = std::getenv("SHUZHUAN_CONFIG")) config_file = env;
  if (!config_file.empty())
    if (auto s = settings.load_file(config_file); !s) return fail(s.error(), 2);
  if (auto s = settings.load_env([](const char* n) { return std::getenv(n); }); !s) return fail(s.error(), 2);
  for (const auto& f : flags)
    if (f->value)
      if (auto s = settings.set(f->key, *f->value, "命令行"); !s) return fail(s.error(), 2);
  if (*config_check) {
    std::cout << settings.dump();
    return 0;
  }
  log::setup(settings.get("log.level"));
  if (*audit_keygen) {
    std::error_code ec;
    fs::create_directories(keygen_out, ec);
    auto priv = (fs::path(keygen_out) / "audit-signing.key").string(), pub = (fs::path(keygen_out) / "audit-verify.pub").string();
    if (auto s = crypto::Sm2Key::generate(priv, pub); !s) return fail(s.error());
    auto key = crypto::Sm2Key::load_public(pub);
    if (!key) return fail(key.error());
    std::cout << "已生成审计签名密钥对（SM2，密钥编号 " << key->key_id() << "）：\n  私钥 " << priv
              << "（配置为 audit.signing_key，只放在签名的服务节点上，不要交给数据库管理员）\n  公钥 " << pub
              << "（配置为 audit.verify_key，交给审计人员）\n";
    return 0;
  }

  try {
    auto opened = open_db(settings);
    if (!opened) return fail(opened.error());
    auto database = *opened;
    auto opts = app::PlatformOptions::from(settings, test_clock, default_web_root());
    opts.manual_clock = demo->parsed();
    app::Platform platform(database, opts);
    if (*routes_cmd) {
      for (const auto& r : platform.router().routes()) std::cout << r.method << " " << r.pattern << "\n";
      return 0;
    }
    if (*serve || *init || *demo || *quote_cmd || *user_add || *user_passwd || *user_lock || *user_unlock ||
        *user_reset_2fa) {
      auto findings = prepare(*database, platform.clock());
      if (!findings) return fail(findings.error());
      if (*init) {
        std::cout << "数据库已就绪：" << database->describe() << "，结构版本 " << app::latest_schema_version() << "\n";
        print_findings(*findings);
        return 0;
      }
    }
    if (*quote_cmd) {
      // The same decoding, rules and LPR table as the API; the reply or the error body goes to stdout.
      auto reply = funding::quote_reply(platform.funding(), quote_json);
      if (!reply) {
        std::cout << json::to_text(json::error_json(reply.error())) << "\n";
        return reply.error().status == 400 ? 3 : 2;
      }
      std::cout << json::to_text(*reply) << "\n";
      return 0;
    }
    if (*demo) {
      auto accounts = app::load_demo(platform, bare);
      if (!accounts) return fail(accounts.error());
      std::cout << "演示数据已就绪。演示账号（密码均为 " << app::kDemoPassword << "）：\n";
      for (const auto& a : *accounts) std::cout << "  " << a.username << "\t" << a.role << "\t" << a.scope << "\n";
      return 0;
    }
    if (*serve) {
      http::ServerOptions sopts;
      sopts.host = settings.get("server.host");
      sopts.port = static_cast<uint16_t>(settings.get_int("server.port"));
      sopts.io_threads = static_cast<int>(settings.get_int("server.io_threads"));
      sopts.worker_threads = static_cast<int>(settings.get_int("server.workers"));
      sopts.body_limit = static_cast<size_t>(settings.get_int("server.body_limit"));
      sopts.read_timeout = std::chrono::seconds(settings.get_int("server.read_timeout"));
      sopts.idle_timeout = std::chrono::seconds(settings.get_int("server.idle_timeout"));
      sopts.header_timeout = std::chrono::seconds(settings.get_int("server.header_timeout"));
      sopts.max_connections = static_cast<size_t>(settings.get_int("server.max_connections"));
      sopts.max_connections_per_client = static_cast<size_t>(settings.get_int("server.max_connections_per_client"));
      sopts.trusted_proxies = settings.get_list("server.trusted_proxies");
      sopts.shutdown_timeout = std::chrono::seconds(settings.get_int("server.shutdown_timeout"));
      sopts.is_upload = &app::Platform::is_upload;
      sopts.upload_dir = (fs::path(settings.get("jobs.dir")) / "incoming").string();
      sopts.upload_limit = static_cast<uint64_t>(settings.get_int("server.upload_limit"));
      sopts.admit_upload = [&platform](http::Request& req) { return platform.admit_upload(req); };
      http::Server server(sopts, [&platform](http::Request& req) { return platform.handle(req); });
      auto anchor = app::audit_anchor(settings);
      if (!anchor) return fail(anchor.error());
      if (auto s = platform.anchor_audit(anchor->key, anchor->dir, anchor->interval); !s) return fail(s.error());
      platform.start_jobs();
      std::string error;
      std::cout << "shuzhuan 正在监听 http://" << sopts.host << ":" << sopts.port << "（" << database->describe()
                << "）" << std::endl;
      bool ok = server.run(&error);
      platform.stop_jobs();
      if (!ok) {
        std::cerr << "错误：" << error << "\n";
        return 1;
      }
      return 0;
    }
    if (*user_add) {
      auth::NewUserInput in{username, display_name.empty() ? username : display_name, read_password_stdin(), roles,
                            district, enterprise_id, provider_id};
      auto u = platform.auth().create_user_as(kCliActor, in);
      if (!u) return fail(u.error());
      std::cout << "已新增用户 " << u->username << "（编号 " << u->id << "）\n";
      return 0;
    }
    if (*user_passwd || *user_lock || *user_unlock || *user_reset_2fa) {
      auto found = platform.auth().find_user(username);
      if (!found) return fail(found.error());
      if (!*found) return fail(err::not_found("用户不存在：" + username));
      int64_t id = (*found)->id;
      if (*user_passwd) {
        auto s = platform.auth().set_password_as(kCliActor, id, read_password_stdin());
        if (!s) return fail(s.error());
        std::cout << "已重设 " << username << " 的密码\n";
      } else if (*user_reset_2fa) {
        auto s = platform.auth().reset_second_factor_as(kCliActor, id);
        if (!s) return fail(s.error());
        std::cout << "已重置 " << username << " 的双因素登录，下次登录时重新绑定\n";
      } else {
        auto s = platform.auth().set_locked_as(kCliActor, id, user_lock->parsed());
        if (!s) return fail(s.error());
        std::cout << (user_lock->parsed() ? "已锁定 " : "已解锁 ") << username << "\n";
      }
      return 0;
    }
    if (*audit_verify) {
      auto c = database->local();
      if (!c) return fail(c.error());
      auto key = crypto::Sm2Key::load_public(settings.get("audit.verify_key"));
      if (!key) return fail(key.error());
      auto rep = audit::verify_anchored(**c, *key, settings.get("audit.checkpoint_dir"), platform.clock().now(),
                                        max_age ? *max_age : app::checkpoint_max_age(settings));
      if (!rep) return fail(rep.error());
      if (!rep->ok) {
        std::cout << "审计链校验失败：" << rep->reason << "\n";
        return 2;
      }
      if (!expect_head.empty() && expect_head != rep->chain.head_hash) {
        std::cout << "审计链完整，但链头与另行保存的链头不符：最新的记录可能被删除\n";
        return 2;
      }
      const auto& cp = *rep->checkpoint;
      std::cout << "审计链完整：共 " << rep->chain.entries << " 条，链头 " << rep->chain.head_hash << "\n";
      std::cout << "签名检查点：第 " << cp.seq << " 条，签于 " << shanghai_time(cp.at) << "（" << audit::duration_text(rep->age)
                << "前），SM2 签名有效（密钥 " << cp.key_id << "）\n";
      if (rep->unanchored > 0)
        std::cout << "检查点之后新增 " << rep->unanchored << " 条，尚待下一次签名：在此之前删除它们不会被发现\n";
      return 0;
    }
    if (*audit_checkpoint) {
      auto anchor = app::audit_anchor(settings);
      if (!anchor) return fail(anchor.error());
      auto c = database->local();
      if (!c) return fail(c.error());
      auto cp = audit::sign_checkpoint(**c, anchor->key, anchor->dir, platform.clock().now(), "manual");
      if (!cp) return fail(cp.error());
      if (!*cp) return fail(err::invalid("audit", "审计日志是空的，没有可签名的链头"));
      std::cout << "已签名检查点：第 " << (*cp)->seq << " 条 " << (*cp)->hash << "（密钥 " << (*cp)->key_id << "），写入 "
                << anchor->dir << "\n";
      return 0;
    }
    if (*stats_verify) {
      auto c = database->local();
      if (!c) return fail(c.error());
      const auto& params = platform.registry().params();
      auto found = repair ? reports::repair_summaries(**c, params, kCliActor, platform.clock().now())
                          : reports::verify_summaries(**c, params);
      if (!found) return fail(found.error());
      for (const auto& d : *found) std::cout << reports::difference_text(d) << "\n";
      if (found->empty()) {
        std::cout << "全部汇总表与明细记录一致\n";
        return 0;
      }
      if (repair) {
        std::cout << "已按明细记录重建汇总表，更正 " << found->size() << " 处差异（审计日志 stats.repair）\n";
        return 0;
      }
      std::cout << "汇总表与明细记录有 " << found->size() << " 处不一致；运行 shuzhuan stats verify --repair 可重建\n";
      return 1;
    }
    if (*report_render) {
      auto c = database->local();
      if (!c) return fail(c.error());
      auto r = reports::Service::rerender(**c, report_id, (fs::path(settings.get("jobs.dir")) / "reports").string(), report_out);
      if (!r) return fail(r.error());
      std::cout << "PDF：" << r->pdf_path << "\n  SM3 " << r->pdf_sm3 << (r->pdf_same ? "（与发布时一致）" : "（与发布时不一致）")
                << "\nExcel：" << r->xlsx_path << "\n  SM3 " << r->xlsx_sm3
                << (r->xlsx_same ? "（与发布时一致）" : "（与发布时不一致）") << "\n";
      return r->pdf_same && r->xlsx_same ? 0 : 2;
    }
    if (*backup_cmd) {
      auto anchor = app::audit_anchor(settings);
      if (!anchor) return fail(anchor.error());
      auto r = app::backup(*database, backup_to, platform.clock().now(), *anchor);
      if (!r) return fail(r.error());
      std::cout << "备份完成：" << r->path << "\n清单：" << r->manifest_path << "\n审计链头：第 " << r->head_seq << " 条 "
                << r->head_hash << (r->checkpoint ? "（已签名为检查点）" : "") << "\n";
      return 0;
    }
    if (*restore_cmd) {
      auto r = app::restore(*database, restore_from, force);
      if (!r) return fail(r.error());
      std::cout << "恢复完成，审计链完整，链头与备份清单一致：第 " << r->head_seq << " 条 " << r->head_hash << "\n";
      return 0;
    }
  } catch (const std::exception& ex) {
    std::cerr << "错误：" << ex.what() << "\n";
    return 1;
  }
  return 0;
}
