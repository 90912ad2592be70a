-- Figures exactly as the plan reads them (docs/counting-rules.md). The enterprise keeps what its counts depend on,
-- each with its day: the level its acceptance was granted on, the day it went onto the cloud, and its 中小企业划型
-- (computed from its yearly figures by the versioned rule in data/registry-rules.json, filled in after this migration
-- by the registry's rebuild, which also recomputes every summary table below).
ALTER TABLE enterprises ADD COLUMN accepted_level BIGINT NOT NULL DEFAULT 0;
ALTER TABLE enterprises ADD COLUMN cloud_at BIGINT;
ALTER TABLE enterprises ADD COLUMN sme_class TEXT NOT NULL DEFAULT '';
ALTER TABLE enterprises ADD COLUMN sme_year BIGINT NOT NULL DEFAULT 0;

-- An acceptance stands on the on-site level it was granted on.
UPDATE enterprises SET accepted_level = level WHERE accepted_at IS NOT NULL;

-- The day an enterprise went onto the cloud, from the audit trail: the latest entry that turned it on. Where the trail
-- holds none, cloud_at stays empty and the enterprise counts in today's figure only.
UPDATE enterprises SET cloud_at = (
  SELECT MAX(a.at) FROM audit_log a
  WHERE a.entity_type = 'enterprise' AND a.entity_id = CAST(enterprises.id AS TEXT)
    AND a.after_json LIKE '%"cloud":true%' AND a.before_json NOT LIKE '%"cloud":true%')
WHERE cloud = 1;

ALTER TABLE enterprise_counts ADD COLUMN cloud_accepted BIGINT NOT NULL DEFAULT 0;
ALTER TABLE enterprise_counts ADD COLUMN cloud_undated BIGINT NOT NULL DEFAULT 0;
ALTER TABLE enterprise_counts ADD COLUMN non_sme BIGINT NOT NULL DEFAULT 0;
ALTER TABLE enterprise_counts ADD COLUMN non_sme_accepted BIGINT NOT NULL DEFAULT 0;
ALTER TABLE enterprise_counts ADD COLUMN sme_unknown BIGINT NOT NULL DEFAULT 0;

-- The transformed counts (indicators 1–4) by the day they changed, under the year of acceptance (cohort): a figure
-- at the end of a day is the sum of the rows dated that day or before. A few rows per acceptance, whatever the
-- number of enterprises; a stage's figure reads them instead of the enterprises.
CREATE TABLE enterprise_day_counts (
  day TEXT NOT NULL,
  district_code TEXT NOT NULL,
  industry_code TEXT NOT NULL,
  batch INTEGER NOT NULL,
  cohort INTEGER NOT NULL,
  accepted BIGINT NOT NULL,
  scale_above_accepted BIGINT NOT NULL,
  innovative_accepted BIGINT NOT NULL,
  cloud_accepted BIGINT NOT NULL,
  PRIMARY KEY (day, district_code, industry_code, batch, cohort)
);

-- The pilot enterprises that are not SMEs, listed by data quality without scanning the registry.
CREATE INDEX enterprises_sme_class ON enterprises (status, sme_class, id);
