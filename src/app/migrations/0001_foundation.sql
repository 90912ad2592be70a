-- Foundation: reference data, the plan's targets, accounts, sessions, login log, audit trail, providers and
-- enterprises. Written once for both engines: {{ID}} becomes each engine's auto-increment primary key.
-- Times are epoch seconds (UTC); booleans are 0/1 integers.

CREATE TABLE ref_versions (
  name TEXT PRIMARY KEY,
  version TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  loaded_at BIGINT NOT NULL
);

CREATE TABLE industries (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  short_name TEXT NOT NULL,
  sort_order INTEGER NOT NULL
);

CREATE TABLE districts (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  division_code TEXT NOT NULL,  -- the official code; '' for 郑东新区, which has none
  kind TEXT NOT NULL,
  sort_order INTEGER NOT NULL
);

CREATE TABLE industry_key_districts (
  industry_code TEXT NOT NULL REFERENCES industries(code),
  district_code TEXT NOT NULL REFERENCES districts(code),
  sort_order INTEGER NOT NULL,
  PRIMARY KEY (industry_code, district_code)
);

CREATE TABLE target_groups (
  no TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  sort_order INTEGER NOT NULL
);

CREATE TABLE target_indicators (
  no INTEGER PRIMARY KEY,
  group_no TEXT NOT NULL REFERENCES target_groups(no),
  name TEXT NOT NULL,
  unit TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('count', 'ratio')),
  total TEXT NOT NULL           -- exact decimal as written in the plan
);

CREATE TABLE target_values (
  indicator_no INTEGER NOT NULL REFERENCES target_indicators(no),
  industry_code TEXT NOT NULL REFERENCES industries(code),
  value TEXT NOT NULL,
  PRIMARY KEY (indicator_no, industry_code)
);

CREATE TABLE district_targets (
  district_code TEXT PRIMARY KEY REFERENCES districts(code),
  total INTEGER NOT NULL,
  y2024 INTEGER NOT NULL,
  y2025 INTEGER NOT NULL,
  sort_order INTEGER NOT NULL
);

CREATE TABLE plan_totals (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  annex_total INTEGER NOT NULL,
  annex_y2024 INTEGER NOT NULL,
  annex_y2025 INTEGER NOT NULL
);

CREATE TABLE plan_statements (
  id INTEGER PRIMARY KEY,
  indicator_no INTEGER NOT NULL,
  quote TEXT NOT NULL,
  value TEXT NOT NULL,
  relation TEXT NOT NULL
);

CREATE TABLE plan_notes (
  code TEXT PRIMARY KEY,
  message TEXT NOT NULL
);

CREATE TABLE providers (
  id {{ID}},
  name TEXT NOT NULL,
  credit_code TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('integrator', 'specialist')),
  in_zhengzhou INTEGER NOT NULL,
  created_at BIGINT NOT NULL
);

CREATE TABLE enterprises (
  id {{ID}},
  name TEXT NOT NULL,
  credit_code TEXT NOT NULL UNIQUE,
  industry_code TEXT NOT NULL REFERENCES industries(code),
  district_code TEXT NOT NULL REFERENCES districts(code),
  batch INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('active', 'withdrawn')),
  address TEXT NOT NULL,
  legal_rep TEXT NOT NULL,
  contact_name TEXT NOT NULL,
  contact_phone TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
-- Scoped lists page by id within a district or an industry without sorting the table.
CREATE INDEX enterprises_district_id ON enterprises (district_code, id);
CREATE INDEX enterprises_industry_id ON enterprises (industry_code, id);

-- Name search: every 1- and 2-character piece of a name, kept on write (DESIGN.md).
CREATE TABLE enterprise_name_grams (
  gram TEXT NOT NULL,
  enterprise_id BIGINT NOT NULL REFERENCES enterprises(id),
  PRIMARY KEY (gram, enterprise_id)
);

CREATE TABLE users (
  id {{ID}},
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  district_code TEXT REFERENCES districts(code),
  enterprise_id BIGINT REFERENCES enterprises(id),
  provider_id BIGINT REFERENCES providers(id),
  failed_attempts INTEGER NOT NULL,
  locked_until BIGINT,
  locked_by_admin INTEGER NOT NULL,
  last_login_at BIGINT,
  password_changed_at BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE user_roles (
  user_id BIGINT NOT NULL REFERENCES users(id),
  role TEXT NOT NULL CHECK (role IN ('city_admin', 'district_officer', 'enterprise', 'provider', 'expert', 'bank')),
  PRIMARY KEY (user_id, role)
);

CREATE TABLE sessions (
  id {{ID}},
  token_hash TEXT NOT NULL UNIQUE,   -- SHA-256 of the token; the token itself is never stored
  csrf_hash TEXT NOT NULL,
  user_id BIGINT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  ip TEXT NOT NULL,
  revoked INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE login_log (
  id {{ID}},
  at BIGINT NOT NULL,
  username TEXT NOT NULL,
  user_id BIGINT,
  success INTEGER NOT NULL,
  reason TEXT NOT NULL,
  ip TEXT NOT NULL
);

CREATE TABLE audit_log (
  seq BIGINT PRIMARY KEY,            -- 1, 2, 3 … without gaps; covered by the hash
  at BIGINT NOT NULL,
  actor_user_id BIGINT,
  actor_name TEXT NOT NULL,
  actor_roles TEXT NOT NULL,
  request_id TEXT NOT NULL,
  ip TEXT NOT NULL,
  action TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  before_json TEXT NOT NULL,
  after_json TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id, seq);

-- The chain head, updated in the same transaction as each entry: deleting the newest entries shows.
CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  last_seq BIGINT NOT NULL,
  last_hash TEXT NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash)
  VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
