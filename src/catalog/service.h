// Use cases of the catalogue: 小快轻准 products listed after an expert review, how projects use them, the ranking
// their awards are judged on; and the N+X scenario library per industry with the products that serve each scenario
// and whether it replicates across enterprises. Authorisation here.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "auth/service.h"
#include "catalog/rules.h"
#include "catalog/store.h"
#include "infra/clock.h"
#include "infra/db/db.h"
#include "infra/workflow.h"
#include "projects/service.h"

namespace sz::catalog {

struct ProductInput {
  std::optional<int64_t> provider_id;  // the admin names it; a provider's user files for its own
  std::optional<std::string> name, category, deployment, description;
  std::optional<std::vector<std::string>> industries;
  std::optional<int64_t> price_fen, delivery_days;
};

struct ProductView {
  store::Product product;
  std::string provider_name;
  projects::store::Usage usage;
};

struct ScenarioView {
  store::Scenario scenario;
  std::vector<int64_t> product_ids;
  projects::store::Usage usage;  // the evidence the expert committee is shown
};
struct ScenarioDecision {
  int64_t scenario_id = 0;
  std::string decision, reason;  // selected | rejected; a rejection says why
};
struct SelectionInput {
  std::string industry;
  Panel panel;
  std::vector<ScenarioDecision> decisions;
};

class Service {
 public:
  using Guard = std::function<Status(db::Connection&, const store::Product&)>;
  // `review`: a product's way onto the catalogue (data/product-review.json), parties "provider" and "city_admin".
  Service(std::shared_ptr<db::Database> db, const Clock& clock, Catalog catalog, workflow::Workflow review)
      : db_(std::move(db)), clock_(clock), catalog_(std::move(catalog)), review_(std::move(review)) {}
  static Result<Catalog> parse_catalog(std::string_view json);
  // The review workflow, refused when it names a guard the service does not check.
  static Result<workflow::Workflow> parse_review(std::string_view json);
  const Catalog& catalog() const { return catalog_; }
  const workflow::Workflow& review_workflow() const { return review_; }
  // The expert review a product passes before it is listed (reviews, wired by app).
  void set_review_guard(Guard g) { review_guard_ = std::move(g); }

  Result<ProductView> create_product(const auth::Principal& p, const auth::Origin& from, const ProductInput& in);
  Result<ProductView> edit_product(const auth::Principal& p, const auth::Origin& from, int64_t id, const ProductInput& in);
  Result<ProductView> move_product(const auth::Principal& p, const auth::Origin& from, int64_t id,
                                   const std::string& action, const std::string& reason);
  Result<ProductView> product(const auth::Principal& p, int64_t id);
  // 产品资料 (brochures, certificates, test reports): read by whoever may see the product; added by its provider (or
  // the city admin) while it is a draft, since the documents are part of what the experts review.
  Status authorize(db::Connection& c, const auth::Principal& p, int64_t id, bool write) const;
  // The moves the caller may take on `prod` now.
  std::vector<const workflow::Move*> actions(const auth::Principal& p, const store::Product& prod) const;
  // Listed products for everyone; a provider also sees its own, the city admin all.
  Result<std::vector<ProductView>> products(const auth::Principal& p, store::ProductFilter f);
  // Listed products for the public look-up (by name).
  Result<std::vector<ProductView>> public_products(const std::string& q);
  // The facts product awards (推广数量、性价比、试点成效) are judged on, ranked within each category.
  Result<std::vector<ProductView>> ranking(const std::string& category);

  // Every listed product (the target matrix counts them).
  Result<std::vector<store::Product>> listed_products();
  // Those on the catalogue just before moment `t` (indicator 7 at a stage's end).
  Result<std::vector<store::Product>> listed_products_at(int64_t t);

  Result<ScenarioView> add_scenario(const auth::Principal& p, const auth::Origin& from, store::Scenario s);
  Status link(const auth::Principal& p, const auth::Origin& from, int64_t scenario_id, int64_t product_id, bool linked);
  Result<std::vector<ScenarioView>> library(const std::string& industry);
  // The expert committee's selection of 可复制可推广 scenarios (indicator 8), recorded by the city admin with the
  // usage each scenario showed; a scenario is selected once, from the meeting's day.
  Result<store::Selection> select_scenarios(const auth::Principal& p, const auth::Origin& from, const SelectionInput& in);
  Result<std::vector<store::Selection>> selections(const std::string& industry);

 private:
  Result<ProductView> view(db::Connection& c, store::Product p);
  Status apply(const ProductInput& in, store::Product& p);

  std::shared_ptr<db::Database> db_;
  const Clock& clock_;
  Catalog catalog_;
  workflow::Workflow review_;
  Guard review_guard_;
};

// The internal interface of the area's service: for the platform and other modules' services and jobs, inside
// their transaction (the connection is theirs). Each trusts its caller — no principal, no authorization — unless it
// takes the principal it authorizes.
namespace internal {
// For reviews: who offers a product.
Result<std::optional<std::pair<int64_t, std::string>>> owner(db::Connection& c, int64_t product_id);
// For projects: an industry's library as scenario name → kind ("N" | "X").
Result<std::map<std::string, std::string>> library_names(db::Connection& c, const std::string& industry);
}  // namespace internal

}  // namespace sz::catalog
