// Use cases of the special fund (专项资金): subsidies approved from the rules with the facts in the store (every figure
// keeps its rule version, inputs, clause and the cap that bound it), paid in tranches that admins schedule against a
// fund's budget. 数字贷 loans and their confirmed interest are in loans.h.
#pragma once
#include <boost/json.hpp>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "auth/service.h"
#include "funding/service.h"
#include "funding/store.h"
#include "infra/clock.h"
#include "infra/db/db.h"
#include "infra/workflow.h"

namespace sz::funding {

struct ApproveInput {
  std::string scheme;  // a rule scheme, or "award"
  std::optional<int64_t> enterprise_id, project_id, provider_id, loan_id, chain_model_id, year;
  std::optional<std::string> award_type;
  std::optional<int64_t> amount_fen;    // award: the amount the admin enters
  std::optional<int64_t> approved_fen;  // less than the rules allow, if the admin decides so
  std::string note;
};

struct PaymentInput {
  int64_t fund_id = 0;
  int64_t amount_fen = 0;
  std::string label, note;
  bool cut = false;                      // cut to what remains instead of refusing
  std::optional<std::string> override_reason;  // pay beyond the fund's budget (recorded)
};

struct FundView {
  store::Fund fund;
  int64_t scheduled = 0, approved = 0, paid = 0, returned = 0, cancelled = 0;
  int64_t committed() const { return scheduled + approved + paid; }
  int64_t remaining() const { return fund.budget_fen - committed(); }
};

struct CostSharing {
  int64_t cost_total_fen = 0;
  std::optional<int64_t> contract_amount_fen, catalogue_price_fen, provider_discount_fen;
  int64_t subsidy_approved_fen = 0, subsidy_paid_fen = 0, enterprise_share_fen = 0;
};

// Names for display: the records keep ids; lists resolve a page's worth of names at once.
struct Names {
  std::map<int64_t, std::string> enterprises, providers, funds;
  std::string enterprise(std::optional<int64_t> id) const;
  std::string provider(std::optional<int64_t> id) const;
  std::string fund(int64_t id) const;
};

class Subsidies {
 public:
  Result<Names> names(const std::vector<store::Subsidy>& subsidies, const std::vector<store::Payment>& payments);
  // `payments`: a tranche's way from 已安排 to 已拨付 (data/payment-workflow.json; the party is "city_admin").
  Subsidies(std::shared_ptr<db::Database> db, const Clock& clock, Service& rules, workflow::Workflow payments);
  const workflow::Workflow& payment_workflow() const { return payments_; }
  // The moves the caller may take on a tranche now.
  std::vector<const workflow::Move*> payment_actions(const auth::Principal& p, const store::Payment& pay) const;

  // Proposes from the rules and the store's facts, approves the amount (≤ the proposal) once per subject.
  Result<store::Subsidy> approve(const auth::Principal& p, const auth::Origin& from, const ApproveInput& in);
  // What approve would compute, without storing.
  Result<boost::json::object> preview(const auth::Principal& p, const ApproveInput& in);
  Status cancel(const auth::Principal& p, const auth::Origin& from, int64_t id, const std::string& reason);
  Result<store::Subsidy> get(const auth::Principal& p, int64_t id);
  Result<std::vector<store::Subsidy>> list(const auth::Principal& p, store::SubsidyFilter f, int64_t limit,
                                           int64_t offset, int64_t* total);
  Result<std::vector<store::Payment>> payments(const auth::Principal& p, int64_t subsidy_id);

  Result<store::Payment> schedule(const auth::Principal& p, const auth::Origin& from, int64_t subsidy_id,
                                  const PaymentInput& in);
  // approve | pay | return | cancel
  Result<store::Payment> move_payment(const auth::Principal& p, const auth::Origin& from, int64_t id,
                                      const std::string& action, const std::string& reason);

  Result<std::vector<FundView>> funds(const auth::Principal& p);
  Result<store::Fund> add_fund(const auth::Principal& p, const auth::Origin& from, store::Fund f);
  Result<store::Fund> set_budget(const auth::Principal& p, const auth::Origin& from, int64_t id, int64_t budget_fen,
                                 const std::string& reason);

  // 企业出一点、服务商让一点、政府补一点 for one project (read as the project is read).
  Result<CostSharing> cost_sharing(const auth::Principal& p, int64_t project_id);

 private:
  struct Computed {
    store::Subsidy subsidy;
    boost::json::object quote;
    bool eligible = false;
    std::string reason;
  };
  Result<Computed> compute(db::Connection& c, const ApproveInput& in);
  static Status read_access(const auth::Principal& p, const store::Subsidy& s);

  std::shared_ptr<db::Database> db_;
  const Clock& clock_;
  Service& rules_;
  workflow::Workflow payments_;
};

// The internal interface of Subsidies: for the platform and other modules' services and jobs, inside their
// transaction (the connection is theirs). Each trusts its caller — no principal, no authorization — unless it takes
// the principal it authorizes.
namespace internal {
// For the project lifecycle ("subsidy_paid"): the transformation subsidy is approved and paid in full.
Status transformation_paid(db::Connection& c, int64_t project_id);
}  // namespace internal

}  // namespace sz::funding
