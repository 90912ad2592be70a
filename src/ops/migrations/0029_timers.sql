-- Timers of the platform's own (signing the audit chain's head): when each last fired on any node. A node fires a
-- timer only by moving last_at from the value it read, in the transaction that does the work, so however many nodes
-- see it due it fires once. Rows are created by the code that declares the timer.
CREATE TABLE timers (
  name TEXT PRIMARY KEY,
  last_at BIGINT NOT NULL
);

-- Which store's audit chain a signed checkpoint names: a nonce made once per store. Two stores whose first entries are
-- identical (the same demo load, or two fresh stores) never take each other's checkpoints from a shared directory; a
-- copy of a store (a restored backup) is the same chain and keeps it. Rewriting it only makes `audit verify` find no
-- checkpoint, which is a failure.
CREATE TABLE audit_chain (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  nonce TEXT NOT NULL
);
INSERT INTO audit_chain (id, nonce) VALUES (1, {{RANDOM_HEX}});
