#include "assessment/module.h"

#include "assessment/api.h"
#include "assessment/service.h"
#include "documents/service.h"

namespace sz::assessment {

namespace {
void assemble(module::Assembly& a) {
  // Every model built into the binary (data/assessment/*.json); a broken one stops start-up.
  a.make<Service>(a.database(), a.clock(), a.service<registry::Service>(), a.references("data/assessment/", parse_model));
}

void install(module::Assembly& a) {
  auto& assessment = a.service<Service>();
  register_routes(a.service<auth::Routes>(), assessment);
  a.service<documents::Service>().add_owner(
      "assessment", [&assessment](db::Connection& c, const auth::Principal& p, int64_t id, bool write) {
        return assessment.authorize(c, p, id, write);
      });
}
}  // namespace

const module::Info kModule{
    .name = "assessment",
    .title = "评测",
    .audit =
        {
            .actions =
                {
                    {"enterprise.level", "更新数字化水平等级"},
                    {"assessment.create", "新建评测"},
                    {"assessment.save", "保存评测答卷"},
                    {"assessment.submit", "提交评测"},
                    {"assessment.assign", "指派现场评定专家"},
                },
            .entities =
                {
                    {"assessment", "评测"},
                },
            .fields =
                {
                    {"", "score", "得分"},
                    {"", "model_version", "模型版本"},
                },
        },
    .assemble = assemble,
    .install = install,
};

}  // namespace sz::assessment
