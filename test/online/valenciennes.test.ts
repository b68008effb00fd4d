// The 2009 Valenciennes case, online: a Gy gateway asks before serving, over a real TCP socket.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { KIB } from "../../src/domain/index.ts";
import { tempDir } from "../helpers/temp.ts";
import { connectGateway, type Gateway } from "../peers/gy/gateway.ts";
import { lineCsv, type Running, startOnline, TestClock } from "./setup.ts";

const VAL_IMSI = "208011000000001";
const at = (iso: string) => new Date(iso);

describe("Valenciennes online: Gy grants shrink to the 50.00 cap, then 4012; the invoice is 145.00", () => {
  const clock = new TestClock(Date.parse("2009-10-05T08:00:00Z"));
  let run: Running;
  let gw: Gateway;

  before(async () => {
    run = await startOnline(tempDir(), clock);
    await run.app.importLinesText(lineCsv([["VAL-0001", VAL_IMSI, "33327000001", "pro-everywhere-95"]]), "lines.csv");
    gw = await connectGateway(run.net.port);
  });
  after(async () => {
    await gw.close();
    await run.stop();
  });

  it("attaches on 206-10 and is granted 2048, 1952, then the final 1000 KiB, then 4012", async () => {
    const s = "pgw.valenciennes.example;1;val";
    const i = await gw.ccr(s, { type: 1, number: 0, imsi: VAL_IMSI, plmn: "20610", at: at("2009-10-05T08:00:00Z") });
    assert.equal(i.resultCode, 2001);
    assert.deepEqual(i.mscc[0], {
      ratingGroup: 10,
      resultCode: 2001,
      granted: 2048 * KIB,
      validityTime: 600,
      threshold: Math.floor((2048 * KIB * 20) / 100),
      finalAction: undefined,
      redirectUrl: undefined,
      triggers: [30, 31],
    });
    const u1 = await gw.ccr(s, { type: 2, number: 1, plmn: "20610", used: 2048 * KIB, reason: 3, at: at("2009-10-05T09:00:00Z") });
    assert.equal(u1.mscc[0]?.granted, 1952 * KIB, "up to the 80 % notice at 40.00");
    const u2 = await gw.ccr(s, { type: 2, number: 2, plmn: "20610", used: 1952 * KIB, reason: 3, at: at("2009-10-05T10:00:00Z") });
    assert.equal(u2.mscc[0]?.granted, 1000 * KIB, "the last 10.00 before the cap");
    assert.equal(u2.mscc[0]?.finalAction, 0, "Final-Unit-Indication TERMINATE");
    assert.equal(u2.mscc[0]?.threshold, undefined, "no early report of final units");
    // The gateway overshoots by 10 KiB: what was used is deducted up to the cap, never beyond.
    const u3 = await gw.ccr(s, { type: 2, number: 3, plmn: "20610", used: 1010 * KIB, reason: 2, at: at("2009-10-05T11:00:00Z") });
    assert.equal(u3.resultCode, 2001);
    assert.equal(u3.mscc[0]?.resultCode, 4012, "DIAMETER_CREDIT_LIMIT_REACHED per MSCC");
    assert.equal(u3.mscc[0]?.granted, undefined);
    const t = await gw.ccr(s, { type: 3, number: 4, plmn: "20610", request: "none", at: at("2009-10-05T11:01:00Z") });
    assert.equal(t.resultCode, 2001);
    assert.equal(run.app.online.openSessions, 0);
  });

  it("the welcome, the 80 % notice and the cut-off are in the outbox", async () => {
    const notices = await run.app.store.listNotices({ lineId: "VAL-0001" });
    assert.deepEqual(
      notices.map((n) => [
        n.kind,
        (JSON.parse(n.payload) as { threshold?: number; country?: string }).threshold ?? (JSON.parse(n.payload) as { country?: string }).country,
      ]),
      [
        ["roaming_welcome", "BE"],
        ["cap_warning", 80],
        ["cap_reached", 100],
      ],
    );
  });

  it("a new session at the cap gets 4012 at once, nothing is served", async () => {
    const n = await gw.ccr("pgw.valenciennes.example;2;val", { type: 1, number: 0, imsi: VAL_IMSI, plmn: "20610", at: at("2009-10-06T08:00:00Z") });
    assert.equal(n.mscc[0]?.resultCode, 4012);
    await gw.ccr("pgw.valenciennes.example;2;val", { type: 3, number: 1, request: "none", at: at("2009-10-06T08:01:00Z") });
  });

  it("the invoice after close is exactly 145.00", async () => {
    clock.set("2009-11-02T09:00:00+01:00");
    const [invoice] = await run.app.closePeriod("2009-10", "test");
    assert.ok(invoice);
    const [doc] = await run.app.invoices("2009-10");
    assert.equal(doc?.total_excl_tax, "145.00");
    assert.deepEqual(doc?.not_billed, [{ line_id: "VAL-0001", zone: "eu", country: "BE", quantity: "10", unit: "KiB", caps: ["eu-roaming-data"] }]);
  });
});
