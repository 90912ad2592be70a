// The shuzhuan binary: the platform's own commands (serve, init, config, routes, backup, restore) and each area's
// (user, audit, stats, report, quote), declared in their folders (module::Info) and listed by app/modules.cc.
#include "app/cli.h"
#include "app/commands.h"
#include "app/modules.h"

int main(int argc, char** argv) {
  sz::app::CommandLine line{"shuzhuan 数转 — 郑州市中小企业数字化转型公共服务平台", sz::app::platform_commands()};
  for (const auto* m : sz::app::modules()) line.commands.insert(line.commands.end(), m->commands.begin(), m->commands.end());
  return sz::app::run(line, argc, argv);
}
