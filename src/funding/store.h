// SQL of the funding area: the LPR table and its history, funds, subsidies and their payments, loans.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "funding/rules.h"
#include "infra/db/db.h"

namespace sz::funding::store {

Result<std::vector<LprRate>> lpr_table(db::Connection& c);
Result<std::optional<LprRate>> lpr_row(db::Connection& c, const std::string& announced_on);
Status upsert_lpr(db::Connection& c, const LprRate& r, int64_t now);
Status delete_lpr(db::Connection& c, const std::string& announced_on);

struct LprChange {
  int64_t id = 0;
  std::string announced_on, action, reason, actor;
  std::optional<int64_t> one_year_bp, five_year_bp, before_one_year_bp, before_five_year_bp;
  int64_t changed_at = 0;
};
Status insert_lpr_change(db::Connection& c, const LprChange& ch);
Result<std::vector<LprChange>> lpr_changes(db::Connection& c, int64_t limit);

struct Fund {
  int64_t id = 0;
  std::string source;  // "central" (中央试点资金) | "city" (市级配套)
  int64_t year = 0;
  std::string name;
  int64_t budget_fen = 0;
  int64_t created_at = 0, updated_at = 0;
};
Result<int64_t> insert_fund(db::Connection& c, const Fund& f);
Status update_fund_budget(db::Connection& c, int64_t id, int64_t budget_fen, int64_t at);
Result<std::optional<Fund>> fund(db::Connection& c, int64_t id);
Result<std::vector<Fund>> funds(db::Connection& c);
// Sums of a fund's payments by status.
Result<std::vector<std::pair<std::string, int64_t>>> fund_sums(db::Connection& c, int64_t fund_id);
// What a fund has committed: scheduled, approved and paid payments (returned and cancelled ones are released).
Result<int64_t> fund_committed(db::Connection& c, int64_t fund_id);

struct Subsidy {
  int64_t id = 0;
  std::string scheme, subject_key;
  std::optional<int64_t> enterprise_id;
  std::optional<std::string> district_code;  // the enterprise's, for district scope
  std::optional<int64_t> provider_id, project_id, loan_id;
  std::optional<std::string> award_type;
  std::optional<int64_t> year;
  std::string rule_version, inputs_json, quote_json;
  int64_t proposed_fen = 0, approved_fen = 0;
  std::string status;  // "approved" | "cancelled"
  std::string note;
  int64_t created_by = 0, created_at = 0;
};
Result<int64_t> insert_subsidy(db::Connection& c, const Subsidy& s);
Result<std::optional<Subsidy>> subsidy(db::Connection& c, int64_t id);
Result<bool> subject_approved(db::Connection& c, const std::string& subject_key);
Status set_subsidy_status(db::Connection& c, int64_t id, const std::string& status);
// Approved amounts under one scheme for an enterprise or a provider (optionally one year): what a cap has used.
Result<int64_t> approved_for_enterprise(db::Connection& c, const std::string& scheme, int64_t enterprise_id);
Result<int64_t> approved_for_provider(db::Connection& c, const std::string& scheme, int64_t provider_id,
                                      std::optional<int64_t> year);
struct SubsidyFilter {
  bool all = false;
  std::vector<std::string> districts;
  std::vector<int64_t> enterprise_ids;
  std::optional<int64_t> provider_id;
  std::string scheme;
  std::optional<int64_t> enterprise_id, project_id;
};
Result<std::vector<Subsidy>> subsidies(db::Connection& c, const SubsidyFilter& f, int64_t limit, int64_t offset,
                                       int64_t* total);

struct Payment {
  int64_t id = 0, subsidy_id = 0, fund_id = 0;
  std::string label;
  int64_t budget_year = 0, amount_fen = 0;
  std::string status;  // "scheduled" | "approved" | "paid" | "returned" | "cancelled"
  std::string note;
  std::optional<std::string> override_reason;
  int64_t scheduled_by = 0, scheduled_at = 0;
  std::optional<int64_t> approved_at, paid_at, closed_at;
};
Result<int64_t> insert_payment(db::Connection& c, const Payment& p);
Result<std::optional<Payment>> payment(db::Connection& c, int64_t id);
Status update_payment(db::Connection& c, const Payment& p);
Result<std::vector<Payment>> payments_of(db::Connection& c, int64_t subsidy_id);
// Payments still counting against the approval: every status but returned and cancelled.
Result<int64_t> payments_committed(db::Connection& c, int64_t subsidy_id);

struct Loan {
  int64_t id = 0, enterprise_id = 0, bank_user_id = 0;
  std::string bank_name;
  int64_t principal_fen = 0;
  std::string loan_date;
  int64_t term_months = 0;
  std::string state;  // "granted" | "applied" (贴息 applied for; the bank then confirms interest period by period)
  int64_t created_at = 0;
  std::optional<int64_t> applied_at;
};
Result<int64_t> insert_loan(db::Connection& c, const Loan& l);
Result<std::optional<Loan>> loan(db::Connection& c, int64_t id);
Status update_loan(db::Connection& c, const Loan& l);
struct LoanFilter {
  bool all = false;
  std::vector<int64_t> enterprise_ids;
  std::optional<int64_t> bank_user_id;
};
Result<std::vector<Loan>> loans(db::Connection& c, const LoanFilter& f, int64_t limit);

// The interest a bank confirmed for months first..last of a loan (1-based); locked once confirmed, reopened only by the
// city admin with a reason.
struct InterestPeriod {
  int64_t id = 0, loan_id = 0, first_month = 0, last_month = 0, interest_paid_fen = 0;
  std::string state;  // "confirmed" | "reopened"
  std::optional<int64_t> confirmed_by;
  int64_t confirmed_at = 0;
  std::optional<int64_t> reopened_by, reopened_at;
  std::string reopen_reason;
  int64_t months() const { return last_month - first_month + 1; }
};
Result<int64_t> insert_period(db::Connection& c, const InterestPeriod& p);
Result<std::vector<InterestPeriod>> periods_of(db::Connection& c, int64_t loan_id);
Status reopen_period(db::Connection& c, int64_t id, int64_t by, int64_t at, const std::string& reason);
// Approvals of one loan's interest that still stand.
Result<std::vector<Subsidy>> loan_approvals(db::Connection& c, int64_t loan_id);

struct PoolEntry {
  int64_t id = 0, enterprise_id = 0;
  std::optional<int64_t> project_id;
  int64_t amount_fen = 0;
  std::string note;
  int64_t recommended_by = 0, recommended_at = 0;
  std::string enterprise_name, project_name, recommended_by_name;  // filled when read: a bank reads names, not numbers
};
Result<int64_t> insert_pool_entry(db::Connection& c, const PoolEntry& e);
Result<std::vector<PoolEntry>> pool(db::Connection& c, int64_t limit);

}  // namespace sz::funding::store
