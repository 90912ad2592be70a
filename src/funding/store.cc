#include "funding/store.h"

namespace sz::funding::store {

namespace {
LprRate lpr_of(const db::Row& r) { return {r.text(0), r.i64(1), r.i64(2)}; }
}  // namespace

Result<std::vector<LprRate>> lpr_table(db::Connection& c) {
  SZ_ASSIGN(auto rows, c.query("SELECT announced_on, one_year_bp, five_year_bp FROM lpr_rates ORDER BY announced_on"));
  std::vector<LprRate> out;
  for (const auto& r : rows) out.push_back(lpr_of(r));
  return out;
}

Result<std::optional<LprRate>> lpr_row(db::Connection& c, const std::string& announced_on) {
  SZ_ASSIGN(auto row, c.query_one("SELECT announced_on, one_year_bp, five_year_bp FROM lpr_rates WHERE announced_on = $1",
                                  {announced_on}));
  if (!row) return std::optional<LprRate>();
  return std::optional<LprRate>(lpr_of(*row));
}

Status upsert_lpr(db::Connection& c, const LprRate& r, int64_t now) {
  SZ_TRY(c.execute("INSERT INTO lpr_rates (announced_on, one_year_bp, five_year_bp, updated_at) VALUES ($1,$2,$3,$4) "
                   "ON CONFLICT (announced_on) DO UPDATE SET one_year_bp = excluded.one_year_bp, "
                   "five_year_bp = excluded.five_year_bp, updated_at = excluded.updated_at",
                   {r.announced_on, r.one_year_bp, r.five_year_bp, now}));
  return ok();
}

Status delete_lpr(db::Connection& c, const std::string& announced_on) {
  SZ_TRY(c.execute("DELETE FROM lpr_rates WHERE announced_on = $1", {announced_on}));
  return ok();
}

Status insert_lpr_change(db::Connection& c, const LprChange& ch) {
  SZ_TRY(c.execute("INSERT INTO lpr_changes (announced_on, action, one_year_bp, five_year_bp, before_one_year_bp, "
                   "before_five_year_bp, reason, actor, changed_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)",
                   {ch.announced_on, ch.action, db::opt(ch.one_year_bp), db::opt(ch.five_year_bp),
                    db::opt(ch.before_one_year_bp), db::opt(ch.before_five_year_bp), ch.reason, ch.actor,
                    ch.changed_at}));
  return ok();
}

Result<std::vector<LprChange>> lpr_changes(db::Connection& c, int64_t limit) {
  SZ_ASSIGN(auto rows, c.query("SELECT id, announced_on, action, reason, actor, one_year_bp, five_year_bp, "
                               "before_one_year_bp, before_five_year_bp, changed_at FROM lpr_changes "
                               "ORDER BY id DESC LIMIT $1",
                               {limit}));
  std::vector<LprChange> out;
  for (const auto& r : rows)
    out.push_back({r.i64(0), r.text(1), r.text(2), r.text(3), r.text(4), r.opt_i64(5), r.opt_i64(6), r.opt_i64(7),
                   r.opt_i64(8), r.i64(9)});
  return out;
}

// ---- funds ----

Result<int64_t> insert_fund(db::Connection& c, const Fund& f) {
  SZ_ASSIGN(auto row, c.query_one("INSERT INTO funds (source, year, name, budget_fen, created_at, updated_at) "
                                  "VALUES ($1,$2,$3,$4,$5,$6) RETURNING id",
                                  {f.source, f.year, f.name, f.budget_fen, f.created_at, f.updated_at}));
  return row->i64(0);
}

Status update_fund_budget(db::Connection& c, int64_t id, int64_t budget_fen, int64_t at) {
  SZ_TRY(c.execute("UPDATE funds SET budget_fen = $2, updated_at = $3 WHERE id = $1", {id, budget_fen, at}));
  return ok();
}

namespace {
constexpr const char* kFundColumns = "id, source, year, name, budget_fen, created_at, updated_at";
Fund fund_of(const db::Row& r) { return {r.i64(0), r.text(1), r.i64(2), r.text(3), r.i64(4), r.i64(5), r.i64(6)}; }
}  // namespace

Result<std::optional<Fund>> fund(db::Connection& c, int64_t id) {
  SZ_ASSIGN(auto row, c.query_one(std::string("SELECT ") + kFundColumns + " FROM funds WHERE id = $1", {id}));
  if (!row) return std::optional<Fund>();
  return std::optional<Fund>(fund_of(*row));
}

Result<std::vector<Fund>> funds(db::Connection& c) {
  SZ_ASSIGN(auto rows, c.query(std::string("SELECT ") + kFundColumns + " FROM funds ORDER BY year, source"));
  std::vector<Fund> out;
  for (const auto& r : rows) out.push_back(fund_of(r));
  return out;
}

Result<std::vector<std::pair<std::string, int64_t>>> fund_sums(db::Connection& c, int64_t fund_id) {
  SZ_ASSIGN(auto rows, c.query("SELECT status, SUM(amount_fen) FROM subsidy_payments WHERE fund_id = $1 GROUP BY status "
                               "ORDER BY status",
                               {fund_id}));
  std::vector<std::pair<std::string, int64_t>> out;
  for (const auto& r : rows) out.emplace_back(r.text(0), r.i64(1));
  return out;
}

Result<int64_t> fund_committed(db::Connection& c, int64_t fund_id) {
  SZ_ASSIGN(auto row, c.query_one("SELECT COALESCE(SUM(amount_fen), 0) FROM subsidy_payments WHERE fund_id = $1 "
                                  "AND status IN ('scheduled', 'approved', 'paid')",
                                  {fund_id}));
  return row->i64(0);
}

// ---- subsidies ----

namespace {
constexpr const char* kSubsidyColumns =
    "id, scheme, subject_key, enterprise_id, district_code, provider_id, project_id, loan_id, award_type, year, "
    "rule_version, inputs_json, quote_json, proposed_fen, approved_fen, status, note, created_by, created_at";
Subsidy subsidy_of(const db::Row& r) {
  Subsidy s;
  s.id = r.i64(0);
  s.scheme = r.text(1);
  s.subject_key = r.text(2);
  s.enterprise_id = r.opt_i64(3);
  s.district_code = r.opt_text(4);
  s.provider_id = r.opt_i64(5);
  s.project_id = r.opt_i64(6);
  s.loan_id = r.opt_i64(7);
  s.award_type = r.opt_text(8);
  s.year = r.opt_i64(9);
  s.rule_version = r.text(10);
  s.inputs_json = r.text(11);
  s.quote_json = r.text(12);
  s.proposed_fen = r.i64(13);
  s.approved_fen = r.i64(14);
  s.status = r.text(15);
  s.note = r.text(16);
  s.created_by = r.i64(17);
  s.created_at = r.i64(18);
  return s;
}
}  // namespace

Result<int64_t> insert_subsidy(db::Connection& c, const Subsidy& s) {
  SZ_ASSIGN(auto row, c.query_one("INSERT INTO subsidies (scheme, subject_key, enterprise_id, district_code, provider_id, "
                                  "project_id, loan_id, award_type, year, rule_version, inputs_json, quote_json, "
                                  "proposed_fen, approved_fen, status, note, created_by, created_at) "
                                  "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18) RETURNING id",
                                  {s.scheme, s.subject_key, db::opt(s.enterprise_id), db::opt(s.district_code),
                                   db::opt(s.provider_id), db::opt(s.project_id), db::opt(s.loan_id), db::opt(s.award_type),
                                   db::opt(s.year), s.rule_version, s.inputs_json, s.quote_json, s.proposed_fen,
                                   s.approved_fen, s.status, s.note, s.created_by, s.created_at}));
  return row->i64(0);
}

Result<std::optional<Subsidy>> subsidy(db::Connection& c, int64_t id) {
  SZ_ASSIGN(auto row, c.query_one(std::string("SELECT ") + kSubsidyColumns + " FROM subsidies WHERE id = $1", {id}));
  if (!row) return std::optional<Subsidy>();
  return std::optional<Subsidy>(subsidy_of(*row));
}

Result<bool> subject_approved(db::Connection& c, const std::string& subject_key) {
  SZ_ASSIGN(auto row, c.query_one("SELECT 1 FROM subsidies WHERE subject_key = $1 AND status = 'approved'", {subject_key}));
  return row.has_value();
}

Status set_subsidy_status(db::Connection& c, int64_t id, const std::string& status) {
  SZ_TRY(c.execute("UPDATE subsidies SET status = $2 WHERE id = $1", {id, status}));
  return ok();
}

Result<int64_t> approved_for_enterprise(db::Connection& c, const std::string& scheme, int64_t enterprise_id) {
  SZ_ASSIGN(auto row, c.query_one("SELECT COALESCE(SUM(approved_fen), 0) FROM subsidies WHERE enterprise_id = $1 "
                                  "AND scheme = $2 AND status = 'approved'",
                                  {enterprise_id, scheme}));
  return row->i64(0);
}

Result<int64_t> approved_for_provider(db::Connection& c, const std::string& scheme, int64_t provider_id,
                                      std::optional<int64_t> year) {
  db::Params params{provider_id, scheme};
  std::string sql = "SELECT COALESCE(SUM(approved_fen), 0) FROM subsidies WHERE provider_id = $1 AND scheme = $2 "
                    "AND status = 'approved'";
  if (year) sql += " AND year = " + db::bind(params, *year);
  SZ_ASSIGN(auto row, c.query_one(sql, params));
  return row->i64(0);
}

Result<std::vector<Subsidy>> subsidies(db::Connection& c, const SubsidyFilter& f, int64_t limit, int64_t offset,
                                       int64_t* total) {
  db::Params params;
  std::string where = " WHERE 1=1";
  if (!f.all) {
    db::AnyOf any;
    for (const auto& d : f.districts) any.add("district_code = " + db::bind(params, d));
    for (int64_t e : f.enterprise_ids) any.add("enterprise_id = " + db::bind(params, e));
    if (f.provider_id) any.add("provider_id = " + db::bind(params, *f.provider_id));
    where += " AND " + any.sql();
  }
  if (!f.scheme.empty()) where += " AND scheme = " + db::bind(params, f.scheme);
  if (f.enterprise_id) where += " AND enterprise_id = " + db::bind(params, *f.enterprise_id);
  if (f.project_id) where += " AND project_id = " + db::bind(params, *f.project_id);
  SZ_ASSIGN(auto count, c.query_one("SELECT COUNT(*) FROM subsidies" + where, params));
  *total = count->i64(0);
  SZ_ASSIGN(auto rows, c.query(std::string("SELECT ") + kSubsidyColumns + " FROM subsidies" + where +
                                   " ORDER BY id DESC LIMIT " + db::bind(params, limit) + " OFFSET " + db::bind(params, offset),
                               params));
  std::vector<Subsidy> out;
  for (const auto& r : rows) out.push_back(subsidy_of(r));
  return out;
}

// ---- payments ----

namespace {
constexpr const char* kPaymentColumns =
    "id, subsidy_id, fund_id, label, budget_year, amount_fen, status, note, override_reason, scheduled_by, "
    "scheduled_at, approved_at, paid_at, closed_at";
Payment payment_of(const db::Row& r) {
  return {r.i64(0), r.i64(1),  r.i64(2),  r.text(3),     r.i64(4),      r.i64(5),      r.text(6),
          r.text(7), r.opt_text(8), r.i64(9), r.i64(10), r.opt_i64(11), r.opt_i64(12), r.opt_i64(13)};
}
}  // namespace

Result<int64_t> insert_payment(db::Connection& c, const Payment& p) {
  SZ_ASSIGN(auto row, c.query_one("INSERT INTO subsidy_payments (subsidy_id, fund_id, label, budget_year, amount_fen, "
                                  "status, note, override_reason, scheduled_by, scheduled_at) "
                                  "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id",
                                  {p.subsidy_id, p.fund_id, p.label, p.budget_year, p.amount_fen, p.status, p.note,
                                   db::opt(p.override_reason), p.scheduled_by, p.scheduled_at}));
  return row->i64(0);
}

Result<std::optional<Payment>> payment(db::Connection& c, int64_t id) {
  SZ_ASSIGN(auto row, c.query_one(std::string("SELECT ") + kPaymentColumns + " FROM subsidy_payments WHERE id = $1", {id}));
  if (!row) return std::optional<Payment>();
  return std::optional<Payment>(payment_of(*row));
}

Status update_payment(db::Connection& c, const Payment& p) {
  SZ_TRY(c.execute("UPDATE subsidy_payments SET status = $2, note = $3, approved_at = $4, paid_at = $5, closed_at = $6 "
                   "WHERE id = $1",
                   {p.id, p.status, p.note, db::opt(p.approved_at), db::opt(p.paid_at), db::opt(p.closed_at)}));
  return ok();
}

Result<std::vector<Payment>> payments_of(db::Connection& c, int64_t subsidy_id) {
  SZ_ASSIGN(auto rows, c.query(std::string("SELECT ") + kPaymentColumns +
                                   " FROM subsidy_payments WHERE subsidy_id = $1 ORDER BY id",
                               {subsidy_id}));
  std::vector<Payment> out;
  for (const auto& r : rows) out.push_back(payment_of(r));
  return out;
}

Result<int64_t> payments_committed(db::Connection& c, int64_t subsidy_id) {
  SZ_ASSIGN(auto row, c.query_one("SELECT COALESCE(SUM(amount_fen), 0) FROM subsidy_payments WHERE subsidy_id = $1 "
                                  "AND status IN ('scheduled', 'approved', 'paid')",
                                  {subsidy_id}));
  return row->i64(0);
}

// ---- loans ----

namespace {
constexpr const char* kLoanColumns =
    "id, enterprise_id, bank_user_id, bank_name, principal_fen, loan_date, term_months, state, created_at, applied_at";
Loan loan_of(const db::Row& r) {
  return {r.i64(0), r.i64(1), r.i64(2), r.text(3), r.i64(4), r.text(5), r.i64(6), r.text(7), r.i64(8), r.opt_i64(9)};
}
}  // namespace

Result<int64_t> insert_loan(db::Connection& c, const Loan& l) {
  SZ_ASSIGN(auto row, c.query_one("INSERT INTO loans (enterprise_id, bank_user_id, bank_name, principal_fen, loan_date, "
                                  "term_months, state, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id",
                                  {l.enterprise_id, l.bank_user_id, l.bank_name, l.principal_fen, l.loan_date,
                                   l.term_months, l.state, l.created_at}));
  return row->i64(0);
}

Result<std::optional<Loan>> loan(db::Connection& c, int64_t id) {
  SZ_ASSIGN(auto row, c.query_one(std::string("SELECT ") + kLoanColumns + " FROM loans WHERE id = $1", {id}));
  if (!row) return std::optional<Loan>();
  return std::optional<Loan>(loan_of(*row));
}

Status update_loan(db::Connection& c, const Loan& l) {
  SZ_TRY(c.execute("UPDATE loans SET state = $2, applied_at = $3 WHERE id = $1", {l.id, l.state, db::opt(l.applied_at)}));
  return ok();
}

Result<std::vector<Loan>> loans(db::Connection& c, const LoanFilter& f, int64_t limit) {
  db::Params params;
  std::string where = " WHERE 1=1";
  if (!f.all) {
    db::AnyOf any;
    for (int64_t e : f.enterprise_ids) any.add("enterprise_id = " + db::bind(params, e));
    if (f.bank_user_id) any.add("bank_user_id = " + db::bind(params, *f.bank_user_id));
    where += " AND " + any.sql();
  }
  SZ_ASSIGN(auto rows, c.query(std::string("SELECT ") + kLoanColumns + " FROM loans" + where + " ORDER BY id DESC LIMIT " +
                                   db::bind(params, limit),
                               params));
  std::vector<Loan> out;
  for (const auto& r : rows) out.push_back(loan_of(r));
  return out;
}

Result<int64_t> insert_period(db::Connection& c, const InterestPeriod& p) {
  SZ_ASSIGN(auto row, c.query_one("INSERT INTO loan_interest_periods (loan_id, first_month, last_month, interest_paid_fen, "
                                  "state, confirmed_by, confirmed_at) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id",
                                  {p.loan_id, p.first_month, p.last_month, p.interest_paid_fen, p.state,
                                   db::opt(p.confirmed_by), p.confirmed_at}));
  return row->i64(0);
}

Result<std::vector<InterestPeriod>> periods_of(db::Connection& c, int64_t loan_id) {
  SZ_ASSIGN(auto rows, c.query("SELECT id, loan_id, first_month, last_month, interest_paid_fen, state, confirmed_by, "
                               "confirmed_at, reopened_by, reopened_at, COALESCE(reopen_reason, '') FROM loan_interest_periods "
                               "WHERE loan_id = $1 ORDER BY first_month, id",
                               {loan_id}));
  std::vector<InterestPeriod> out;
  for (const auto& r : rows)
    out.push_back({r.i64(0), r.i64(1), r.i64(2), r.i64(3), r.i64(4), r.text(5), r.opt_i64(6), r.i64(7), r.opt_i64(8),
                   r.opt_i64(9), r.text(10)});
  return out;
}

Status reopen_period(db::Connection& c, int64_t id, int64_t by, int64_t at, const std::string& reason) {
  SZ_TRY(c.execute("UPDATE loan_interest_periods SET state = 'reopened', reopened_by = $2, reopened_at = $3, "
                   "reopen_reason = $4 WHERE id = $1 AND state = 'confirmed'",
                   {id, by, at, reason}));
  return ok();
}

Result<std::vector<Subsidy>> loan_approvals(db::Connection& c, int64_t loan_id) {
  SZ_ASSIGN(auto rows, c.query(std::string("SELECT ") + kSubsidyColumns + " FROM subsidies WHERE loan_id = $1 AND "
                               "status = 'approved' ORDER BY id",
                               {loan_id}));
  std::vector<Subsidy> out;
  for (const auto& r : rows) out.push_back(subsidy_of(r));
  return out;
}

Result<int64_t> insert_pool_entry(db::Connection& c, const PoolEntry& e) {
  SZ_ASSIGN(auto row, c.query_one("INSERT INTO loan_pool (enterprise_id, project_id, amount_fen, note, recommended_by, "
                                  "recommended_at) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id",
                                  {e.enterprise_id, db::opt(e.project_id), e.amount_fen, e.note, e.recommended_by,
                                   e.recommended_at}));
  return row->i64(0);
}

Result<std::vector<PoolEntry>> pool(db::Connection& c, int64_t limit) {
  SZ_ASSIGN(auto rows, c.query("SELECT l.id, l.enterprise_id, l.project_id, l.amount_fen, l.note, l.recommended_by, "
                               "l.recommended_at, e.name, COALESCE(p.name, ''), COALESCE(u.display_name, '') "
                               "FROM loan_pool l JOIN enterprises e ON e.id = l.enterprise_id "
                               "LEFT JOIN projects p ON p.id = l.project_id LEFT JOIN users u ON u.id = l.recommended_by "
                               "ORDER BY l.id DESC LIMIT $1",
                               {limit}));
  std::vector<PoolEntry> out;
  for (const auto& r : rows)
    out.push_back({r.i64(0), r.i64(1), r.opt_i64(2), r.i64(3), r.text(4), r.i64(5), r.i64(6), r.text(7), r.text(8), r.text(9)});
  return out;
}

}  // namespace sz::funding::store
