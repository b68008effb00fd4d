import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { Random } from "../../src/demo/random.ts";
import { checkAcknowledged, checkAfterCrash, checkComplete, type Finding, type Violation } from "./checks.ts";
import { runCli } from "./child.ts";
import type { Driver } from "./driver.ts";
import { type EnginesStats, enginesIteration } from "./engines-driver.ts";
import { fileDriver } from "./file-driver.ts";
import { type OnlineStats, runOnlineCampaign } from "./online-campaign.ts";
import { buildReference, prepareStore, type Reference } from "./reference.ts";
import { openSql, type Sql } from "./sql.ts";
import { type DbKind, scratchStore, waitForPostgres } from "./stores.ts";
import { IDLE_TAIL_MS, streamDriver } from "./stream-driver.ts";
import { makeWorkload, type Workload } from "./workload.ts";

export type CampaignMode = "file" | "stream" | "online" | "engines";

export interface CampaignOptions {
  readonly runs: number;
  readonly db: DbKind;
  /** `engines` (two `gardefou engine` on PostgreSQL leases) needs `db: "postgres"`. */
  readonly mode: CampaignMode;
  /** Restart the local PostgreSQL cluster mid-import instead of killing the CLI. */
  readonly restartPostgres?: boolean;
  readonly seed?: number;
  /** Lines of the generated segment (records ≈ 70 per line). */
  readonly lines?: number;
  readonly log?: (text: string) => void;
}

export interface CampaignSummary {
  runs: number;
  kills: number;
  /** Kills that left a journal neither empty nor complete: the import was cut in its middle. */
  mid_import: number;
  pg_restarts: number;
  /** Acknowledged record ids looked up in the journal right after a crash (stream: the ack floors). */
  acked_checked: number;
  violations: Violation[];
  db: DbKind;
  mode: CampaignMode;
  records: number;
  seed: number;
  seconds: number;
  /** `--mode online` only: Gy sessions, retransmissions, replayed answers (online-campaign.ts). */
  online?: OnlineStats;
  /** `--mode engines` only: restarts, takeovers, engines that stopped by themselves (engines-driver.ts). */
  engines?: EnginesStats;
}

/** When kills land, in ms from the spawn: after start-up, before the workload is done. */
export interface KillWindow {
  readonly startMs: number;
  fullMs: number;
}

const PG_RESTART = ["--skip-systemctl-redirect", "15", "main", "restart"];

export async function runCampaign(options: CampaignOptions): Promise<CampaignSummary> {
  if (options.mode === "online") return runOnlineCampaign(options);
  if (options.mode === "engines" && options.db !== "postgres") throw new Error("--mode engines needs --db postgres: leases live in PostgreSQL");
  const iterate = options.mode === "engines" ? enginesIteration : iteration;
  const started = Date.now();
  const seed = options.seed ?? Date.now() % 1_000_000;
  const rng = new Random(seed);
  const log = options.log ?? (() => undefined);
  const dir = mkdtempSync(join(tmpdir(), "gardefou-crash-"));
  const summary: CampaignSummary = {
    runs: 0,
    kills: 0,
    mid_import: 0,
    pg_restarts: 0,
    acked_checked: 0,
    violations: [],
    db: options.db,
    mode: options.mode,
    records: 0,
    seed,
    seconds: 0,
  };
  try {
    const workload = makeWorkload(dir, options.lines);
    const refStore = scratchStore(options.db, dir, "reference");
    const ref = await buildReference(refStore.db, workload, join(dir, "reference.rejects.csv"));
    await refStore.drop();
    summary.records = ref.records;
    log(`workload: ${workload.rows} rows, ${ref.records} charged records, ${ref.outboxKeys.size} notices (seed ${seed})`);
    // A clean run of the real CLI, checked like any other: it also times the workload, so that
    // kills land anywhere from start-up to the last commit.
    const fullMs = await iterate(0, options, workload, ref, rng, summary, dir, undefined);
    const startMs = (await runCli(["--help"])).ms;
    // A stream ingest ends after it has been idle for a while: that tail is not worth a kill.
    const window: KillWindow = { startMs, fullMs: options.mode === "stream" ? Math.max(startMs + 500, fullMs - IDLE_TAIL_MS) : fullMs };
    log(`calibration: an uninterrupted run takes ${fullMs} ms, start-up alone ${startMs} ms`);
    for (let i = 1; i <= options.runs; i++) {
      await iterate(i, options, workload, ref, rng, summary, dir, window);
      summary.runs++;
      if (i % 10 === 0 || i === options.runs) log(`${i}/${options.runs}: ${summary.kills} kills, ${summary.violations.length} violation(s)`);
    }
  } finally {
    // Stores that broke a guarantee stay for a look.
    if (summary.violations.length === 0) rmSync(dir, { recursive: true, force: true });
  }
  summary.seconds = Math.round((Date.now() - started) / 1000);
  return summary;
}

/**
 * One iteration of a mode: a fresh store, its kills (none without `window`: the clean run),
 * the workload completed, the checks; returns how long the uninterrupted part took.
 */
export type Iteration = (
  i: number,
  options: CampaignOptions,
  workload: Workload,
  ref: Reference,
  rng: Random,
  summary: CampaignSummary,
  dir: string,
  window: KillWindow | undefined,
) => Promise<number>;

/** One iteration of the file and stream modes: one or two crashes, a run to completion. */
const iteration: Iteration = async (i, options, workload, ref, rng, summary, dir, window) => {
  const store = scratchStore(options.db, dir, `run-${i}`);
  const driver: Driver = options.mode === "file" ? fileDriver(workload, ref, dir) : await streamDriver(workload, ref);
  const report = (phase: string, findings: Finding[]) => {
    for (const f of findings) summary.violations.push({ iteration: i, phase, ...f });
  };
  const before = summary.violations.length;
  try {
    await prepareStore(store.db, workload);
    await driver.prepare();
    let journalRows = 0;
    if (window !== undefined) {
      let crashes = rng.chance(0.3) ? 2 : 1;
      let killedHere = 0;
      for (let k = 1; k <= crashes; k++) {
        // Mostly while records are committed, sometimes during start-up (opening the store,
        // loading counters), where a crash must be just as harmless.
        const from = rng.chance(0.1) ? 0 : window.startMs;
        const at = Math.round(from + (window.fullMs - from) * rng.next());
        // The child may die of the restart before the restart is over: wait for all of it
        // before looking at the store, or the checker would meet a server shutting down.
        let restarting: Promise<void> | undefined;
        const during = options.restartPostgres
          ? () => {
              restarting = restartPostgres();
              return restarting;
            }
          : undefined;
        const outcome = await driver.run(store.db, { killAfterMs: at, ...(during ? { during } : {}) });
        if (options.restartPostgres) {
          if (outcome.interrupted) summary.pg_restarts++;
          // Finished before the restart: narrow the window as for kills, so that restarts land mid-import.
          else window.fullMs = Math.max(window.startMs + 50, Math.round(outcome.ms * 0.9));
          const coded = /\[([a-z_]+)\]/.exec(outcome.stderr)?.[1] ?? "uncoded";
          const ended = outcome.code === 0 ? "import completed" : `exit ${outcome.code} [${coded}]`;
          options.log?.(`restart ${k} at ${at} ms: ${outcome.interrupted ? ended : "after the import"}`);
          await restarting?.catch(() => undefined);
          await waitForPostgres();
          // A restart under a running import must end it with a coded error, or not touch it.
          if (outcome.code !== 0 && !/\[[a-z_]+\]/.test(outcome.stderr))
            report(`restart ${k}`, [
              { code: "uncoded_failure", detail: `exit ${outcome.code}: ${outcome.stderr.trim().split("\n").slice(0, 6).join(" | ").slice(0, 500)}` },
            ]);
        } else if (outcome.killed) {
          summary.kills++;
          killedHere++;
        } else {
          // It finished before the kill: the window was too wide. Narrow it to what a run took
          // and try again (at most 6 runs), so that every iteration has its kill.
          window.fullMs = Math.max(window.startMs + 50, Math.round(outcome.ms * 0.9));
          if (killedHere === 0 && k === crashes && crashes < 6) crashes++;
        }
        journalRows = await checkCrash(store.db, ref, driver.acknowledged, summary, (findings) => report(`after crash ${k} (${at} ms)`, findings));
      }
    }
    const t = Date.now();
    report("completion", await driver.complete(store.db, journalRows));
    const ms = Date.now() - t;
    report("final state", await checkComplete(store.db, ref));
    return ms;
  } finally {
    await driver.dispose();
    // A store that broke a guarantee is kept for a look; the others go.
    if (summary.violations.length === before) await store.drop();
    else options.log?.(`iteration ${i}: kept ${store.db}`);
  }
};

/**
 * The checks right after a kill: the journal as the crash left it, and every record acknowledged
 * so far in it. Returns the journal's rows (counted as mid-import when neither none nor all).
 */
export async function checkCrash(
  db: string,
  ref: Reference,
  acknowledged: (sql: Sql) => Promise<string[]>,
  summary: CampaignSummary,
  report: (findings: Finding[]) => void,
): Promise<number> {
  const sql = await openSql(db);
  try {
    const crash = await checkAfterCrash(sql, ref);
    report(crash.findings);
    const acked = await acknowledged(sql);
    summary.acked_checked += acked.length;
    report(await checkAcknowledged(sql, acked));
    if (crash.journalRows > 0 && crash.journalRows < ref.records) summary.mid_import++;
    return crash.journalRows;
  } finally {
    await sql.close();
  }
}

async function restartPostgres(): Promise<void> {
  await promisify(execFile)("pg_ctlcluster", PG_RESTART);
}
