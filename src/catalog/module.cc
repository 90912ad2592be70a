#include "catalog/module.h"

#include "catalog/api.h"
#include "catalog/indicators.h"
#include "catalog/samples.h"
#include "catalog/samples_api.h"
#include "catalog/service.h"
#include "documents/service.h"

namespace sz::catalog {

namespace {
void assemble(module::Assembly& a) {
  auto& catalog = a.make<Service>(a.database(), a.clock(), a.reference("data/product-catalog.json", &Service::parse_catalog),
                                  a.reference("data/product-review.json", &Service::parse_review));
  a.make<Samples>(a.database(), a.clock(), catalog.catalog(),
                  a.reference("data/sample-criteria.json", &Samples::parse_criteria),
                  a.reference("data/sample-selection.json", &Samples::parse_selection),
                  a.reference("data/demand-list.json", &Samples::parse_lists));
}

void install(module::Assembly& a) {
  auto& routes = a.service<auth::Routes>();
  auto& catalog = a.service<Service>();
  register_routes(routes, catalog);
  a.service<workflow::Library>().add("products", "产品入库评审", catalog.review_workflow());
  add_indicator_sources(a.service<stats::Service>(), catalog);
  auto& samples = a.service<Samples>();
  register_sample_routes(routes, samples);
  a.service<workflow::Library>().add("samples", "样本企业遴选", samples.selection());
  a.service<workflow::Library>().add("demand_lists", "“N+X”需求清单", samples.list_workflow());
  a.service<documents::Service>().add_owner("product", [&catalog](db::Connection& c, const auth::Principal& p, int64_t id, bool write) {
    return catalog.authorize(c, p, id, write);
  });
}
}  // namespace

const module::Info kModule{
    .name = "catalog",
    .title = "产品与场景库",
    .audit =
        {
            .actions =
                {
                    {"product.create", "申报产品"},
                    {"product.update", "修改产品"},
                    {"product.submit", "提交产品评审"},
                    {"product.list", "产品上架"},
                    {"product.reject", "产品未通过"},
                    {"product.delist", "产品下架"},
                    {"product.revise", "产品重新申报"},
                    {"scenario.create", "新增场景"},
                    {"scenario.link", "场景关联产品"},
                    {"scenario.unlink", "取消场景关联"},
                    {"sample.propose", "推荐样本企业"},
                    {"sample.deliberate", "样本企业专家审议"},
                    {"demand_list.draft", "起草“N+X”需求清单"},
                    {"demand_list.confirm", "确定“N+X”需求清单"},
                    {"scenario.select", "专家委员会评定可复制可推广场景"},
                },
            .entities =
                {
                    {"product", "产品"},
                    {"scenario", "场景"},
                    {"sample", "样本企业"},
                    {"demand_list", "需求清单"},
                    {"scenario_selection", "场景评定"},
                },
        },
    .assemble = assemble,
    .install = install,
};

}  // namespace sz::catalog
