// The command line as a table: each command (app's own, each area's in its module::Info, the demo's in its own
// binary) is declared where it belongs; this turns the table into CLI11 subcommands and runs the one given.
// Configuration: defaults < --config file < SHUZHUAN_* environment < command-line flags (docs/configuration.md).
#pragma once
#include <string>
#include <vector>

#include "infra/module.h"

namespace sz::app {

struct CommandLine {
  std::string description;
  std::vector<module::Command> commands;  // a command with an empty path is the program itself (no subcommand)
  bool manual_clock = false;              // the demo's clock, set to the past days it writes
};

int run(const CommandLine& line, int argc, char** argv);

}  // namespace sz::app
