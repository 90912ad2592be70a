-- 数字化服务商库 (能进能出): the provider's application (qualifications, cases, industries served, 在郑), its status
-- through review, 公示 with objections, admission, sanctions (warning, rectification with a deadline, removal) and
-- appeals; the per-industry public selection of integrators (公开遴选). Every change is an event row and an audit entry.
ALTER TABLE providers ADD COLUMN status TEXT NOT NULL DEFAULT 'admitted';
ALTER TABLE providers ADD COLUMN industries TEXT NOT NULL DEFAULT '[]';
ALTER TABLE providers ADD COLUMN qualifications TEXT NOT NULL DEFAULT '';
ALTER TABLE providers ADD COLUMN cases TEXT NOT NULL DEFAULT '';
ALTER TABLE providers ADD COLUMN address TEXT NOT NULL DEFAULT '';
ALTER TABLE providers ADD COLUMN contact_name TEXT NOT NULL DEFAULT '';
ALTER TABLE providers ADD COLUMN contact_phone TEXT NOT NULL DEFAULT '';
ALTER TABLE providers ADD COLUMN notice_from TEXT;
ALTER TABLE providers ADD COLUMN notice_to TEXT;
ALTER TABLE providers ADD COLUMN rectify_due TEXT;
ALTER TABLE providers ADD COLUMN status_changed_at BIGINT NOT NULL DEFAULT 0;
CREATE INDEX providers_status ON providers (status, id);

CREATE TABLE provider_events (
  id {{ID}},
  provider_id BIGINT NOT NULL,
  action TEXT NOT NULL,
  from_status TEXT NOT NULL,
  to_status TEXT NOT NULL,
  reason TEXT NOT NULL,
  due_on TEXT,
  actor TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX provider_events_provider ON provider_events (provider_id, id);
CREATE INDEX provider_events_at ON provider_events (at, id);

CREATE TABLE provider_objections (
  id {{ID}},
  provider_id BIGINT NOT NULL,
  objector TEXT NOT NULL,
  content TEXT NOT NULL,
  received_at BIGINT NOT NULL,
  resolution TEXT,
  resolved_at BIGINT
);
CREATE INDEX provider_objections_provider ON provider_objections (provider_id, id);

CREATE TABLE provider_appeals (
  id {{ID}},
  provider_id BIGINT NOT NULL,
  event_id BIGINT NOT NULL,
  reason TEXT NOT NULL,
  status TEXT NOT NULL,
  decision_note TEXT,
  created_at BIGINT NOT NULL,
  decided_at BIGINT
);
CREATE INDEX provider_appeals_provider ON provider_appeals (provider_id, id);

CREATE TABLE provider_selections (
  industry_code TEXT NOT NULL,
  provider_id BIGINT NOT NULL,
  note TEXT NOT NULL,
  selected_at BIGINT NOT NULL,
  PRIMARY KEY (industry_code, provider_id)
){{WITHOUT_ROWID}};
