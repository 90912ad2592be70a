-- Background jobs with progress, shared by every app node through the store: a job is claimed with a lease
-- (SKIP LOCKED on PostgreSQL, the write lock on SQLite); a node that dies leaves a lease that expires, and the job
-- is claimed again. Only the holder of the current lease may finish it, so each job completes once.
CREATE TABLE jobs (
  id {{ID}},
  kind TEXT NOT NULL,
  owner_user_id BIGINT REFERENCES users(id),
  state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'succeeded', 'failed')),
  params_json TEXT NOT NULL,
  progress_done BIGINT NOT NULL,
  progress_total BIGINT NOT NULL,
  result_json TEXT,
  error TEXT,
  attempts INTEGER NOT NULL,
  max_attempts INTEGER NOT NULL,
  lease_owner TEXT,
  lease_until BIGINT,
  created_at BIGINT NOT NULL,
  started_at BIGINT,
  finished_at BIGINT
);
-- The claim looks for queued jobs and expired leases in id order.
CREATE INDEX jobs_state_id ON jobs (state, id);
CREATE INDEX jobs_owner_id ON jobs (owner_user_id, id);

-- The audit trail's filters (person, action, time) each page through an index, newest first.
CREATE INDEX audit_log_actor ON audit_log (actor_name, seq);
CREATE INDEX audit_log_action ON audit_log (action, seq);
CREATE INDEX audit_log_at ON audit_log (at, seq);
CREATE INDEX login_log_username ON login_log (username, id);
CREATE INDEX login_log_at ON login_log (at, success);
