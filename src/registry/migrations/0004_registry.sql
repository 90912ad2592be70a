-- 一企一档: the enterprise's full record, its figures by year, and withdrawal/replacement (退出/增补) requests.
ALTER TABLE enterprises ADD COLUMN credit_code_override TEXT NOT NULL DEFAULT '';  -- why an admin accepted a non-conforming code
ALTER TABLE enterprises ADD COLUMN tier TEXT NOT NULL DEFAULT 'none';             -- none | innovative | specialized | little_giant
ALTER TABLE enterprises ADD COLUMN scale_above INTEGER NOT NULL DEFAULT 0;        -- 规上
ALTER TABLE enterprises ADD COLUMN scale_source TEXT NOT NULL DEFAULT 'revenue';  -- revenue (computed) | admin (set)
ALTER TABLE enterprises ADD COLUMN cloud INTEGER NOT NULL DEFAULT 0;              -- 上云用云
ALTER TABLE enterprises ADD COLUMN cloud_stars INTEGER NOT NULL DEFAULT 0;        -- 上云星级 1–5, 0 = none
ALTER TABLE enterprises ADD COLUMN key_cultivation INTEGER NOT NULL DEFAULT 0;    -- 重点培育企业清单
ALTER TABLE enterprises ADD COLUMN withdrawn_at BIGINT;
ALTER TABLE enterprises ADD COLUMN replaces_id BIGINT;                            -- 增补: the withdrawn enterprise it replaces
CREATE INDEX enterprises_tier ON enterprises (tier, id);
CREATE INDEX enterprises_status ON enterprises (status, district_code, industry_code);

-- Figures by year, money in 分: revenue and R&D spending give 研发投入强度 (Σ R&D ÷ Σ revenue).
CREATE TABLE enterprise_years (
  enterprise_id BIGINT NOT NULL REFERENCES enterprises(id),
  year INTEGER NOT NULL,
  revenue BIGINT NOT NULL,
  employees INTEGER NOT NULL,
  rd_spending BIGINT NOT NULL,
  invention_patents INTEGER NOT NULL,        -- invention patents granted in the year
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (enterprise_id, year)
);

CREATE TABLE withdrawals (
  id {{ID}},
  enterprise_id BIGINT NOT NULL REFERENCES enterprises(id),
  district_code TEXT NOT NULL REFERENCES districts(code),
  reason TEXT NOT NULL,
  replacement_json TEXT NOT NULL,            -- the 增补 enterprise proposed ('' when none)
  status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
  requested_by BIGINT NOT NULL REFERENCES users(id),
  requested_at BIGINT NOT NULL,
  decided_by BIGINT REFERENCES users(id),
  decided_at BIGINT,
  decision_note TEXT NOT NULL,
  replacement_id BIGINT REFERENCES enterprises(id)
);
CREATE INDEX withdrawals_district ON withdrawals (district_code, id);
CREATE INDEX withdrawals_enterprise ON withdrawals (enterprise_id, id);
