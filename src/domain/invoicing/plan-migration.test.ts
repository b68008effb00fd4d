import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { guarded, plan } from "../../../test/helpers/catalog.ts";
import { EUR, OCT } from "../../../test/helpers/invoices.ts";
import { effectiveCaps } from "../guard/caps.ts";
import { micros, ZERO } from "../money.ts";
import { GIB, KIB } from "../units.ts";
import { type SegmentLine, simulateMigration } from "./plan-migration.ts";
import type { JournaledUsage } from "./rerate.ts";

const unlimited = plan(guarded, "pro-unlimited");
const target = (accountId: string) => ({ plan: unlimited, caps: effectiveCaps(unlimited, { roamingCap: undefined, roamingOptOut: false }), accountId });

function member(lineId: string, oldFee: number, newFee: number): SegmentLine {
  return {
    lineId,
    accountId: `A-${lineId}`,
    planId: "pro-everywhere-50",
    oldFee: micros(oldFee),
    newFee: micros(newFee),
    periods: [OCT],
    target: target(`A-${lineId}`),
  };
}

function record(lineId: string, quantity: number, zone: "home" | "eu", units: number, amount: number): JournaledUsage {
  return {
    lineId,
    service: "data",
    zone,
    country: zone === "eu" ? "BE" : "FR",
    countryName: "",
    quantity,
    usagePeriod: OCT,
    billPeriod: OCT,
    units,
    unitLabel: "KiB",
    amount: micros(amount),
    overUnits: 0,
    overCapId: undefined,
  };
}

describe("plan-migration simulation", () => {
  // PHY: 1 GiB in the allowance + 1,000 KiB billed 0.20; LIGHT: 10 KiB of Belgium, 0.10.
  const usage = [record("PHY", GIB, "home", 0, 0), record("PHY", 1_000 * KIB, "home", 1_000, 200_000), record("LIGHT", 10 * KIB, "eu", 10, 100_000)];

  it("compares what was billed with the target plan, line by line, to the micro-euro", () => {
    const r = simulateMigration([member("PHY", 50 * EUR, 50 * EUR), member("LIGHT", 50 * EUR, 60 * EUR)], usage, [OCT]);
    assert.ok(r.ok);
    assert.deepEqual(
      r.value.lines.map((l) => [l.lineId, l.oldTotal, l.newTotal, l.delta]),
      [
        ["PHY", 50_200_000, 50_000_000, -200_000],
        ["LIGHT", 50_100_000, 60_100_000, 10_000_000],
      ],
    );
    assert.deepEqual(r.value.totals, {
      lines: 2,
      oldTotal: 100_300_000,
      newTotal: 110_100_000,
      delta: 9_800_000,
      payingMore: 1,
      payingLess: 1,
      unchanged: 0,
    });
  });

  it("bills the fee only in the periods the line was active, and nothing else outside the segment", () => {
    const inactive = { ...member("NEW", 50 * EUR, 50 * EUR), periods: [] };
    const r = simulateMigration([inactive], usage, [OCT]);
    assert.ok(r.ok);
    assert.deepEqual(
      r.value.lines.map((l) => [l.oldTotal, l.newTotal]),
      [[ZERO, ZERO]],
    );
  });
});
