// Demo 一企一策 projects at every stage, with dated histories, experts, review rounds, funds, subsidies paid in
// tranches and a 数字贷 loan (see demo_projects.cc).
#pragma once
#include <string>
#include <vector>

#include "app/demo.h"
#include "app/platform.h"

namespace sz::app {

Status demo_projects(Platform& pf, const audit::Actor& actor, const std::vector<int64_t>& ids, int64_t qiye_enterprise,
                     int64_t provider_id, const std::string& provider_credit_code, std::vector<DemoAccount>* accounts);

}  // namespace sz::app
