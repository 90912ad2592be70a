// shuzhuan-demo: the demo data, apart from the production binary (scripts/run.sh loads it on first run).
#include "app/cli.h"
#include "demo/demo.h"

int main(int argc, char** argv) {
  sz::app::CommandLine line{"shuzhuan-demo — 载入演示数据（440家试点企业、各角色账号与各阶段的项目）", {sz::demo::load_command()}, true};
  return sz::app::run(line, argc, argv);
}
