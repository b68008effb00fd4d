import type { Migration } from "./types.ts";

/**
 * Online charging: open Gy sessions with their reservations, and the answers already sent.
 * Session-Id + CC-Request-Number is the idempotency key of RFC 8506: a retransmission is
 * answered from `online_answers`. Sessions are keyed by their Session-Id, which is what the
 * gateway sends; `line_id` leads a secondary index so a partition's sessions load together.
 */
export const online: Migration = {
  name: "010-online",
  sql: `
  CREATE TABLE online_sessions (
    session_id TEXT COLLATE "C" PRIMARY KEY,
    line_id TEXT COLLATE "C" NOT NULL,
    peer_host TEXT NOT NULL,
    peer_realm TEXT NOT NULL,
    serving_plmn TEXT NOT NULL,
    last_request_number BIGINT NOT NULL,
    opened_ms BIGINT NOT NULL,
    last_seen_ms BIGINT NOT NULL,
    reservations TEXT NOT NULL
  );
  CREATE INDEX online_sessions_line ON online_sessions (line_id);

  CREATE TABLE online_answers (
    session_id TEXT COLLATE "C" NOT NULL,
    request_number BIGINT NOT NULL,
    answer TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (session_id, request_number)
  );
  `,
};
