-- 数字化水平评测: assessments keep the model version they were scored with; the enterprise carries its
-- current level (kept on write) so lists and the dashboard filter and count without reading assessments.
CREATE TABLE assessments (
  id {{ID}},
  enterprise_id BIGINT NOT NULL REFERENCES enterprises(id),
  model_version TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('self', 'onsite')),       -- 自评 / 现场评定
  status TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
  answers_json TEXT NOT NULL,
  scenes_json TEXT NOT NULL,
  score BIGINT NOT NULL,              -- thousandths of a point
  dimensions_json TEXT NOT NULL,
  level INTEGER NOT NULL,
  explanation TEXT NOT NULL,
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  submitted_at BIGINT
);
CREATE INDEX assessments_enterprise ON assessments (enterprise_id, id);

-- Experts assigned by the city to grade an enterprise on site.
CREATE TABLE assessment_assignments (
  expert_user_id BIGINT NOT NULL REFERENCES users(id),
  enterprise_id BIGINT NOT NULL REFERENCES enterprises(id),
  assigned_by BIGINT NOT NULL REFERENCES users(id),
  assigned_at BIGINT NOT NULL,
  PRIMARY KEY (expert_user_id, enterprise_id)
);
CREATE INDEX assessment_assignments_enterprise ON assessment_assignments (enterprise_id);

ALTER TABLE enterprises ADD COLUMN level INTEGER NOT NULL DEFAULT 0;          -- current level, 0 = none/below 一级
ALTER TABLE enterprises ADD COLUMN level_source TEXT NOT NULL DEFAULT '';     -- '', 'self' or 'onsite'
ALTER TABLE enterprises ADD COLUMN assessed_at BIGINT;
CREATE INDEX enterprises_level ON enterprises (level, id);
