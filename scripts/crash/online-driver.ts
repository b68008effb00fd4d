import { createServer } from "node:net";
import {
  ApplicationId,
  CommandCode,
  connectDiameterPeer,
  type DiameterMessage,
  decodeMessage,
  encodeMessage,
  type Peer,
} from "../../src/network/diameter/index.ts";
import { ccrAvps, decodeCca } from "../../test/peers/gy/gateway.ts";
import type { Finding } from "./checks.ts";
import { type ChildOutcome, runCli } from "./child.ts";
import type { OnlineWorkload, PlannedSession } from "./online-workload.ts";

/** The CLI's defaults: answers carry them, so the in-process reference must use the same. */
export const OCS_HOST = "ocs.garde-fou.local";
export const OCS_REALM = "garde-fou.local";
const GW_HOST = "pgw.crash.example";
const GW_REALM = "crash.example";
/** Every report names rating group 10 (the gateway simulator's default). */
const RATING_GROUP = 10;
/** CCR-I, at most four CCR-U, CCR-T. */
const MAX_REQUESTS = 6;
/** Sessions in flight at once: one per lane, each lane running its lines one after the other. */
export const LANES = 8;
/** Answered requests sent again after each restart, at most. */
const REPLAYS = 48;

type CcrType = 1 | 2 | 3;

/** A request as the gateway built it: sent again unchanged, T flag set, when it had no answer. */
interface Ccr {
  readonly type: CcrType;
  readonly number: number;
  readonly used: number | undefined;
  readonly endToEndId: number;
  /** True once it went out: it is then retransmitted with the T flag, never rebuilt. */
  sent: boolean;
}

interface SessionState {
  readonly plan: PlannedSession;
  readonly chunk: number;
  remaining: number;
  /** The next request, built from the last answer; undefined once the session is over. */
  next: Ccr | undefined;
  /** The last request that got an answer, and that answer (canonical form). */
  answered: { readonly ccr: Ccr; readonly canonical: string } | undefined;
  /** CCR-I answered 2001: the server holds the session until its CCR-T is committed. */
  opened: boolean;
  closed: boolean;
}

/** What the gateway was told: one per (Session-Id, CC-Request-Number). */
export interface Acknowledged {
  readonly sessionId: string;
  readonly requestNumber: number;
  readonly type: CcrType;
  readonly resultCode: number | undefined;
  readonly granted: number | undefined;
  /** Octets of Used-Service-Unit the request reported (0 when none). */
  readonly used: number;
}

export interface GyStats {
  /** Answers received, retransmissions and replays included. */
  answers: number;
  /** Unanswered requests sent again after a restart (T flag, same End-to-End identifier). */
  retransmitted: number;
  /** Answered requests sent again after a restart, answers compared byte for byte. */
  replayed: number;
  /** Requests sent again on the same connection after Tx (10 s) without an answer. */
  tx_timeouts: number;
}

/** The journal record id of a request's used units (src/engine/online/used.ts). */
export const usedRecordId = (sessionId: string, requestNumber: number): string => `gy:${sessionId}:${requestNumber}:${RATING_GROUP}`;

const key = (sessionId: string, requestNumber: number): string => `${requestNumber}#${sessionId}`;

/** An answer with its two identifiers zeroed: what must come out the same on every sending. */
export function canonical(message: DiameterMessage): string {
  return encodeMessage({ ...message, hopByHopId: 0, endToEndId: 0 }).toString("hex");
}

/**
 * A gateway running the workload's Gy sessions over one connection at a time, surviving the
 * connection: what it sent without an answer it sends again, T flag set and the same
 * End-to-End identifier (RFC 6733 §3, §5.5.4), to the restarted server. Each session reports
 * what it used of its grants: a third of its volume per report, never more than the grant,
 * and stops at a final grant (Final-Unit-Indication) or a 4012. Given the same answers it sends
 * the same requests, so a run is comparable answer for answer with a clean one.
 */
export class GyRun {
  readonly stats: GyStats = { answers: 0, retransmitted: 0, replayed: 0, tx_timeouts: 0 };
  readonly acknowledged = new Map<string, Acknowledged>();
  /** Answers as canonical strings, to compare a run with the clean one. */
  readonly answers = new Map<string, string>();
  readonly findings: Finding[] = [];
  private readonly sessions: SessionState[][];
  private nextEndToEnd = 1;
  private mismatches = 0;

  constructor(
    workload: OnlineWorkload,
    /** The clean run's answers; every answer of this run must equal its counterpart. */
    private readonly reference?: ReadonlyMap<string, string>,
  ) {
    this.sessions = workload.lines.map((l) =>
      l.sessions.map((plan) => {
        const s: SessionState = {
          plan,
          chunk: Math.max(1, Math.ceil(plan.bytes / 3)),
          remaining: plan.bytes,
          next: undefined,
          answered: undefined,
          opened: false,
          closed: false,
        };
        s.next = this.ccr(1, 0, undefined);
        return s;
      }),
    );
  }

  get done(): boolean {
    return this.sessions.every((line) => line.every((s) => s.next === undefined));
  }

  /** Requests answered so far (each counted once, however often it was sent). */
  get answered(): number {
    return this.acknowledged.size;
  }

  /** Record ids of the used units reported by an answered request, with their octets. */
  acknowledgedUsage(): Map<string, number> {
    const out = new Map<string, number>();
    for (const a of this.acknowledged.values()) if (a.used > 0) out.set(usedRecordId(a.sessionId, a.requestNumber), a.used);
    return out;
  }

  /** Sessions the server must hold (opened, not closed) and those it must not (closed). */
  sessionStates(): { open: string[]; closed: string[]; closing: Set<string> } {
    const open: string[] = [];
    const closed: string[] = [];
    const closing = new Set<string>();
    for (const line of this.sessions)
      for (const s of line) {
        if (s.closed) closed.push(s.plan.sessionId);
        else if (s.opened) open.push(s.plan.sessionId);
        if (s.next?.type === 3 && s.next.sent) closing.add(s.plan.sessionId);
      }
    return { open, closed, closing };
  }

  /** Requests sent and not answered: (Session-Id, CC-Request-Number) and the octets they report. */
  unanswered(): { sessionId: string; requestNumber: number; used: number }[] {
    const out: { sessionId: string; requestNumber: number; used: number }[] = [];
    for (const line of this.sessions)
      for (const s of line) if (s.next?.sent) out.push({ sessionId: s.plan.sessionId, requestNumber: s.next.number, used: s.next.used ?? 0 });
    return out;
  }

  /**
   * After a restart, before anything else: answered requests sent again (those just before an
   * unanswered one first, then others at random), each answer compared byte for byte with the
   * one received before the kill.
   */
  async replay(peer: Peer, pick: () => number): Promise<void> {
    const candidates: SessionState[] = [];
    const first: SessionState[] = [];
    for (const line of this.sessions)
      for (const s of line) {
        if (s.answered === undefined) continue;
        if (s.next?.sent) first.push(s);
        else candidates.push(s);
      }
    while (first.length < REPLAYS && candidates.length > 0) first.push(...candidates.splice(Math.floor(pick() * candidates.length), 1));
    for (let i = 0; i < first.length; i += LANES) {
      const outcomes = await Promise.all(
        first.slice(i, i + LANES).map(async (s) => {
          const answered = s.answered;
          if (answered === undefined) return true;
          const reply = await this.send(peer, s.plan, answered.ccr, true);
          if (!reply.ok) return false;
          this.stats.replayed++;
          const again = canonical(reply.value);
          if (again !== answered.canonical) {
            this.findings.push({
              code: "replay_differs",
              detail: `${s.plan.sessionId} #${answered.ccr.number}: answered ${describe(answered.canonical)} before the kill, ${describe(again)} after`,
            });
          }
          return true;
        }),
      );
      if (outcomes.includes(false)) return;
    }
  }

  /** Runs every lane until the workload is done or the connection is gone. */
  async drive(peer: Peer): Promise<void> {
    const lanes: SessionState[][] = Array.from({ length: LANES }, () => []);
    for (const [i, line] of this.sessions.entries()) lanes[i % LANES]?.push(...line);
    await Promise.all(lanes.map((lane) => this.runLane(peer, lane)));
  }

  private async runLane(peer: Peer, lane: readonly SessionState[]): Promise<void> {
    for (const s of lane) {
      while (s.next !== undefined) {
        const ccr = s.next;
        const retransmission = ccr.sent;
        ccr.sent = true;
        const reply = await this.send(peer, s.plan, ccr, retransmission);
        if (!reply.ok) {
          // Never written: the connection was closed already.
          if (reply.error.code === "not_open") ccr.sent = retransmission;
          if (reply.error.code === "timeout" && peer.state === "open") {
            this.stats.tx_timeouts++;
            continue;
          }
          return;
        }
        if (retransmission) this.stats.retransmitted++;
        this.answer(s, ccr, reply.value);
      }
    }
  }

  private send(peer: Peer, plan: PlannedSession, ccr: Ccr, retransmitted: boolean) {
    const at = new Date(plan.startMs + ccr.number * 1000);
    const spec =
      ccr.type === 1
        ? { type: ccr.type, number: ccr.number, imsi: plan.imsi, plmn: plan.plmn, at }
        : {
            type: ccr.type,
            number: ccr.number,
            plmn: plan.plmn,
            at,
            ...(ccr.used === undefined ? {} : { used: ccr.used }),
            ...(ccr.type === 3 ? { request: "none" as const } : {}),
          };
    return peer.request({
      applicationId: ApplicationId.creditControl,
      commandCode: CommandCode.creditControl,
      avps: ccrAvps(plan.sessionId, { ...spec, rg: RATING_GROUP }, OCS_REALM),
      endToEndId: ccr.endToEndId,
      retransmitted,
    });
  }

  private answer(s: SessionState, ccr: Ccr, message: DiameterMessage): void {
    this.stats.answers++;
    const cca = decodeCca(message);
    const text = canonical(message);
    const k = key(s.plan.sessionId, ccr.number);
    this.answers.set(k, text);
    const want = this.reference?.get(k);
    // The first five differences of a run are enough to fail it and say where.
    if (this.reference !== undefined && want !== text && this.mismatches++ < 5) {
      this.findings.push({
        code: want === undefined ? "answer_not_in_clean_run" : "answer_differs_from_clean_run",
        detail: `${s.plan.sessionId} #${ccr.number}: ${describe(text)}, clean run ${want === undefined ? "sent no such request" : describe(want)}`,
      });
    }
    this.acknowledged.set(k, {
      sessionId: s.plan.sessionId,
      requestNumber: ccr.number,
      type: ccr.type,
      resultCode: cca.resultCode,
      granted: cca.mscc[0]?.granted,
      used: ccr.used ?? 0,
    });
    s.answered = { ccr, canonical: text };
    if (ccr.type === 1 && cca.resultCode === 2001) s.opened = true;
    if (ccr.type === 3 || cca.resultCode !== 2001) {
      if (ccr.type === 3) s.closed = true;
      s.next = undefined;
      return;
    }
    const mscc = cca.mscc[0];
    const grant = mscc?.resultCode === 2001 ? (mscc.granted ?? 0) : 0;
    if (grant === 0) {
      s.next = this.ccr(3, ccr.number + 1, undefined);
      return;
    }
    const used = Math.min(s.remaining, grant, s.chunk);
    s.remaining -= used;
    const last = s.remaining === 0 || mscc?.finalAction !== undefined || ccr.number + 2 >= MAX_REQUESTS;
    s.next = this.ccr(last ? 3 : 2, ccr.number + 1, used);
  }

  private ccr(type: CcrType, number: number, used: number | undefined): Ccr {
    return { type, number, used, endToEndId: this.nextEndToEnd++, sent: false };
  }
}

/** An answer in a finding: its Result-Code and grant. */
function describe(hex: string): string {
  const decoded = decodeMessage(Buffer.from(hex, "hex"));
  if (!decoded.ok) return "(undecodable)";
  const cca = decodeCca(decoded.value);
  const m = cca.mscc[0];
  return `${cca.resultCode}${m ? ` [${m.resultCode} granted ${m.granted ?? "-"}${m.finalAction === undefined ? "" : " final"}]` : ""}`;
}

/** A port free right now, for one run of the server. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address !== null ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** Connects (CER/CEA) as soon as the server listens; undefined if it is gone first. */
export async function connectWhenUp(port: number, gone: () => boolean): Promise<Peer | undefined> {
  while (!gone()) {
    const connected = await connectDiameterPeer({ host: "127.0.0.1", port, originHost: GW_HOST, originRealm: GW_REALM, connectTimeoutMs: 2000 });
    if (connected.ok) return connected.value;
    await new Promise((r) => setTimeout(r, 50));
  }
  return undefined;
}

export interface ServeOutcome {
  readonly outcome: ChildOutcome;
  /** From the spawn to an open Diameter connection, and to the end of the workload. */
  readonly readyMs: number | undefined;
  readonly doneMs: number | undefined;
}

/** When to kill: that long after the spawn (start-up included), or after the connection opened. */
export type KillAt = { readonly afterSpawnMs: number } | { readonly afterReadyMs: number };

/**
 * `gardefou --db <store> serve --http-port 0 --diameter-port <free port> --no-notices`, with the
 * gateway driving it from here: SIGKILL at `kill` unless the workload ended first, in which case
 * the gateway says DPR and the server gets SIGTERM (its orderly stop).
 */
export async function runServe(db: string, run: GyRun, options: { kill?: KillAt; replay?: () => number }): Promise<ServeOutcome> {
  const port = await freePort();
  const stop = new AbortController();
  const kill = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const killAfter = (ms: number) => {
    timer = setTimeout(() => kill.abort(), ms);
  };
  const started = Date.now();
  let exited = false;
  let readyMs: number | undefined;
  let doneMs: number | undefined;
  const child = runCli(["--db", db, "serve", "--http-port", "0", "--diameter-port", String(port), "--no-notices"], {
    signal: stop.signal,
    kill: kill.signal,
  }).finally(() => {
    exited = true;
  });
  if (options.kill && "afterSpawnMs" in options.kill) killAfter(options.kill.afterSpawnMs);
  const driving = (async () => {
    const peer = await connectWhenUp(port, () => exited);
    if (peer === undefined) return;
    readyMs = Date.now() - started;
    if (options.kill && "afterReadyMs" in options.kill) killAfter(options.kill.afterReadyMs);
    if (options.replay) await run.replay(peer, options.replay);
    await run.drive(peer);
    if (run.done) {
      clearTimeout(timer);
      doneMs = Date.now() - started;
      await peer.disconnect();
    }
  })();
  try {
    await driving;
  } finally {
    // Done, or the connection is gone: either way the server has nothing more to do.
    clearTimeout(timer);
    stop.abort();
  }
  return { outcome: await child, readyMs, doneMs };
}
