-- 信息发布: notices, policies and typical cases with a draft → review → published workflow (attachments are
-- documents of entity type "article"); the public look-up interval ("查询间隔10秒") kept per client in the store so it
-- holds across app nodes.
CREATE TABLE articles (
  id {{ID}},
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  summary TEXT NOT NULL,
  body TEXT NOT NULL,
  industry_code TEXT,
  state TEXT NOT NULL,
  author_id BIGINT NOT NULL,
  author_name TEXT NOT NULL,
  reviewer_id BIGINT,
  review_note TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  published_at BIGINT
);
CREATE INDEX articles_state ON articles (state, kind, published_at, id);

CREATE TABLE article_events (
  id {{ID}},
  article_id BIGINT NOT NULL,
  action TEXT NOT NULL,
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  actor_name TEXT NOT NULL,
  reason TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX article_events_article ON article_events (article_id, id);

CREATE TABLE public_queries (
  client TEXT PRIMARY KEY,
  last_at BIGINT NOT NULL
);
CREATE INDEX public_queries_at ON public_queries (last_at);
