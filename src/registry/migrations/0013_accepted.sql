-- Indicator 1 counts enterprises accepted (验收通过) at 二级 or higher (DOMAIN.md): the registry keeps the day of
-- acceptance on the enterprise and the accepted counts in its summary table, current on every write.
ALTER TABLE enterprises ADD COLUMN accepted_at BIGINT;
ALTER TABLE enterprise_counts ADD COLUMN accepted BIGINT NOT NULL DEFAULT 0;
ALTER TABLE enterprise_counts ADD COLUMN scale_above_accepted BIGINT NOT NULL DEFAULT 0;
ALTER TABLE enterprise_counts ADD COLUMN innovative_accepted BIGINT NOT NULL DEFAULT 0;
