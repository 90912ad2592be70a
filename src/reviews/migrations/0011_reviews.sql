-- 专家评审: expert profiles (for eligibility and conflicts of interest), review rounds with their members, each
-- member's scores (locked once submitted), and the panel lead's consensus opinion. A random draw keeps its seed and
-- the candidate list so anyone can re-check it.
CREATE TABLE experts (
  user_id BIGINT PRIMARY KEY,
  specialties TEXT NOT NULL,
  industries TEXT NOT NULL,
  employer_name TEXT NOT NULL,
  employer_credit_code TEXT NOT NULL,
  phone TEXT NOT NULL,
  address TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE review_rounds (
  id {{ID}},
  subject_type TEXT NOT NULL,
  subject_id BIGINT NOT NULL,
  state TEXT NOT NULL,
  lead_user_id BIGINT NOT NULL,
  draw_seed TEXT,
  draw_candidates TEXT,
  draw_excluded TEXT,
  consensus_pass BIGINT,
  consensus_opinion TEXT,
  average_milli BIGINT,
  created_by BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  closed_at BIGINT
);
CREATE INDEX review_rounds_subject ON review_rounds (subject_type, subject_id, id);

CREATE TABLE review_members (
  round_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  status TEXT NOT NULL,
  scores_json TEXT,
  total BIGINT,
  comment TEXT,
  submitted_at BIGINT,
  status_reason TEXT,
  PRIMARY KEY (round_id, user_id)
){{WITHOUT_ROWID}};
CREATE INDEX review_members_user ON review_members (user_id, round_id);
