-- 资料上传: files attached to records, stored once by content (SHA-256), with SM3 recorded for reviewers.
-- A new upload under the same name is a new version; nothing is overwritten.
CREATE TABLE documents (
  id {{ID}},
  entity_type TEXT NOT NULL,      -- enterprise | assessment | … (later: project, review)
  entity_id TEXT NOT NULL,
  name TEXT NOT NULL,             -- sanitised
  version INTEGER NOT NULL,
  content_type TEXT NOT NULL,     -- decided by the content
  type_label TEXT NOT NULL,
  size BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  sm3 TEXT NOT NULL,
  note TEXT NOT NULL,
  uploaded_by BIGINT NOT NULL REFERENCES users(id),
  uploaded_at BIGINT NOT NULL,
  UNIQUE (entity_type, entity_id, name, version)
);
CREATE INDEX documents_entity ON documents (entity_type, entity_id, id);
CREATE INDEX documents_sha256 ON documents (sha256);
