import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { EUR, invoice, line, note, PHYSICIAN_INVOICE } from "../../../test/helpers/invoices.ts";
import { type Micros, micros } from "../money.ts";
import { draftCreditNote } from "./credit-note.ts";
import { serviceOf, type WaiverCap, type WaiverRequest, waiverItems } from "./waiver.ts";

const ROAMING_CAP: WaiverCap = {
  id: "eu-roaming-data",
  name: "Roaming data limit",
  service: "data",
  zones: ["eu", "world", "non_terrestrial"],
  limit: micros(50 * EUR),
};
const SPEND_CAP: WaiverCap = { id: "total", name: "Spend limit", service: undefined, zones: ["home", "national", "eu", "world"], limit: micros(100 * EUR) };

/** Valenciennes with the cut-off opted out: 95.00 + 45,828.61 of Belgian roaming. */
const VALENCIENNES = invoice([
  line({ lineId: "VAL-0001", kind: "subscription", amount: micros(95 * EUR) }),
  line({ lineId: "VAL-0001", kind: "roaming_data", amount: micros(45_828_610_000), zone: "eu", country: "BE", quantity: 4_582_861 }),
]);

describe("waivers of what is over a cap", () => {
  const cases: { name: string; invoice: typeof VALENCIENNES; request: WaiverRequest; expect: number[] | string }[] = [
    { name: "roaming beyond the 50.00 limit", invoice: VALENCIENNES, request: { kind: "line_caps", capsOf: () => [ROAMING_CAP] }, expect: [45_778_610_000] },
    {
      name: "overlapping caps never waive the same euro twice",
      invoice: VALENCIENNES,
      request: { kind: "line_caps", capsOf: () => [ROAMING_CAP, SPEND_CAP] },
      expect: [45_778_610_000],
    },
    {
      name: "a spend cap over every zone takes what the roaming cap left above it",
      invoice: invoice([
        line({ kind: "domestic_data", amount: micros(80 * EUR), zone: "home", country: "FR" }),
        line({ kind: "roaming_data", amount: micros(70 * EUR), zone: "eu", country: "BE" }),
      ]),
      request: { kind: "line_caps", capsOf: () => [ROAMING_CAP, SPEND_CAP] },
      expect: [20 * EUR, 30 * EUR],
    },
    { name: "no line beyond its caps", invoice: PHYSICIAN_INVOICE, request: { kind: "line_caps", capsOf: () => [ROAMING_CAP] }, expect: "nothing_to_waive" },
    { name: "the invoice down to 500.00", invoice: PHYSICIAN_INVOICE, request: { kind: "invoice_cap", cap: micros(500 * EUR) }, expect: [158_712 * EUR] },
    { name: "a cap above the balance", invoice: VALENCIENNES, request: { kind: "invoice_cap", cap: micros(50_000 * EUR) }, expect: "nothing_to_waive" },
    { name: "a cap in fractions of a cent", invoice: VALENCIENNES, request: { kind: "invoice_cap", cap: micros(1) }, expect: "invalid_amount" },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = waiverItems(c.invoice, [], c.request);
      if (typeof c.expect === "string") assert.equal(r.ok ? "ok" : r.code, c.expect);
      else {
        assert.ok(r.ok, r.ok ? "" : r.message);
        assert.deepEqual(
          r.value.map((i) => i.amount),
          c.expect,
        );
      }
    });
  }

  it("an invoice cap counts the credit notes already written", () => {
    const earlier = draftCreditNote(PHYSICIAN_INVOICE, [], { kind: "amount", amount: micros(100_000 * EUR) }, "goodwill", "first");
    assert.ok(earlier.ok);
    const r = waiverItems(PHYSICIAN_INVOICE, [note(earlier.value)], { kind: "invoice_cap", cap: micros(500 * EUR) });
    assert.ok(r.ok);
    assert.deepEqual(
      r.value.map((i) => i.amount as Micros),
      [(59_212 - 500) * EUR],
    );
  });

  it("reads the service of an adjustment line from its unit", () => {
    assert.equal(serviceOf(line({ kind: "adjustment", amount: micros(0), unit: "KiB" })), "data");
    assert.equal(serviceOf(line({ kind: "adjustment", amount: micros(0), unit: "min" })), "voice");
    assert.equal(serviceOf(line({ kind: "adjustment", amount: micros(0), unit: "SMS" })), "sms");
    assert.equal(serviceOf(line({ kind: "subscription", amount: micros(0) })), undefined);
  });
});
