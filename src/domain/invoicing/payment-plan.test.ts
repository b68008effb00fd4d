import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type Micros, micros } from "../money.ts";
import { addMonths, planInstalments } from "./payment-plan.ts";

describe("payment plans", () => {
  it("splits 59.80 into three instalments summing exactly to it, odd cent first", () => {
    const r = planInstalments(micros(59_800_000), 3, "2009-12-15");
    assert.ok(r.ok);
    assert.deepEqual(
      r.value.map((i) => [i.seq, i.dueDate, i.amount]),
      [
        [1, "2009-12-15", 19_940_000],
        [2, "2010-01-15", 19_930_000],
        [3, "2010-02-15", 19_930_000],
      ],
    );
  });

  it("takes the reviewer's own amounts when they sum exactly", () => {
    const r = planInstalments(micros(59_800_000), 2, "2009-12-01", [micros(40_000_000), micros(19_800_000)]);
    assert.ok(r.ok);
    assert.deepEqual(
      r.value.map((i) => i.amount),
      [40_000_000, 19_800_000],
    );
  });

  const refusals: { name: string; args: [number, number, string, Micros[]?]; code: string }[] = [
    { name: "amounts that do not sum", args: [59_800_000, 2, "2009-12-01", [micros(30_000_000), micros(29_700_000)]], code: "payment_plan_mismatch" },
    { name: "fewer amounts than instalments", args: [59_800_000, 3, "2009-12-01", [micros(59_800_000)]], code: "payment_plan_mismatch" },
    { name: "no instalment", args: [59_800_000, 0, "2009-12-01"], code: "invalid_instalments" },
    { name: "forty years", args: [59_800_000, 480, "2009-12-01"], code: "invalid_instalments" },
    { name: "a fractional count", args: [59_800_000, 2.5, "2009-12-01"], code: "invalid_instalments" },
    { name: "nothing owed", args: [0, 3, "2009-12-01"], code: "nothing_due" },
    { name: "an impossible date", args: [59_800_000, 3, "2009-02-30"], code: "invalid_due_date" },
  ];
  for (const c of refusals) {
    it(`refuses ${c.name} (${c.code})`, () => {
      const [balance, count, first, amounts] = c.args;
      const r = planInstalments(balance as Micros, count, first, amounts);
      assert.equal(r.ok ? "ok" : r.code, c.code);
    });
  }

  it("keeps the day of the month, clamped to shorter months", () => {
    assert.equal(addMonths("2009-01-31", 1), "2009-02-28");
    assert.equal(addMonths("2012-01-31", 1), "2012-02-29");
    assert.equal(addMonths("2009-11-30", 3), "2010-02-28");
    assert.equal(addMonths("2009-12-15", 1), "2010-01-15");
  });
});
