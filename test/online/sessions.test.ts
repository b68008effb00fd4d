// Gy session behaviour over TCP: border crossing, retransmissions, unknown users, Tcc,
// consent → RAR → CCR-U, overload, and a restart in the middle of a session.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { KIB } from "../../src/domain/index.ts";
import { encodeMessage } from "../../src/network/diameter/index.ts";
import { tempDir } from "../helpers/temp.ts";
import { type Cca, connectGateway, type Gateway } from "../peers/gy/gateway.ts";
import { lineCsv, type Running, startOnline, TestClock } from "./setup.ts";

const LINES = lineCsv([
  ["BRD-0001", "208011000000011", "33327000011", "pro-everywhere-95"],
  ["TCC-0001", "208011000000012", "33327000012", "pro-everywhere-95"],
  ["CON-0001", "208011000000013", "33327000013", "pro-everywhere-95"],
  ["RST-0001", "208011000000014", "33327000014", "pro-everywhere-95"],
  ["BSY-0001", "208011000000015", "33327000015", "pro-everywhere-95"],
]);
const at = (iso: string) => new Date(iso);
/** The answer's bytes without the identifiers a retransmission legitimately changes. */
const body = (c: Cca) => encodeMessage({ ...c.message, hopByHopId: 0, endToEndId: 0 });

describe("Gy sessions against the engine", () => {
  const dir = tempDir();
  const clock = new TestClock(Date.parse("2009-10-10T08:00:00Z"));
  let run: Running;
  let gw: Gateway;

  before(async () => {
    run = await startOnline(dir, clock);
    await run.app.importLinesText(LINES, "lines.csv");
    gw = await connectGateway(run.net.port);
  });
  after(async () => {
    await gw.close();
    await run.stop();
  });

  it("a border crossing 208-01 → 206-10 is reported by the trigger and rated as roaming from then on", async () => {
    const s = "pgw;brd;1";
    const i = await gw.ccr(s, { type: 1, number: 0, msisdn: "33327000011", plmn: "20801", at: at("2009-10-10T08:00:00Z") });
    assert.deepEqual([i.mscc[0]?.granted, i.mscc[0]?.triggers], [2048 * KIB, [30, 31]]);
    const crossed = await gw.ccr(s, { type: 2, number: 1, plmn: "20610", used: 1000 * KIB, reason: 6, at: at("2009-10-10T08:30:00Z") });
    assert.equal(crossed.mscc[0]?.granted, 2048 * KIB, "a fresh roaming grant in the EU zone");
    await gw.ccr(s, { type: 2, number: 2, plmn: "20610", used: 500 * KIB, reason: 3, at: at("2009-10-10T09:00:00Z") });
    const usage = (await run.app.store.usageForBilling("2009-10" as never)).filter((u) => u.lineId === "BRD-0001");
    assert.deepEqual(
      usage.map((u) => [u.zone, u.quantity / KIB, u.amount]).sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
      [
        ["eu", 500, 5_000_000],
        ["home", 1000, 0],
      ],
    );
  });

  it("a retransmission (T flag, same Session-Id and CC-Request-Number) is answered identically and charged once", async () => {
    const s = "pgw;brd;1";
    const first = await gw.ccr(s, { type: 2, number: 3, plmn: "20610", used: 300 * KIB, at: at("2009-10-10T09:30:00Z") });
    const again = await gw.ccr(s, { type: 2, number: 3, plmn: "20610", used: 300 * KIB, at: at("2009-10-10T09:30:00Z"), retransmit: { endToEndId: 77 } });
    assert.deepEqual(body(again), body(first));
    const eu = (await run.app.store.usageForBilling("2009-10" as never)).find((u) => u.lineId === "BRD-0001" && u.zone === "eu");
    assert.equal(eu?.quantity, 800 * KIB);
    assert.equal(eu?.amount, 8_000_000);
  });

  it("an unknown subscriber is 5030 DIAMETER_USER_UNKNOWN", async () => {
    const a = await gw.ccr("pgw;ghost;1", { type: 1, number: 0, imsi: "999990000000000", plmn: "20801" });
    assert.deepEqual([a.resultCode, a.mscc.length], [5030, 0]);
  });

  it("an unknown serving network is 5031 DIAMETER_RATING_FAILED with the Failed-AVP", async () => {
    const a = await gw.ccr("pgw;nowhere;1", { type: 1, number: 0, imsi: "208011000000011", plmn: "00101" });
    assert.deepEqual([a.resultCode, a.failedAvp], [5031, true]);
  });

  it("reservations count against the headroom, and Tcc returns those of silent sessions", async () => {
    const a = await gw.ccr("pgw;tcc;a", { type: 1, number: 0, imsi: "208011000000012", plmn: "20610", at: at("2009-10-10T08:00:00Z") });
    const b = await gw.ccr("pgw;tcc;b", { type: 1, number: 0, imsi: "208011000000012", plmn: "20610", at: at("2009-10-10T08:00:00Z") });
    assert.deepEqual([a.mscc[0]?.granted, b.mscc[0]?.granted], [2048 * KIB, 1952 * KIB], "b only gets what a did not reserve, up to 40.00");
    clock.advance(2 * 600 + 1);
    const expired = await run.app.online.supervise();
    assert.ok(expired.includes("pgw;tcc;a") && expired.includes("pgw;tcc;b"));
    const c = await gw.ccr("pgw;tcc;c", { type: 1, number: 0, imsi: "208011000000012", plmn: "20610", at: at("2009-10-10T09:00:00Z") });
    assert.equal(c.mscc[0]?.granted, 2048 * KIB, "the headroom is whole again");
    const late = await gw.ccr("pgw;tcc;a", { type: 2, number: 1, used: KIB, at: at("2009-10-10T09:00:00Z") });
    assert.equal(late.resultCode, 5002, "a session dropped by Tcc is unknown");
  });

  it("consent after the cut-off: RAR to the gateway, CCR-U, a new grant", async () => {
    const s = "pgw;con;1";
    await gw.ccr(s, { type: 1, number: 0, imsi: "208011000000013", plmn: "20610", at: at("2009-10-10T08:00:00Z") });
    const cut = await gw.ccr(s, { type: 2, number: 1, plmn: "20610", used: 6000 * KIB, at: at("2009-10-10T08:10:00Z") });
    assert.equal(cut.mscc[0]?.resultCode, 4012);
    const consent = await run.app.engine.consent("CON-0001", "eu-roaming-data", "2009-10" as never, "customer", "sms");
    assert.ok(consent.ok);
    await gw.waitRar(1);
    assert.deepEqual(gw.rars, [s]);
    const reauth = await gw.ccr(s, { type: 2, number: 2, plmn: "20610", reason: 7, at: at("2009-10-10T08:20:00Z") });
    assert.deepEqual([reauth.mscc[0]?.resultCode, reauth.mscc[0]?.granted, reauth.mscc[0]?.finalAction], [2001, 2048 * KIB, undefined]);
  });

  it("past the in-flight limit, requests are answered 3004 TOO_BUSY instead of timing out", async () => {
    const busy = await startOnline(tempDir(), clock, { maxInFlight: 2 });
    await busy.app.importLinesText(LINES, "lines.csv");
    const other = await connectGateway(busy.net.port, "pgw.busy.example");
    try {
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, k) =>
          other.ccr(`pgw;busy;${k}`, { type: 1, number: 0, imsi: "208011000000015", plmn: "20801", at: at("2009-10-10T08:00:00Z") }),
        ),
      );
      const codes = answers.map((a) => a.resultCode);
      assert.ok(codes.includes(3004), `some 3004 in ${codes.join(",")}`);
      assert.ok(codes.includes(2001));
      assert.ok(codes.every((c) => c === 3004 || c === 2001));
    } finally {
      await other.close();
      await busy.stop();
    }
  });

  it("a restart in the middle of a session keeps the session, its usage and its answers", async () => {
    const s = "pgw;rst;1";
    await gw.ccr(s, { type: 1, number: 0, imsi: "208011000000014", plmn: "20610", at: at("2009-10-10T08:00:00Z") });
    const before1 = await gw.ccr(s, { type: 2, number: 1, plmn: "20610", used: 2048 * KIB, at: at("2009-10-10T08:10:00Z") });
    assert.equal(before1.mscc[0]?.granted, 1952 * KIB);
    await gw.close();
    await run.stop();

    run = await startOnline(dir, clock);
    gw = await connectGateway(run.net.port);
    assert.equal(run.app.online.sessionsOf("RST-0001").length, 1);
    const replay = await gw.ccr(s, { type: 2, number: 1, plmn: "20610", used: 2048 * KIB, at: at("2009-10-10T08:10:00Z"), retransmit: { endToEndId: 5 } });
    assert.deepEqual(body(replay), body(before1), "answered from the store, identically");
    const next = await gw.ccr(s, { type: 2, number: 2, plmn: "20610", used: 1952 * KIB, at: at("2009-10-10T08:20:00Z") });
    assert.deepEqual([next.mscc[0]?.granted, next.mscc[0]?.finalAction], [1000 * KIB, 0], "40.00 charged before the restart is still there");
    const spent = (await run.app.store.usageForBilling("2009-10" as never)).find((u) => u.lineId === "RST-0001");
    assert.equal(spent?.amount, 40_000_000);
  });
});
