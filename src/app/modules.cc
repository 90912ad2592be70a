#include "app/modules.h"

#include "assessment/module.h"
#include "auth/module.h"
#include "catalog/module.h"
#include "documents/module.h"
#include "exchange/module.h"
#include "funding/module.h"
#include "market/module.h"
#include "ops/module.h"
#include "platforms/module.h"
#include "projects/module.h"
#include "publish/module.h"
#include "records/module.h"
#include "registry/module.h"
#include "reports/module.h"
#include "reviews/module.h"
#include "stats/module.h"

namespace sz::app {

const std::vector<const module::Info*>& modules() {
  static const std::vector<const module::Info*> all = {
      &auth::kModule,    &registry::kModule, &market::kModule,  &assessment::kModule, &documents::kModule,
      &projects::kModule, &reviews::kModule, &funding::kModule, &catalog::kModule,    &exchange::kModule,
      &records::kModule, &platforms::kModule, &publish::kModule, &ops::kModule,       &stats::kModule,
      &reports::kModule,
  };
  return all;
}

}  // namespace sz::app
