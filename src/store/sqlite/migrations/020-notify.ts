import type { Migration } from "./types.ts";

/**
 * Delivery state of the outbox: when a row was sent, how long a dispatcher's claim on it lasts,
 * which channels already accepted it (so that a retry does not send twice what went through),
 * and every attempt, for operators reading a dead letter.
 */
export const notify: Migration = {
  name: "020-notify",
  sql: `
  ALTER TABLE outbox ADD COLUMN sent_at TEXT;
  ALTER TABLE outbox ADD COLUMN claimed_until TEXT;
  CREATE INDEX outbox_due ON outbox(status, next_attempt_at);

  CREATE TABLE outbox_deliveries (
    outbox_id INTEGER NOT NULL,
    channel TEXT NOT NULL,
    target TEXT NOT NULL,
    peer_id TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (outbox_id, channel)
  );

  CREATE TABLE outbox_attempts (
    id INTEGER PRIMARY KEY,
    outbox_id INTEGER NOT NULL,
    at TEXT NOT NULL,
    channel TEXT NOT NULL,
    outcome TEXT NOT NULL,
    code TEXT,
    message TEXT
  );
  CREATE INDEX outbox_attempts_outbox ON outbox_attempts(outbox_id);
  `,
};
