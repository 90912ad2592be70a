// The shuzhuan binary: serve, init, demo, user, audit. Every subcommand takes --db.
#include <CLI/CLI.hpp>
#include <sodium.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <filesystem>
#include <iostream>

#include "app/demo.h"
#include "app/migrate.h"
#include "app/platform.h"
#include "app/reference.h"
#include "audit/service.h"
#include "infra/http/server.h"

namespace {

using namespace sz;
namespace fs = std::filesystem;

const audit::Actor kCliActor{std::nullopt, "cli", "system", "cli", "local"};

int fail(const Error& e) {
  std::cerr << "错误：" << e.message;
  if (!e.field.empty()) std::cerr << "（" << e.field << "）";
  std::cerr << "\n";
  if (!e.detail.empty()) std::cerr << "  " << e.detail << "\n";
  return 1;
}

std::string default_web_root() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  for (fs::path candidate : {exe.parent_path() / ".." / "web" / "dist", fs::current_path() / "web" / "dist"})
    if (fs::exists(candidate / "index.html", ec)) return fs::weakly_canonical(candidate, ec).string();
  return (fs::current_path() / "web" / "dist").string();
}

Result<std::shared_ptr<db::Database>> open_db(const std::string& url) {
  if (url.rfind("sqlite:", 0) == 0) {
    fs::path p = url.substr(7);
    std::error_code ec;
    if (p.has_parent_path()) fs::create_directories(p.parent_path(), ec);
  }
  return db::Database::open(url);
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

}  // namespace

int main(int argc, char** argv) {
  if (sodium_init() < 0) {
    std::cerr << "libsodium 初始化失败\n";
    return 1;
  }
  spdlog::set_pattern(R"({"ts":"%Y-%m-%dT%H:%M:%S.%e","level":"%l","log":%v})");

  CLI::App cli{"shuzhuan 数转 — 郑州市中小企业数字化转型公共服务平台"};
  cli.require_subcommand(1);
  std::string db_url = "sqlite:var/shuzhuan.db";
  auto add_db = [&](CLI::App* sub) {
    sub->add_option("--db", db_url, "数据库：sqlite:路径 或 postgresql://…")->capture_default_str();
  };

  // serve
  auto* serve = cli.add_subcommand("serve", "启动平台服务");
  add_db(serve);
  sz::http::ServerOptions sopts;
  app::PlatformOptions popts;
  int read_timeout = 15, idle_timeout = 60;
  serve->add_option("--host", sopts.host, "监听地址")->capture_default_str();
  serve->add_option("--port", sopts.port, "监听端口")->capture_default_str()->check(CLI::Range(0, 65535));
  serve->add_option("--web-root", popts.web_root, "前端构建目录（默认 web/dist）");
  serve->add_option("--workers", sopts.worker_threads, "处理请求的工作线程数")->capture_default_str()->check(CLI::Range(1, 256));
  serve->add_option("--read-timeout", read_timeout, "读取一个完整请求的时限（秒）")->capture_default_str()->check(CLI::Range(1, 3600));
  serve->add_option("--idle-timeout", idle_timeout, "长连接空闲时限（秒）")->capture_default_str()->check(CLI::Range(1, 3600));
  serve->add_option("--body-limit", sopts.body_limit, "请求体上限（字节）")->capture_default_str()->check(CLI::Range(1024, 1 << 30));
  serve->add_flag("--test-clock", popts.test_clock, "允许测试通过接口拨快时钟（仅用于测试）");
  serve->add_flag("--secure-cookies", popts.cookies.secure, "会话 Cookie 加 Secure（经 HTTPS 提供服务时）");

  auto* init = cli.add_subcommand("init", "创建或升级数据库结构，载入参考数据");
  add_db(init);
  auto* demo = cli.add_subcommand("demo", "载入演示数据（440家试点企业及各角色账号）");
  add_db(demo);

  auto* user = cli.add_subcommand("user", "账号管理");
  user->require_subcommand(1);
  std::string username, display_name;
  std::vector<std::string> roles;
  std::optional<std::string> district;
  std::optional<int64_t> enterprise_id, provider_id;
  bool password_stdin = false;
  auto* user_add = user->add_subcommand("add", "新增用户");
  add_db(user_add);
  user_add->add_option("name", username, "用户名")->required();
  user_add->add_option("--role", roles, "角色：city_admin district_officer enterprise provider expert bank（可多次）")->required();
  user_add->add_option("--display-name", display_name, "姓名（默认同用户名）");
  user_add->add_option("--district", district, "区县代码（district_officer）");
  user_add->add_option("--enterprise", enterprise_id, "企业编号（enterprise）");
  user_add->add_option("--provider", provider_id, "服务商编号（provider）");
  user_add->add_flag("--password-stdin", password_stdin, "从标准输入读取密码")->required();
  auto* user_passwd = user->add_subcommand("passwd", "重设密码");
  add_db(user_passwd);
  user_passwd->add_option("name", username, "用户名")->required();
  user_passwd->add_flag("--password-stdin", password_stdin, "从标准输入读取密码")->required();
  auto* user_lock = user->add_subcommand("lock", "锁定用户");
  add_db(user_lock);
  user_lock->add_option("name", username, "用户名")->required();
  auto* user_unlock = user->add_subcommand("unlock", "解锁用户");
  add_db(user_unlock);
  user_unlock->add_option("name", username, "用户名")->required();

  auto* audit_cmd = cli.add_subcommand("audit", "审计日志");
  audit_cmd->require_subcommand(1);
  auto* audit_verify = audit_cmd->add_subcommand("verify", "校验审计哈希链");
  add_db(audit_verify);
  std::string expect_head;
  audit_verify->add_option("--expect-head", expect_head, "另行保存的链头哈希，核对最新记录未被删除");

  auto* routes_cmd = cli.add_subcommand("routes", "列出服务注册的全部接口（供接口文档核对）");
  add_db(routes_cmd);
  routes_cmd->add_flag("--test-clock", popts.test_clock, "包括测试模式下的接口");

  CLI11_PARSE(cli, argc, argv);

  try {
    auto opened = open_db(db_url);
    if (!opened) return fail(opened.error());
    auto database = *opened;
    if (popts.web_root.empty()) popts.web_root = default_web_root();
    sopts.read_timeout = std::chrono::seconds(read_timeout);
    sopts.idle_timeout = std::chrono::seconds(idle_timeout);
    app::Platform platform(database, popts);
    if (*routes_cmd) {
      for (const auto& r : platform.router().routes()) std::cout << r.method << " " << r.pattern << "\n";
      return 0;
    }

    if (*serve || *init || *demo) {
      auto findings = prepare(*database, platform.clock());
      if (!findings) return fail(findings.error());
      if (*init) {
        std::cout << "数据库已就绪：" << database->describe() << "，结构版本 " << app::latest_schema_version() << "\n";
        print_findings(*findings);
        return 0;
      }
    }
    if (*demo) {
      auto accounts = app::load_demo(*database, platform.auth(), platform.registry(), platform.clock());
      if (!accounts) return fail(accounts.error());
      std::cout << "演示数据已就绪。演示账号（密码均为 " << app::kDemoPassword << "）：\n";
      for (const auto& a : *accounts) std::cout << "  " << a.username << "\t" << a.role << "\t" << a.scope << "\n";
      return 0;
    }
    if (*serve) {
      sz::http::Server server(sopts, [&platform](sz::http::Request& req) { return platform.handle(req); });
      std::string error;
      std::cout << "shuzhuan 正在监听 http://" << sopts.host << ":" << sopts.port << "（" << database->describe()
                << "）" << std::endl;
      if (!server.run(&error)) {
        std::cerr << "错误：" << error << "\n";
        return 1;
      }
      return 0;
    }
    if (*user_add || *user_passwd || *user_lock || *user_unlock) {
      auto ready = prepare(*database, platform.clock());
      if (!ready) return fail(ready.error());
      if (*user_add) {
        auth::NewUserInput in{username, display_name.empty() ? username : display_name, read_password_stdin(), roles,
                              district, enterprise_id, provider_id};
        auto u = platform.auth().create_user_as(kCliActor, in);
        if (!u) return fail(u.error());
        std::cout << "已新增用户 " << u->username << "（编号 " << u->id << "）\n";
        return 0;
      }
      auto found = platform.auth().find_user(username);
      if (!found) return fail(found.error());
      if (!*found) return fail(err::not_found("用户不存在：" + username));
      int64_t id = (*found)->id;
      if (*user_passwd) {
        auto s = platform.auth().set_password_as(kCliActor, id, read_password_stdin());
        if (!s) return fail(s.error());
        std::cout << "已重设 " << username << " 的密码\n";
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
      auto rep = audit::verify(**c);
      if (!rep) return fail(rep.error());
      if (!rep->ok) {
        std::cout << "审计链校验失败：第 " << rep->first_broken_seq << " 条起断裂 — " << rep->reason << "\n";
        return 2;
      }
      if (!expect_head.empty() && expect_head != rep->head_hash) {
        std::cout << "审计链完整，但链头与另行保存的链头不符：最新的记录可能被删除\n";
        return 2;
      }
      std::cout << "审计链完整：共 " << rep->entries << " 条，链头 " << rep->head_hash << "\n";
      return 0;
    }
  } catch (const std::exception& ex) {
    std::cerr << "错误：" << ex.what() << "\n";
    return 1;
  }
  return 0;
}
