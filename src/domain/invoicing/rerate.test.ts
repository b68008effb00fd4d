import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { guarded, plan } from "../../../test/helpers/catalog.ts";
import { EUR, note, OCT } from "../../../test/helpers/invoices.ts";
import { effectiveCaps } from "../guard/caps.ts";
import { micros, ZERO } from "../money.ts";
import type { Period } from "../period.ts";
import { GIB, KIB } from "../units.ts";
import { buildInvoice } from "./build.ts";
import { draftCreditNote } from "./credit-note.ts";
import { type JournaledUsage, type RatingTerms, recordedUsage, rerateUsage } from "./rerate.ts";
import { feeUnder, rerateCredit } from "./rerate-credit.ts";

const NOV = "2009-11" as Period;

function usage(quantity: number, zone: "home" | "eu", billPeriod: Period = OCT): JournaledUsage {
  return {
    lineId: "PHY-0001",
    service: "data",
    zone,
    country: zone === "eu" ? "BE" : "FR",
    countryName: zone === "eu" ? "Belgium" : "France",
    quantity,
    usagePeriod: OCT,
    billPeriod,
    units: 0,
    unitLabel: "KiB",
    amount: ZERO,
    overUnits: 0,
    overCapId: undefined,
  };
}

function terms(planId: string): (lineId: string) => RatingTerms {
  const p = plan(guarded, planId);
  return () => ({ plan: p, caps: effectiveCaps(p, { roamingCap: undefined, roamingOptOut: false }), accountId: "A1" });
}

const journal = [usage(GIB, "home"), usage(10 * KIB, "home"), usage(100 * KIB, "eu"), usage(5 * KIB, "home", NOV)];

describe("re-rating journaled usage with the pure core", () => {
  const cases: { name: string; planId: string; keep: (u: JournaledUsage) => boolean; expect: Record<string, [number, number]> }[] = [
    {
      name: "on the legacy plan: the allowance first, then 0.0002 per KiB at home and 0.01 per KiB in Belgium",
      planId: "pro-everywhere-50",
      keep: (u) => u.billPeriod === OCT,
      expect: { home: [10, 2_000], eu: [100, 1_000_000] },
    },
    {
      name: "on pro-unlimited: home data is counted at a price of zero, roaming is still billed",
      planId: "pro-unlimited",
      keep: (u) => u.billPeriod === OCT,
      expect: { home: [1_048_586, 0], eu: [100, 1_000_000] },
    },
    {
      name: "a record billed later still consumed what it consumed, and is left out",
      planId: "pro-everywhere-50",
      keep: (u) => u.billPeriod === NOV,
      expect: { home: [5, 1_000] },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = rerateUsage(journal, terms(c.planId), c.keep);
      assert.ok(r.ok);
      const got = Object.fromEntries(r.value.map((a) => [a.zone, [a.units, a.amount]]));
      assert.deepEqual(got, c.expect);
    });
  }

  it("reports a plan without a tariff for the usage as rating_failed", () => {
    const bare = { ...plan(guarded, "pro-unlimited"), tariffs: [] };
    const r = rerateUsage(
      journal,
      () => ({ plan: bare, caps: [], accountId: "A1" }),
      () => true,
    );
    assert.equal(r.ok ? "ok" : r.code, "rating_failed");
  });

  it("aggregates the journal's own rating unchanged", () => {
    const recorded = recordedUsage([{ ...usage(KIB, "eu"), units: 1, amount: micros(10_000) }], () => true);
    assert.deepEqual(
      recorded.map((a) => [a.zone, a.units, a.amount, a.records]),
      [["eu", 1, 10_000, 1]],
    );
  });
});

describe("the credit of a re-rating", () => {
  const legacy = plan(guarded, "pro-everywhere-50");
  const unlimited = plan(guarded, "pro-unlimited");
  const build = (planId: string, planName: string, fee: number, usageOf: JournaledUsage[]) =>
    buildInvoice(guarded, {
      invoiceId: "INV-1",
      accountId: "A1",
      period: OCT,
      lines: [{ lineId: "PHY-0001", planId, planName, monthlyFee: micros(fee) }],
      usage: usageOf.map((u) => ({ ...u, overCapIds: [], records: 1 })),
      extraHoldReasons: [],
    });
  // The physician's invoice as billed: 50.00 + 795,810,000 KiB at 0.0002.
  const billed = { ...usage(795_810_000 * KIB, "home"), units: 795_810_000, amount: micros(159_162 * EUR) };
  const old = build(legacy.id, legacy.name, 50 * EUR, [billed]);
  const fresh = build(unlimited.id, unlimited.name, feeUnder(unlimited, undefined, micros(50 * EUR)), [{ ...billed, units: 0, amount: ZERO }]);

  it("credits the difference line by line: 159,162.00, leaving 50.00", () => {
    assert.equal(old.totalExclTax, 159_212 * EUR);
    assert.equal(fresh.totalExclTax, 50 * EUR);
    const items = rerateCredit(old, fresh, [], unlimited.id);
    assert.ok(items.ok);
    assert.deepEqual(
      items.value.map((i) => [i.invoiceLine, i.amount]),
      [[2, 159_162 * EUR]],
    );
  });

  it("after an earlier credit note, takes the balance down to the new total in one line", () => {
    const earlier = draftCreditNote(old, [], { kind: "amount", amount: micros(22_622 * EUR) }, "goodwill", "first gesture");
    assert.ok(earlier.ok);
    const items = rerateCredit(old, fresh, [note(earlier.value)], unlimited.id);
    assert.ok(items.ok);
    assert.deepEqual(
      items.value.map((i) => [i.invoiceLine, i.amount]),
      [[undefined, (159_212 - 22_622 - 50) * EUR]],
    );
  });

  it("has nothing to credit when the other plan costs as much or more", () => {
    const r = rerateCredit(fresh, old, [], legacy.id);
    assert.equal(r.ok ? "ok" : r.code, "nothing_to_credit");
  });

  it("a plan with its own fee bills it; one that inherits keeps the line's", () => {
    assert.equal(feeUnder(legacy, micros(95 * EUR), micros(95 * EUR)), 50 * EUR);
    assert.equal(feeUnder(unlimited, micros(95 * EUR), micros(50 * EUR)), 95 * EUR);
    assert.equal(feeUnder(unlimited, undefined, micros(50 * EUR)), 50 * EUR);
  });
});
