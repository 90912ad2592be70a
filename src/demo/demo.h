// Demo data: the 440 pilot enterprises (industry totals as the target matrix's row 1, district totals and batches as
// the annex) with tiers, 上云, two years of figures and, for about a third of them, a submitted self-assessment; one
// provider; one account per role; and 一企一策 projects at every stage with experts, reviews, funds, subsidies and a
// loan (demo_projects.h). Everything is written through the services, on a clock set to each step's day, so the
// audit trail and the dashboard's summary counts are as real use would leave them.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "infra/module.h"
#include "infra/result.h"

namespace sz::app {
class Platform;
}
namespace sz::audit {
struct Actor;
}
namespace sz::auth {
class Service;
struct NewUserInput;
}

namespace sz::demo {

using app::Platform;

struct DemoAccount {
  std::string username, role, scope;
};

extern const char* const kDemoPassword;

// Creates a demo account with kDemoPassword, whose hash is made once per process: the password is published, so
// the accounts gain nothing from a salt each, and ten argon2id hashes were two thirds of a bare demo's load time.
Result<int64_t> add_demo_user(auth::Service& auth, const audit::Actor& actor, const auth::NewUserInput& in);

// A valid 统一社会信用代码 for demo record `seq` registered in `division_code` (its check character computed).
std::string demo_credit_code(const std::string& division_code, int64_t seq);

// Does nothing when the demo enterprises already exist. Returns the demo accounts. `bare`: only the accounts and
// the 440 enterprises, without figures or assessments (the API tests start from it and create their own).
Result<std::vector<DemoAccount>> load_demo(app::Platform& platform, bool bare = false);

// `shuzhuan-demo`: loads the demo into the configured store (the README's run command does, on first run).
module::Command load_command();

}  // namespace sz::demo
