import type Database from "better-sqlite3";
import type { AnswerRow, OnlineBatch, OnlineStore, ReservationRow, SessionRow } from "../online-ports.ts";
import type { PartitionFilter } from "../ports.ts";
import { inPartitions } from "./mapping.ts";

type Db = Database.Database;

interface SessionSqlRow {
  session_id: string;
  line_id: string;
  peer_host: string;
  peer_realm: string;
  serving_plmn: string;
  last_request_number: number;
  opened_ms: number;
  last_seen_ms: number;
  reservations: string;
}

/**
 * The SQLite side of online charging. `write` runs inside the journal's transaction (called by
 * the store's batch writer), so a session's state, its answer and its usage rows land together.
 */
export class SqliteOnlineStore implements OnlineStore {
  private readonly upsertSession: Database.Statement;
  private readonly deleteSession: Database.Statement;
  private readonly insertAnswer: Database.Statement;
  private readonly pruneAnswers: Database.Statement;
  private readonly selectAnswer: Database.Statement;

  constructor(private readonly db: Db) {
    this.upsertSession = db.prepare(
      `INSERT INTO online_sessions (session_id, line_id, peer_host, peer_realm, serving_plmn, last_request_number, opened_ms, last_seen_ms, reservations)
       VALUES (?,?,?,?,?,?,?,?,?)
       ON CONFLICT(session_id) DO UPDATE SET serving_plmn=excluded.serving_plmn, last_request_number=excluded.last_request_number,
         last_seen_ms=excluded.last_seen_ms, reservations=excluded.reservations, peer_host=excluded.peer_host, peer_realm=excluded.peer_realm`,
    );
    this.deleteSession = db.prepare("DELETE FROM online_sessions WHERE session_id = ?");
    this.insertAnswer = db.prepare("INSERT OR REPLACE INTO online_answers (session_id, request_number, answer, at) VALUES (?,?,?,?)");
    // A client sends a session's next request only after the previous answer: two are enough
    // to answer any retransmission it may still send.
    this.pruneAnswers = db.prepare("DELETE FROM online_answers WHERE session_id = ? AND request_number < ?");
    this.selectAnswer = db.prepare("SELECT answer FROM online_answers WHERE session_id = ? AND request_number = ?");
  }

  write(batch: OnlineBatch): void {
    for (const s of batch.sessions) {
      this.upsertSession.run(
        s.sessionId,
        s.lineId,
        s.peerHost,
        s.peerRealm,
        s.servingPlmn,
        s.lastRequestNumber,
        s.openedMs,
        s.lastSeenMs,
        JSON.stringify(s.reservations),
      );
    }
    for (const id of batch.closedSessions) this.deleteSession.run(id);
    for (const a of batch.answers) this.writeAnswer(a);
  }

  private writeAnswer(a: AnswerRow): void {
    this.insertAnswer.run(a.sessionId, a.requestNumber, a.answer, a.at);
    this.pruneAnswers.run(a.sessionId, a.requestNumber - 1);
  }

  async loadSessions(partitions?: PartitionFilter): Promise<SessionRow[]> {
    const rows = inPartitions(this.db.prepare("SELECT * FROM online_sessions ORDER BY session_id").all() as SessionSqlRow[], partitions);
    return rows.map((r) => ({
      sessionId: r.session_id,
      lineId: r.line_id,
      peerHost: r.peer_host,
      peerRealm: r.peer_realm,
      servingPlmn: r.serving_plmn,
      lastRequestNumber: r.last_request_number,
      openedMs: r.opened_ms,
      lastSeenMs: r.last_seen_ms,
      reservations: JSON.parse(r.reservations) as ReservationRow[],
    }));
  }

  async lineOfSession(sessionId: string): Promise<string | undefined> {
    const row = this.db.prepare("SELECT line_id FROM online_sessions WHERE session_id = ?").get(sessionId) as { line_id: string } | undefined;
    return row?.line_id;
  }

  async findAnswer(sessionId: string, requestNumber: number): Promise<string | undefined> {
    const row = this.selectAnswer.get(sessionId, requestNumber) as { answer: string } | undefined;
    return row?.answer;
  }
}
