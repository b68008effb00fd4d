import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { jetstream, jetstreamManager } from "@nats-io/jetstream";
import { connect, type NatsConnection } from "@nats-io/transport-node";
import pg from "pg";
import { App, DEFAULT_CATALOG, loadCatalogFile, networkDirectory } from "../src/app/index.ts";
import { PARTITIONS } from "../src/domain/index.ts";
import { openEngine, systemClock } from "../src/engine/index.ts";
import { interchangeLines, publishUsage } from "../src/ingest/nats/index.ts";
import { openPostgresStore } from "../src/store/index.ts";
import { report } from "./report.ts";
import { writeWorkload } from "./usage-file.ts";

const PG_URL = process.env.BENCH_PG ?? "postgres://postgres@127.0.0.1:5432/test";
const NATS_URL = process.env.BENCH_NATS ?? "nats://127.0.0.1:4222";
const ROOT = new URL("../", import.meta.url).pathname;
/** Records per stream message, as mediation would batch them (`gardefou publish usage --per-message`). */
const PER_MESSAGE = 500;

interface Run {
  readonly seconds: number;
  /** Records each engine committed, from its own /metrics. */
  readonly perEngine: number[];
  /** Resident memory of each engine at the end, bytes. */
  readonly rss: number[];
  /** Commits (engine batches, one transaction each) and their mean time, seconds. */
  readonly commits: number;
  readonly commitMean: number;
  readonly messages: number;
  /** What the stream stored for the workload: message bodies, subjects and headers. */
  readonly streamBytes: number;
  /** The journal on disk: table with its indexes and TOAST, and the mean row as stored. */
  readonly tableBytes: number;
  readonly rowBytes: number;
  /** Seconds to open an engine on every partition of the store afterwards: what a takeover of them all loads. */
  readonly loadSeconds: number;
  /** The same on half the partitions (0-127): what each of two engines loads at start. */
  readonly loadHalfSeconds: number;
}

/**
 * nats.ingest: records/s end to end, from the first publish on `usage.<p>` to the last record
 * committed in PostgreSQL, with two engines (`gardefou engine` child processes, partitions 0-127
 * and 128-255) consuming their partitions' durable consumers. Baseline: the same workload, same
 * process layout, with one engine owning all 256 partitions; the ratio is the scale-out. Each
 * run has a schema and a stream of its own; the clock stops when the engines' /metrics count
 * every record committed (checked against the journal afterwards).
 */
export async function benchNatsIngest(lines: number, records: number): Promise<void> {
  const admin = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
    const nc = await connect({ servers: NATS_URL, timeout: 2000, reconnect: false });
    await (await jetstreamManager(nc)).getAccountInfo();
    await nc.close();
  } catch (error) {
    await admin.end().catch(() => undefined);
    process.stderr.write(`bench: nats.ingest skipped, no PostgreSQL at ${PG_URL} or NATS JetStream at ${NATS_URL}: ${(error as Error).message}\n`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), "gardefou-bench-nats-"));
  const nc = await connect({ servers: NATS_URL });
  try {
    const { linesFile, usageFile } = await writeWorkload(dir, lines, records);
    const usage = interchangeLines(usageFile, readFileSync(usageFile, "utf8"));
    const one = await run(admin, nc, linesFile, usage, ["0-255"]);
    const two = await run(admin, nc, linesFile, usage, ["0-127", "128-255"]);
    const mib = (b: number) => `${Math.round(b / 2 ** 20)} MiB`;
    report({
      name: "nats.ingest",
      value: records / two.seconds,
      unit: "records/s",
      baseline: records / one.seconds,
      target: "≥ 100,000 records/s",
      notes:
        `${records} records over ${lines} lines, ${two.messages} messages of ≤ ${PER_MESSAGE} records, first publish → last commit; ` +
        `two \`gardefou engine\` processes (0-127: ${two.perEngine[0]} records, 128-255: ${two.perEngine[1]}), ${two.seconds.toFixed(2)} s, ` +
        `${two.commits} commits of ${(two.commitMean * 1000).toFixed(0)} ms on average, RSS ${two.rss.map(mib).join(" / ")}; ` +
        `baseline: one engine owning all 256 partitions, ${one.seconds.toFixed(2)} s, ${one.commits} commits of ${(one.commitMean * 1000).toFixed(0)} ms, RSS ${mib(one.rss[0] ?? 0)}; ` +
        `journal ${(two.tableBytes / records).toFixed(0)} bytes/record on disk with its indexes (rows ${two.rowBytes.toFixed(0)} bytes), ` +
        `stream ${(two.streamBytes / records).toFixed(0)} bytes/record; ` +
        `an engine opening on all partitions afterwards (a takeover's load: ${lines} lines, ${records} journal rows) ${two.loadSeconds.toFixed(2)} s, ` +
        `on half of them (0-127) ${two.loadHalfSeconds.toFixed(2)} s; ` +
        "NATS, PostgreSQL and the engines share the machine's cores",
    });
  } finally {
    await nc.close();
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function run(admin: pg.Client, nc: NatsConnection, linesFile: string, usage: readonly string[], sets: readonly string[]): Promise<Run> {
  const id = randomBytes(4).toString("hex");
  const schema = `bench_nats_${id}`;
  const db = `${PG_URL}?schema=${schema}`;
  const stream = `BN_${id}`;
  const prefix = `bn${id}.usage`;
  const children: ChildProcess[] = [];
  try {
    const app = await App.open({ dbPath: db, watchAnomalies: false });
    await app.importLinesFile(linesFile);
    await app.close();

    const engines = sets.map((set, i) => {
      const child = spawn(
        process.execPath,
        [
          "--import",
          "tsx",
          `${ROOT}src/cli/run.ts`,
          "--db",
          db,
          "engine",
          ...["--nats", NATS_URL, "--stream", stream, "--subjects", prefix, "--durable", `bn${id}`],
          ...["--partitions", set, "--owner", `e${i + 1}`, "--metrics-port", "0"],
        ],
        { stdio: ["ignore", "ignore", "pipe"] },
      );
      children.push(child);
      const engine = { log: "", exited: new Promise<number | null>((resolve) => child.once("exit", resolve)) };
      child.stderr?.on("data", (d: Buffer) => {
        engine.log += d.toString();
      });
      return engine;
    });
    const urls = await Promise.all(
      engines.map((e) =>
        until(
          () => {
            const url = /engine metrics on (http:\/\/\S+)\/metrics/.exec(e.log)?.[1];
            return url && /serving \d+ partition/.test(e.log) ? url : undefined;
          },
          `an engine to serve (log: ${engines.map((x) => x.log).join(" | ")})`,
        ),
      ),
    );

    const t0 = performance.now();
    const published = await publishUsage(jetstream(nc), usage, { recordsPerMessage: PER_MESSAGE, subjectPrefix: prefix });
    const streamBytes = (await (await jetstreamManager(nc)).streams.info(stream)).state.bytes;
    let last: string[] = [];
    await until(async () => {
      last = await Promise.all(urls.map(async (url) => (await fetch(`${url}/metrics`)).text()));
      return last.reduce((n, text) => n + value(text, 'gardefou_engine_records_committed_total{outcome="accepted"}'), 0) >= usage.length ? true : undefined;
    }, "every record committed");
    const seconds = (performance.now() - t0) / 1000;

    const stored = Number((await admin.query<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.usage`)).rows[0]?.n);
    if (stored !== usage.length) throw new Error(`nats.ingest: ${stored} journal rows, expected ${usage.length}`);
    const size = await admin.query<{ total: string; row: string }>(
      `SELECT pg_total_relation_size('${schema}.usage') AS total, (SELECT avg(pg_column_size(u.*)) FROM ${schema}.usage u) AS row`,
    );
    const commits = last.reduce((n, t) => n + value(t, "gardefou_engine_commit_seconds_count"), 0);
    for (const child of children) child.kill("SIGTERM");
    const codes = await Promise.all(engines.map((e) => e.exited));
    if (codes.some((c) => c !== 0)) throw new Error(`nats.ingest: an engine exited with ${codes.join(", ")}: ${engines.map((e) => e.log).join(" | ")}`);
    const loadSeconds = await timeLoad(db, PARTITIONS);
    const loadHalfSeconds = await timeLoad(db, PARTITIONS / 2);
    return {
      seconds,
      perEngine: last.map((t) => value(t, 'gardefou_engine_records_committed_total{outcome="accepted"}')),
      rss: last.map((t) => value(t, "process_resident_memory_bytes")),
      commits,
      commitMean: last.reduce((s, t) => s + value(t, "gardefou_engine_commit_seconds_sum"), 0) / commits,
      messages: published.messages,
      streamBytes,
      tableBytes: Number(size.rows[0]?.total),
      rowBytes: Number(size.rows[0]?.row),
      loadSeconds,
      loadHalfSeconds,
    };
  } finally {
    for (const child of children) child.kill("SIGKILL");
    await (await jetstreamManager(nc)).streams.delete(stream).catch(() => undefined);
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  }
}

/** Opens an engine on partitions 0 to `count` - 1, as a start or a takeover does (lines, counters from the journal, notices, consents). */
async function timeLoad(db: string, count: number): Promise<number> {
  const opened = await openPostgresStore(db);
  if (!opened.ok) throw new Error(opened.message);
  try {
    const catalog = loadCatalogFile(DEFAULT_CATALOG);
    const networks = networkDirectory();
    const t0 = performance.now();
    await openEngine(opened.store, catalog, networks, systemClock, { partitions: new Set(Array.from({ length: count }, (_, p) => p)) });
    return (performance.now() - t0) / 1000;
  } finally {
    await opened.store.close();
  }
}

/** One sample of a Prometheus text exposition, by its name and labels as written; 0 when absent. */
function value(text: string, series: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

async function until<T>(check: () => Promise<T | undefined> | T | undefined, what: string, ms = 120_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`nats.ingest bench: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
