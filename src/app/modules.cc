#include "app/modules.h"

namespace sz {
#define SZ_MODULE(area) \
  namespace area {      \
  extern const module::Info kModule;  \
  }
#include "app/modules.list"
#undef SZ_MODULE
}  // namespace sz

namespace sz::app {

const std::vector<const module::Info*>& modules() {
  static const std::vector<const module::Info*> all = {
#define SZ_MODULE(area) &area::kModule,
#include "app/modules.list"
#undef SZ_MODULE
  };
  return all;
}

}  // namespace sz::app
