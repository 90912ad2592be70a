-- Timers of the platform's own (signing the audit chain's head): when each last fired on any node. A node fires a
-- timer only by moving last_at from the value it read, in the transaction that does the work, so however many nodes
-- see it due it fires once. Rows are created by the code that declares the timer.
CREATE TABLE timers (
  name TEXT PRIMARY KEY,
  last_at BIGINT NOT NULL
);
