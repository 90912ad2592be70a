#include "pilot/module.h"

#include "auth/service.h"
#include "catalog/service.h"
#include "funding/subsidies.h"
#include "infra/jobs/jobs.h"
#include "market/directory.h"
#include "market/service.h"
#include "ops/service.h"
#include "pilot/reminders.h"
#include "projects/service.h"
#include "registry/service.h"
#include "reviews/service.h"

namespace sz::pilot {

namespace {
// An account bound to a district, an enterprise or a provider names one that exists.
Status check_user_binding(db::Connection& c, const auth::NewUserInput& in) {
  if (in.district) {
    SZ_ASSIGN(bool found, registry::internal::district_exists(c, *in.district));
    if (!found) return err::invalid("district", "区县代码不存在：" + *in.district);
  }
  if (in.enterprise_id) {
    SZ_ASSIGN(bool found, registry::internal::enterprise_exists(c, *in.enterprise_id));
    if (!found) return err::invalid("enterprise_id", "企业不存在：" + std::to_string(*in.enterprise_id));
  }
  if (in.provider_id) {
    SZ_ASSIGN(bool found, market::internal::provider_exists(c, *in.provider_id));
    if (!found) return err::invalid("provider_id", "服务商不存在：" + std::to_string(*in.provider_id));
  }
  return ok();
}

// 项目: approved only after its expert review passed (三(二)), accepted only once its 改造 subsidy is paid where the
// lifecycle says so; experts with a conflict of interest never serve on it; a terminated project's open reviews end
// with it; a plan's scenarios come from the industry's N+X library once it has one.
void project_rules(module::Assembly& a) {
  auto& lifecycle = a.service<projects::Service>();
  auto& panels = a.service<reviews::Service>();
  lifecycle.add_guard("review_passed", [](db::Connection& c, const projects::store::Project& pr) {
    return reviews::internal::review_passed(c, "project", pr.id);
  });
  lifecycle.add_guard("subsidy_paid", [](db::Connection& c, const projects::store::Project& pr) {
    return funding::internal::transformation_paid(c, pr.id);
  });
  lifecycle.set_expert_check([&panels](db::Connection& c, int64_t expert, const projects::store::Project& pr) {
    return panels.check_expert_for_project(c, expert, pr);
  });
  lifecycle.add_closer([](db::Connection& c, const audit::Actor& actor, const projects::store::Project& pr,
                         const std::string& reason, int64_t now) {
    return reviews::internal::cancel_open_rounds(c, actor, "project", pr.id, reason, now);
  });
  lifecycle.set_scenario_library(&catalog::internal::library_names);
  if (auto s = lifecycle.check_guards(); !s) throw std::runtime_error(s.error().detail);
}

// 服务商 go to 公示 only after their admission review passed; 产品 are listed only after theirs, which judges conflicts
// of interest on the product's provider.
void listing_rules(module::Assembly& a) {
  auto& providers = a.service<market::Directory>();
  providers.add_guard("review_passed", [](db::Connection& c, const market::store::ProviderRecord& r) {
    return reviews::internal::review_passed(c, "provider", r.base.id);
  });
  if (auto s = providers.check_guards(); !s) throw std::runtime_error(s.error().detail);
  a.service<catalog::Service>().set_review_guard([](db::Connection& c, const catalog::store::Product& p) {
    return reviews::internal::review_passed(c, "product", p.id);
  });
  a.service<reviews::Service>().set_product_owner(&catalog::internal::owner);
}

void install(module::Assembly& a) {
  a.service<auth::Service>().set_binding_check(check_user_binding);
  project_rules(a);
  listing_rules(a);
  a.service<jobs::Runner>().add("reminders.due", "临期提醒", reminders_handler(a.clock()));
  a.service<ops::Service>().add_schedulable({"reminders.due", R"({"days":7})", check_reminder_params});
}
}  // namespace

const module::Info kModule{
    .name = "pilot",
    .title = "试点工作流",
    .install = install,
};

}  // namespace sz::pilot
