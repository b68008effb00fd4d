import type { Migration } from "./types.ts";

/** Online charging: open Gy sessions with their reservations, and the answers already sent. */
export const online: Migration = {
  name: "010-online",
  sql: `
  CREATE TABLE online_sessions (
    session_id TEXT PRIMARY KEY,
    line_id TEXT NOT NULL,
    peer_host TEXT NOT NULL,
    peer_realm TEXT NOT NULL,
    serving_plmn TEXT NOT NULL,
    last_request_number INTEGER NOT NULL,
    opened_ms INTEGER NOT NULL,
    last_seen_ms INTEGER NOT NULL,
    reservations TEXT NOT NULL
  );
  CREATE INDEX online_sessions_line ON online_sessions(line_id);

  -- Session-Id + CC-Request-Number is the idempotency key of RFC 8506: a retransmission is
  -- answered from this row. Older answers of a session are pruned as it moves on.
  CREATE TABLE online_answers (
    session_id TEXT NOT NULL,
    request_number INTEGER NOT NULL,
    answer TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (session_id, request_number)
  ) WITHOUT ROWID;
  `,
};
