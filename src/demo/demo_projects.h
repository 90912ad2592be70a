// Demo 一企一策 projects at every stage, with dated histories, experts, review rounds, funds, subsidies paid in
// tranches and a 数字贷 loan (see demo_projects.cc).
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "demo/demo.h"
#include "app/platform.h"
#include "audit/rules.h"
#include "auth/service.h"

namespace sz::demo {

// A demo account with one role, and the principal of an existing demo account.
Result<auth::Principal> demo_account(Platform& pf, const audit::Actor& actor, const std::string& username,
                                     const std::string& display, const std::string& role, std::optional<int64_t> enterprise,
                                     std::optional<int64_t> provider = std::nullopt);
Result<auth::Principal> demo_principal(Platform& pf, const std::string& username);

// `year_figures(year)` files every enterprise's figures for a year; it runs each spring, on its day among the others.
Status demo_projects(Platform& pf, const audit::Actor& actor, const std::vector<int64_t>& ids, int64_t qiye_enterprise,
                     int64_t provider_id, const std::string& provider_credit_code, std::vector<DemoAccount>* accounts,
                     const std::function<Status(int64_t year)>& year_figures);

}  // namespace sz::demo
