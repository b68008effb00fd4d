/**
 * Ports of online charging (Gy sessions). Session state and the answers already sent are
 * written in the same transaction as the journal rows they go with (`JournalBatch.online`), so
 * that a retransmitted request is answered from what was committed, never charged twice.
 */
import type { Micros, Service, Zone } from "../domain/index.ts";
import type { PartitionFilter } from "./ports.ts";

/** Units granted to one rating group of a session and not reported yet. */
export interface ReservationRow {
  readonly ratingGroup: number;
  readonly service: Service;
  readonly zone: Zone;
  readonly quantity: number;
  readonly amount: Micros;
  readonly allowanceQuantity: number;
}

export interface SessionRow {
  readonly sessionId: string;
  readonly lineId: string;
  /** The gateway's Origin-Host and Origin-Realm: where a re-authorisation request goes. */
  readonly peerHost: string;
  readonly peerRealm: string;
  readonly servingPlmn: string;
  readonly lastRequestNumber: number;
  readonly openedMs: number;
  /** Supervision (Tcc) counts from the last request. */
  readonly lastSeenMs: number;
  readonly reservations: readonly ReservationRow[];
}

/** An answer as sent, keyed by the request's idempotency key (Session-Id + CC-Request-Number). */
export interface AnswerRow {
  readonly sessionId: string;
  readonly requestNumber: number;
  /** The adapter-neutral answer, JSON: a retransmission is encoded from it again, identically. */
  readonly answer: string;
  readonly at: string;
}

/** What one online step writes beside the journal, in the same transaction. */
export interface OnlineBatch {
  readonly sessions: readonly SessionRow[];
  readonly closedSessions: readonly string[];
  readonly answers: readonly AnswerRow[];
}

export interface OnlineStore {
  /** Open sessions, of the lines of `partitions` only when given (an engine's share; see `PartitionFilter`). */
  loadSessions(partitions?: PartitionFilter): Promise<SessionRow[]>;
  findAnswer(sessionId: string, requestNumber: number): Promise<string | undefined>;
  /** The line of an open session (a front end routing a CCR-U/T, which may name no subscriber). */
  lineOfSession(sessionId: string): Promise<string | undefined>;
}
