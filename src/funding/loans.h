// 数字贷 (方案三(九)): loans the partner banks record, the borrower's application for 贴息, and the interest the bank
// confirms period by period within the subsidised months — checked against a ceiling rate, shown before it is locked,
// locked once confirmed, reopened only by the city admin with a written reason — and the city's loan project pool.
// The subsidy itself is approved in subsidies.h from the months confirmed so far, and topped up as more are confirmed.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "auth/service.h"
#include "funding/service.h"
#include "funding/store.h"
#include "infra/clock.h"
#include "infra/db/db.h"

namespace sz::funding {

// A loan as its parties see it: the months the subsidy covers, what has been confirmed, and what it waits for.
struct LoanView {
  store::Loan loan;
  std::string enterprise_name;
  std::vector<store::InterestPeriod> periods;
  std::vector<std::string> recorded_by_names, reopened_by_names;  // by period
  int subsidised_months = 0;  // ≤ 24, or the term
  int confirmed_months = 0;   // covered by confirmed periods
  int elapsed_months = 0;     // whole months since the loan day
  std::optional<int> next_first_month;  // where the bank's next confirmation starts, while months remain
  int next_last_month = 0;              // … and how far it may reach today
  std::string waiting_for;              // in words, for the page
};

// What a confirmation will lock, shown to the bank first.
struct InterestPreview {
  int first_month = 0, last_month = 0;
  std::string from_day, to_day;  // the calendar days those months span
  int64_t interest_paid_fen = 0;
  int64_t plausible_max_fen = 0;  // principal × ceiling rate × months / 12
  int64_t lpr_interest_fen = 0;   // what the LPR gives for the same months (the subsidy is the lower of the two)
  std::string lpr_text;
  std::string lock_text;
};

class Loans {
 public:
  Loans(std::shared_ptr<db::Database> db, const Clock& clock, Service& rules)
      : db_(std::move(db)), clock_(clock), rules_(rules) {}

  // A bank names the borrower by its 统一社会信用代码.
  Result<int64_t> enterprise_by_credit_code(const std::string& code);
  Result<LoanView> record(const auth::Principal& p, const auth::Origin& from, store::Loan in);
  // The bank's own loans, the enterprise's own, or all for the city admin.
  Result<std::vector<LoanView>> list(const auth::Principal& p);
  Result<LoanView> apply(const auth::Principal& p, const auth::Origin& from, int64_t id);
  // The bank's confirmation of months next_first_month..last_month: first what it will lock, then the lock.
  Result<InterestPreview> preview(const auth::Principal& p, int64_t id, int last_month, int64_t interest_paid_fen);
  Result<LoanView> confirm(const auth::Principal& p, const auth::Origin& from, int64_t id, int last_month,
                           int64_t interest_paid_fen);
  // The city admin's correction path: a confirmed period back to the bank, unless an approval still rests on it.
  Result<LoanView> reopen(const auth::Principal& p, const auth::Origin& from, int64_t id, int64_t period_id,
                          const std::string& reason);

  Result<store::PoolEntry> recommend(const auth::Principal& p, const auth::Origin& from, store::PoolEntry e);
  Result<std::vector<store::PoolEntry>> pool(const auth::Principal& p);

  // For the subsidy (subsidies.cc): the months and interest confirmed so far, inside the caller's transaction.
  struct Confirmed {
    int months = 0;
    int64_t interest_paid_fen = 0;
    std::vector<int64_t> period_ids;  // the confirmed periods these come from (an approval records them)
  };

 private:
  Result<LoanView> view(db::Connection& c, const store::Loan& l);
  Result<InterestPreview> check(db::Connection& c, const auth::Principal& p, const store::Loan& l, int last_month,
                                int64_t interest_paid_fen);
  const Scheme& scheme() const;

  std::shared_ptr<db::Database> db_;
  const Clock& clock_;
  Service& rules_;
};

// The internal interface of Loans: for the platform and other modules' services and jobs, inside their
// transaction (the connection is theirs). Each trusts its caller — no principal, no authorization — unless it takes
// the principal it authorizes.
namespace internal {
Result<Loans::Confirmed> confirmed(db::Connection& c, int64_t loan_id);
}  // namespace internal

}  // namespace sz::funding
