import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { jetstream, jetstreamManager } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";
import pg from "pg";
import { App } from "../src/app/index.ts";
import { PartitionedEngine } from "../src/app/partitioned-engine.ts";
import { PARTITIONS, partitionOf } from "../src/domain/index.ts";
import { publishUsage } from "../src/ingest/nats/index.ts";
import { report } from "./report.ts";
import { writeWorkload } from "./usage-file.ts";

const PG_URL = process.env.BENCH_PG ?? "postgres://postgres@127.0.0.1:5432/test";
const NATS_URL = process.env.BENCH_NATS ?? "nats://127.0.0.1:4222";
const ROOT = new URL("../", import.meta.url).pathname;
const ALL = Array.from({ length: PARTITIONS }, (_, p) => p);

/**
 * failover.seconds: engine A (its own process, `gardefou engine --partitions all`) serves every
 * partition; engine B (`--takeover`) waits. A is killed with SIGKILL — no lease released — and
 * the clock runs until a record published right after the kill is committed by B: lease expiry,
 * takeover, B loading the state of `lines` lines and `records` journal rows, and the redelivery of
 * what A never acknowledged. Baseline: the lease duration, the floor of any lease-based failover.
 *
 * With `share` (e.g. 0-127), A serves only those partitions and B stands by for them alone
 * (failover.share.seconds): what B loads is then that share of the store, not the whole.
 */
export async function benchFailover(lines: number, records: number, leaseSeconds = 2, share: readonly number[] = ALL): Promise<void> {
  const name = share.length === PARTITIONS ? "failover.seconds" : "failover.share.seconds";
  const set = share.length === PARTITIONS ? "all" : `${share[0]}-${share.at(-1)}`;
  // The record published after the kill is on a line of the share.
  let probe = 0;
  while (!share.includes(partitionOf(`B${probe}`))) probe++;
  const admin = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
    const nc = await connect({ servers: NATS_URL, timeout: 2000, reconnect: false });
    await (await jetstreamManager(nc)).getAccountInfo();
    await nc.close();
  } catch (error) {
    await admin.end().catch(() => undefined);
    process.stderr.write(`bench: failover.seconds skipped, no PostgreSQL at ${PG_URL} or NATS JetStream at ${NATS_URL}: ${(error as Error).message}\n`);
    return;
  }
  const id = randomBytes(4).toString("hex");
  const schema = `bench_failover_${id}`;
  const db = `${PG_URL}?schema=${schema}`;
  const stream = `BF_${id}`;
  const prefix = `bf${id}.usage`;
  const dir = mkdtempSync(join(tmpdir(), "gardefou-bench-failover-"));
  const nc = await connect({ servers: NATS_URL });
  const child = { kill: () => undefined as unknown };
  let b: PartitionedEngine | undefined;
  try {
    const { linesFile, usageFile } = await writeWorkload(dir, lines, records);
    const app = await App.open({ dbPath: db, watchAnomalies: false });
    await app.importLinesFile(linesFile);
    await app.importUsageFile(usageFile);
    await app.close();

    const common = ["--nats", NATS_URL, "--stream", stream, "--subjects", prefix, "--durable", `bf${id}`, "--lease-seconds", String(leaseSeconds)];
    const a = spawn(process.execPath, ["--import", "tsx", `${ROOT}src/cli/run.ts`, "--db", db, "engine", ...common, "--partitions", set, "--owner", "A"], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    child.kill = () => a.kill("SIGKILL");
    let log = "";
    a.stderr.on("data", (d: Buffer) => {
      log += d.toString();
    });
    await until(async () => log.includes(`serving ${share.length}`), 60_000);
    const started = await PartitionedEngine.start({
      db,
      nats: NATS_URL,
      stream,
      subjectPrefix: prefix,
      durablePrefix: `bf${id}`,
      owner: "B",
      partitions: [],
      takeover: share,
      leaseSeconds,
      ackWaitMs: leaseSeconds * 1000,
      log: () => undefined,
    });
    if (!started.ok) throw new Error(started.message);
    const runner = started.runner;
    b = runner;
    if (runner.held().length !== 0) throw new Error(`failover bench: A does not hold every partition (B took ${runner.held().length}); A: ${log}`);
    const js = jetstream(nc);
    const publish = (rid: string) =>
      publishUsage(
        js,
        [
          `{"record_id":"${rid}","line_id":"B${probe}","service":"data","started_at":"2009-10-05T10:00:00Z","bytes_up":1,"bytes_down":2,"serving_plmn":"20801"}`,
        ],
        {
          subjectPrefix: prefix,
        },
      );
    const stored = async (rid: string) => ((await admin.query(`SELECT 1 FROM ${schema}.usage WHERE record_id = $1`, [rid])).rowCount ?? 0) > 0;
    await publish("before-kill");
    await until(() => stored("before-kill"), 30_000);
    child.kill();
    const t0 = performance.now();
    await publish("after-kill");
    await until(async () => runner.held().length === share.length, 30_000);
    const takeover = (performance.now() - t0) / 1000;
    await until(() => stored("after-kill"), 30_000);
    const seconds = (performance.now() - t0) / 1000;
    report({
      name,
      value: seconds,
      unit: "s",
      baseline: leaseSeconds,
      target: "≤ 5 s",
      notes: `SIGKILL of the engine owning ${share.length === PARTITIONS ? "all" : `${share.length} of the`} ${PARTITIONS} partitions → a record published after the kill committed by the takeover engine; partitions taken after ${takeover.toFixed(2)} s; ${lines} lines and ${records} journal rows in the store, B loading ${share.length === PARTITIONS ? "all of them" : "its share"}; lease ${leaseSeconds} s, ack wait = lease`,
    });
  } finally {
    child.kill();
    await b?.stop();
    await (await jetstreamManager(nc)).streams.delete(stream).catch(() => undefined);
    await nc.close();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function until(check: () => Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`failover bench: timed out after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
