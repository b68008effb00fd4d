// A partitioned deployment seen from the network: two engines, each leasing half of the
// partitions in PostgreSQL, and a front end (`serve --engines`) that owns nothing and forwards a
// line's Gy requests, views and settings to its partition's owner over NATS request-reply.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { PassThrough } from "node:stream";
import { after, before, describe, it } from "node:test";
import { jetstream } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";
import { buildServer } from "../src/api/index.ts";
import { App, type NetworkServer, startNetwork } from "../src/app/index.ts";
import { PartitionedEngine } from "../src/app/partitioned-engine.ts";
import { KIB, PARTITIONS, partitionOf } from "../src/domain/index.ts";
import { publishUsage } from "../src/ingest/nats/index.ts";
import type { PostgresStore } from "../src/store/index.ts";
import { freshSchema, freshStream, NATS_URL, natsSkip, postgresSkip } from "./helpers/servers.ts";
import { lineCsv, OCS_HOST, OCS_REALM, ONLINE, TestClock } from "./online/setup.ts";
import { connectGateway, type Gateway } from "./peers/gy/gateway.ts";

const skip = (await postgresSkip()) || (await natsSkip());
const VAL = "VAL-0001";
const VAL_IMSI = "208011000000001";
const OTHER = "L0003";
const at = (iso: string) => new Date(iso);
const half = (from: number) => Array.from({ length: PARTITIONS / 2 }, (_, i) => from + i);

describe("front end: a line's requests go to its partition's owner", { skip }, () => {
  const clock = new TestClock(Date.parse("2009-10-05T08:00:00Z"));
  const schema = freshSchema();
  const stream = freshStream();
  const prefix = `gf${randomBytes(4).toString("hex")}.rpc`;
  const engines: PartitionedEngine[] = [];
  let front: App;
  let net: NetworkServer;
  let gw: Gateway;
  let admin: Record<string, string>;

  const startEngine = async (owner: string, partitions: readonly number[]) => {
    const started = await PartitionedEngine.start({
      db: schema.url,
      nats: NATS_URL,
      stream: stream.stream,
      subjectPrefix: stream.subjectPrefix,
      durablePrefix: stream.durablePrefix,
      owner,
      partitions,
      takeover: [],
      leaseSeconds: 10,
      ackWaitMs: 10_000,
      clock,
      online: ONLINE,
      rpcPrefix: prefix,
      log: () => undefined,
    });
    assert.ok(started.ok, started.ok ? "" : started.message);
    engines.push(started.runner);
    return started.runner;
  };
  const ownerOf = (lineId: string) => engines.find((e) => e.held().includes(partitionOf(lineId)));
  const journal = async (lineId: string) =>
    Number((await (front.store as PostgresStore).pool.query<{ n: string }>("SELECT count(*) AS n FROM usage WHERE line_id = $1", [lineId])).rows[0]?.n);

  before(async () => {
    const seed = await App.open({ dbPath: schema.url, clock, watchAnomalies: false });
    await seed.importLinesText(
      lineCsv([
        [VAL, VAL_IMSI, "33327000001", "pro-everywhere-95"],
        [OTHER, "208011000000003", "33600000003", "pro-everywhere-50"],
      ]),
      "lines.csv",
    );
    await seed.close();
    await startEngine("e1", half(0));
    await startEngine("e2", half(PARTITIONS / 2));
    // The front end dispatches the notices the owners write (SMS texts to the log channel here).
    const notify = { logStream: new PassThrough().resume(), dispatcher: { sweepMs: 100 } };
    front = await App.open({ dbPath: schema.url, clock, notify, engines: { servers: NATS_URL, prefix, patienceMs: 10_000 } });
    net = await startNetwork(front, { port: 0, host: "127.0.0.1", originHost: OCS_HOST, originRealm: OCS_REALM, supervisionIntervalMs: 0 });
    gw = await connectGateway(net.port);
    admin = { authorization: `Bearer ${(await front.createToken({ role: "admin", name: "front-test" }, "test")).token}` };
  });
  after(async () => {
    await gw?.close();
    await net?.close();
    await front?.close();
    for (const e of engines) await e.stop();
    await stream.drop();
    await schema.drop();
  });

  it("Valenciennes over Gy through the front end: the same grants, then 4012, charged by the owner", async () => {
    assert.ok(ownerOf(VAL), "one engine holds the line's partition");
    const s = "pgw.valenciennes.example;1;front";
    const i = await gw.ccr(s, { type: 1, number: 0, imsi: VAL_IMSI, plmn: "20610", at: at("2009-10-05T08:00:00Z") });
    assert.equal(i.resultCode, 2001);
    assert.equal(i.mscc[0]?.granted, 2048 * KIB);
    // CCR-U and CCR-T carry no subscription id: the front end routes them by their session.
    const u1 = await gw.ccr(s, { type: 2, number: 1, plmn: "20610", used: 2048 * KIB, reason: 3, at: at("2009-10-05T09:00:00Z") });
    assert.equal(u1.mscc[0]?.granted, 1952 * KIB);
    const u2 = await gw.ccr(s, { type: 2, number: 2, plmn: "20610", used: 1952 * KIB, reason: 3, at: at("2009-10-05T10:00:00Z") });
    assert.equal(u2.mscc[0]?.granted, 1000 * KIB);
    assert.equal(u2.mscc[0]?.finalAction, 0);
    const u3 = await gw.ccr(s, { type: 2, number: 3, plmn: "20610", used: 1010 * KIB, reason: 2, at: at("2009-10-05T11:00:00Z") });
    assert.equal(u3.mscc[0]?.resultCode, 4012);
    // A retransmission gets the committed answer again and charges nothing more.
    const again = await gw.ccr(s, { type: 2, number: 3, plmn: "20610", used: 1010 * KIB, reason: 2, at: at("2009-10-05T11:00:00Z") });
    assert.equal(again.mscc[0]?.resultCode, 4012);
    const t = await gw.ccr(s, { type: 3, number: 4, plmn: "20610", request: "none", at: at("2009-10-05T11:01:00Z") });
    assert.equal(t.resultCode, 2001);
    assert.equal(await journal(VAL), 3, "three reports of used units, each journaled once");
    const own = front.engine.countersOf(VAL, "2009-10" as never);
    assert.ok(!own || own.values.every((v) => v === 0), "the front end charged nothing itself");
  });

  it("the owner's notices are sent by the front end's dispatcher", async () => {
    for (let tries = 0; ; tries++) {
      const notices = await front.store.listNotices({ lineId: VAL });
      const kinds = notices.map((n) => `${n.kind}:${n.status}`).sort();
      if (kinds.join() === "cap_reached:sent,cap_warning:sent,roaming_welcome:sent") break;
      assert.ok(tries < 100, `notices not sent: ${kinds.join()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  });

  it("an unknown subscriber is answered by the front end at once (5030)", async () => {
    const cca = await gw.ccr("pgw.valenciennes.example;9;front", {
      type: 1,
      number: 0,
      imsi: "208019999999999",
      plmn: "20801",
      at: at("2009-10-05T08:00:00Z"),
    });
    assert.equal(cca.resultCode, 5030);
  });

  it("the line view and the roaming limit over HTTP are the owner's, not the front end's stale memory", async () => {
    const server = buildServer(front, { logLevel: "silent" });
    try {
      const view = await server.inject({ url: `/api/v1/lines/${VAL}?period=2009-10`, headers: admin });
      assert.equal(view.statusCode, 200, view.body);
      const cap = (view.json() as { caps: { id: string; used: string; state: string }[] }).caps.find((c) => c.id === "eu-roaming-data");
      assert.deepEqual([cap?.used, cap?.state], ["50.00", "blocked"], "the owner's counters: the cut-off was reached");
      const limit = await server.inject({
        method: "PUT",
        url: `/api/v1/lines/${OTHER}/roaming-limit`,
        headers: admin,
        payload: { limit: "30.00", opt_out: false },
      });
      assert.equal(limit.statusCode, 200, limit.body);
      assert.equal(limit.json().effective_limit, "30.00");
      assert.equal(ownerOf(OTHER) !== undefined, true);
      const read = await server.inject({ url: `/api/v1/lines/${OTHER}/roaming-limit`, headers: admin });
      assert.equal(read.json().limit, "30.00", "the owner applied it, and says so");
      const missing = await server.inject({ url: "/api/v1/lines/NOPE/roaming-limit", headers: admin });
      assert.equal(missing.statusCode, 404, "the owner's coded error reaches the caller");
      const usage = await server.inject({
        method: "POST",
        url: "/api/v1/usage",
        headers: { ...admin, "content-type": "text/csv" },
        payload: "record_id,line_id,service,started_at,bytes_up,bytes_down,serving_plmn\nx1,L0003,data,2009-10-02T10:00:00Z,1,1,20801\n",
      });
      assert.equal(usage.statusCode, 409, usage.body);
      assert.equal(usage.json().code, "not_on_front_end");
    } finally {
      await server.close();
    }
  });

  it("with no engine for the partition, Gy gets 3004 TOO_BUSY and HTTP 503 once the wait is over", async () => {
    const lonely = await App.open({ dbPath: schema.url, clock, engines: { servers: NATS_URL, prefix: `${prefix}.none`, patienceMs: 300 } });
    const lonelyNet = await startNetwork(lonely, { port: 0, host: "127.0.0.1", originHost: OCS_HOST, originRealm: OCS_REALM, supervisionIntervalMs: 0 });
    const lonelyGw = await connectGateway(lonelyNet.port);
    try {
      const cca = await lonelyGw.ccr("pgw.valenciennes.example;7;front", { type: 1, number: 0, imsi: VAL_IMSI, plmn: "20610", at: at("2009-10-06T08:00:00Z") });
      assert.equal(cca.resultCode, 3004);
      await assert.rejects(lonely.roamingLimit(OTHER), (e: Error & { code?: string }) => e.code === "partition_unavailable");
    } finally {
      await lonelyGw.close();
      await lonelyNet.close();
      await lonely.close();
    }
  });

  it("while a partition changes hands the request waits for the new owner, then succeeds", async () => {
    const old = ownerOf(OTHER) as PartitionedEngine;
    const partitions = old.held();
    await old.stop();
    engines.splice(engines.indexOf(old), 1);
    const asked = front.roamingLimit(OTHER);
    await new Promise((r) => setTimeout(r, 300));
    await startEngine("e3", partitions);
    const view = await asked;
    assert.equal(view.limit, "30.00", "the successor loaded the line's limit from the store");
  });

  it("closes a month while the engines run: its late usage is billed in the next one, not lost off its invoices", async () => {
    clock.set("2009-11-02T08:00:00Z");
    const pool = (front.store as PostgresStore).pool;
    const invoices = await front.closePeriod("2009-10", "test");
    assert.ok(invoices.length > 0);
    assert.deepEqual(await front.store.closedPeriods(), ["2009-10"]);
    assert.equal((await pool.query("SELECT 1 FROM periods_closing")).rowCount, 0, "the closing mark ended with the close");
    // Usage of October that mediation delivers after the close, to the running owner.
    const nc = await connect({ servers: NATS_URL });
    try {
      const record = JSON.stringify({
        record_id: "late-1",
        line_id: OTHER,
        service: "data",
        started_at: "2009-10-31T20:00:00Z",
        bytes_up: 100,
        bytes_down: 900,
        serving_plmn: "20801",
      });
      await publishUsage(jetstream(nc), [record], { subjectPrefix: stream.subjectPrefix });
    } finally {
      await nc.close();
    }
    let late: { usage_period: string; bill_period: string }[] = [];
    for (let tries = 0; late.length === 0; tries++) {
      assert.ok(tries < 100, "the late record was not charged");
      await new Promise((r) => setTimeout(r, 100));
      late = (await pool.query("SELECT usage_period, bill_period FROM usage WHERE record_id = 'late-1'")).rows;
    }
    assert.deepEqual(
      late.map((r) => [r.usage_period, r.bill_period]),
      [["2009-10", "2009-11"]],
      "billed in November by the owner that was running",
    );
    await assert.rejects(front.closePeriod("2009-10", "test"), (e: Error & { code?: string }) => e.code === "period_already_closed");
    // A close from a process that does not tell the engines is refused while they run.
    const bare = await App.open({ dbPath: schema.url, clock, watchAnomalies: false });
    try {
      await assert.rejects(bare.closePeriod("2009-11", "test"), (e: Error & { code?: string }) => e.code === "engines_running");
    } finally {
      await bare.close();
    }
  });
});
