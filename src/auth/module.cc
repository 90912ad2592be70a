#include "auth/module.h"

#include <CLI/CLI.hpp>

#include <iostream>

#include "auth/api.h"
#include "auth/service.h"

namespace sz::auth {

namespace {

std::string read_password_stdin() {
  std::string pw;
  std::getline(std::cin, pw);
  if (!pw.empty() && pw.back() == '\r') pw.pop_back();
  return pw;
}

// A command on one existing account, named on the line: the account is found, `act` changes it.
module::Command on_account(std::string path, std::string help, bool password,
                           std::function<Status(Service&, int64_t id, const std::string& name)> act) {
  return {std::move(path), std::move(help), true, [password, act](CLI::App& cmd, module::SettingFlags&) -> module::Run {
            auto name = std::make_shared<std::string>();
            auto from_stdin = std::make_shared<bool>(false);
            cmd.add_option("name", *name, "用户名")->required();
            if (password) cmd.add_flag("--password-stdin", *from_stdin, "从标准输入读取密码")->required();
            // from_stdin is only required, never read; captured because CLI11 writes into it while parsing.
            return [name, from_stdin, act](module::Context& ctx) {
              if (auto s = ctx.prepare(); !s) return module::fail(s.error());
              auto& svc = ctx.service<Service>();
              auto found = svc.find_user(*name);
              if (!found) return module::fail(found.error());
              if (!*found) return module::fail(err::not_found("用户不存在：" + *name));
              if (auto s = act(svc, (*found)->id, *name); !s) return module::fail(s.error());
              return 0;
            };
          }};
}

module::Command add_user() {
  return {"user add", "新增用户", true, [](CLI::App& cmd, module::SettingFlags&) -> module::Run {
            auto in = std::make_shared<NewUserInput>();
            cmd.add_option("name", in->username, "用户名")->required();
            cmd.add_option("--role", in->roles,
                           "角色：city_admin district_officer enterprise provider expert bank system_admin security_admin "
                           "audit_admin（可多次）")
                ->required();
            cmd.add_option("--display-name", in->display_name, "姓名（默认同用户名）");
            cmd.add_option("--district", in->district, "区县代码（district_officer）");
            cmd.add_option("--enterprise", in->enterprise_id, "企业编号（enterprise）");
            cmd.add_option("--provider", in->provider_id, "服务商编号（provider）");
            auto from_stdin = std::make_shared<bool>(false);
            cmd.add_flag("--password-stdin", *from_stdin, "从标准输入读取密码")->required();
            // from_stdin is only required, never read; captured because CLI11 writes into it while parsing.
            return [in, from_stdin](module::Context& ctx) {
              if (auto s = ctx.prepare(); !s) return module::fail(s.error());
              if (in->display_name.empty()) in->display_name = in->username;
              in->password = read_password_stdin();
              auto u = ctx.service<Service>().create_user_as(audit::kCommandLine, *in);
              if (!u) return module::fail(u.error());
              std::cout << "已新增用户 " << u->username << "（编号 " << u->id << "）\n";
              return 0;
            };
          }};
}

std::vector<module::Command> commands() {
  return {
      {"user", "账号管理", false, nullptr},
      add_user(),
      on_account("user passwd", "重设密码", true,
                 [](Service& svc, int64_t id, const std::string& name) -> Status {
                   SZ_TRY(svc.set_password_as(audit::kCommandLine, id, read_password_stdin()));
                   std::cout << "已重设 " << name << " 的密码\n";
                   return ok();
                 }),
      on_account("user lock", "锁定用户", false,
                 [](Service& svc, int64_t id, const std::string& name) -> Status {
                   SZ_TRY(svc.set_locked_as(audit::kCommandLine, id, true));
                   std::cout << "已锁定 " << name << "\n";
                   return ok();
                 }),
      on_account("user unlock", "解锁用户", false,
                 [](Service& svc, int64_t id, const std::string& name) -> Status {
                   SZ_TRY(svc.set_locked_as(audit::kCommandLine, id, false));
                   std::cout << "已解锁 " << name << "\n";
                   return ok();
                 }),
      // The way back when the only security administrator lost both the phone and the recovery codes.
      on_account("user reset-second-factor", "重置双因素登录（下次登录时重新绑定身份验证器）", false,
                 [](Service& svc, int64_t id, const std::string& name) -> Status {
                   SZ_TRY(svc.reset_second_factor_as(audit::kCommandLine, id));
                   std::cout << "已重置 " << name << " 的双因素登录，下次登录时重新绑定\n";
                   return ok();
                 }),
  };
}

}  // namespace

namespace {
void assemble(module::Assembly& a) {
  const auto& s = a.settings();
  LockoutPolicy lockout{static_cast<int>(s.get_int("auth.lockout_failures")), s.get_int("auth.lockout_minutes") * 60,
                        static_cast<int>(s.get_int("auth.login_per_address_per_minute")),
                        static_cast<int>(s.get_int("auth.login_per_node_per_second"))};
  SessionPolicy sessions{s.get_int("auth.session_idle_minutes") * 60, s.get_int("auth.session_max_hours") * 3600};
  PasswordPolicy passwords{a.reference("data/common-passwords.json", &Service::parse_weak_passwords),
                           s.get("auth.cracklib_dict")};
  password::PoolLimits hashing{static_cast<int>(s.get_int("auth.hash_threads")), static_cast<int>(s.get_int("auth.hash_queue"))};
  SecondFactorPolicy second_factor;
  second_factor.required_for_administrators = s.get_bool("auth.require_admin_totp");
  auto& auth = a.make<Service>(a.database(), a.clock(), lockout, sessions, std::move(passwords), hashing, second_factor);
  // Every module's routes are declared through these: who may call each is checked before its handler runs.
  a.make<Routes>(a.service<http::Router>(), auth);
}

void install(module::Assembly& a) {
  register_routes(a.service<Routes>(), a.service<Service>(), {a.settings().get_bool("server.secure_cookies")});
}
}  // namespace

const module::Info kModule{
    .name = "auth",
    .title = "账号",
    .audit =
        {
            .actions =
                {
                    {"user.create", "新增用户"},
                    {"user.lock", "锁定用户"},
                    {"user.unlock", "解锁用户"},
                    {"user.password", "修改密码"},
                    {"user.totp_enrol", "启用双因素登录"},
                    {"user.totp_reset", "重置双因素登录"},
                },
            .entities =
                {
                    {"user", "用户"},
                },
            .fields =
                {
                    {"", "username", "用户名"},
                    {"", "display_name", "姓名"},
                    {"", "roles", "角色"},
                    {"", "enterprise_id", "所属企业"},
                    {"", "provider_id", "所属服务商"},
                    {"", "locked_by_admin", "管理员锁定"},
                    {"", "totp_enrolled", "双因素登录"},
                    {"", "password", "密码"},
                },
        },
    .commands = commands(),
    .assemble = assemble,
    .install = install,
};

}  // namespace sz::auth
