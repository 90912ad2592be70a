-- 贷款市场报价利率 (LPR): the table the 数字贷 interest subsidy reads (plan 三(九)). Rates in basis points of a
-- percent; a rate is in force from its announcement day. Loaded once from data/lpr.json, then kept by admins;
-- every change is a row of lpr_changes (and an audit entry).
CREATE TABLE lpr_rates (
  announced_on TEXT PRIMARY KEY,
  one_year_bp BIGINT NOT NULL,
  five_year_bp BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE TABLE lpr_changes (
  id {{ID}},
  announced_on TEXT NOT NULL,
  action TEXT NOT NULL,
  one_year_bp BIGINT,
  five_year_bp BIGINT,
  before_one_year_bp BIGINT,
  before_five_year_bp BIGINT,
  reason TEXT NOT NULL,
  actor TEXT NOT NULL,
  changed_at BIGINT NOT NULL
);
CREATE INDEX lpr_changes_day ON lpr_changes (announced_on, id);
