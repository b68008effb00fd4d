import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, startNetwork } from "../../src/app/index.ts";
import { Random } from "../../src/demo/random.ts";
import type { CampaignOptions, CampaignSummary } from "./campaign.ts";
import { checkAfterCrash, checkComplete, type Finding, type JournalReference } from "./checks.ts";
import { checkOnlineAfterCrash, checkOnlineComplete } from "./online-checks.ts";
import { connectWhenUp, GyRun, type KillAt, OCS_HOST, OCS_REALM, runServe } from "./online-driver.ts";
import { makeOnlineWorkload, type OnlineWorkload } from "./online-workload.ts";
import { readJournal, snapshotCounters } from "./reference.ts";
import { openSql } from "./sql.ts";
import { scratchStore } from "./stores.ts";

/** The clean run of the sessions: its journal, notices, counters, and every answer it got. */
export interface OnlineReference extends JournalReference {
  readonly answers: ReadonlyMap<string, string>;
}

export interface OnlineStats {
  sessions: number;
  /** CCRs of the clean run (one answer each). */
  ccrs: number;
  /** Answers received by the gateway over the whole campaign, clean runs included. */
  answers: number;
  retransmitted: number;
  committed_unanswered: number;
  replayed: number;
  tx_timeouts: number;
  /** Iterations run again on a fresh store because the workload ended before the kill. */
  unkilled_attempts: number;
}

/** Kills within the load, scaled to what is left of it; never more than this many tries per iteration. */
const ATTEMPTS = 3;

async function loadLines(db: string, linesCsv: string): Promise<void> {
  const app = await App.open({ dbPath: db, watchAnomalies: false });
  try {
    await app.importLinesText(linesCsv, "lines.csv");
  } finally {
    await app.close();
  }
}

/**
 * The sessions once, uninterrupted, against the engine in this process (the CLI's Origin-Host and
 * realm, so that answers encode the same): what every iteration must end up equal to.
 */
export async function buildOnlineReference(db: string, workload: OnlineWorkload, run = new GyRun(workload)): Promise<OnlineReference> {
  await loadLines(db, workload.linesCsv);
  const app = await App.open({ dbPath: db, watchAnomalies: false });
  let counters: JournalReference["counters"];
  try {
    const net = await startNetwork(app, { port: 0, host: "127.0.0.1", originHost: OCS_HOST, originRealm: OCS_REALM, supervisionIntervalMs: 0 });
    try {
      const peer = await connectWhenUp(net.port, () => false);
      if (peer === undefined) throw new Error("reference: no Diameter connection");
      await run.drive(peer);
      await peer.disconnect();
      if (!run.done) throw new Error("reference: the sessions did not all end");
    } finally {
      await net.close();
    }
    counters = snapshotCounters(app);
  } finally {
    await app.close();
  }
  return { ...(await readJournal(db)), counters, answers: run.answers };
}

/**
 * `--mode online`: the real CLI serving Gy (`gardefou serve`), a gateway in this process running
 * the sessions, SIGKILL once or twice per iteration at a random moment of the load, the gateway
 * retransmitting what was unanswered to the restarted server; then the store checked.
 */
export async function runOnlineCampaign(options: CampaignOptions): Promise<CampaignSummary> {
  const started = Date.now();
  const seed = options.seed ?? Date.now() % 1_000_000;
  const rng = new Random(seed);
  const log = options.log ?? (() => undefined);
  const dir = mkdtempSync(join(tmpdir(), "gardefou-crash-"));
  const online: OnlineStats = {
    sessions: 0,
    ccrs: 0,
    answers: 0,
    retransmitted: 0,
    committed_unanswered: 0,
    replayed: 0,
    tx_timeouts: 0,
    unkilled_attempts: 0,
  };
  const summary: CampaignSummary = {
    runs: 0,
    kills: 0,
    mid_import: 0,
    pg_restarts: 0,
    acked_checked: 0,
    violations: [],
    db: options.db,
    mode: "online",
    records: 0,
    seed,
    seconds: 0,
    online,
  };
  try {
    const workload = makeOnlineWorkload(options.lines);
    const refStore = scratchStore(options.db, dir, "reference");
    const ref = await buildOnlineReference(refStore.db, workload);
    await refStore.drop();
    summary.records = ref.records;
    online.sessions = workload.sessions;
    online.ccrs = ref.answers.size;
    log(`workload: ${workload.lines.length} lines, ${workload.sessions} Gy sessions, ${ref.answers.size} CCRs, ${ref.records} charged reports (seed ${seed})`);
    const clean = await iteration(0, options, workload, ref, rng, summary, dir, undefined);
    const window = { startMs: clean.readyMs, loadMs: clean.loadMs };
    log(`calibration: the server answers after ${clean.readyMs} ms, the sessions take ${clean.loadMs} ms more`);
    for (let i = 1; i <= options.runs; i++) {
      await iteration(i, options, workload, ref, rng, summary, dir, window);
      summary.runs++;
      if (i % 10 === 0 || i === options.runs) log(`${i}/${options.runs}: ${summary.kills} kills, ${summary.violations.length} violation(s)`);
    }
  } finally {
    if (summary.violations.length === 0) rmSync(dir, { recursive: true, force: true });
  }
  summary.seconds = Math.round((Date.now() - started) / 1000);
  return summary;
}

/** One iteration (tried again on a fresh store, up to ATTEMPTS, if no kill landed in the load). */
async function iteration(
  i: number,
  options: CampaignOptions,
  workload: OnlineWorkload,
  ref: OnlineReference,
  rng: Random,
  summary: CampaignSummary,
  dir: string,
  window: { readonly startMs: number; loadMs: number } | undefined,
): Promise<{ readyMs: number; loadMs: number }> {
  const online = summary.online as OnlineStats;
  for (let attempt = 1; ; attempt++) {
    const store = scratchStore(options.db, dir, `run-${i}-${attempt}`);
    const run = new GyRun(workload, ref.answers);
    const before = summary.violations.length;
    const report = (phase: string, findings: Finding[]) => {
      for (const f of findings) summary.violations.push({ iteration: i, phase, ...f });
    };
    const drain = (phase: string) => report(phase, run.findings.splice(0));
    let killed = 0;
    try {
      await loadLines(store.db, workload.linesCsv);
      let restarted = false;
      const replay = () => rng.next();
      if (window !== undefined) {
        const crashes = rng.chance(0.3) ? 2 : 1;
        for (let k = 1; k <= crashes && !run.done; k++) {
          // Mostly while CCRs are answered, counted from the moment the server accepted the
          // gateway (start-up time varies by seconds on a busy machine) over what is left of
          // the load; sometimes during start-up (opening the store, loading counters and
          // sessions), counted from the spawn.
          const left = Math.max(0.05, 1 - run.answered / ref.answers.size);
          const kill: KillAt = rng.chance(0.1)
            ? { afterSpawnMs: Math.round(window.startMs * rng.next()) }
            : { afterReadyMs: Math.round(window.loadMs * left * rng.next()) };
          const served = await runServe(store.db, run, { kill, ...(restarted ? { replay } : {}) });
          restarted = true;
          const phase = `crash ${k} (${"afterSpawnMs" in kill ? `${kill.afterSpawnMs} ms after the spawn` : `${kill.afterReadyMs} ms into the load`})`;
          drain(phase);
          if (served.outcome.killed) {
            summary.kills++;
            killed++;
          } else if (!run.done) {
            report(phase, [{ code: "run_failed", detail: `exit ${served.outcome.code}: ${served.outcome.stderr.trim().slice(-300)}` }]);
          } else if (served.readyMs !== undefined && served.doneMs !== undefined) {
            // It finished before the kill: the window was too wide.
            window.loadMs = Math.min(window.loadMs, Math.max(100, Math.round(((served.doneMs - served.readyMs) / left) * 0.9)));
          }
          const sql = await openSql(store.db);
          try {
            const crash = await checkAfterCrash(sql, ref);
            report(phase, crash.findings);
            const checked = await checkOnlineAfterCrash(sql, run);
            report(phase, checked.findings);
            summary.acked_checked += checked.acked;
            online.committed_unanswered += checked.committedUnanswered;
            if (served.outcome.killed && crash.journalRows > 0 && crash.journalRows < ref.records) summary.mid_import++;
          } finally {
            await sql.close();
          }
        }
      }
      const t = Date.now();
      const served = await runServe(store.db, run, restarted ? { replay } : {});
      drain("completion");
      if (!run.done || served.outcome.code !== 0)
        report("completion", [{ code: "run_failed", detail: `exit ${served.outcome.code}, done ${run.done}: ${served.outcome.stderr.trim().slice(-300)}` }]);
      report("final state", await checkComplete(store.db, ref));
      report("final state", await checkOnlineComplete(store.db, run));
      const loadMs = (served.doneMs ?? Date.now() - t) - (served.readyMs ?? 0);
      if (window === undefined || killed > 0 || attempt >= ATTEMPTS) return { readyMs: served.readyMs ?? 0, loadMs };
      online.unkilled_attempts++;
    } finally {
      for (const k of ["answers", "retransmitted", "replayed", "tx_timeouts"] as const) online[k] += run.stats[k];
      if (summary.violations.length === before) await store.drop();
      else options.log?.(`iteration ${i}: kept ${store.db}`);
    }
  }
}
