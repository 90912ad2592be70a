// Rules of the catalogue: 小快轻准 products by scenario category (data/product-catalog.json), their listing workflow
// (draft → in review → listed, or rejected; delisted later), and the N+X library's replication threshold. Pure.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace sz::catalog {

struct Code {
  std::string code, name;
};

struct Catalog {
  std::string version;
  std::vector<Code> categories, deployments;
  int64_t replicable_enterprises = 3;
  const Code* category(const std::string& code) const;
  const Code* deployment(const std::string& code) const;
};

struct ProductMove {
  const char* action;
  std::vector<std::string> from;
  const char* to;
  const char* name;
  bool by_admin;
  bool needs_reason;
};
const ProductMove* product_move(const std::string& action);
const char* product_status_name(const std::string& status);

// A scenario replicates (可复制可推广) when enterprises in that many accepted projects implement it.
bool replicable(const Catalog& c, int64_t accepted_enterprises);

}  // namespace sz::catalog
