#include "reviews/module.h"

#include "reviews/api.h"
#include "reviews/service.h"

namespace sz::reviews {

namespace {
void assemble(module::Assembly& a) {
  a.make<Service>(a.database(), a.clock(), a.reference("data/review-rubrics.json", &Service::parse_rubrics),
                  a.service<projects::Service>());
}

void install(module::Assembly& a) { register_routes(a.service<auth::Routes>(), a.service<Service>()); }
}  // namespace

const module::Info kModule{
    .name = "reviews",
    .title = "专家评审",
    .audit =
        {
            .actions =
                {
                    {"expert.save", "维护专家信息"},
                    {"review.create", "组织评审"},
                    {"review.abstain", "专家回避"},
                    {"review.recuse", "责令回避"},
                    {"review.score", "提交评分"},
                    {"review.reopen", "重新开放评分"},
                    {"review.consensus", "评审综合意见"},
                    {"provider.evaluation", "服务商定期考核"},
                    {"review.cancel", "撤销评审（项目终止）"},
                },
            .entities =
                {
                    {"review", "评审"},
                    {"expert", "专家"},
                    {"evaluation", "考核报告"},
                },
        },
    .assemble = assemble,
    .install = install,
};

}  // namespace sz::reviews
