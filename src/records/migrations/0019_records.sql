-- Records the plan counts beside enterprises: 链式 transformation models (a lead enterprise, its chain SMEs, a
-- provider, scenarios), provincial-or-higher smart factories / workshops / 智能制造 scenarios, 小微企业园 and training
-- sessions with the enterprises that attended. Each feeds the matching indicator of the target matrix.
CREATE TABLE chain_models (
  id {{ID}},
  name TEXT NOT NULL,
  industry_code TEXT NOT NULL,
  lead_enterprise_id BIGINT,
  lead_name TEXT NOT NULL,
  provider_id BIGINT,
  scenarios TEXT NOT NULL,
  status TEXT NOT NULL,
  recognized_by_miit BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX chain_models_industry ON chain_models (industry_code, id);
CREATE TABLE chain_members (
  model_id BIGINT NOT NULL,
  enterprise_id BIGINT NOT NULL,
  PRIMARY KEY (model_id, enterprise_id)
){{WITHOUT_ROWID}};

CREATE TABLE recognitions (
  id {{ID}},
  enterprise_id BIGINT NOT NULL,
  kind TEXT NOT NULL,
  level TEXT NOT NULL,
  name TEXT NOT NULL,
  recognized_on TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX recognitions_enterprise ON recognitions (enterprise_id, id);

CREATE TABLE parks (
  id {{ID}},
  name TEXT NOT NULL,
  district_code TEXT NOT NULL,
  industry_code TEXT NOT NULL,
  recognized_on TEXT NOT NULL,
  enterprises BIGINT NOT NULL,
  created_at BIGINT NOT NULL
);

CREATE TABLE trainings (
  id {{ID}},
  title TEXT NOT NULL,
  audience TEXT NOT NULL,
  held_on TEXT NOT NULL,
  place TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE TABLE training_attendance (
  training_id BIGINT NOT NULL,
  enterprise_id BIGINT NOT NULL,
  people BIGINT NOT NULL,
  PRIMARY KEY (training_id, enterprise_id)
){{WITHOUT_ROWID}};
