import { setTimeout as sleep } from "node:timers/promises";
import { checkCrash, type Iteration } from "./campaign.ts";
import { checkComplete, type Finding } from "./checks.ts";
import { type ChildOutcome, runCli } from "./child.ts";
import { prepareStore, type Reference } from "./reference.ts";
import { num, openSql } from "./sql.ts";
import { scratchStore } from "./stores.ts";
import { checkStats, NATS_URL, type PublishedStream, publishedStream } from "./stream-driver.ts";

/** `--mode engines`: what happened to the engines over the campaign (clean run included). */
export interface EnginesStats {
  /** Restarts of a killed engine (or of a new one when none was left). */
  restarts: number;
  /** Iterations whose two engines were both killed. */
  double_kills: number;
  /** Partitions taken by an engine that was already serving, or by a restarted one: a dead engine's. */
  takeovers: number;
  partitions_moved: number;
  /** Engines that stopped by themselves (a lease lost under load): coded, and not a violation. */
  self_stops: number;
  /** The longest wait, after the last kill, until every message was committed and acknowledged. */
  drain_max_s: number;
}

export function enginesStats(): EnginesStats {
  return { restarts: 0, double_kills: 0, takeovers: 0, partitions_moved: 0, self_stops: 0, drain_max_s: 0 };
}

/** Short, so that a dead engine's partitions move within seconds; its in-flight messages come back after the consumers' 2 s ack wait. */
const LEASE_S = 2;
const HALVES = ["0-127", "128-255"] as const;
/** Every record committed and acknowledged within this after the last kill, or the iteration fails. */
const DRAIN_MS = 120_000;

interface Engine {
  readonly owner: string;
  readonly half: 0 | 1;
  readonly outcome: Promise<ChildOutcome>;
  readonly term: AbortController;
  readonly kill: AbortController;
  exited: boolean;
  /** Stopped by the campaign (SIGKILL or SIGTERM), not by itself. */
  stopped: boolean;
  /** It took leases (said "serving"): killed before, it leaves its half never held, and a standby never takes those. */
  served: boolean;
}

/**
 * One iteration of `--mode engines`: the workload published into a stream of its own, two
 * `gardefou engine` processes on PostgreSQL leases (half the partitions each, both with
 * `--takeover`), one of them killed at a random moment of the ingest, sometimes the other one
 * too; a killed engine restarted after a random delay, or not (the survivor takes its
 * partitions once its lease lapsed). Then every message committed and acknowledged, the engines
 * stopped with SIGTERM, and the store checked. Returns the time from the first engine serving
 * to the drain.
 */
export const enginesIteration: Iteration = async (i, options, workload, ref, rng, summary, dir, window) => {
  summary.engines ??= enginesStats();
  const stats = summary.engines;
  const log = options.log ?? (() => undefined);
  const store = scratchStore("postgres", dir, `run-${i}`);
  const s = await publishedStream(workload, ref);
  const before = summary.violations.length;
  const report = (phase: string, findings: Finding[]) => {
    for (const f of findings) summary.violations.push({ iteration: i, phase, ...f });
  };
  const engines: Engine[] = [];
  const incarnations: [number, number] = [0, 0];
  let selfStops = 0;
  /** When the first engine started serving: kills are timed from there, over the ingest. */
  let serving: () => void = () => undefined;
  const firstServing = new Promise<number>((resolve) => {
    serving = () => resolve(Date.now());
  });
  const start = (half: 0 | 1): Engine => {
    const owner = `${"ab"[half]}${++incarnations[half]}`;
    // An initial engine's first partitions are its own half; any other grant is a dead engine's.
    let ownHalf = incarnations[half] === 1;
    let pending = "";
    const onStderr = (text: string) => {
      pending += text;
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        const took = /: serving \d+ partition\(s\) \(.*\); took (.+)$/.exec(line)?.[1];
        if (took === undefined) continue;
        engine.served = true;
        serving();
        if (ownHalf) {
          ownHalf = false;
          continue;
        }
        stats.takeovers++;
        stats.partitions_moved += countRange(took);
        log(`iteration ${i}: ${line.trim()}`);
      }
    };
    const term = new AbortController();
    const kill = new AbortController();
    const args = ["--db", store.db, "engine", "--nats", NATS_URL, "--stream", s.stream, "--subjects", s.prefix, "--durable", s.durable];
    const outcome = runCli([...args, "--partitions", HALVES[half], "--takeover", "--owner", owner, "--lease-seconds", String(LEASE_S)], {
      signal: term.signal,
      kill: kill.signal,
      onStderr,
    });
    const engine: Engine = { owner, half, outcome, term, kill, exited: false, stopped: false, served: false };
    void outcome.then((o) => {
      engine.exited = true;
      if (engine.stopped) return;
      // Stopping by itself is allowed (a lease lost when the machine stalls past it), with its reason.
      stats.self_stops++;
      selfStops++;
      const coded = /\[([a-z_]+)\]/.exec(o.stderr)?.[1];
      log(`iteration ${i}: engine ${owner} stopped by itself: exit ${o.code} [${coded ?? "uncoded"}]`);
      if (coded === undefined) report(`engine ${owner}`, [{ code: "uncoded_failure", detail: `exit ${o.code}: ${tail(o.stderr)}` }]);
    });
    engines.push(engine);
    return engine;
  };
  const alive = () => engines.filter((e) => !e.exited);
  try {
    await prepareStore(store.db, workload);
    await s.publish();
    const t0 = Date.now();
    start(0);
    start(1);
    let journalRows = 0;
    let killed = 0;
    let lastKill = t0;
    if (window !== undefined) {
      const crashes = rng.chance(0.3) ? 2 : 1;
      // Mostly while records are committed (`fullMs`: the clean run's ingest, from the first
      // engine serving to the drain), sometimes during start-up (leases, loading).
      const duringStartUp = rng.chance(0.1);
      const from = duringStartUp ? t0 : await Promise.race([firstServing, sleep(60_000, Date.now() + 60_000, { ref: false })]);
      let at = Math.round(from - t0 + (duringStartUp ? window.startMs : window.fullMs) * rng.next());
      for (let k = 1; k <= crashes; k++) {
        await sleep(Math.max(0, t0 + at - Date.now()));
        const candidates = alive();
        const victim = candidates[rng.int(0, candidates.length - 1)];
        if (victim === undefined) break;
        victim.stopped = true;
        victim.kill.abort();
        await victim.outcome;
        lastKill = Date.now();
        summary.kills++;
        killed++;
        const phase = `after kill ${k} of ${victim.owner} (${at} ms)`;
        journalRows = await checkCrash(store.db, ref, s.acknowledged, summary, (findings) => report(phase, findings));
        // Everything was in by then: the window was too wide.
        if (k === 1 && !duringStartUp && journalRows === ref.records) window.fullMs = Math.max(50, Math.round((t0 + at - from) * 0.9));
        // Restarted, after up to one and a half leases (before or after the survivor took over), or
        // not. Killed before it took its leases, its half is free, never taken over: restarted.
        if (alive().length === 0 || !victim.served || rng.chance(0.5)) {
          await sleep(Math.round(rng.next() * 1.5 * LEASE_S * 1000));
          start(victim.half);
          stats.restarts++;
        }
        // A second kill within two leases: often during a takeover or a restart's loading.
        at = Date.now() - t0 + Math.round(rng.next() * 2 * LEASE_S * 1000);
      }
      if (killed === 2 && new Set(engines.filter((e) => e.stopped).map((e) => e.half)).size === 2) stats.double_kills++;
    }
    const drainedAt = await drain(store.db, s, ref, () => {
      // Nobody left to take the partitions (every engine stopped by itself): start both halves again.
      if (alive().length > 0) return;
      start(0);
      start(1);
      stats.restarts += 2;
    });
    if (drainedAt === undefined)
      report("completion", [{ code: "not_drained", detail: `${await s.outstanding()} message(s) outstanding after ${DRAIN_MS} ms` }]);
    else if (killed > 0) stats.drain_max_s = Math.max(stats.drain_max_s, Math.round((drainedAt - lastKill) / 100) / 10);
    // The ingest's duration, from the first engine serving (the clean run's calibrates the kills).
    const ms = (drainedAt ?? Date.now()) - (await Promise.race([firstServing, t0]));
    for (const e of alive()) {
      e.stopped = true;
      e.term.abort();
    }
    for (const e of engines) {
      const o = await e.outcome;
      // SIGTERM before the engine took any lease may end it before its handler is installed (exit
      // by the signal, code null): harmless, it held nothing. Once serving, it must stop cleanly.
      if (e.stopped && !o.killed && o.code !== 0 && (e.served || o.code !== null))
        report("completion", [{ code: "stop_failed", detail: `engine ${e.owner}: exit ${o.code}: ${tail(o.stderr)}` }]);
    }
    // The ingests that stopped cleanly recorded what they did; a killed engine's last one did not.
    // An engine that stopped by itself recorded nothing of its last ingest either: then only the upper bound holds.
    const totals = await ingestTotals(store.db, s.stream);
    report("completion", checkStats(totals, ref, selfStops > 0 ? ref.records : journalRows, killed + selfStops > 0));
    report("final state", await checkComplete(store.db, ref));
    return ms;
  } finally {
    for (const e of alive()) {
      e.stopped = true;
      e.kill.abort();
    }
    await Promise.all(engines.map((e) => e.outcome));
    await s.dispose();
    if (summary.violations.length === before) await store.drop();
    else log(`iteration ${i}: kept ${store.db}`);
  }
};

/** Waits until the journal is complete and no consumer has anything pending; returns when, or undefined. */
async function drain(db: string, s: PublishedStream, ref: Reference, keepAlive: () => void): Promise<number | undefined> {
  const until = Date.now() + DRAIN_MS;
  const sql = await openSql(db);
  try {
    while (Date.now() < until) {
      keepAlive();
      const [row] = await sql.rows<{ n: unknown }>("SELECT COUNT(*) AS n FROM usage");
      if (num(row?.n) >= ref.records && (await s.outstanding()) === 0) return Date.now();
      await sleep(200);
    }
    return undefined;
  } finally {
    await sql.close();
  }
}

async function ingestTotals(db: string, stream: string) {
  const sql = await openSql(db);
  try {
    const [row] = await sql.rows<Record<"read" | "accepted" | "duplicates" | "rejected", unknown>>(
      `SELECT COALESCE(SUM(read), 0) AS read, COALESCE(SUM(accepted), 0) AS accepted, COALESCE(SUM(duplicates), 0) AS duplicates,
              COALESCE(SUM(rejected), 0) AS rejected FROM imports WHERE source = 'nats:${stream}'`,
    );
    return { read: num(row?.read), accepted: num(row?.accepted), duplicates: num(row?.duplicates), rejected: num(row?.rejected) };
  } finally {
    await sql.close();
  }
}

/** Partitions in "0-127,200". */
function countRange(text: string): number {
  let n = 0;
  for (const part of text.split(",")) {
    const [a, b] = part.split("-").map(Number);
    if (a !== undefined && Number.isInteger(a)) n += b === undefined ? 1 : b - a + 1;
  }
  return n;
}

function tail(stderr: string): string {
  return stderr.trim().slice(-300);
}
