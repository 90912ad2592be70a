// The pilot's workflow rules that span areas (郑政办〔2024〕10号): which step of one area waits on another's, who may
// be bound to an account, and the reminders that gather deadlines from several areas. Listed after every area
// (app/modules.cc): the areas below know nothing of each other's rules, and every such rule is here, in one place.
#pragma once
#include "infra/module.h"

namespace sz::pilot {

extern const module::Info kModule;

}  // namespace sz::pilot
