// SQL of the catalogue: products, N+X scenarios and their links.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "infra/db/db.h"

namespace sz::catalog::store {

struct Product {
  int64_t id = 0, provider_id = 0;
  std::string name, category, industries_json = "[]", deployment;
  int64_t price_fen = 0, delivery_days = 0;
  std::string description, status;
  std::optional<std::string> status_note;
  int64_t created_at = 0, updated_at = 0;
  std::optional<int64_t> listed_at;
};
Result<int64_t> insert_product(db::Connection& c, const Product& p);
Status update_product(db::Connection& c, const Product& p);
Result<std::optional<Product>> product(db::Connection& c, int64_t id);
struct ProductFilter {
  std::string status, category, industry, q;
  std::optional<int64_t> provider_id;
  bool listed_or_own = false;  // listed ones, plus the provider's own in any status
};
Result<std::vector<Product>> products(db::Connection& c, const ProductFilter& f, int64_t limit);

struct Scenario {
  int64_t id = 0;
  std::string industry_code, kind, name, category, description;
  int64_t created_at = 0;
};
Result<int64_t> insert_scenario(db::Connection& c, const Scenario& s);
Result<std::optional<Scenario>> scenario(db::Connection& c, int64_t id);
Result<std::vector<Scenario>> scenarios(db::Connection& c, const std::string& industry);
Status link(db::Connection& c, int64_t scenario_id, int64_t product_id, bool linked);
Result<std::vector<int64_t>> products_of_scenario(db::Connection& c, int64_t scenario_id);

}  // namespace sz::catalog::store
