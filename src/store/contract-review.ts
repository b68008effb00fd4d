/** The review desk's part of the store contract (`Store.review`), registered by `contract.ts`. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { type Micros, partitionOf } from "../domain/index.ts";
import type { WithStore } from "./contract.ts";
import { line, NOV, OCT, outbox, usage } from "./contract-fixtures.ts";
import type { StoredInvoice } from "./ports.ts";
import type { PlanChangeRow, StoredPaymentPlan } from "./review-ports.ts";

const HELD: StoredInvoice = {
  invoiceId: "INV-1",
  accountId: "A0",
  period: OCT,
  status: "held",
  totalExclTax: 120_000_000 as Micros,
  document: '{"status":"held"}',
};
const AT = "2009-11-03T10:00:00.000Z";

function plan(planId: string, total: number): StoredPaymentPlan {
  return {
    planId,
    invoiceId: HELD.invoiceId,
    createdAt: AT,
    actor: "ana",
    status: "active",
    total: total as Micros,
    instalments: [
      { seq: 1, dueDate: "2009-12-01", amount: (total / 2) as Micros },
      { seq: 2, dueDate: "2010-01-01", amount: (total / 2) as Micros },
    ],
  };
}

export function reviewContract(withStore: WithStore): void {
  it("review: applies an action only while the invoice is as the reviewer saw it", () =>
    withStore(async (store) => {
      await store.closePeriod(OCT, [HELD, { ...HELD, invoiceId: "INV-2", accountId: "A1", status: "issued" }], []);
      const stale = await store.review.write({ invoiceId: "INV-1", expectedStatus: "approved", expectedCreditNotes: 0, events: [] });
      assert.equal(stale, false);
      const event = { invoiceId: "INV-1", at: AT, actor: "ana", from: "held" as const, to: "approved" as const, reason: "customer agreed" };
      const ok = await store.review.write({
        invoiceId: "INV-1",
        expectedStatus: "held",
        expectedCreditNotes: 0,
        events: [event],
        document: '{"status":"approved"}',
        paymentPlan: plan("PP-1", 120_000_000),
        contact: { invoiceId: "INV-1", accountId: "A0", at: AT, actor: "ana", outcome: "agreed", note: "two instalments" },
      });
      assert.equal(ok, true);
      assert.deepEqual(await store.review.getInvoice("INV-1"), { ...HELD, status: "approved", document: '{"status":"approved"}' });
      assert.equal(await store.review.getInvoice("INV-9"), undefined);
      assert.deepEqual(await store.review.events(["INV-1", "INV-2"]), [event]);
      assert.deepEqual(
        (await store.review.invoicesWithStatus(["approved", "issued"])).map((i) => i.invoiceId),
        ["INV-1", "INV-2"],
      );
      assert.deepEqual([...(await store.review.invoicedAccounts())].sort(), ["A0", "A1"]);
      const note = {
        creditNoteId: "CN-1",
        invoiceId: "INV-1",
        at: AT,
        actor: "ana",
        reasonCode: "goodwill",
        totalExclTax: 20_000_000 as Micros,
        tax: 4_000_000 as Micros,
        document: "{}",
      };
      const credited = await store.review.write({
        invoiceId: "INV-1",
        expectedStatus: "approved",
        expectedCreditNotes: 0,
        events: [],
        creditNote: note,
        paymentPlan: plan("PP-2", 100_000_000),
      });
      assert.equal(credited, true);
      assert.deepEqual(await store.review.creditNotes("INV-1"), [note]);
      assert.deepEqual(await store.review.paymentPlans("INV-1"), [{ ...plan("PP-1", 120_000_000), status: "superseded" }, plan("PP-2", 100_000_000)]);
      assert.deepEqual(
        (await store.review.contacts(["INV-1"])).map((c) => c.outcome),
        ["agreed"],
      );
      assert.equal(
        await store.review.write({ invoiceId: "INV-1", expectedStatus: "approved", expectedCreditNotes: 0, events: [] }),
        false,
        "a credit note moved it",
      );
    }));

  it("review: replays the journal in order, of chosen lines, and schedules then applies plan changes", () =>
    withStore(async (store) => {
      await store.upsertLines([line(1), line(2)]);
      await store.commit({
        usage: [usage("j1", { amount: 3 as Micros }), usage("j2", { lineId: "L2" }), usage("j3", { amount: 1 as Micros }), usage("j4", { usagePeriod: NOV })],
        outbox: [],
        rejects: [],
      });
      const all = await store.review.journaledUsage([OCT]);
      assert.deepEqual(
        all.map((r) => [r.lineId, r.amount]),
        [
          ["L1", 3],
          ["L2", 0],
          ["L1", 1],
        ],
      );
      assert.equal(all[0]?.quantity, 5_000_001_000);
      assert.equal((await store.review.journaledUsage([OCT], new Set(["L2"]))).length, 1);
      assert.deepEqual(await store.review.journaledUsage([]), []);

      const change: PlanChangeRow = {
        lineId: "L1",
        effectivePeriod: NOV,
        fromPlan: "pro-everywhere-50",
        fromFee: undefined,
        toPlan: "pro-everywhere-95",
        toFee: 45_000_000 as Micros,
        scheduledAt: AT,
        actor: "ana",
        status: "scheduled",
        appliedAt: undefined,
      };
      await store.review.schedulePlanChanges([change], [outbox("L1", NOV, "plan-change")]);
      assert.deepEqual(await store.review.planChanges("scheduled"), [change]);
      assert.deepEqual(await store.review.planChanges("scheduled", [partitionOf("L1")]), [change], "of its partition's lines");
      assert.deepEqual(await store.review.planChanges(undefined, [partitionOf("L2")]), [], "not another partition's");
      assert.equal((await store.listNotices({ kind: "plan-change" })).length, 1);
      await store.review.applyPlanChanges([change], [line(1, { planId: "pro-everywhere-95", monthlyFee: 45_000_000 as Micros })], AT);
      assert.deepEqual(await store.review.planChanges(), [{ ...change, status: "applied", appliedAt: AT }]);
      assert.equal((await store.getLine("L1"))?.planId, "pro-everywhere-95");
      assert.equal((await store.getLine("L1"))?.monthlyFee, 45_000_000);
    }));
}
