-- 服务商定期考核: the expert committee's periodic evaluation report freezes every listed provider's scorecard with
-- the committee's opinion (and the snapshot's SM3), so a later report can be compared with it. Providers' projects
-- are read by integrator for the scorecard.
CREATE INDEX projects_integrator ON projects (integrator_id, id);
CREATE TABLE provider_evaluations (
  id {{ID}},
  period TEXT NOT NULL UNIQUE,
  opinion TEXT NOT NULL,
  snapshot_json TEXT NOT NULL,
  snapshot_sm3 TEXT NOT NULL,
  rules_version TEXT NOT NULL,
  created_by BIGINT NOT NULL,
  created_at BIGINT NOT NULL
);
