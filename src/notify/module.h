// The 站内消息 (notifications) as the platform lists it (app/modules.cc): their routes.
#pragma once
#include "infra/module.h"

namespace sz::notify {

extern const module::Info kModule;

}  // namespace sz::notify
