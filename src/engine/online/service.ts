import { EventEmitter } from "node:events";
import type { ConsentRow } from "../../store/index.ts";
import type { ChargingEngine } from "../engine.ts";
import { partitionFilter } from "../open.ts";
import type { Clock } from "../types.ts";
import { processRequest } from "./process.ts";
import { OnlineSession, SessionTable } from "./sessions.ts";
import { DEFAULT_ONLINE_OPTIONS, type OnlineAnswer, type OnlineOptions, type OnlineRequest } from "./types.ts";

/** A session the network should re-authorise (RAR), with where to send it. */
export interface ReauthTarget {
  readonly sessionId: string;
  readonly lineId: string;
  readonly peerHost: string;
  readonly peerRealm: string;
}

export interface OnlineEvents {
  /** A consent re-opened a line: each of its open sessions should be asked to re-authorise. */
  reauthorise: [target: ReauthTarget];
  /** Sessions whose reservations were returned after Tcc without a word from the gateway. */
  expired: [sessionIds: readonly string[]];
}

/**
 * Online charging on top of the engine: Gy sessions, their reservations and their answers.
 * Every request runs as a step inside the engine's writer queue and is answered only after the
 * batch it joined is committed; a retransmission gets the committed answer again.
 */
export class OnlineCharging {
  readonly events = new EventEmitter<OnlineEvents>();
  readonly options: OnlineOptions;
  private readonly onConsent = (c: ConsentRow) => this.reauthoriseLine(c.lineId);

  private constructor(
    readonly engine: ChargingEngine,
    private readonly table: SessionTable,
    private readonly clock: Clock,
    options: Partial<OnlineOptions>,
  ) {
    this.options = { ...DEFAULT_ONLINE_OPTIONS, ...options };
    engine.events.on("consent", this.onConsent);
  }

  /** Rebuilds the open sessions (and their reservations) from the store. */
  static async open(engine: ChargingEngine, clock: Clock, options: Partial<OnlineOptions> = {}): Promise<OnlineCharging> {
    const table = new SessionTable();
    // A partitioned engine takes only the sessions of its own partitions' lines.
    for (const row of await engine.store.online.loadSessions(partitionFilter(engine.partitions))) table.add(OnlineSession.fromRow(row));
    return new OnlineCharging(engine, table, clock, options);
  }

  get openSessions(): number {
    return this.table.size;
  }

  sessionsOf(lineId: string): readonly OnlineSession[] {
    return this.table.ofLine(lineId);
  }

  async handle(req: OnlineRequest): Promise<OnlineAnswer> {
    const known = await this.previousAnswer(req);
    if (known) return known;
    let answer: OnlineAnswer | undefined;
    const key = `${req.requestNumber}:${req.sessionId}`;
    let rated = false;
    await this.engine
      .online((ctx) => {
        // Checked again in the queue: the first copy of a retransmitted request may be just ahead.
        answer = this.table.answer(req.sessionId, req.requestNumber);
        if (answer) return;
        const nowMs = this.clock.now();
        const fresh = processRequest(req, ctx, { engine: this.engine, table: this.table, options: this.options, nowMs });
        answer = fresh;
        if (!kept(fresh)) return;
        this.table.remember(req.sessionId, req.requestNumber, fresh);
        this.uncommitted.add(key);
        rated = true;
        ctx.writes.answers.push({ sessionId: req.sessionId, requestNumber: req.requestNumber, answer: JSON.stringify(fresh), at: ctx.now });
      }, "gy")
      .catch((error: unknown) => {
        // Its commit failed: the answer must never be given, not even to a retransmission.
        if (rated) this.table.forget(req.sessionId, req.requestNumber);
        throw error;
      })
      .finally(() => {
        if (rated) this.uncommitted.delete(key);
      });
    return answer as OnlineAnswer;
  }

  /**
   * Answers rated but not committed yet. A retransmission of one is not answered from memory at
   * once (that would acknowledge usage a crash can still lose): it queues, and is answered after
   * the commit, like the original.
   */
  private readonly uncommitted = new Set<string>();

  private async previousAnswer(req: OnlineRequest): Promise<OnlineAnswer | undefined> {
    const cached = this.table.answer(req.sessionId, req.requestNumber);
    if (cached) return this.uncommitted.has(`${req.requestNumber}:${req.sessionId}`) ? undefined : cached;
    const stored = await this.engine.store.online.findAnswer(req.sessionId, req.requestNumber);
    return stored === undefined ? undefined : (JSON.parse(stored) as OnlineAnswer);
  }

  /**
   * Tcc: returns the reservations of sessions silent for more than twice the validity time.
   * Their unreported usage cannot be charged any more; the headroom they held is free again.
   */
  async supervise(): Promise<readonly string[]> {
    const expired: string[] = [];
    await this.engine.online((ctx) => {
      const limit = this.clock.now() - 2 * this.options.validityS * 1000;
      for (const s of [...this.table.all()]) {
        if (s.lastSeenMs > limit) continue;
        this.table.remove(s);
        ctx.writes.closedSessions.push(s.sessionId);
        expired.push(s.sessionId);
      }
    }, "gy-supervision");
    if (expired.length > 0) this.events.emit("expired", expired);
    return expired;
  }

  /** Runs `supervise` every `intervalMs` until `close`. */
  startSupervision(intervalMs: number): void {
    this.supervision ??= setInterval(() => void this.supervise().catch(() => undefined), intervalMs);
    this.supervision.unref();
  }

  private supervision: NodeJS.Timeout | undefined;

  private reauthoriseLine(lineId: string): void {
    for (const s of this.table.ofLine(lineId)) {
      this.events.emit("reauthorise", { sessionId: s.sessionId, lineId, peerHost: s.peerHost, peerRealm: s.peerRealm });
    }
  }

  close(): void {
    if (this.supervision) clearInterval(this.supervision);
    this.engine.events.off("consent", this.onConsent);
  }
}

/** Answers that change nothing are not kept: asking again gives the same answer anyway. */
function kept(a: OnlineAnswer): boolean {
  return a.result !== "user_unknown" && a.result !== "unknown_session" && a.result !== "session_exists";
}
