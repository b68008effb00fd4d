import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { jetstream, jetstreamManager } from "@nats-io/jetstream";
import { connect, type NatsConnection } from "@nats-io/transport-node";
import Database from "better-sqlite3";
import { App } from "../src/app/index.ts";
import { partitionOf } from "../src/domain/index.ts";
import { interchangeLines, NatsIngest, publishUsage, subjects } from "../src/ingest/nats/index.ts";
import { ensureConsumer, ensureStream } from "../src/ingest/nats/subjects.ts";
import { gardefou, json } from "./helpers/cli.ts";
import { freshStream, NATS_URL, natsSkip } from "./helpers/servers.ts";
import { FIXTURES, NOVEMBER_2009, tempDir } from "./helpers/temp.ts";

const USAGE = interchangeLines("usage-bad.csv", readFileSync(join(FIXTURES, "usage-bad.csv"), "utf8"));

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out: ${String(check)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("usage from NATS JetStream", { skip: await natsSkip() }, () => {
  const t = freshStream();
  const on = subjects(t.subjectPrefix);
  let nc: NatsConnection;
  before(async () => {
    nc = await connect({ servers: NATS_URL });
  });
  after(async () => {
    await nc?.close();
    await t.drop();
  });

  async function ingest(app: App, ackWaitMs = 60_000) {
    const started = await NatsIngest.start(app.engine, {
      servers: NATS_URL,
      stream: t.stream,
      subjectPrefix: t.subjectPrefix,
      durablePrefix: t.durablePrefix,
      partitions: Array.from({ length: 256 }, (_, i) => i),
      ackWaitMs,
      now: () => Date.now(),
    });
    assert.ok(started.ok);
    return started.ingest;
  }

  it("acknowledges a message only once its records are committed: a failed commit leaves it to be redelivered", async () => {
    const dir = tempDir();
    const first = await App.open({ dbPath: join(dir, "s.db"), clock: NOVEMBER_2009 });
    await first.importLinesFile(join(FIXTURES, "lines.csv"));
    first.store.commit = async () => {
      throw new Error("disk full");
    };
    const failing = await ingest(first, 1000);
    // The stream exists once the ingest started; publish after it, as mediation would.
    const published = await publishUsage(jetstream(nc), USAGE, { recordsPerMessage: 4, subjectPrefix: t.subjectPrefix });
    assert.equal(published.records, 16);
    await until(() => failing.failed !== undefined);
    await failing.stop();
    await first.close();

    const second = await App.open({ dbPath: join(dir, "s.db"), clock: NOVEMBER_2009 });
    assert.equal((await second.store.loadCounters()).length, 0, "nothing was committed");
    const resumed = await ingest(second, 1000);
    await until(() => resumed.stats.accepted === 4 && resumed.idleMs() > 1500);
    const stats = await resumed.stop();
    // A message may come twice (its ack wait lapsed): its records are then duplicates.
    assert.equal(stats.read, stats.accepted + stats.duplicates + stats.rejected);
    assert.ok(stats.messages >= published.messages);
    const codes = new Set((await second.store.listRejects(undefined, 100)).map((r) => r.code));
    assert.deepEqual([...codes].sort(), [
      "invalid_service",
      "invalid_timestamp",
      "invalid_volume",
      "line_mismatch",
      "malformed_json",
      "missing_record_id",
      "record_id_conflict",
      "unknown_line",
      "unknown_serving_network",
    ]);

    // A mediation system publishing the same records again, batched differently: nothing twice.
    const republished = await publishUsage(jetstream(nc), USAGE, { recordsPerMessage: 5, subjectPrefix: t.subjectPrefix });
    assert.ok(republished.duplicates > 0, "identical messages are dropped by the stream");
    const replay = await ingest(second);
    await until(() => replay.stats.messages >= republished.messages - republished.duplicates && replay.idleMs() > 500);
    const again = await replay.stop();
    assert.equal(again.accepted, 0);
    assert.ok(again.duplicates > 0);
    await second.close();
  });

  it("gardefou publish usage, then gardefou ingest nats: the same counts as a file import", () => {
    const dir = tempDir();
    const own = freshStream();
    after(() => own.drop());
    const db = ["--db", join(dir, "cli.db")];
    const stream = ["--stream", own.stream, "--subjects", own.subjectPrefix];
    assert.equal(gardefou([...db, "import", "lines", join(FIXTURES, "lines.csv")]).code, 0);
    const published = json<{ records: number; messages: number }>(
      gardefou(["publish", "usage", join(FIXTURES, "usage-bad.csv"), "--nats", NATS_URL, ...stream, "--per-message", "3", "--json"]),
    );
    assert.equal(published.records, 16);
    const consumed = json<{ read: number; accepted: number; duplicates: number; rejected: number; deadLettered: number }>(
      gardefou([...db, "ingest", "nats", "--url", NATS_URL, ...stream, "--durable", own.durablePrefix, "--idle-exit", "1", "--json"]),
    );
    assert.deepEqual([consumed.read, consumed.accepted, consumed.duplicates, consumed.rejected, consumed.deadLettered], [16, 4, 1, 11, 0]);
    const refused = gardefou([...db, "ingest", "nats", "--url", "nats://127.0.0.1:1", ...stream]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /\[broker_unreachable\]/);
  });

  it("dead-letters a message that is no batch, with its reason, and goes on", async () => {
    const app = await App.open({ dbPath: join(tempDir(), "d.db"), clock: NOVEMBER_2009 });
    await app.importLinesFile(join(FIXTURES, "lines.csv"));
    const running = await ingest(app);
    const p = partitionOf("L0003");
    await jetstream(nc).publish(on.usage(p), new Uint8Array([0x7b, 0xff]), { msgID: "poison-1" });
    const good = JSON.stringify({
      record_id: "n-1",
      line_id: "L0003",
      service: "data",
      started_at: "2009-10-05T10:00:00Z",
      bytes_up: 10,
      bytes_down: 20,
      serving_plmn: "20801",
    });
    await jetstream(nc).publish(on.usage(p), `${good}\n`, { msgID: "good-1" });
    await until(() => running.stats.deadLettered === 1 && running.stats.accepted === 1).catch(async (e) => {
      throw new Error(`${e.message} ${JSON.stringify(running.stats)} ${JSON.stringify(await app.store.listRejects(undefined, 5))}`);
    });
    // Terminated, not redelivered: the ack wait of these consumers is 1 s.
    await new Promise((r) => setTimeout(r, 2500));
    assert.equal(running.stats.messages, 2);
    await running.stop();
    const dead = await (await jetstreamManager(nc)).streams.getMessage(t.stream, { last_by_subj: on.dead(p) });
    assert.equal(dead?.header.get("Gardefou-Reason-Code"), "malformed_utf8_batch");
    assert.equal(dead?.header.get("Gardefou-Original-Subject"), on.usage(p));
    assert.deepEqual([...(dead?.data ?? [])], [0x7b, 0xff], "the body is kept as it came");
    await app.close();
  });

  it("a partition's new owner is sent first, in stream order, what the previous owner left unacknowledged", async () => {
    const own = freshStream();
    after(() => own.drop());
    const onOwn = subjects(own.subjectPrefix);
    const p = partitionOf("L0003");
    const jsm = await jetstreamManager(nc);
    await ensureStream(jsm, own.stream, onOwn);
    // A long ack wait, as in production: what the dead owner held would otherwise come back
    // only after it, behind the records published since.
    const durable = await ensureConsumer(jsm, own.stream, onOwn, own.durablePrefix, p, { maxAckPending: 64, ackWaitMs: 60_000 });
    const record = (id: string, day: number) =>
      JSON.stringify({
        record_id: id,
        line_id: "L0003",
        service: "data",
        started_at: `2009-10-0${day}T10:00:00Z`,
        bytes_up: 10,
        bytes_down: 20,
        serving_plmn: "20801",
      });
    const js = jetstream(nc);
    await js.publish(onOwn.usage(p), `${record("o-1", 5)}\n${record("o-2", 6)}\n`, { msgID: "order-1" });

    // The previous owner: sent the first message, killed before acknowledging it.
    const dead = await connect({ servers: NATS_URL });
    const held = await (await jetstream(dead).consumers.get(own.stream, durable)).next({ expires: 5000 });
    assert.equal(held?.seq, 1);
    await dead.close();
    await js.publish(onOwn.usage(p), `${record("o-3", 7)}\n`, { msgID: "order-2" });

    const dir = tempDir();
    const app = await App.open({ dbPath: join(dir, "o.db"), clock: NOVEMBER_2009 });
    await app.importLinesFile(join(FIXTURES, "lines.csv"));
    const started = await NatsIngest.start(app.engine, {
      servers: NATS_URL,
      stream: own.stream,
      subjectPrefix: own.subjectPrefix,
      durablePrefix: own.durablePrefix,
      partitions: [p],
      now: () => Date.now(),
    });
    assert.ok(started.ok);
    let stats: Awaited<ReturnType<NatsIngest["stop"]>>;
    try {
      await until(() => started.ingest.stats.accepted === 3);
    } finally {
      stats = await started.ingest.stop();
      await app.close();
    }
    assert.equal(stats.rewound, 1);
    const db = new Database(join(dir, "o.db"), { readonly: true });
    const order = db.prepare("SELECT record_id FROM usage ORDER BY seq").pluck().all();
    db.close();
    assert.deepEqual(order, ["o-1", "o-2", "o-3"], "charged in the stream's order");
  });
});
