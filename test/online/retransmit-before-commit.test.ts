// A retransmission that arrives while its original is rated but not yet committed (a gateway
// whose Tx expired during a slow commit) must wait for that commit like the original: answered
// from memory at once, it would acknowledge usage a crash could still lose. And an answer whose
// commit failed is never given, not even to a retransmission.
import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, it } from "node:test";
import { KIB } from "../../src/domain/index.ts";
import { encodeMessage } from "../../src/network/diameter/index.ts";
import type { JournalBatch } from "../../src/store/index.ts";
import { tempDir } from "../helpers/temp.ts";
import { type Cca, connectGateway, type Gateway } from "../peers/gy/gateway.ts";
import { lineCsv, type Running, startOnline, TestClock } from "./setup.ts";

const body = (c: Cca) => encodeMessage({ ...c.message, hopByHopId: 0, endToEndId: 0 });
const at = new Date("2009-10-10T08:00:00Z");
const IMSI = "208011000000021";
const USED = { type: 2, number: 1, plmn: "20610", used: 300 * KIB, at } as const;

/** The store's next commit waits for `release` (or fails with `fail`); `held` resolves once it is reached. */
function holdCommit(run: Running) {
  const store = run.app.store as unknown as { commit(batch: JournalBatch): Promise<void> };
  const commit = store.commit.bind(store);
  let reached = () => {};
  const held = new Promise<void>((resolve) => {
    reached = resolve;
  });
  let release: (error?: Error) => void = () => {};
  const gate = new Promise<void>((resolve, reject) => {
    release = (error) => (error ? reject(error) : resolve());
  });
  store.commit = async (batch) => {
    store.commit = commit;
    reached();
    await gate;
    return commit(batch);
  };
  return { held, release, restore: () => release() };
}

describe("a retransmission of a request whose commit is pending", () => {
  let run: Running;
  let gw: Gateway;

  beforeEach(async () => {
    run = await startOnline(tempDir(), new TestClock(at.getTime()));
    await run.app.importLinesText(lineCsv([["RTX-0001", IMSI, "33327000021", "pro-everywhere-95"]]), "lines.csv");
    gw = await connectGateway(run.net.port);
    await gw.ccr("pgw;rtx;1", { type: 1, number: 0, imsi: IMSI, plmn: "20610", at });
  });
  afterEach(async () => {
    await gw.close();
    await run.stop().catch(() => undefined);
  });

  it("is answered only after the commit, identically, and charged once", async () => {
    const hold = holdCommit(run);
    try {
      const original = gw.ccr("pgw;rtx;1", USED);
      await hold.held;
      let answered = false;
      const again = gw.ccr("pgw;rtx;1", { ...USED, retransmit: { endToEndId: 4242 } }).then((a) => {
        answered = true;
        return a;
      });
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(answered, false, "no answer while the usage it acknowledges is not committed");
      hold.release();
      const [first, second] = await Promise.all([original, again]);
      assert.equal(first.mscc[0]?.resultCode, 2001);
      assert.deepEqual(body(second), body(first));
      const usage = (await run.app.store.usageForBilling("2009-10" as never)).filter((u) => u.lineId === "RTX-0001");
      assert.deepEqual(
        usage.map((u) => [u.zone, u.quantity]),
        [["eu", 300 * KIB]],
      );
    } finally {
      hold.restore();
    }
  });

  it("gets no answer from memory once that commit failed", async () => {
    const hold = holdCommit(run);
    try {
      const original = gw.ccr("pgw;rtx;1", USED);
      await hold.held;
      hold.release(new Error("disk full"));
      assert.equal((await original).resultCode, 5012, "the original is refused");
      const again = await gw.ccr("pgw;rtx;1", { ...USED, retransmit: { endToEndId: 4243 } });
      assert.equal(again.resultCode, 5012, "and so is its retransmission: nothing was committed");
    } finally {
      hold.restore();
    }
  });
});
