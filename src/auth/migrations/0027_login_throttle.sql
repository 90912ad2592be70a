-- Login throttling by (username, address) (issue 13): failures counted and lockouts kept per name and client address,
-- for unknown names too, so the answer tells nothing of who exists and failures from elsewhere cannot lock an official
-- out of their own office. Rows are forgotten once their last failure is older than the lock. The per-account counters
-- they replace go.
CREATE TABLE login_throttle (
  username TEXT NOT NULL,
  ip TEXT NOT NULL,
  failures INTEGER NOT NULL,
  last_failure_at BIGINT NOT NULL,
  locked_until BIGINT,
  PRIMARY KEY (username, ip)
);
CREATE INDEX login_throttle_last ON login_throttle (last_failure_at);
ALTER TABLE users DROP COLUMN failed_attempts;
ALTER TABLE users DROP COLUMN locked_until;
