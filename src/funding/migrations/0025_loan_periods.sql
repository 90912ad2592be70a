-- 数字贷 interest is confirmed period by period within the subsidised months (三(九): ≤ 24 months, or the loan's term),
-- so the subsidy compares like with like — the interest paid in those months — and a loan still running is paid for the
-- months confirmed so far, topped up as later ones are confirmed. A confirmed period is locked; the city admin may
-- reopen it with a written reason, after which the bank confirms it again.
CREATE TABLE loan_interest_periods (
  id {{ID}},
  loan_id BIGINT NOT NULL,
  first_month BIGINT NOT NULL,
  last_month BIGINT NOT NULL,
  interest_paid_fen BIGINT NOT NULL,
  state TEXT NOT NULL,
  confirmed_by BIGINT,
  confirmed_at BIGINT NOT NULL,
  reopened_by BIGINT,
  reopened_at BIGINT,
  reopen_reason TEXT
);
CREATE INDEX loan_interest_periods_loan ON loan_interest_periods (loan_id, first_month);

-- A figure confirmed before this was the interest over the whole loan, not over the subsidised months: it is kept as a
-- reopened period, to be confirmed again by the bank for the months the subsidy covers.
INSERT INTO loan_interest_periods (loan_id, first_month, last_month, interest_paid_fen, state, confirmed_at, reopened_at,
                                   reopen_reason)
SELECT id, 1, CASE WHEN term_months < 24 THEN term_months ELSE 24 END, interest_paid_fen, 'reopened',
       COALESCE(confirmed_at, created_at), COALESCE(confirmed_at, created_at),
       '口径调整：原确认的是整笔贷款的利息，须按贴息月份重新确认'
FROM loans WHERE state = 'confirmed' AND interest_paid_fen IS NOT NULL;
UPDATE loans SET state = 'applied' WHERE state = 'confirmed';
ALTER TABLE loans DROP COLUMN interest_paid_fen;
ALTER TABLE loans DROP COLUMN confirmed_at;
