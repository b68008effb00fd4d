import type pg from "pg";
import type { OnlineBatch, OnlineStore, ReservationRow, SessionRow } from "../online-ports.ts";
import type { PartitionFilter } from "../ports.ts";
import { int } from "./mapping.ts";
import { ofPartitions } from "./partition-filter.ts";

interface SessionPgRow {
  session_id: string;
  line_id: string;
  peer_host: string;
  peer_realm: string;
  serving_plmn: string;
  last_request_number: string;
  opened_ms: string;
  last_seen_ms: string;
  reservations: string;
}

/**
 * Online charging's session state and answers. `writeOnline` runs inside the journal's
 * transaction, so a session's state, its answer and its usage rows land together.
 */
export async function writeOnline(client: pg.PoolClient, batch: OnlineBatch): Promise<void> {
  for (const s of batch.sessions) {
    await client.query(
      `INSERT INTO online_sessions (session_id, line_id, peer_host, peer_realm, serving_plmn, last_request_number, opened_ms, last_seen_ms, reservations)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)
       ON CONFLICT (session_id) DO UPDATE SET serving_plmn=excluded.serving_plmn, last_request_number=excluded.last_request_number,
         last_seen_ms=excluded.last_seen_ms, reservations=excluded.reservations, peer_host=excluded.peer_host, peer_realm=excluded.peer_realm`,
      [s.sessionId, s.lineId, s.peerHost, s.peerRealm, s.servingPlmn, s.lastRequestNumber, s.openedMs, s.lastSeenMs, JSON.stringify(s.reservations)],
    );
  }
  if (batch.closedSessions.length > 0) await client.query("DELETE FROM online_sessions WHERE session_id = ANY($1::text[])", [batch.closedSessions]);
  for (const a of batch.answers) {
    await client.query(
      `INSERT INTO online_answers (session_id, request_number, answer, at) VALUES ($1,$2,$3,$4)
       ON CONFLICT (session_id, request_number) DO UPDATE SET answer=excluded.answer, at=excluded.at`,
      [a.sessionId, a.requestNumber, a.answer, a.at],
    );
    // A client sends a session's next request only after the previous answer: two are enough
    // to answer any retransmission it may still send.
    await client.query("DELETE FROM online_answers WHERE session_id = $1 AND request_number < $2", [a.sessionId, a.requestNumber - 1]);
  }
}

export class PostgresOnlineStore implements OnlineStore {
  constructor(private readonly pool: pg.Pool) {}

  async loadSessions(partitions?: PartitionFilter): Promise<SessionRow[]> {
    const { sql, params } = ofPartitions(partitions, "line");
    const { rows } = await this.pool.query<SessionPgRow>(`SELECT * FROM online_sessions ${sql} ORDER BY session_id`, params);
    return rows.map((r) => ({
      sessionId: r.session_id,
      lineId: r.line_id,
      peerHost: r.peer_host,
      peerRealm: r.peer_realm,
      servingPlmn: r.serving_plmn,
      lastRequestNumber: int(r.last_request_number, "last_request_number"),
      openedMs: int(r.opened_ms, "opened_ms"),
      lastSeenMs: int(r.last_seen_ms, "last_seen_ms"),
      reservations: JSON.parse(r.reservations) as ReservationRow[],
    }));
  }

  async lineOfSession(sessionId: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ line_id: string }>("SELECT line_id FROM online_sessions WHERE session_id = $1", [sessionId]);
    return rows[0]?.line_id;
  }

  async findAnswer(sessionId: string, requestNumber: number): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ answer: string }>("SELECT answer FROM online_answers WHERE session_id = $1 AND request_number = $2", [
      sessionId,
      requestNumber,
    ]);
    return rows[0]?.answer;
  }
}
