// Rules of the catalogue: 小快轻准 products by scenario category (data/product-catalog.json), their listing workflow
// (draft → in review → listed, or rejected; delisted later), and the expert panels that decide on samples and on
// replicable scenarios. Pure.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sz::catalog {

struct Code {
  std::string code, name;
};

struct Catalog {
  std::string version;
  std::vector<Code> categories, deployments;
  const Code* category(const std::string& code) const;
  const Code* deployment(const std::string& code) const;
};

// The five criteria a sample enterprise (样本企业) is chosen against (data/sample-criteria.json).
struct SampleCriteria {
  std::string version;
  std::vector<Code> criteria;
};
// The criteria not met (by name): a sample is selected only when this is empty (方案二(一)2).
std::vector<std::string> unmet_criteria(const SampleCriteria& c, const std::map<std::string, bool>& met);

// One line of an industry's "N+X" 需求清单: a common (N) or individual (X) scenario, and the samples it came from.
struct DemandItem {
  std::string kind, name, category, description;
  std::vector<int64_t> samples;  // sample enterprise ids
};
// What is wrong with a list (in Chinese), if anything: kinds N/X, known categories, unique names, at least one N,
// every X scenario traced to a sample enterprise.
std::optional<std::string> demand_list_problem(const Catalog& c, const std::vector<DemandItem>& items);
// Scenario names added, removed, or changed (kind, category or description) from one version to the next.
struct DemandDiff {
  std::vector<std::string> added, removed, changed;
};
DemandDiff diff_demand_lists(const std::vector<DemandItem>& before, const std::vector<DemandItem>& after);

// An expert committee's meeting as recorded (专家审议): a real day, at least three named experts, and minutes. The field
// at fault and why, or nullopt.
struct Panel {
  std::string held_on, minutes;
  std::vector<std::string> experts;
};
std::optional<std::pair<std::string, std::string>> panel_problem(const Panel& p);

// Whether a product was on the catalogue just before moment `t`, from its latest listing and latest 下架 (a product
// delisted and listed again counts from the new listing).
bool on_catalogue(std::optional<int64_t> listed_at, std::optional<int64_t> delisted_at, int64_t t);

}  // namespace sz::catalog
