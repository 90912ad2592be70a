-- 三员分立 and the administrators' second factor (等保2.0 三级): the roles of the system, security and audit
-- administrators; each account's TOTP secret and recovery codes; the short-lived challenges between a login's
-- password and its second factor.

-- user_roles' CHECK names the roles: the table is rebuilt with the three new ones (SQLite cannot alter a CHECK).
CREATE TABLE user_roles_next (
  user_id BIGINT NOT NULL REFERENCES users(id),
  role TEXT NOT NULL CHECK (role IN ('city_admin', 'district_officer', 'enterprise', 'provider', 'expert', 'bank',
                                     'system_admin', 'security_admin', 'audit_admin')),
  PRIMARY KEY (user_id, role)
);
INSERT INTO user_roles_next (user_id, role) SELECT user_id, role FROM user_roles;
DROP TABLE user_roles;
ALTER TABLE user_roles_next RENAME TO user_roles;

CREATE TABLE user_totp (
  user_id BIGINT PRIMARY KEY REFERENCES users(id),
  secret TEXT NOT NULL,              -- base32; never sent again once the enrolment is confirmed
  confirmed_at BIGINT,               -- null until the first code proves the app holds the secret
  last_step BIGINT NOT NULL,         -- the newest time step accepted: a code is never accepted twice
  created_at BIGINT NOT NULL
);

CREATE TABLE recovery_codes (
  id {{ID}},
  user_id BIGINT NOT NULL REFERENCES users(id),
  code_hash TEXT NOT NULL,           -- SHA-256 of the canonical code (60 random bits each: no slow hash needed)
  used_at BIGINT
);
CREATE INDEX recovery_codes_user ON recovery_codes (user_id);

CREATE TABLE login_challenges (
  id {{ID}},
  token_hash TEXT NOT NULL UNIQUE,   -- SHA-256 of the pending token; the token itself is never stored
  user_id BIGINT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  ip TEXT NOT NULL,
  failures INTEGER NOT NULL,
  done INTEGER NOT NULL
);
CREATE INDEX login_challenges_user ON login_challenges (user_id);
