-- Summary tables kept current on write (DESIGN.md): the dashboard reads a few hundred group rows instead of
-- counting a million enterprises. Every enterprise write applies its before/after contribution as a delta.
CREATE TABLE enterprise_counts (
  district_code TEXT NOT NULL,
  industry_code TEXT NOT NULL,
  batch INTEGER NOT NULL,
  pilot BIGINT NOT NULL,               -- in the pilot (not withdrawn)
  assessed BIGINT NOT NULL,            -- with a submitted assessment
  level2 BIGINT NOT NULL,              -- at the qualifying level (二级) or higher
  scale_above_level2 BIGINT NOT NULL,  -- … and 规上
  innovative_level2 BIGINT NOT NULL,   -- … and 创新型 / 专精特新 / 小巨人
  specialized BIGINT NOT NULL,         -- 专精特新 or 小巨人 (all pilot enterprises)
  cloud BIGINT NOT NULL,               -- 上云用云 (all pilot enterprises)
  PRIMARY KEY (district_code, industry_code, batch)
);

CREATE TABLE enterprise_year_sums (
  district_code TEXT NOT NULL,
  industry_code TEXT NOT NULL,
  batch INTEGER NOT NULL,
  year INTEGER NOT NULL,
  revenue BIGINT NOT NULL,
  rd_spending BIGINT NOT NULL,
  invention_patents BIGINT NOT NULL,
  PRIMARY KEY (district_code, industry_code, batch, year)
);

INSERT INTO enterprise_counts (district_code, industry_code, batch, pilot, assessed, level2, scale_above_level2,
                               innovative_level2, specialized, cloud)
SELECT district_code, industry_code, batch, COUNT(*),
       SUM(CASE WHEN level_source <> '' THEN 1 ELSE 0 END),
       SUM(CASE WHEN level >= 2 THEN 1 ELSE 0 END),
       SUM(CASE WHEN level >= 2 AND scale_above = 1 THEN 1 ELSE 0 END),
       SUM(CASE WHEN level >= 2 AND tier <> 'none' THEN 1 ELSE 0 END),
       SUM(CASE WHEN tier IN ('specialized', 'little_giant') THEN 1 ELSE 0 END),
       SUM(CASE WHEN cloud = 1 THEN 1 ELSE 0 END)
FROM enterprises WHERE status = 'active' GROUP BY district_code, industry_code, batch;

INSERT INTO enterprise_year_sums (district_code, industry_code, batch, year, revenue, rd_spending, invention_patents)
SELECT e.district_code, e.industry_code, e.batch, y.year, SUM(y.revenue), SUM(y.rd_spending), SUM(y.invention_patents)
FROM enterprise_years y JOIN enterprises e ON e.id = y.enterprise_id
WHERE e.status = 'active' GROUP BY e.district_code, e.industry_code, e.batch, y.year;

CREATE INDEX enterprises_metric ON enterprises (status, level, district_code, industry_code);
CREATE INDEX enterprise_years_year ON enterprise_years (year, enterprise_id);
