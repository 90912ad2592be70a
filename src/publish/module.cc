#include "publish/module.h"

#include "documents/service.h"
#include "publish/api.h"
#include "publish/service.h"

namespace sz::publish {

namespace {
void assemble(module::Assembly& a) {
  a.make<Service>(a.database(), a.clock(), a.service<registry::Service>(), a.service<projects::Service>(),
                  a.service<catalog::Service>(), a.settings().get_int("public.query_interval_seconds"),
                  a.reference("data/article-review.json", &Service::parse_review));
}

void install(module::Assembly& a) {
  auto& docs = a.service<documents::Service>();
  register_routes(a.service<auth::Routes>(), a.service<Service>(), docs, a.service<market::Directory>());
  docs.add_owner("article", &internal::authorize);
  a.service<workflow::Library>().add("articles", "信息发布审核", a.service<Service>().review_workflow());
}
}  // namespace

const module::Info kModule{
    .name = "publish",
    .title = "信息发布",
    .audit =
        {
            .actions =
                {
                    {"article.create", "撰写发布内容"},
                    {"article.update", "修改发布内容"},
                    {"article.submit", "提交审核"},
                    {"article.publish", "审核发布"},
                    {"article.reject", "退回修改"},
                    {"article.withdraw", "撤回发布"},
                },
            .entities =
                {
                    {"article", "发布内容"},
                },
        },
    .assemble = assemble,
    .install = install,
};

}  // namespace sz::publish
