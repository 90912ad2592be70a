// Use cases of the "N+X" 样本库 (方案二(一)2): sample enterprises proposed per industry against the five criteria, the
// experts' deliberation that selects or rejects them, and the industry's versioned "N+X" 需求清单 — a draft version
// confirmed at a deliberation, after which its scenarios stand in the N+X library. Authorisation here.
#pragma once
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

namespace sz::catalog {

struct Criterion {
  bool met = false;
  std::string evidence;
};
struct SampleInput {
  std::string industry;
  int64_t enterprise_id = 0;
  std::map<std::string, Criterion> criteria;
  std::string note;
};
struct SampleView {
  store::Sample sample;
  std::string enterprise_name, district_code;
  std::vector<std::string> unmet;  // criteria not met, by name
};
struct Decision {
  int64_t sample_id = 0;
  std::string decision, reason;  // decision: selected | rejected
};
struct DeliberationInput {
  std::string industry, held_on, minutes;
  std::vector<std::string> experts;
  std::vector<Decision> decisions;
};
struct ListView {
  store::DemandList list;
  std::vector<DemandItem> items;
  std::optional<int64_t> previous_version;
  DemandDiff diff;  // against the previous version
  std::map<int64_t, std::string> sample_names;  // sample → its enterprise's name
  std::vector<const workflow::Move*> actions;    // the moves open to the caller (确定清单)
};

class Samples {
 public:
  // `selection`: a proposal's way to 已确定为样本 or 未入选 (data/sample-selection.json); `lists`: a 需求清单
  // version's way from 草稿 to 已确定 (data/demand-list.json).
  Samples(std::shared_ptr<db::Database> db, const Clock& clock, const Catalog& catalog, SampleCriteria criteria,
          workflow::Workflow selection, workflow::Workflow lists)
      : db_(std::move(db)),
        clock_(clock),
        catalog_(catalog),
        criteria_(std::move(criteria)),
        selection_(std::move(selection)),
        lists_(std::move(lists)) {}
  static Result<SampleCriteria> parse_criteria(std::string_view json);
  // The two workflows, refused when they name a guard the service does not check.
  static Result<workflow::Workflow> parse_selection(std::string_view json);
  static Result<workflow::Workflow> parse_lists(std::string_view json);
  const SampleCriteria& criteria() const { return criteria_; }
  const workflow::Workflow& selection() const { return selection_; }
  const workflow::Workflow& list_workflow() const { return lists_; }

  // City admin, or a district officer for an enterprise of the district; the enterprise is in the industry's pilot.
  Result<SampleView> propose(const auth::Principal& p, const auth::Origin& from, const SampleInput& in);
  Result<std::vector<SampleView>> samples(const auth::Principal& p, const std::string& industry);
  // Records the experts' deliberation and its decisions together: a sample is selected only with all five criteria met.
  Result<store::Deliberation> deliberate(const auth::Principal& p, const auth::Origin& from, const DeliberationInput& in);
  Result<std::vector<store::Deliberation>> deliberations(const auth::Principal& p, const std::string& industry);

  Result<ListView> draft_list(const auth::Principal& p, const auth::Origin& from, const std::string& industry,
                              const std::vector<DemandItem>& items, const std::string& note);
  Result<ListView> confirm_list(const auth::Principal& p, const auth::Origin& from, int64_t id, int64_t deliberation_id);
  Result<ListView> list(const auth::Principal& p, int64_t id);
  Result<std::vector<ListView>> lists(const auth::Principal& p, const std::string& industry);

 private:
  Result<SampleView> view(db::Connection& c, store::Sample s);
  Result<ListView> list_view(db::Connection& c, const auth::Principal& p, store::DemandList l);

  std::shared_ptr<db::Database> db_;
  const Clock& clock_;
  const Catalog& catalog_;
  SampleCriteria criteria_;
  workflow::Workflow selection_, lists_;
};

}  // namespace sz::catalog
