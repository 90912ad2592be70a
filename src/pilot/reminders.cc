#include "pilot/reminders.h"

#include <boost/json.hpp>

#include "auth/service.h"
#include "market/directory.h"
#include "notify/notify.h"
#include "projects/service.h"

namespace sz::pilot {

namespace bj = boost::json;

namespace {
struct Reminder {
  std::string subject, title, link;
  std::vector<int64_t> users;
};

Result<int64_t> days_of(const std::string& params_json) {
  boost::system::error_code ec;
  auto v = bj::parse(params_json, ec);
  if (ec || !v.is_object()) return err::invalid("params", "params 应为对象");
  const auto* d = v.as_object().if_contains("days");
  if (!d || !d->is_int64() || d->as_int64() < 1 || d->as_int64() > 60) return err::invalid("params", "days 应为 1–60 的整数");
  for (const auto& kv : v.as_object())
    if (kv.key() != "days") return err::invalid("params", "未知的参数：" + std::string(kv.key()));
  return d->as_int64();
}
}  // namespace

Status check_reminder_params(const std::string& params_json) {
  SZ_TRY(days_of(params_json));
  return ok();
}

jobs::Handler reminders_handler(const Clock& clock) {
  return [&clock](jobs::Context& ctx) -> Result<jobs::Outcome> {
    SZ_ASSIGN(int64_t days, days_of(ctx.job().params_json));
    auto& c = ctx.reader();
    const std::string today = shanghai_date(clock.now()), until = day_text(*day_number(today) + days);
    std::vector<Reminder> found;
    SZ_ASSIGN(auto due, projects::internal::due_milestones(c, today, until, 10000));
    for (const auto& m : due) {
      Reminder r{"milestone:" + std::to_string(m.milestone_id) + ":" + m.due_on,
                 "里程碑「" + m.milestone + "」将于 " + m.due_on + " 到期（项目：" + m.project_name + "）",
                 "/projects/" + std::to_string(m.project_id), {}};
      SZ_ASSIGN(r.users, auth::internal::accounts_of(c, m.enterprise_id, std::nullopt));
      SZ_ASSIGN(auto integrator, auth::internal::accounts_of(c, std::nullopt, m.integrator_id));
      r.users.insert(r.users.end(), integrator.begin(), integrator.end());
      found.push_back(std::move(r));
    }
    SZ_ASSIGN(auto rectifying, market::internal::rectifying_until(c, until));
    for (const auto& p : rectifying) {
      Reminder r{"rectify:" + std::to_string(p.base.id) + ":" + *p.rectify_due, "整改期限 " + *p.rectify_due + " 将至，请按期完成整改",
                 "/providers/" + std::to_string(p.base.id), {}};
      SZ_ASSIGN(r.users, auth::internal::accounts_of(c, std::nullopt, p.base.id));
      found.push_back(std::move(r));
    }
    ctx.progress(1, 1);
    int64_t now = clock.now();
    bj::object result{{"deadlines", static_cast<int64_t>(found.size())}};
    // Written with the job's completion: a job run again after a crash sends nothing twice.
    return jobs::Outcome{bj::serialize(result), [found, now](db::Connection& w) -> Status {
                           for (const auto& r : found)
                             for (int64_t u : r.users) SZ_TRY(notify::push_once(w, r.subject, u, "deadline", r.title, r.link, now));
                           return ok();
                         }};
  };
}

}  // namespace sz::pilot
