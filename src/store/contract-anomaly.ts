/** The journal reads of anomaly detection and the line-360 series, registered by `contract.ts`. */
import assert from "node:assert/strict";
import { it } from "node:test";
import type { Micros } from "../domain/index.ts";
import { SLOT_MS } from "./anomaly-ports.ts";
import type { WithFixture } from "./contract.ts";
import { OCT, usage } from "./contract-fixtures.ts";

const T0 = Date.UTC(2009, 9, 14, 12, 0, 0);

export function anomalyContract(withFixture: WithFixture): void {
  it("anomaly: reads the journal as quarter-hour slots, by time and by sequence, and keeps dismissals", () =>
    withFixture(async ({ store, anomaly }) => {
      assert.equal(await anomaly.journalHead(), 0);
      assert.deepEqual(await anomaly.usageSince(0), { head: 0, slots: [] });
      await store.commit({
        usage: [
          usage("a", { startedMs: T0 + 60_000, amount: 2 as Micros }),
          usage("b", { startedMs: T0 + 120_000, amount: 3 as Micros }),
          usage("c", { startedMs: T0, service: "voice", quantity: 60, amount: 7 as Micros }),
        ],
        outbox: [],
        rejects: [],
      });
      const head = await anomaly.journalHead();
      assert.ok(head >= 3);
      const slots = await anomaly.usageSlots({ fromMs: T0, toMs: T0 + SLOT_MS });
      assert.deepEqual(slots, [{ lineId: "L1", slotMs: T0, servingPlmn: "20801", zone: "home", octets: 10_000_002_000, amount: 12, dataRecords: 2 }]);
      assert.deepEqual(await anomaly.usageSlots({ fromMs: T0 + SLOT_MS, toMs: T0 + 2 * SLOT_MS }), []);
      await store.commit({ usage: [usage("d", { startedMs: T0 + SLOT_MS, amount: 1 as Micros })], outbox: [], rejects: [] });
      const since = await anomaly.usageSince(head);
      assert.ok(since.head > head);
      assert.deepEqual(since.slots, [
        { lineId: "L1", slotMs: T0 + SLOT_MS, servingPlmn: "20801", zone: "home", octets: 5_000_001_000, amount: 1, dataRecords: 1 },
      ]);
      assert.deepEqual(await anomaly.usageSlots({ fromMs: T0, toMs: T0 + 2 * SLOT_MS, afterSeq: head, upToSeq: since.head }), since.slots);
      const dismissal = { lineId: "L1", code: "border_flapping", reason: "lives on the border", actor: "ana", at: "2009-10-20T10:00:00.000Z" };
      await anomaly.recordDismissal(dismissal);
      await anomaly.recordDismissal({ ...dismissal, reason: "again" });
      assert.deepEqual(await anomaly.listDismissals(), [dismissal, { ...dismissal, reason: "again" }]);
    }));

  it("series: a line's journal by hour, service and zone", () =>
    withFixture(async ({ store }) => {
      assert.ok(store.series, "both adapters keep the series");
      await store.commit({
        usage: [
          usage("a", { amount: 2 as Micros, throttled: true, quantity: 10 }),
          usage("b", { startedMs: T0 + 1000, amount: 3 as Micros, overUnits: 4, overCapId: "eu-roaming-data", quantity: 5 }),
          usage("c", { lineId: "L2" }),
        ],
        outbox: [],
        rejects: [],
      });
      assert.deepEqual(await store.series.lineHours("L1", OCT), [
        { hourMs: T0, service: "data", zone: "home", quantity: 15, amount: 5, overUnits: 4, overCapId: "eu-roaming-data", throttledQuantity: 10, records: 2 },
      ]);
    }));
}
