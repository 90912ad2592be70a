// Subsidy rules of the plan's section 三 (DOMAIN.md "Money rules"): pure computation over a versioned rule set
// (data/subsidy-rules-*.json) and the LPR table. Amounts are integer 分, rates basis points, dates "YYYY-MM-DD";
// every result carries the inputs, intermediate values and the cap that bound it, so the UI can explain it.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sz::funding {

// A ceiling on the sum of payments under one scheme. Its scope is data: whose payments it sums (per enterprise,
// provider or case) and over which period (all years, or each budget year).
struct Cap {
  std::string id, label;
  int64_t amount_fen = 0;
  std::string per;     // "enterprise" | "provider" | "case"
  std::string period;  // "all_years" | "year"
};

// A yes/no fact the scheme requires, and the reason given when it is not met.
struct Condition {
  std::string field, label, unmet;
};

struct Scheme {
  std::string code, name, clause;
  std::string kind;             // "share" (rate × base), "fixed" (up to the cap), "loan_interest"
  std::string base_field, base_label;
  int64_t rate_bp = 0;          // share of the base, in basis points (7000 = 70 %)
  int min_level = 0;            // assessment level required (二级 = 2); 0 = none
  int max_months = 0;           // loan interest: months subsidised at most
  int long_loan_months = 0;     // loan interest: terms above this use the 5-year+ LPR
  int64_t plausible_rate_bp = 0;        // loan interest: a confirmed figure above principal × this × months / 12 is refused
  std::string plausible_rate_reason;
  bool tranches = false;        // approved once, paid in stages
  std::vector<Condition> conditions;
  std::vector<Cap> caps;
};

struct AwardType {
  std::string code, name, clause;
};

struct RuleSet {
  std::string version, document, effective_from;
  std::vector<Scheme> schemes;
  std::vector<AwardType> awards;
  const Scheme* scheme(const std::string& code) const;
};

// One row of the LPR table: rates in basis points of a percent (3.45 % = 345), in force from the announcement day.
struct LprRate {
  std::string announced_on;
  int64_t one_year_bp = 0, five_year_bp = 0;
};
// The rate in force on `date` from a table sorted by announcement day; nullopt before the first announcement.
std::optional<LprRate> lpr_in_force(const std::vector<LprRate>& table, const std::string& date);

struct QuoteInput {
  std::string scheme;
  int64_t base_fen = 0;               // cost / service fees / principal, by scheme
  std::optional<int> level;           // transformation: the enterprise's assessed level
  std::map<std::string, bool> facts;  // the scheme's conditions by field
  int64_t paid_before_fen = 0;        // paid under this scheme within the cap's scope and period
  std::map<std::string, int64_t> paid_by_cap;  // per cap id, when the caps of a scheme differ in scope; else paid_before_fen
  std::string loan_date;              // loan interest
  int term_months = 0;
  std::optional<int64_t> interest_paid_fen;  // loan interest: the interest the bank confirms was paid
  std::map<std::string, std::string> details;  // why a condition is not met, in this case (appended to its reason)
  int confirmed_months = 0;          // loan interest: the subsidised months the bank confirmed (0: as many as the term)
  int64_t subject_approved_fen = 0;  // approved earlier for the same subject: a later approval tops it up
};

struct Step {
  std::string label;
  int64_t fen = 0;
};

struct Quote {
  bool eligible = false;
  int64_t amount_fen = 0;
  int64_t proposed_fen = 0;  // before caps
  std::string cap_applied, cap_label;  // empty when no cap bound the amount
  std::string reason;                  // why not eligible
  std::string explanation;
  std::vector<Step> steps;
  std::optional<LprRate> lpr;  // loan interest: the LPR row used
  int64_t rate_bp = 0;         // loan interest: the rate applied
  int months = 0;              // loan interest: months subsidised
};

// Computes the largest amount the rule allows ("不超过" is a ceiling: the admin may approve less).
// Preconditions checked by the caller: base ≥ 0, paid_before ≥ 0, a loan date inside the LPR table.
Quote quote(const Scheme& s, const QuoteInput& in, const std::vector<LprRate>& lpr);

// 数字贷: the months the subsidy covers (at most the scheme's, at most the term); whole months from the loan day to
// `today` (month n runs from the loan day's date in month n−1 after it); the day month n begins; and the most interest a
// bank can plausibly have received for `months` months (principal × the scheme's ceiling rate × months / 12).
int subsidised_months(const Scheme& s, int term_months);
int months_elapsed(const std::string& loan_date, const std::string& today);
std::string month_start(const std::string& loan_date, int n);
int64_t plausible_interest_fen(const Scheme& s, int64_t principal_fen, int months);

// Simple interest in 分, rounded down: principal × rate × months / 12.
int64_t simple_interest_fen(int64_t principal_fen, int64_t rate_bp, int months);
// Share of an amount in basis points, rounded down.
int64_t share_fen(int64_t base_fen, int64_t rate_bp);

// "1,234,567.89" 元 from 分; "3.45" from basis points.
std::string yuan_text(int64_t fen);
std::string percent_text(int64_t bp);
// A calendar date "YYYY-MM-DD" that exists.
bool valid_date(const std::string& d);

}  // namespace sz::funding
