-- 细分行业: districts refine the four pilot industries into their own sub-sectors (plan 二(一)1). A sub-sector
-- belongs to one pilot industry (parent_code) and to the district that added it; its enterprises count under the
-- parent in the plan's indicators.
ALTER TABLE industries ADD COLUMN parent_code TEXT;
ALTER TABLE industries ADD COLUMN district_code TEXT;
ALTER TABLE industries ADD COLUMN created_at BIGINT;
CREATE INDEX industries_parent ON industries (parent_code);
