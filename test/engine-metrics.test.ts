import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, it } from "node:test";
import { jetstream } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";
import { EngineMetrics } from "../src/api/metrics/engine-metrics.ts";
import { App } from "../src/app/index.ts";
import { PartitionedEngine } from "../src/app/partitioned-engine.ts";
import { PARTITIONS } from "../src/domain/index.ts";
import { publishUsage } from "../src/ingest/nats/index.ts";
import { freshSchema, freshStream, NATS_URL, natsSkip, postgresSkip } from "./helpers/servers.ts";
import { FIXTURES, NOVEMBER_2009 } from "./helpers/temp.ts";

const ROOT = new URL("../", import.meta.url).pathname;
const ALL = Array.from({ length: PARTITIONS }, (_, p) => p);
const LINES = ["VAL-0001", "PHY-0001", "L0003", "L0004"];
const skip = (await postgresSkip()) || (await natsSkip());

/** The samples of one metric family: labels text ("" when none) → value. */
function samples(text: string, name: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split("\n")) {
    const m = /^([a-z_]+)(\{[^}]*\})? (\S+)$/.exec(line);
    if (m?.[1] === name) out.set(m[2] ?? "", Number(m[3]));
  }
  return out;
}

const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

async function until<T>(check: () => Promise<T | undefined>, what: string, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function seeded(url: string): Promise<void> {
  const app = await App.open({ dbPath: url, clock: NOVEMBER_2009 });
  await app.importLinesFile(join(FIXTURES, "lines.csv"));
  await app.close();
}

describe("engine metrics: /metrics and /healthz of a partitioned engine", { skip }, () => {
  it("counts leases, commits and lag as they happen, and says 503 once the engine failed", async () => {
    const schema = freshSchema();
    const stream = freshStream();
    const metrics = new EngineMetrics();
    const nc = await connect({ servers: NATS_URL });
    let runner: PartitionedEngine | undefined;
    try {
      await seeded(schema.url);
      const url = await metrics.serve("127.0.0.1", 0);
      const get = async (path: string) => {
        const res = await fetch(`${url}${path}`);
        return { status: res.status, text: await res.text() };
      };
      const scrape = async () => (await get("/metrics")).text;
      assert.equal((await get("/healthz")).status, 503, "starting");

      const started = await PartitionedEngine.start({
        db: schema.url,
        nats: NATS_URL,
        stream: stream.stream,
        subjectPrefix: stream.subjectPrefix,
        durablePrefix: stream.durablePrefix,
        owner: "M",
        partitions: ALL,
        takeover: [],
        leaseSeconds: 2,
        ackWaitMs: 30_000,
        log: () => undefined,
        observer: metrics.observer,
      });
      assert.ok(started.ok);
      const engine = started.runner;
      runner = engine;
      await metrics.attach(engine, { servers: NATS_URL, stream: stream.stream, durablePrefix: stream.durablePrefix, everyMs: 100 });

      // Commits wait until let go: the messages stay unacknowledged, the lag must show them.
      let release: () => void = () => undefined;
      const gate = new Promise<void>((r) => {
        release = r;
      });
      const commit = engine.store.commit.bind(engine.store);
      engine.store.commit = async (batch) => {
        await gate;
        return commit(batch);
      };
      const N = 40;
      const records = Array.from(
        { length: N },
        (_, i) =>
          `{"record_id":"m${i}","line_id":"${LINES[i % LINES.length]}","service":"data","started_at":"2009-10-05T10:00:00Z","bytes_up":1,"bytes_down":2,"serving_plmn":"20801"}`,
      );
      const published = await publishUsage(jetstream(nc), records, { recordsPerMessage: 5, subjectPrefix: stream.subjectPrefix });
      const lagging = await until(async () => {
        const lag = samples(await scrape(), "gardefou_engine_lag_messages");
        return sum(lag) === published.messages ? lag : undefined;
      }, "the lag to count every message published");
      assert.equal(lagging.size, PARTITIONS, "one series per held partition");

      release();
      const text = await until(async () => {
        const t = await scrape();
        const committed = samples(t, "gardefou_engine_records_committed_total").get('{outcome="accepted"}');
        return committed === N && sum(samples(t, "gardefou_engine_lag_messages")) === 0 ? t : undefined;
      }, "every record committed and the lag back to 0");

      assert.match(text, /# TYPE gardefou_engine_commit_seconds histogram/);
      assert.match(text, /# HELP gardefou_engine_partitions_held /);
      assert.equal(samples(text, "gardefou_engine_partitions_held").get(""), PARTITIONS);
      const tokens = samples(text, "gardefou_engine_lease_token");
      assert.equal(tokens.size, PARTITIONS);
      assert.ok([...tokens.values()].every((t) => t >= 1));
      assert.equal(samples(text, "gardefou_engine_partitions_taken_total").get(""), PARTITIONS);
      const commits = samples(text, "gardefou_engine_commit_seconds_count").get("") ?? 0;
      assert.ok(commits > 0 && commits <= published.messages, `${commits} commits`);
      assert.equal(samples(text, "gardefou_engine_commit_seconds_bucket").get('{le="+Inf"}'), commits);
      assert.equal(samples(text, "gardefou_engine_messages_total").get('{outcome="acked"}'), published.messages);
      assert.equal(samples(text, "gardefou_engine_messages_total").get('{outcome="dead_lettered"}'), 0);
      assert.equal(samples(text, "gardefou_engine_lines").get(""), LINES.length);
      assert.deepEqual(JSON.parse((await get("/healthz")).text), { status: "ok", partitions: PARTITIONS });

      // Renewals run every third of the lease; then another engine takes every lease.
      await until(async () => ((samples(await scrape(), "gardefou_engine_lease_renewals_total").get("") ?? 0) > 0 ? true : undefined), "a renewal");
      await engine.store.pool.query("UPDATE partition_leases SET owner = 'thief', token = token + 1, expires_at = now() + interval '1 minute'");
      const failed = await until(async () => {
        const h = await get("/healthz");
        return h.status === 503 ? (JSON.parse(h.text) as { status: string; code: string }) : undefined;
      }, "/healthz to answer 503");
      assert.deepEqual([failed.status, failed.code], ["failed", "lease_lost"]);
      assert.ok((samples(await scrape(), "gardefou_engine_lease_renewal_failures_total").get("") ?? 0) >= 1);
      assert.equal((await get("/nope")).status, 404);
    } finally {
      await runner?.stop();
      await metrics.close();
      await nc.close();
      await stream.drop();
      await schema.drop();
    }
  });

  it("gardefou engine --metrics-port serves them from the CLI, and stops cleanly", async () => {
    const schema = freshSchema();
    const stream = freshStream();
    try {
      await seeded(schema.url);
      const args = ["--import", "tsx", `${ROOT}src/cli/run.ts`, "--db", schema.url, "engine", "--nats", NATS_URL];
      const child = spawn(
        process.execPath,
        [...args, "--stream", stream.stream, "--subjects", stream.subjectPrefix, "--durable", stream.durablePrefix, "--owner", "C", "--metrics-port", "0"],
        { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] },
      );
      let log = "";
      child.stderr.on("data", (d: Buffer) => {
        log += d.toString();
      });
      const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
      try {
        const url = await until(async () => /engine metrics on (http:\/\/\S+)\/metrics/.exec(log)?.[1], `the metrics address (log: ${log})`, 20_000);
        await until(async () => ((await fetch(`${url}/healthz`)).status === 200 ? true : undefined), `/healthz 200 (log: ${log})`, 20_000);
        const text = await (await fetch(`${url}/metrics`)).text();
        assert.equal(samples(text, "gardefou_engine_partitions_held").get(""), PARTITIONS);
        assert.equal(samples(text, "gardefou_engine_lines").get(""), LINES.length);
      } finally {
        child.kill("SIGTERM");
      }
      assert.equal(await exited, 0, log);
    } finally {
      await stream.drop();
      await schema.drop();
    }
  });
});
