import type { Reservation } from "../../domain/index.ts";
import type { ReservationRow, SessionRow } from "../../store/index.ts";
import type { OnlineAnswer } from "./types.ts";

/** One open Gy session as the engine holds it. */
export class OnlineSession {
  readonly reservations = new Map<number, ReservationRow>();

  constructor(
    readonly sessionId: string,
    readonly lineId: string,
    public peerHost: string,
    public peerRealm: string,
    public servingPlmn: string,
    public lastRequestNumber: number,
    readonly openedMs: number,
    public lastSeenMs: number,
  ) {}

  static fromRow(row: SessionRow): OnlineSession {
    const s = new OnlineSession(row.sessionId, row.lineId, row.peerHost, row.peerRealm, row.servingPlmn, row.lastRequestNumber, row.openedMs, row.lastSeenMs);
    for (const r of row.reservations) s.reservations.set(r.ratingGroup, r);
    return s;
  }

  toRow(): SessionRow {
    return {
      sessionId: this.sessionId,
      lineId: this.lineId,
      peerHost: this.peerHost,
      peerRealm: this.peerRealm,
      servingPlmn: this.servingPlmn,
      lastRequestNumber: this.lastRequestNumber,
      openedMs: this.openedMs,
      lastSeenMs: this.lastSeenMs,
      reservations: [...this.reservations.values()],
    };
  }
}

/** Open sessions by id and by line, and the answers recently sent (retransmissions). */
export class SessionTable {
  private readonly byId = new Map<string, OnlineSession>();
  private readonly byLine = new Map<string, Set<OnlineSession>>();
  private readonly answers = new Map<string, OnlineAnswer>();

  constructor(private readonly answerCacheSize = 100_000) {}

  get size(): number {
    return this.byId.size;
  }

  get(sessionId: string): OnlineSession | undefined {
    return this.byId.get(sessionId);
  }

  add(s: OnlineSession): void {
    this.byId.set(s.sessionId, s);
    let set = this.byLine.get(s.lineId);
    if (!set) {
      set = new Set();
      this.byLine.set(s.lineId, set);
    }
    set.add(s);
  }

  remove(s: OnlineSession): void {
    this.byId.delete(s.sessionId);
    const set = this.byLine.get(s.lineId);
    set?.delete(s);
    if (set?.size === 0) this.byLine.delete(s.lineId);
  }

  ofLine(lineId: string): readonly OnlineSession[] {
    return [...(this.byLine.get(lineId) ?? [])];
  }

  all(): IterableIterator<OnlineSession> {
    return this.byId.values();
  }

  /** The line's outstanding reservations, except the one about to be replaced. */
  reservedFor(lineId: string, except: { sessionId: string; ratingGroup: number } | undefined): Reservation[] {
    const out: Reservation[] = [];
    for (const s of this.byLine.get(lineId) ?? []) {
      for (const r of s.reservations.values()) {
        if (except && s.sessionId === except.sessionId && r.ratingGroup === except.ratingGroup) continue;
        out.push(r);
      }
    }
    return out;
  }

  answer(sessionId: string, requestNumber: number): OnlineAnswer | undefined {
    return this.answers.get(`${requestNumber}:${sessionId}`);
  }

  remember(sessionId: string, requestNumber: number, answer: OnlineAnswer): void {
    // Oldest first out: a Map iterates in insertion order.
    if (this.answers.size >= this.answerCacheSize) {
      const oldest = this.answers.keys().next();
      if (!oldest.done) this.answers.delete(oldest.value);
    }
    this.answers.set(`${requestNumber}:${sessionId}`, answer);
  }

  /** An answer whose commit failed: it was never given and must not be. */
  forget(sessionId: string, requestNumber: number): void {
    this.answers.delete(`${requestNumber}:${sessionId}`);
  }
}
