#include "notify/module.h"

#include "auth/api.h"
#include "notify/api.h"

namespace sz::notify {

namespace {
void install(module::Assembly& a) { register_routes(a.service<auth::Routes>(), a.database(), a.clock()); }
}  // namespace

const module::Info kModule{
    .name = "notify",
    .title = "站内消息",
    .install = install,
};

}  // namespace sz::notify
