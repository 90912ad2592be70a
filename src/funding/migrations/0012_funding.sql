-- 专项资金: funds by source and year; subsidies approved once with the rule version, inputs and the quote that
-- explains them; payments in tranches (scheduled → approved → paid, or returned / cancelled) charged to a fund;
-- 数字贷 loans recorded by the cooperating bank; the city's 制造业中长期贷款项目库 recommendations.
CREATE TABLE funds (
  id {{ID}},
  source TEXT NOT NULL,
  year BIGINT NOT NULL,
  name TEXT NOT NULL,
  budget_fen BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (source, year)
);

CREATE TABLE subsidies (
  id {{ID}},
  scheme TEXT NOT NULL,
  subject_key TEXT NOT NULL,
  enterprise_id BIGINT,
  district_code TEXT,
  provider_id BIGINT,
  project_id BIGINT,
  loan_id BIGINT,
  award_type TEXT,
  year BIGINT,
  rule_version TEXT NOT NULL,
  inputs_json TEXT NOT NULL,
  quote_json TEXT NOT NULL,
  proposed_fen BIGINT NOT NULL,
  approved_fen BIGINT NOT NULL,
  status TEXT NOT NULL,
  note TEXT NOT NULL,
  created_by BIGINT NOT NULL,
  created_at BIGINT NOT NULL
);
-- One approval per subject (a project's transformation subsidy, a loan, a provider's year …) while not cancelled.
CREATE INDEX subsidies_subject ON subsidies (subject_key, status);
CREATE INDEX subsidies_enterprise ON subsidies (enterprise_id, scheme);
CREATE INDEX subsidies_provider ON subsidies (provider_id, scheme);
CREATE INDEX subsidies_scheme ON subsidies (scheme, id);
CREATE INDEX subsidies_district ON subsidies (district_code, id);

CREATE TABLE subsidy_payments (
  id {{ID}},
  subsidy_id BIGINT NOT NULL,
  fund_id BIGINT NOT NULL,
  label TEXT NOT NULL,
  budget_year BIGINT NOT NULL,
  amount_fen BIGINT NOT NULL,
  status TEXT NOT NULL,
  note TEXT NOT NULL,
  override_reason TEXT,
  scheduled_by BIGINT NOT NULL,
  scheduled_at BIGINT NOT NULL,
  approved_at BIGINT,
  paid_at BIGINT,
  closed_at BIGINT
);
CREATE INDEX subsidy_payments_subsidy ON subsidy_payments (subsidy_id, id);
CREATE INDEX subsidy_payments_fund ON subsidy_payments (fund_id, status);

CREATE TABLE loans (
  id {{ID}},
  enterprise_id BIGINT NOT NULL,
  bank_user_id BIGINT NOT NULL,
  bank_name TEXT NOT NULL,
  principal_fen BIGINT NOT NULL,
  loan_date TEXT NOT NULL,
  term_months BIGINT NOT NULL,
  interest_paid_fen BIGINT,
  state TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  applied_at BIGINT,
  confirmed_at BIGINT
);
CREATE INDEX loans_enterprise ON loans (enterprise_id, id);
CREATE INDEX loans_bank ON loans (bank_user_id, id);

CREATE TABLE loan_pool (
  id {{ID}},
  enterprise_id BIGINT NOT NULL,
  project_id BIGINT,
  amount_fen BIGINT NOT NULL,
  note TEXT NOT NULL,
  recommended_by BIGINT NOT NULL,
  recommended_at BIGINT NOT NULL
);
CREATE INDEX loan_pool_enterprise ON loan_pool (enterprise_id, id);
