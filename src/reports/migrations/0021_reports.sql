-- 通报: every issued report with the snapshot it was built from (and the snapshot's SM3, the audit chain head at the
-- time, what it was rendered with) and its two documents; the schedules that run jobs on their own; and the
-- reminders already sent (a deadline is announced to a user once, however often the reminder job runs).
CREATE TABLE reports (
  id {{ID}},
  kind TEXT NOT NULL,
  period TEXT NOT NULL,
  scope TEXT NOT NULL,
  scope_name TEXT NOT NULL,
  snapshot TEXT NOT NULL,
  snapshot_sm3 TEXT NOT NULL,
  audit_seq BIGINT NOT NULL,
  audit_hash TEXT NOT NULL,
  renderer TEXT NOT NULL,
  pdf_file TEXT NOT NULL,
  pdf_sm3 TEXT NOT NULL,
  pdf_size BIGINT NOT NULL,
  xlsx_file TEXT NOT NULL,
  xlsx_sm3 TEXT NOT NULL,
  xlsx_size BIGINT NOT NULL,
  job_id BIGINT NOT NULL,
  issued_by TEXT NOT NULL,
  issued_at BIGINT NOT NULL,
  UNIQUE (job_id, scope)
);
CREATE INDEX reports_scope ON reports (scope, kind, issued_at, id);

CREATE TABLE schedules (
  id {{ID}},
  name TEXT NOT NULL,
  job_kind TEXT NOT NULL,
  params TEXT NOT NULL,
  every TEXT NOT NULL,
  day BIGINT NOT NULL,
  hour BIGINT NOT NULL,
  enabled BIGINT NOT NULL,
  next_run_at BIGINT NOT NULL,
  owner_user_id BIGINT,
  last_job_id BIGINT,
  last_run_at BIGINT,
  updated_by TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX schedules_due ON schedules (enabled, next_run_at, id);

CREATE TABLE reminders_sent (
  subject TEXT NOT NULL,
  user_id BIGINT NOT NULL,
  sent_at BIGINT NOT NULL,
  PRIMARY KEY (subject, user_id)
){{WITHOUT_ROWID}};

-- 企商互动: why a need was closed, shown with it.
ALTER TABLE needs ADD COLUMN close_reason TEXT;

-- Reminders reach an enterprise's or a provider's accounts.
CREATE INDEX users_enterprise ON users (enterprise_id, id);
CREATE INDEX users_provider ON users (provider_id, id);
