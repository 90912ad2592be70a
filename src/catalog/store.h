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
  std::optional<int64_t> listed_at, delisted_at;  // the latest listing and the latest 下架
};
Result<int64_t> insert_product(db::Connection& c, const Product& p);
Status update_product(db::Connection& c, const Product& p);
Result<std::optional<Product>> product(db::Connection& c, int64_t id);
struct ProductFilter {
  std::string status, category, industry, q;
  std::optional<int64_t> provider_id;
  bool listed_or_own = false;  // listed ones, plus the provider's own in any status
  bool ever_listed = false;    // listed at some time, whatever their status now
};
Result<std::vector<Product>> products(db::Connection& c, const ProductFilter& f, int64_t limit);

struct Scenario {
  int64_t id = 0;
  std::string industry_code, kind, name, category, description;
  int64_t created_at = 0;
  std::optional<std::string> replicable_on;     // selected as 可复制可推广 by the expert committee on that day
  std::optional<int64_t> replicable_selection;  // … at this meeting
};
Result<int64_t> insert_scenario(db::Connection& c, const Scenario& s);
Result<std::optional<Scenario>> scenario(db::Connection& c, int64_t id);
Result<std::vector<Scenario>> scenarios(db::Connection& c, const std::string& industry);
Status link(db::Connection& c, int64_t scenario_id, int64_t product_id, bool linked);
Result<std::vector<int64_t>> products_of_scenario(db::Connection& c, int64_t scenario_id);

// The expert committee's selection of 可复制可推广 scenarios, each decision with the usage shown as its evidence.
struct SelectionItem {
  int64_t scenario_id = 0;
  std::string scenario_name, decision, reason;  // decision: selected | rejected
  int64_t projects = 0, accepted_enterprises = 0;
};
struct Selection {
  int64_t id = 0;
  std::string industry_code, held_on, experts_json, minutes;
  int64_t recorded_by = 0, recorded_at = 0;
  std::vector<SelectionItem> items;
};
Result<int64_t> insert_selection(db::Connection& c, const Selection& s);
Result<std::vector<Selection>> selections(db::Connection& c, const std::string& industry);
Status mark_replicable(db::Connection& c, int64_t scenario_id, const std::string& on, int64_t selection_id);

// 样本企业: proposed against the five criteria (criteria_json: code → {met, evidence}), decided at a deliberation.
struct Sample {
  int64_t id = 0;
  std::string industry_code;
  int64_t enterprise_id = 0;
  std::string criteria_json, note, status;  // status: proposed | selected | rejected
  std::optional<int64_t> deliberation_id;
  std::optional<std::string> decision_reason;
  std::string proposed_by;
  int64_t created_at = 0;
};
Result<int64_t> insert_sample(db::Connection& c, const Sample& s);
Result<std::optional<Sample>> sample(db::Connection& c, int64_t id);
Result<bool> sample_exists(db::Connection& c, const std::string& industry, int64_t enterprise_id);
Result<std::vector<Sample>> samples(db::Connection& c, const std::string& industry);
Status decide_sample(db::Connection& c, int64_t id, const std::string& status, int64_t deliberation_id,
                     const std::string& reason);

struct Deliberation {
  int64_t id = 0;
  std::string industry_code, held_on, experts_json, minutes, recorded_by;
  int64_t created_at = 0;
};
Result<int64_t> insert_deliberation(db::Connection& c, const Deliberation& d);
Result<std::optional<Deliberation>> deliberation(db::Connection& c, int64_t id);
Result<std::vector<Deliberation>> deliberations(db::Connection& c, const std::string& industry);

// One version of an industry's "N+X" 需求清单 (items_json: the DemandItem list). Confirmed versions never change.
struct DemandList {
  int64_t id = 0;
  std::string industry_code;
  int64_t version = 0;
  std::string items_json, note, status;  // draft | confirmed
  std::optional<int64_t> deliberation_id;
  std::string created_by;
  int64_t created_at = 0;
  std::optional<int64_t> confirmed_at;
};
Result<int64_t> insert_demand_list(db::Connection& c, const DemandList& l);
Result<std::optional<DemandList>> demand_list(db::Connection& c, int64_t id);
Result<int64_t> latest_version(db::Connection& c, const std::string& industry);
// Versions of an industry (all industries when empty), newest first.
Result<std::vector<DemandList>> demand_lists(db::Connection& c, const std::string& industry);
Status confirm_demand_list(db::Connection& c, int64_t id, int64_t deliberation_id, int64_t at);

}  // namespace sz::catalog::store
