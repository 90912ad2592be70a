// 临期提醒 (a scheduled job): milestones falling due and providers' rectification deadlines, announced inside the
// platform to the accounts concerned — each deadline to each account once, however often the job runs.
#pragma once
#include "infra/clock.h"
#include "infra/jobs/jobs.h"
#include "infra/result.h"

namespace sz::pilot {

jobs::Handler reminders_handler(const Clock& clock);
// The job's parameters: {"days": 1–60}, how far ahead a deadline is announced.
Status check_reminder_params(const std::string& params_json);

}  // namespace sz::pilot
