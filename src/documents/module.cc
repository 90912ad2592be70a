#include "documents/module.h"

#include "documents/api.h"
#include "documents/service.h"

namespace sz::documents {

namespace {
void assemble(module::Assembly& a) { a.make<Service>(a.database(), a.clock(), a.settings().get("documents.dir")); }

void install(module::Assembly& a) { register_routes(a.service<auth::Routes>(), a.service<Service>()); }
}  // namespace

const module::Info kModule{
    .name = "documents",
    .title = "资料",
    .audit =
        {
            .actions =
                {
                    {"document.upload", "上传资料"},
                },
            .entities =
                {
                    {"document", "资料"},
                },
        },
    .assemble = assemble,
    .install = install,
};

}  // namespace sz::documents
