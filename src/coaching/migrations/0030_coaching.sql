-- 一对一辅导 (方案三(六)): an enterprise's request for an expert's one-to-one coaching, the expert the city assigns, the
-- sessions the expert records, the summary that closes it and the enterprise's rating. The counts of sessions and
-- minutes are kept on the request as sessions are added. The lists read a page of one scope at a time (an
-- enterprise's, a district's, an expert's, or all, by state), newest first: an index per scope, ending in id.
CREATE TABLE coaching_requests (
  id {{ID}},
  enterprise_id BIGINT NOT NULL,
  district_code TEXT NOT NULL,
  topic TEXT NOT NULL,
  needs TEXT NOT NULL,
  mode TEXT NOT NULL,
  state TEXT NOT NULL,
  expert_user_id BIGINT,
  requested_by BIGINT NOT NULL,
  reason TEXT,
  summary TEXT,
  rating BIGINT,
  comment TEXT,
  sessions BIGINT NOT NULL,
  minutes BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  assigned_at BIGINT,
  closed_at BIGINT,
  rated_at BIGINT
);
CREATE INDEX coaching_requests_enterprise ON coaching_requests (enterprise_id, id);
CREATE INDEX coaching_requests_district ON coaching_requests (district_code, id);
CREATE INDEX coaching_requests_expert ON coaching_requests (expert_user_id, id);
CREATE INDEX coaching_requests_state ON coaching_requests (state, id);

CREATE TABLE coaching_sessions (
  id {{ID}},
  request_id BIGINT NOT NULL,
  held_on TEXT NOT NULL,
  minutes BIGINT NOT NULL,
  mode TEXT NOT NULL,
  content TEXT NOT NULL,
  advice TEXT NOT NULL,
  recorded_by BIGINT NOT NULL,
  recorded_at BIGINT NOT NULL
);
CREATE INDEX coaching_sessions_request ON coaching_sessions (request_id, held_on, id);
