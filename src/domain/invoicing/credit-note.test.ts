import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { EUR, note, PHYSICIAN_INVOICE } from "../../../test/helpers/invoices.ts";
import { type Micros, micros } from "../money.ts";
import { balanceOf } from "./balance.ts";
import { type CreditRequest, draftCreditNote, parseCreditCode } from "./credit-note.ts";

describe("credit notes", () => {
  const cases: { name: string; request: CreditRequest; expect: { total: number; tax: number } | string }[] = [
    { name: "an amount", request: { kind: "amount", amount: micros(12_340_000) }, expect: { total: 12_340_000, tax: 2_420_000 } },
    // 19.6 % of 159,212.00 is 31,205.552 → 31,205.55; of the remaining 50.00 it is 9.80.
    { name: "whole line 2", request: { kind: "lines", lines: [2] }, expect: { total: 159_162_000_000, tax: 31_195_750_000 } },
    { name: "the whole balance", request: { kind: "amount", amount: micros(159_212 * EUR) }, expect: { total: 159_212_000_000, tax: 31_205_550_000 } },
    { name: "more than the balance", request: { kind: "amount", amount: micros(159_212 * EUR + 10_000) }, expect: "credit_exceeds_balance" },
    { name: "a zero amount", request: { kind: "amount", amount: micros(0) }, expect: "invalid_amount" },
    { name: "a fraction of a cent", request: { kind: "amount", amount: micros(1_234_567) }, expect: "invalid_amount" },
    { name: "a line that does not exist", request: { kind: "lines", lines: [3] }, expect: "unknown_invoice_line" },
    { name: "line 0", request: { kind: "lines", lines: [0] }, expect: "unknown_invoice_line" },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = draftCreditNote(PHYSICIAN_INVOICE, [], c.request, "goodwill", "gesture");
      if (typeof c.expect === "string") {
        assert.equal(result.ok ? "ok" : result.code, c.expect);
        return;
      }
      assert.ok(result.ok, result.ok ? "" : result.message);
      assert.equal(result.value.totalExclTax, c.expect.total);
      assert.equal(result.value.tax, c.expect.tax);
      assert.equal(result.value.totalInclTax, c.expect.total + c.expect.tax);
    });
  }

  it("keeps the balance's VAT exactly the VAT on the balance, note after note", () => {
    const credits = [];
    for (const amount of [333_330_000, 1_010_000, 7_770_000]) {
      const r = draftCreditNote(PHYSICIAN_INVOICE, credits, { kind: "amount", amount: amount as Micros }, "goodwill", "gesture");
      assert.ok(r.ok);
      credits.push(note(r.value, credits.length + 1));
    }
    const b = balanceOf(PHYSICIAN_INVOICE, credits);
    assert.equal(b.exclTax, 159_212_000_000 - 342_110_000);
    assert.equal(b.creditedExclTax, 342_110_000);
    // 19.6 % of 158,869.89 = 31,138.49844 → 31,138.50
    assert.equal(b.tax, 31_138_500_000);
    assert.equal(b.inclTax, b.exclTax + b.tax);
  });

  it("refuses to credit the same line twice, and a credit with no reason", () => {
    const first = draftCreditNote(PHYSICIAN_INVOICE, [], { kind: "lines", lines: [2] }, "billing_error", "per-MB billing");
    assert.ok(first.ok);
    const again = draftCreditNote(PHYSICIAN_INVOICE, [note(first.value)], { kind: "lines", lines: [2] }, "billing_error", "twice");
    assert.equal(again.ok ? "ok" : again.code, "line_already_credited");
    const silent = draftCreditNote(PHYSICIAN_INVOICE, [], { kind: "amount", amount: micros(EUR) }, "goodwill", " ");
    assert.equal(silent.ok ? "ok" : silent.code, "missing_reason");
  });

  it("takes only a reviewer's reason codes", () => {
    assert.equal(parseCreditCode("dispute").ok, true);
    const internal = parseCreditCode("rerate");
    assert.equal(internal.ok ? "ok" : internal.code, "invalid_reason_code");
  });
});
