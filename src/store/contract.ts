/**
 * The one contract every `Store` adapter passes (SQLite, PostgreSQL): each adapter's
 * `store.contract.test.ts` calls `storeContract` with a factory of fresh, empty stores.
 * The cases speak only the port, so a difference between adapters is a failing case here.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type Micros, partitionOf } from "../domain/index.ts";
import type { AnomalyStore } from "./anomaly-ports.ts";
import { anomalyContract } from "./contract-anomaly.ts";
import { authContract } from "./contract-auth.ts";
import { line, MAX_MICROS, manyUsage, NOV, OCT, outbox, reject, usage } from "./contract-fixtures.ts";
import { outboxContract } from "./contract-outbox.ts";
import { reviewContract } from "./contract-review.ts";
import type { OutboxStore } from "./outbox-ports.ts";
import type { Store, UsageIdentity, UsageRow } from "./ports.ts";

export interface StoreFixture {
  readonly store: Store;
  /** The same store's outbox, as the notice dispatcher sees it. */
  readonly outbox: OutboxStore;
  /** The same store's journal reads for abnormal-consumption detection. */
  readonly anomaly: AnomalyStore;
  /** Closes the store and removes what it wrote (file, schema). */
  dispose(): Promise<void>;
}

export type StoreFactory = () => Promise<StoreFixture>;

export type WithFixture = (run: (fixture: StoreFixture) => Promise<void>) => Promise<void>;
export type WithStore = (run: (store: Store) => Promise<void>) => Promise<void>;

function identity(u: UsageRow): UsageIdentity {
  const { recordId, lineId, service, startedMs, durationS, bytesUp, bytesDown, servingPlmn, ratingGroup, sessionId } = u;
  return { recordId, lineId, service, startedMs, durationS, bytesUp, bytesDown, servingPlmn, ratingGroup, sessionId };
}

const EMPTY = { usage: [], outbox: [], rejects: [] } as const;

/** Registers the suite; `skip` (a reason) marks every case skipped, visibly, instead. */
export function storeContract(name: string, factory: StoreFactory, options: { skip?: string | false | undefined } = {}): void {
  const withFixture: WithFixture = async (run) => {
    const fixture = await factory();
    try {
      await run(fixture);
    } finally {
      await fixture.dispose();
    }
  };
  const withStore: WithStore = (run) => withFixture((f) => run(f.store));

  describe(`Store contract: ${name}`, { skip: options.skip ?? false }, () => {
    it("upserts lines whole and loads them back in line order, exact to the micro-unit", () =>
      withStore(async (store) => {
        await store.upsertLines([
          line(2),
          line(1, { email: "a@b.fr", locale: "en", roamingCap: MAX_MICROS, roamingOptOut: true, monthlyFee: 29_990_000 as Micros }),
        ]);
        await store.upsertLines([line(2, { planId: "pro-everywhere-95", activatedAt: "2009-10-01" })]);
        const lines = await store.loadLines();
        assert.deepEqual(
          lines.map((l) => l.lineId),
          ["L1", "L2"],
        );
        assert.deepEqual(lines[0], line(1, { email: "a@b.fr", locale: "en", roamingCap: MAX_MICROS, roamingOptOut: true, monthlyFee: 29_990_000 as Micros }));
        assert.deepEqual(await store.getLine("L2"), line(2, { planId: "pro-everywhere-95", activatedAt: "2009-10-01" }));
        assert.equal(await store.getLine("L9"), undefined);
      }));

    it("commits journal rows and finds their identities by record id, small and bulk batches alike", () =>
      withStore(async (store) => {
        const small = [usage("r1"), usage("r2", { sessionId: undefined, ratingGroup: undefined, bytesDown: 2 ** 52 })];
        const bulk = manyUsage(300, "b");
        await store.commit({ ...EMPTY, usage: small });
        await store.commit({ ...EMPTY, usage: bulk });
        const found = await store.findUsage(["r1", "r2", "b-0", "b-7", "b-299", "nope"]);
        assert.equal(found.size, 5);
        assert.deepEqual(found.get("r1"), identity(small[0] as UsageRow));
        assert.deepEqual(found.get("r2"), identity(small[1] as UsageRow));
        for (const i of [0, 7, 299]) assert.deepEqual(found.get(`b-${i}`), identity(bulk[i] as UsageRow));
        assert.equal((await store.findUsage([])).size, 0);
        const ids = Array.from({ length: 1200 }, (_, i) => `b-${i % 300}`);
        assert.equal((await store.findUsage(ids)).size, 300, "lookups larger than one chunk");
      }));

    it("aggregates counters and allowances per line, period, service and zone", () =>
      withStore(async (store) => {
        await store.commit({
          ...EMPTY,
          usage: [
            usage("a", { amount: 1_500_000 as Micros }),
            usage("b", { amount: 2_500_000 as Micros, quantity: 10, allowanceUsed: 10 }),
            usage("c", { zone: "eu", country: "ES", amount: 7 as Micros, quantity: 3, allowanceId: undefined, allowanceUsed: 0 }),
            usage("d", { usagePeriod: NOV, billPeriod: NOV, quantity: 1, allowanceUsed: 1 }),
          ],
        });
        const counters = (await store.loadCounters()).sort((x, y) => `${x.period}${x.zone}`.localeCompare(`${y.period}${y.zone}`));
        assert.deepEqual(counters, [
          { lineId: "L1", period: OCT, service: "data", zone: "eu", quantity: 3, amount: 7 },
          { lineId: "L1", period: OCT, service: "data", zone: "home", quantity: 5_000_001_010, amount: 4_000_000 },
          { lineId: "L1", period: NOV, service: "data", zone: "home", quantity: 1, amount: 0 },
        ]);
        const allowances = (await store.loadAllowances()).sort((x, y) => x.period.localeCompare(y.period));
        assert.deepEqual(allowances, [
          { lineId: "L1", period: OCT, allowanceId: "data-home", used: 5_000_001_010 },
          { lineId: "L1", period: NOV, allowanceId: "data-home", used: 1 },
        ]);
      }));

    it("keeps one outbox row per notice key, gives back notice marks and lists notices by filter", () =>
      withStore(async (store) => {
        await store.commit({ ...EMPTY, outbox: [outbox("L1", OCT, "usage:80"), outbox("L1", OCT, "cap:roaming:100", { urgent: true, kind: "cap" })] });
        await store.commit({ ...EMPTY, outbox: [outbox("L1", OCT, "usage:80", { payload: "again" }), outbox("L2", NOV, "welcome:ES")] });
        const marks = (await store.loadNoticeMarks()).map((m) => `${m.lineId}|${m.period}|${m.noticeKey}`).sort();
        assert.deepEqual(marks, ["L1|2009-10|cap:roaming:100", "L1|2009-10|usage:80", "L2|2009-11|welcome:ES"]);
        const all = await store.listNotices({});
        assert.equal(all.length, 3);
        assert.ok(
          all.every((n, i) => i === 0 || n.id > (all[i - 1]?.id ?? 0)),
          "notices in insertion order",
        );
        const l1 = await store.listNotices({ lineId: "L1", period: OCT });
        assert.deepEqual(
          l1.map((n) => [n.key, n.kind, n.urgent, n.status, n.payload]),
          [
            ["L1:2009-10:usage:80", "usage", false, "pending", JSON.stringify({ notice: "usage:80" })],
            ["L1:2009-10:cap:roaming:100", "cap", true, "pending", JSON.stringify({ notice: "cap:roaming:100" })],
          ],
        );
        assert.deepEqual(
          (await store.listNotices({ kind: "welcome" })).map((n) => n.lineId),
          ["L2"],
        );
      }));

    it("records a consent once and loads it back", () =>
      withStore(async (store) => {
        const consent = { lineId: "L1", period: OCT, capId: "roaming", at: "2009-10-14T12:00:00.000Z", actor: "customer", channel: "self-care" };
        await store.recordConsent(consent);
        await store.recordConsent({ ...consent, at: "2009-10-15T00:00:00.000Z" });
        assert.deepEqual(await store.loadConsents(), [consent]);
      }));

    it("aggregates a bill period's usage, closes it with its invoices and first events, atomically", () =>
      withStore(async (store) => {
        await store.commit({
          ...EMPTY,
          usage: [
            usage("a", { amount: 1_000_000 as Micros, units: 2, overUnits: 5, overCapId: "roaming" }),
            usage("b", { amount: 500_000 as Micros, units: 1, overUnits: 1, overCapId: "account" }),
            usage("c", { amount: 1 as Micros, units: 1 }),
            usage("d", { usagePeriod: OCT, billPeriod: NOV, amount: 9 as Micros }),
          ],
        });
        const rows = await store.usageForBilling(OCT);
        assert.equal(rows.length, 1);
        const row = rows[0];
        assert.deepEqual(
          { ...row, overCapIds: row?.overCapIds.split(",").sort().join(",") },
          {
            lineId: "L1",
            service: "data",
            zone: "home",
            country: "FR",
            usagePeriod: OCT,
            quantity: 15_000_003_000,
            units: 4,
            unitLabel: "MB",
            amount: 1_500_001,
            overUnits: 6,
            overCapIds: "account,roaming",
            records: 3,
          },
        );
        const invoice = { invoiceId: "INV-A0-2009-10", accountId: "A0", period: OCT, status: "held" as const, totalExclTax: MAX_MICROS, document: '{"x":1}' };
        const events = [
          { invoiceId: invoice.invoiceId, at: "2009-11-01T00:00:00.000Z", actor: "system", from: undefined, to: "draft" as const, reason: "closed" },
          { invoiceId: invoice.invoiceId, at: "2009-11-01T00:00:00.000Z", actor: "system", from: "draft" as const, to: "held" as const, reason: "rule" },
        ];
        await store.closePeriod(OCT, [invoice], events);
        assert.deepEqual(await store.closedPeriods(), [OCT]);
        assert.deepEqual(await store.listInvoices(OCT), [invoice]);
        assert.deepEqual(await store.listInvoices(undefined), [invoice]);
        assert.deepEqual(await store.listInvoices(NOV), []);
        assert.deepEqual(await store.invoiceEvents(invoice.invoiceId), events);
        await assert.rejects(store.closePeriod(OCT, [{ ...invoice, invoiceId: "INV-2" }], []), "a period closes once");
        assert.deepEqual(await store.listInvoices(undefined), [invoice], "the failed close left nothing");
      }));

    it("keeps rejects with their reasons, by source, in order, and records imports", () =>
      withStore(async (store) => {
        await store.commit({ ...EMPTY, rejects: [reject("a.csv", 3), reject("b.csv", 1, { recordId: undefined, raw: 'x,"y\tz"\\' })] });
        await store.commit({ ...EMPTY, rejects: [reject("a.csv", 9)] });
        assert.deepEqual(await store.listRejects("a.csv", 10), [reject("a.csv", 3), reject("a.csv", 9)]);
        assert.deepEqual(await store.listRejects(undefined, 2), [reject("a.csv", 3), reject("b.csv", 1, { recordId: undefined, raw: 'x,"y\tz"\\' })]);
        await store.recordImport({
          importId: "imp-1",
          source: "a.csv",
          startedAt: "2009-11-02T00:00:00.000Z",
          finishedAt: "2009-11-02T00:00:01.000Z",
          read: 3,
          accepted: 1,
          duplicates: 0,
          rejected: 2,
          rejectsFile: undefined,
        });
      }));

    it("writes nothing of a batch that fails, whether it goes row by row or in bulk", () =>
      withStore(async (store) => {
        await store.commit({ ...EMPTY, usage: [usage("dup")] });
        for (const rows of [
          [usage("x1"), usage("dup")],
          [...manyUsage(100, "y"), usage("dup")],
        ]) {
          await assert.rejects(store.commit({ usage: rows, outbox: [outbox("L1", OCT, "usage:50")], rejects: [reject("c.csv", 1)] }));
        }
        assert.deepEqual([...(await store.findUsage(["dup", "x1", "y-0", "y-99"])).keys()], ["dup"]);
        assert.deepEqual(await store.listNotices({}), []);
        assert.deepEqual(await store.listRejects(undefined, 10), []);
        assert.equal((await store.loadCounters()).length, 1);
      }));

    it("commits online sessions and answers with the journal, and prunes old answers", () =>
      withStore(async (store) => {
        const session = {
          sessionId: "gw;1;1",
          lineId: "L1",
          peerHost: "pgw.example",
          peerRealm: "example",
          servingPlmn: "20801",
          lastRequestNumber: 2,
          openedMs: Date.UTC(2009, 9, 14),
          lastSeenMs: Date.UTC(2009, 9, 14, 0, 5),
          reservations: [
            { ratingGroup: 1, service: "data" as const, zone: "home" as const, quantity: 1_048_576, amount: 0 as Micros, allowanceQuantity: 1_048_576 },
          ],
        };
        const answer = (n: number) => ({ sessionId: "gw;1;1", requestNumber: n, answer: `{"n":${n}}`, at: "2009-10-14T00:05:00.000Z" });
        await store.commit({ ...EMPTY, usage: [usage("o1")], online: { sessions: [session], closedSessions: [], answers: [answer(0), answer(1), answer(2)] } });
        assert.deepEqual(await store.online.loadSessions(), [session]);
        assert.equal(await store.online.lineOfSession("gw;1;1"), "L1");
        assert.equal(await store.online.lineOfSession("gw;9;9"), undefined);
        assert.equal(await store.online.findAnswer("gw;1;1", 2), '{"n":2}');
        assert.equal(await store.online.findAnswer("gw;1;1", 1), '{"n":1}');
        assert.equal(await store.online.findAnswer("gw;1;1", 0), undefined, "older answers are pruned");
        await store.commit({ ...EMPTY, online: { sessions: [], closedSessions: ["gw;1;1"], answers: [answer(3)] } });
        assert.deepEqual(await store.online.loadSessions(), []);
        assert.equal(await store.online.lineOfSession("gw;1;1"), undefined, "closed");
        assert.equal(await store.online.findAnswer("gw;1;1", 3), '{"n":3}');
      }));

    it("loads only the lines, counters, allowances, notice marks, consents and sessions of the partitions asked for", () =>
      withStore(async (store) => {
        // L1..L3 are in partitions 110, 219, 72: an engine owning 72 and 110 loads L1 and L3, never L2.
        const [p1, p2, p3] = ["L1", "L2", "L3"].map((id) => partitionOf(id)) as [number, number, number];
        assert.ok(new Set([p1, p2, p3]).size === 3, "three partitions");
        const owned = [p3, p1];
        await store.upsertLines([line(1), line(2), line(3)]);
        const session = (lineId: string) => ({
          sessionId: `gw;${lineId}`,
          lineId,
          peerHost: "pgw.example",
          peerRealm: "example",
          servingPlmn: "20801",
          lastRequestNumber: 0,
          openedMs: Date.UTC(2009, 9, 14),
          lastSeenMs: Date.UTC(2009, 9, 14),
          reservations: [],
        });
        await store.commit({
          usage: ["L1", "L2", "L3"].map((lineId) => usage(`r-${lineId}`, { lineId })),
          outbox: ["L1", "L2", "L3"].map((lineId) => outbox(lineId, OCT, "usage:80")),
          rejects: [],
          online: { sessions: ["L1", "L2", "L3"].map(session), closedSessions: [], answers: [] },
        });
        for (const lineId of ["L1", "L2", "L3"])
          await store.recordConsent({ lineId, period: OCT, capId: "roaming", at: "2009-10-14T12:00:00.000Z", actor: "customer", channel: "self-care" });

        const ids = (rows: readonly { lineId: string }[]) => rows.map((r) => r.lineId).sort();
        assert.deepEqual(ids(await store.loadLines(owned)), ["L1", "L3"]);
        assert.deepEqual(ids(await store.loadCounters(owned)), ["L1", "L3"]);
        assert.deepEqual(ids(await store.loadAllowances(owned)), ["L1", "L3"]);
        assert.deepEqual(ids(await store.loadNoticeMarks(owned)), ["L1", "L3"]);
        assert.deepEqual(ids(await store.loadConsents(owned)), ["L1", "L3"]);
        assert.deepEqual(ids(await store.online.loadSessions(owned)), ["L1", "L3"]);
        // The rows themselves are those of the unfiltered load.
        const l1 = (await store.loadCounters()).filter((c) => c.lineId === "L1");
        assert.deepEqual(
          (await store.loadCounters(owned)).filter((c) => c.lineId === "L1"),
          l1,
        );
        // No partition: nothing; no filter: every line.
        assert.deepEqual(await store.loadLines([]), []);
        assert.deepEqual(await store.loadCounters([]), []);
        assert.deepEqual(await store.online.loadSessions([]), []);
        assert.deepEqual(ids(await store.loadLines()), ["L1", "L2", "L3"]);
        assert.deepEqual(ids(await store.loadNoticeMarks()), ["L1", "L2", "L3"]);
      }));

    reviewContract(withStore);
    outboxContract(withFixture);
    anomalyContract(withFixture);
    authContract(withStore);
  });
}
