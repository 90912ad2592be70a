// Use cases of the funding area: the subsidy rule sets (versioned data), what-if quotes, and the LPR table that
// admins keep. Authorisation happens here.
#pragma once
#include <boost/json.hpp>
#include <memory>
#include <string>
#include <vector>

#include "auth/service.h"
#include "funding/rules.h"
#include "funding/store.h"
#include "infra/clock.h"
#include "infra/db/db.h"

namespace sz::funding {

class Service {
 public:
  Service(std::shared_ptr<db::Database> db, const Clock& clock, std::vector<RuleSet> rule_sets);

  // A rule-set data file (data/subsidy-rules-*.json); refuses one with an unknown kind, cap scope or a bad rate.
  static Result<RuleSet> parse_rules(std::string_view json);

  // The rule set in force on a day ("YYYY-MM-DD"); the newest one when `date` is empty.
  Result<const RuleSet*> rules_on(const std::string& date) const;
  const std::vector<RuleSet>& rule_sets() const { return rule_sets_; }

  // Computes without storing. A scheme or field the rules do not know, or a loan date before the LPR table → 422.
  Result<Quote> quote(const QuoteInput& in, const RuleSet& rules);

  Result<std::vector<LprRate>> lpr_table();
  Result<std::vector<store::LprChange>> lpr_history(int64_t limit);
  // City admins only; every change needs a reason and is kept in the history and the audit trail.
  Result<LprRate> put_lpr(const auth::Principal& p, const auth::Origin& from, const LprRate& r, const std::string& reason);
  Status delete_lpr(const auth::Principal& p, const auth::Origin& from, const std::string& announced_on,
                    const std::string& reason);

 private:
  Status write_lpr_change(db::Connection& c, const auth::Principal& p, const auth::Origin& from,
                          const std::string& announced_on, const std::optional<LprRate>& before,
                          const std::optional<LprRate>& after, const std::string& reason);

  std::shared_ptr<db::Database> db_;
  const Clock& clock_;
  std::vector<RuleSet> rule_sets_;  // sorted by effective_from
};

// The internal interface of the area's service: for the platform and other modules' services and jobs, inside
// their transaction (the connection is theirs). Each trusts its caller — no principal, no authorization — unless it
// takes the principal it authorizes.
namespace internal {
// Loads data/lpr.json into the table the first time a version of it is seen; admins' later edits stay.
Status load_lpr(db::Connection& c, std::string_view json, int64_t now);
}  // namespace internal

// A quote as the public contract encodes it (docs/openapi.json, POST /api/v1/subsidies/quote); `inputs` echoes the
// request or, for a stored approval, the facts read from the store.
boost::json::object quote_json(const RuleSet& rules, const Scheme& s, const Quote& q, const boost::json::object& inputs);

}  // namespace sz::funding
