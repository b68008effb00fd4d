import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { describe, it } from "node:test";
import { jetstream } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";
import { App, loadCatalogFile, networkDirectory } from "../src/app/index.ts";
import { PartitionedEngine } from "../src/app/partitioned-engine.ts";
import { DEFAULT_CATALOG } from "../src/app/reference.ts";
import { PARTITIONS, type Period, partitionOf } from "../src/domain/index.ts";
import { type ChargingEngine, openEngine, type UsageInput } from "../src/engine/index.ts";
import { publishUsage } from "../src/ingest/nats/index.ts";
import { openPostgresStore, type PostgresStore } from "../src/store/index.ts";
import { leaseFence, PostgresLeases } from "../src/store/postgres/leases.ts";
import { freshSchema, freshStream, NATS_URL, natsSkip, postgresSkip } from "./helpers/servers.ts";
import { FIXTURES, NOVEMBER_2009 } from "./helpers/temp.ts";

const ALL = Array.from({ length: PARTITIONS }, (_, p) => p);
const ROOT = new URL("../", import.meta.url).pathname;
const skip = (await postgresSkip()) || (await natsSkip());

function record(recordId: string, lineId: string): UsageInput {
  return {
    recordId,
    lineId,
    imsi: undefined,
    msisdn: undefined,
    service: "data",
    startedMs: Date.parse("2009-10-02T10:00:00+02:00"),
    durationS: 60,
    bytesUp: 1024,
    bytesDown: 9216,
    servingPlmn: "20801",
    ratingGroup: undefined,
    sessionId: undefined,
    lineNo: 1,
    raw: recordId,
  };
}

async function seeded(url: string): Promise<void> {
  const app = await App.open({ dbPath: url, clock: NOVEMBER_2009 });
  await app.importLinesFile(join(FIXTURES, "lines.csv"));
  await app.close();
}

async function open(url: string): Promise<PostgresStore> {
  const opened = await openPostgresStore(url);
  assert.ok(opened.ok);
  return opened.store;
}

async function count(store: PostgresStore, table: "usage" | "rejects" | "outbox"): Promise<number> {
  return Number((await store.pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n);
}

describe("partitioned engines: leases and fencing on PostgreSQL", { skip: await postgresSkip() }, () => {
  const catalog = loadCatalogFile(DEFAULT_CATALOG);
  const networks = networkDirectory();

  it("refuses a stale owner's commit once another engine took its partitions, and stores nothing of it", async () => {
    const schema = freshSchema();
    const a = await open(schema.url);
    const b = await open(schema.url);
    try {
      await seeded(schema.url);
      const heldA = await new PostgresLeases(a.pool).acquire("A", { free: ALL, orphaned: [] }, 30);
      assert.equal(heldA.size, PARTITIONS);
      a.fence = leaseFence("A", () => heldA);
      const engineA = await openEngine(a, catalog, networks, NOVEMBER_2009, { partitions: new Set(ALL) });
      assert.equal((await engineA.submit([record("r1", "L0003")], "t")).accepted, 1);
      const october = "2009-10" as Period;
      const committed = Array.from(engineA.countersOf("L0003", october)?.values ?? []);

      // A is alive but, say, paused past its lease: B sees the lease lapse and takes over.
      const leasesB = new PostgresLeases(b.pool);
      assert.equal((await leasesB.acquire("B", { free: [], orphaned: ALL }, 30)).size, 0, "a live lease is not taken");
      await b.pool.query("UPDATE partition_leases SET expires_at = now() - interval '1 second'");
      const heldB = await leasesB.acquire("B", { free: [], orphaned: ALL }, 30);
      assert.equal(heldB.size, PARTITIONS);
      const p = partitionOf("L0003");
      assert.ok((heldB.get(p) as number) > (heldA.get(p) as number), "the new owner's token is larger");

      // A's next batch (usage, a notice perhaps, anything) is refused whole; A stops.
      await assert.rejects(engineA.submit([record("r2", "L0003"), record("r3", "VAL-0001")], "t"), /lease lost on partition/);
      await assert.rejects(engineA.submit([record("r4", "L0003")], "t"), /engine stopped/);
      assert.equal(await count(b, "usage"), 1, "only the batch committed before the takeover");
      assert.equal(await count(b, "rejects"), 0);
      assert.equal((await new PostgresLeases(a.pool).renew("A", heldA, 30)).size, 0, "A cannot renew either");

      // B loads the state A committed — not A's memory, which rated r2 before its commit was
      // refused — and carries on, r2 included (it was never charged).
      b.fence = leaseFence("B", () => heldB);
      const engineB = await openEngine(b, catalog, networks, NOVEMBER_2009, { partitions: new Set(ALL) });
      assert.deepEqual(Array.from(engineB.countersOf("L0003", october)?.values ?? []), committed);
      const again = await engineB.submit([record("r1", "L0003"), record("r2", "L0003")], "t");
      assert.deepEqual([again.duplicates, again.accepted], [1, 1]);
    } finally {
      await a.close();
      await b.close();
      await schema.drop();
    }
  });

  it("an engine owning some partitions loads only their lines and refuses others' records as wrong_partition", async () => {
    const schema = freshSchema();
    const store = await open(schema.url);
    try {
      await seeded(schema.url);
      const mine = partitionOf("L0003");
      assert.notEqual(partitionOf("VAL-0001"), mine);
      const engine = await openEngine(store, catalog, networks, NOVEMBER_2009, { partitions: new Set([mine]) });
      assert.ok(engine.lines.get("L0003"));
      assert.equal(engine.lines.get("VAL-0001"), undefined, "another partition's line is not loaded");
      const result = await engine.submit([record("w1", "L0003"), record("w2", "VAL-0001"), record("w3", "NOPE")], "t");
      assert.equal(result.accepted, 1);
      const codes = Object.fromEntries(result.rejects.map((r) => [r.recordId, r.code]));
      assert.equal(codes.w2, "wrong_partition");
      assert.equal(codes.w3, partitionOf("NOPE") === mine ? "unknown_line" : "wrong_partition");
    } finally {
      await store.close();
      await schema.drop();
    }
  });

  it("without leases (one process, every partition) nothing changes: no fence, no lease taken", async () => {
    const schema = freshSchema();
    try {
      await seeded(schema.url);
      const app = await App.open({ dbPath: schema.url, clock: NOVEMBER_2009 });
      try {
        assert.equal(
          (
            await app.importUsageText(
              `record_id,line_id,service,started_at,bytes_up,bytes_down,serving_plmn\nx1,VAL-0001,data,2009-10-02T10:00:00Z,1,1,20801\n`,
              "csv",
              "t",
            )
          ).accepted,
          1,
        );
        const store = app.store as PostgresStore;
        assert.equal(store.fence, undefined);
        const owned = await store.pool.query("SELECT 1 FROM partition_leases WHERE owner IS NOT NULL");
        assert.equal(owned.rowCount, 0);
        assert.equal(app.engine.partitions, undefined);
      } finally {
        await app.close();
      }
    } finally {
      await schema.drop();
    }
  });

  it("records a consent only under the line's lease: a stale owner's is refused and not stored", async () => {
    const schema = freshSchema();
    const store = await open(schema.url);
    try {
      await seeded(schema.url);
      const leases = new PostgresLeases(store.pool);
      const p = partitionOf("L0003");
      const held = await leases.acquire("A", { free: [p], orphaned: [] }, 30);
      store.fence = leaseFence("A", () => held);
      const consent = { lineId: "L0003", period: "2009-10" as Period, capId: "eu-roaming-data", at: "2009-10-20T10:00:00.000Z", actor: "care", channel: "web" };
      await store.recordConsent(consent);
      await store.pool.query("UPDATE partition_leases SET expires_at = now() - interval '1 second' WHERE partition = $1", [p]);
      assert.equal((await leases.acquire("B", { free: [], orphaned: [p] }, 30)).size, 1, "B took the partition over");
      await assert.rejects(store.recordConsent({ ...consent, period: "2009-11" as Period }), /lease lost on partition/);
      await assert.rejects(store.recordConsent({ ...consent, lineId: "VAL-0001" }), /no lease on partition/);
      assert.deepEqual(
        (await store.loadConsents()).map((c) => c.period),
        ["2009-10"],
        "only the consent recorded under the lease",
      );
    } finally {
      await store.close();
      await schema.drop();
    }
  });

  it("refuses to close a period while partitioned engines run: they would bill its late usage into it", async () => {
    const schema = freshSchema();
    try {
      await seeded(schema.url);
      const app = await App.open({ dbPath: schema.url, clock: NOVEMBER_2009 });
      const leases = new PostgresLeases((app.store as PostgresStore).pool);
      try {
        const held = await leases.acquire("e1", { free: [1, 2], orphaned: [] }, 30);
        await assert.rejects(app.closePeriod("2009-10", "test"), (e: Error & { code?: string }) => e.code === "engines_running" && /e1/.test(e.message));
        assert.deepEqual(await app.store.closedPeriods(), [], "nothing closed");
        await leases.release("e1", held, 30);
        assert.ok((await app.closePeriod("2009-10", "test")).length > 0, "closed once the engine stopped");
      } finally {
        await app.close();
      }
    } finally {
      await schema.drop();
    }
  });

  it("a clean stop gives the leases back: its engine may come back at once, a standby takes them one lease later", async () => {
    const schema = freshSchema();
    const store = await open(schema.url);
    try {
      const leases = new PostgresLeases(store.pool);
      const [mine, never] = [7, 8];
      const a = await leases.acquire("A", { free: [mine], orphaned: [] }, 30);
      assert.deepEqual([...a.keys()], [mine]);
      assert.equal((await leases.acquire("S", { free: [], orphaned: [mine, never] }, 30)).size, 0, "held: a standby waits");
      await leases.release("A", a, 1);
      assert.equal((await leases.acquire("S", { free: [], orphaned: [mine] }, 30)).size, 0, "just released: left for its engine");
      const back = await leases.acquire("A2", { free: [mine], orphaned: [] }, 30);
      assert.deepEqual([...back.entries()], [[mine, 2]], "its engine, restarted, takes it at once under a new token");
      await leases.release("A2", back, 1);
      await new Promise((r) => setTimeout(r, 1200));
      const taken = await leases.acquire("S", { free: [], orphaned: [mine, never] }, 30);
      assert.deepEqual([...taken.entries()], [[mine, 3]], "a lease after the release, the standby takes it; never a partition no engine has held");
    } finally {
      await store.close();
      await schema.drop();
    }
  });
});

async function until<T>(check: () => Promise<T | undefined> | T | undefined, ms: number, what: string): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("partitioned engines: failover", { skip }, () => {
  it("an engine that takes a partition over loads that partition's lines and counters, and still only what it owns", async () => {
    const schema = freshSchema();
    const stream = freshStream();
    let b: PartitionedEngine | undefined;
    try {
      await seeded(schema.url);
      // Charged by a single process first: every line has counters in the store.
      const app = await App.open({ dbPath: schema.url, clock: NOVEMBER_2009 });
      const october = "2009-10" as Period;
      let expected: number[];
      try {
        const csv = ["VAL-0001", "L0003", "PHY-0001"].map((id, i) => `c${i},${id},data,2009-10-02T10:00:00Z,1000,${9000 * (i + 1)},20801`);
        const imported = await app.importUsageText(`record_id,line_id,service,started_at,bytes_up,bytes_down,serving_plmn\n${csv.join("\n")}\n`, "csv", "t");
        assert.equal(imported.accepted, 3);
        expected = Array.from(app.engine.countersOf("L0003", october)?.values ?? []);
        assert.ok(
          expected.some((v) => v > 0),
          "L0003 has counters",
        );
      } finally {
        await app.close();
      }
      const [val, l3, phy] = ["VAL-0001", "L0003", "PHY-0001"].map((id) => partitionOf(id)) as [number, number, number];
      assert.equal(new Set([val, l3, phy]).size, 3);
      // Another engine ("A") holds L0003's partition; B serves VAL-0001's and stands by for L0003's.
      const leases = await open(schema.url);
      try {
        assert.equal((await new PostgresLeases(leases.pool).acquire("A", { free: [l3], orphaned: [] }, 30)).size, 1);
        const engines: ChargingEngine[] = [];
        const started = await PartitionedEngine.start({
          db: schema.url,
          nats: NATS_URL,
          stream: stream.stream,
          subjectPrefix: stream.subjectPrefix,
          durablePrefix: stream.durablePrefix,
          owner: "B",
          partitions: [val],
          takeover: [l3],
          leaseSeconds: 2,
          ackWaitMs: 2000,
          clock: NOVEMBER_2009,
          log: () => undefined,
          observer: { serving: (engine) => engines.push(engine) },
        });
        assert.ok(started.ok);
        b = started.runner;
        const first = engines.at(-1) as ChargingEngine;
        assert.deepEqual([first.lines.size, first.lines.get("VAL-0001") !== undefined], [1, true], "only its own partition's line");

        // A dies: its lease lapses, B takes the partition and reopens on both.
        await leases.pool.query("UPDATE partition_leases SET expires_at = now() - interval '1 second' WHERE owner = 'A'");
        const runner = b;
        await until(() => (runner.held().length === 2 && engines.length === 2 ? true : undefined), 10_000, "B to take L0003's partition");
        const second = engines.at(-1) as ChargingEngine;
        assert.deepEqual(
          ["VAL-0001", "L0003", "PHY-0001", "L0004"].map((id) => second.lines.get(id) !== undefined),
          [true, true, false, false],
          "the taken partition's line is loaded, partitions held by nobody are not",
        );
        assert.deepEqual(Array.from(second.countersOf("L0003", october)?.values ?? []), expected, "with the counters committed before");
      } finally {
        await leases.close();
      }
    } finally {
      await b?.stop();
      await stream.drop();
      await schema.drop();
    }
  });

  it("a killed engine's partitions are taken over within seconds of its lease expiring", async () => {
    const schema = freshSchema();
    const stream = freshStream();
    const LEASE = 2;
    let child: ChildProcess | undefined;
    let b: PartitionedEngine | undefined;
    const nc = await connect({ servers: NATS_URL });
    const js = jetstream(nc);
    const publish = (id: string) =>
      publishUsage(
        js,
        [`{"record_id":"${id}","line_id":"L0003","service":"data","started_at":"2009-10-05T10:00:00Z","bytes_up":1,"bytes_down":2,"serving_plmn":"20801"}`],
        {
          subjectPrefix: stream.subjectPrefix,
        },
      );
    try {
      await seeded(schema.url);
      const common = ["--nats", NATS_URL, "--stream", stream.stream, "--subjects", stream.subjectPrefix, "--durable", stream.durablePrefix];
      const args = ["--import", "tsx", `${ROOT}src/cli/run.ts`, "--db", schema.url, "engine", ...common, "--partitions", "all", "--owner", "A"];
      child = spawn(process.execPath, [...args, "--lease-seconds", String(LEASE), "--ack-wait-seconds", String(LEASE)], {
        cwd: ROOT,
        stdio: ["ignore", "ignore", "pipe"],
      });
      let log = "";
      child.stderr?.on("data", (d: Buffer) => {
        log += d.toString();
      });
      await until(() => (log.includes("serving 256") ? true : undefined), 20_000, `engine A to serve (log: ${log})`);

      const started = await PartitionedEngine.start({
        db: schema.url,
        nats: NATS_URL,
        stream: stream.stream,
        subjectPrefix: stream.subjectPrefix,
        durablePrefix: stream.durablePrefix,
        owner: "B",
        partitions: [],
        takeover: ALL,
        leaseSeconds: LEASE,
        ackWaitMs: LEASE * 1000,
        log: () => undefined,
      });
      assert.ok(started.ok);
      b = started.runner;
      assert.equal(b.held().length, 0, "A holds every partition");
      const store = b.store;
      const stored = async (id: string) => ((await store.pool.query("SELECT 1 FROM usage WHERE record_id = $1", [id])).rowCount ? true : undefined);

      await publish("before-kill");
      await until(() => stored("before-kill"), 10_000, "A to commit");

      child.kill("SIGKILL");
      const killedAt = Date.now();
      await publish("after-kill");
      const runner = b;
      await until(() => (runner.held().length === PARTITIONS ? true : undefined), 15_000, "B to take the partitions");
      const serving = (Date.now() - killedAt) / 1000;
      await until(() => stored("after-kill"), 15_000, "B to commit what A never acknowledged");
      const seconds = (Date.now() - killedAt) / 1000;
      console.log(`failover: partitions served by B ${serving.toFixed(2)} s after the kill, first record committed ${seconds.toFixed(2)} s (lease ${LEASE} s)`);
      assert.equal(b.held().length, PARTITIONS);
      assert.ok(seconds <= LEASE + 3, `failover took ${seconds} s`);

      const owners = await store.pool.query<{ owner: string }>("SELECT DISTINCT owner FROM partition_leases");
      assert.deepEqual(
        owners.rows.map((r) => r.owner),
        ["B"],
      );
      assert.equal(await count(store, "usage"), 2, "nothing charged twice");
    } finally {
      child?.kill("SIGKILL");
      await b?.stop();
      await nc.close();
      await stream.drop();
      await schema.drop();
    }
  });
});
