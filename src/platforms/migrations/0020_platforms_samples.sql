-- Industrial internet platforms (行业级工业互联网平台) with their API credentials, the 上云用平台 batches they push
-- and the enterprises those batches report, and the platform evaluations; sample enterprises (样本企业) chosen against
-- the plan's five criteria, the experts' deliberations, and the versioned N+X 需求清单 per industry.
CREATE TABLE iiot_platforms (
  id {{ID}},
  name TEXT NOT NULL UNIQUE,
  operator TEXT NOT NULL,
  credit_code TEXT NOT NULL,
  industries TEXT NOT NULL,
  services TEXT NOT NULL,
  url TEXT NOT NULL,
  status TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE platform_credentials (
  id {{ID}},
  platform_id BIGINT NOT NULL,
  key_id TEXT NOT NULL UNIQUE,
  secret_hash TEXT NOT NULL,
  scopes TEXT NOT NULL,
  label TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  revoked_at BIGINT,
  last_used_at BIGINT
);
CREATE INDEX platform_credentials_platform ON platform_credentials (platform_id, id);

CREATE TABLE platform_batches (
  platform_id BIGINT NOT NULL,
  batch_id TEXT NOT NULL,
  digest TEXT NOT NULL,
  credential_id BIGINT NOT NULL,
  accepted BIGINT NOT NULL,
  rejected BIGINT NOT NULL,
  result TEXT NOT NULL,
  received_at BIGINT NOT NULL,
  PRIMARY KEY (platform_id, batch_id)
){{WITHOUT_ROWID}};

CREATE TABLE platform_users (
  platform_id BIGINT NOT NULL,
  enterprise_id BIGINT NOT NULL,
  service TEXT NOT NULL,
  since TEXT NOT NULL,
  batch_id TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (platform_id, enterprise_id)
){{WITHOUT_ROWID}};
CREATE INDEX platform_users_enterprise ON platform_users (enterprise_id, platform_id);

CREATE TABLE platform_evaluations (
  id {{ID}},
  platform_id BIGINT NOT NULL,
  period TEXT NOT NULL,
  scores TEXT NOT NULL,
  total BIGINT NOT NULL,
  grade TEXT NOT NULL,
  served_enterprises BIGINT NOT NULL,
  rules_version TEXT NOT NULL,
  note TEXT NOT NULL,
  evaluated_by TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE (platform_id, period)
);

CREATE TABLE sample_enterprises (
  id {{ID}},
  industry_code TEXT NOT NULL,
  enterprise_id BIGINT NOT NULL,
  criteria TEXT NOT NULL,
  note TEXT NOT NULL,
  status TEXT NOT NULL,
  deliberation_id BIGINT,
  decision_reason TEXT,
  proposed_by TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE (industry_code, enterprise_id)
);

CREATE TABLE sample_deliberations (
  id {{ID}},
  industry_code TEXT NOT NULL,
  held_on TEXT NOT NULL,
  experts TEXT NOT NULL,
  minutes TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  created_at BIGINT NOT NULL
);

CREATE TABLE demand_lists (
  id {{ID}},
  industry_code TEXT NOT NULL,
  version BIGINT NOT NULL,
  items TEXT NOT NULL,
  note TEXT NOT NULL,
  status TEXT NOT NULL,
  deliberation_id BIGINT,
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  confirmed_at BIGINT,
  UNIQUE (industry_code, version)
);
