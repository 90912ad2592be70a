-- 企商互动: enterprises post needs by scenario, providers answer with proposals, each need has a message thread;
-- 供需对接会 with registration. Notifications inside the platform for new responses, review assignments, deadlines.
CREATE TABLE notifications (
  id {{ID}},
  user_id BIGINT NOT NULL,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  link TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  read_at BIGINT
);
CREATE INDEX notifications_user ON notifications (user_id, read_at, id);

CREATE TABLE needs (
  id {{ID}},
  enterprise_id BIGINT NOT NULL,
  district_code TEXT NOT NULL,
  industry_code TEXT NOT NULL,
  category TEXT NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  budget_fen BIGINT,
  status TEXT NOT NULL,
  created_by BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  closed_at BIGINT
);
CREATE INDEX needs_status ON needs (status, category, id);
CREATE INDEX needs_enterprise ON needs (enterprise_id, id);

CREATE TABLE proposals (
  id {{ID}},
  need_id BIGINT NOT NULL,
  provider_id BIGINT NOT NULL,
  product_id BIGINT,
  summary TEXT NOT NULL,
  price_fen BIGINT NOT NULL,
  status TEXT NOT NULL,
  created_by BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE (need_id, provider_id)
);
CREATE INDEX proposals_provider ON proposals (provider_id, id);

CREATE TABLE need_messages (
  id {{ID}},
  need_id BIGINT NOT NULL,
  author_id BIGINT NOT NULL,
  author_name TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX need_messages_need ON need_messages (need_id, id);

CREATE TABLE match_events (
  id {{ID}},
  title TEXT NOT NULL,
  held_on TEXT NOT NULL,
  place TEXT NOT NULL,
  industry_code TEXT,
  capacity BIGINT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE TABLE match_registrations (
  event_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  party TEXT NOT NULL,
  registered_at BIGINT NOT NULL,
  PRIMARY KEY (event_id, user_id)
){{WITHOUT_ROWID}};
