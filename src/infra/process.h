// Running a helper program (pg_dump, pg_restore) without a shell: arguments are passed as they are.
#pragma once
#include <string>
#include <vector>

#include "infra/result.h"

namespace sz::process {

// Runs argv[0] found on PATH and waits; a non-zero exit is an error carrying its stderr.
Status run(const std::vector<std::string>& argv);

}  // namespace sz::process
