-- Records the plan counts only once something was decided on a day, by someone, on evidence (docs/counting-rules.md):
-- a 链式 model counts once built (建成) and gets 三(五)'s support once 工信部 recognised it as a typical case; a 小微企业园
-- counts once its digital transformation is complete; a scenario counts once the expert committee selected it as
-- 可复制可推广. And the records the plan names that were missing: 小灯塔 designations and 数字工坊 (三(一)), and a
-- platform's 标识解析二级节点 (三(七)). Each decision keeps its day, who decided it (the issuing body or committee), its
-- evidence (文号、纪要), and the account and moment it was recorded.
ALTER TABLE chain_models ADD COLUMN completed_on TEXT;
ALTER TABLE chain_models ADD COLUMN completed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE chain_models ADD COLUMN completed_evidence TEXT NOT NULL DEFAULT '';
ALTER TABLE chain_models ADD COLUMN completed_recorded_by BIGINT;
ALTER TABLE chain_models ADD COLUMN completed_recorded_at BIGINT;
ALTER TABLE chain_models ADD COLUMN miit_on TEXT;
ALTER TABLE chain_models ADD COLUMN miit_by TEXT NOT NULL DEFAULT '';
ALTER TABLE chain_models ADD COLUMN miit_evidence TEXT NOT NULL DEFAULT '';
ALTER TABLE chain_models ADD COLUMN miit_recorded_by BIGINT;
ALTER TABLE chain_models ADD COLUMN miit_recorded_at BIGINT;
-- Models registered as running (运行中) before this counted from their registration: they keep that day, and say so.
UPDATE chain_models SET completed_on = {{BEIJING_DATE(created_at)}}, completed_by = '迁移前登记为运行中',
  completed_evidence = '登记时标为运行中，未附建成佐证', completed_recorded_at = created_at WHERE status = 'operating';
UPDATE chain_models SET miit_on = {{BEIJING_DATE(created_at)}}, miit_by = '工业和信息化部',
  miit_evidence = '登记时标为获评典型案例，未附认定文件', miit_recorded_at = created_at WHERE recognized_by_miit = 1;
ALTER TABLE chain_models DROP COLUMN status;
ALTER TABLE chain_models DROP COLUMN recognized_by_miit;

ALTER TABLE parks ADD COLUMN transformed_on TEXT;
ALTER TABLE parks ADD COLUMN transformed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE parks ADD COLUMN transformed_evidence TEXT NOT NULL DEFAULT '';
ALTER TABLE parks ADD COLUMN transformed_recorded_by BIGINT;
ALTER TABLE parks ADD COLUMN transformed_recorded_at BIGINT;

ALTER TABLE scenarios ADD COLUMN replicable_on TEXT;
ALTER TABLE scenarios ADD COLUMN replicable_selection_id BIGINT;
-- The expert committee's selection of 可复制可推广 scenarios: each decision with the usage it was shown as evidence.
CREATE TABLE scenario_selections (
  id {{ID}},
  industry_code TEXT NOT NULL,
  held_on TEXT NOT NULL,
  experts TEXT NOT NULL,
  minutes TEXT NOT NULL,
  recorded_by BIGINT NOT NULL,
  recorded_at BIGINT NOT NULL
);
CREATE TABLE scenario_selection_items (
  selection_id BIGINT NOT NULL,
  scenario_id BIGINT NOT NULL,
  decision TEXT NOT NULL,
  reason TEXT NOT NULL,
  projects BIGINT NOT NULL,
  accepted_enterprises BIGINT NOT NULL,
  PRIMARY KEY (selection_id, scenario_id)
){{WITHOUT_ROWID}};

CREATE TABLE lighthouses (
  id {{ID}},
  enterprise_id BIGINT NOT NULL UNIQUE,
  designated_on TEXT NOT NULL,
  decided_by TEXT NOT NULL,
  evidence TEXT NOT NULL,
  note TEXT NOT NULL,
  recorded_by BIGINT NOT NULL,
  recorded_at BIGINT NOT NULL
);

CREATE TABLE digital_workshops (
  id {{ID}},
  name TEXT NOT NULL,
  lead_enterprise_id BIGINT NOT NULL,
  partners TEXT NOT NULL,
  provider_id BIGINT,
  established_on TEXT NOT NULL,
  decided_by TEXT NOT NULL,
  evidence TEXT NOT NULL,
  recorded_by BIGINT NOT NULL,
  recorded_at BIGINT NOT NULL
);
CREATE INDEX digital_workshops_lead ON digital_workshops (lead_enterprise_id, id);

CREATE TABLE identifier_nodes (
  id {{ID}},
  platform_id BIGINT NOT NULL,
  name TEXT NOT NULL,
  prefix TEXT NOT NULL UNIQUE,
  industry_code TEXT NOT NULL,
  approved_on TEXT NOT NULL,
  decided_by TEXT NOT NULL,
  evidence TEXT NOT NULL,
  recorded_by BIGINT NOT NULL,
  recorded_at BIGINT NOT NULL
);
CREATE INDEX identifier_nodes_platform ON identifier_nodes (platform_id, id);
