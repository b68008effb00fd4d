import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { EUR, line } from "../../../test/helpers/invoices.ts";
import { parseCatalog } from "../catalog/parse.ts";
import type { HoldRule } from "../catalog/types.ts";
import { micros } from "../money.ts";
import { type HoldFacts, holdReasons } from "./hold-rules.ts";

const RULES: HoldRule[] = [
  { code: "amount_above_threshold", kind: "amount_above", threshold: micros(200 * EUR) },
  { code: "roaming_line", kind: "roaming_line" },
  { code: "first_invoice_above_limit", kind: "first_invoice_above", threshold: micros(100 * EUR) },
  { code: "abnormal_consumption", kind: "abnormal_consumption", minScore: 5 },
];

function facts(total: number, extra: Partial<HoldFacts> = {}): HoldFacts {
  return { totalExclTax: micros(total), currency: "EUR", lines: [], notBilled: [], extra: [], ...extra };
}

const roaming = [line({ kind: "roaming_data", amount: micros(20 * EUR), zone: "eu", country: "BE" })];
const finding = (score: number) => ({ lineId: "L0042", score, reasons: [{ code: "roaming_spike", message: "roaming 40× the usual" }] });

describe("hold rules", () => {
  const cases: { name: string; facts: HoldFacts; expect: string[] }[] = [
    { name: "an ordinary invoice goes out", facts: facts(95 * EUR), expect: [] },
    { name: "above 200.00", facts: facts(159_212 * EUR), expect: ["amount_above_threshold"] },
    { name: "a first invoice above 100.00", facts: facts(145 * EUR, { firstInvoice: true }), expect: ["first_invoice_above_limit"] },
    { name: "the same amount on a later invoice", facts: facts(145 * EUR, { firstInvoice: false }), expect: [] },
    { name: "a roaming line", facts: facts(115 * EUR, { lines: roaming }), expect: ["roaming_line"] },
    { name: "a finding at the score", facts: facts(60 * EUR, { findings: [finding(5)] }), expect: ["abnormal_consumption"] },
    { name: "a finding below the score", facts: facts(60 * EUR, { findings: [finding(4.9)] }), expect: [] },
    {
      name: "every reason that applies, and the extra ones last",
      facts: facts(45_923_610_000, { lines: roaming, firstInvoice: true, findings: [finding(8.7)], extra: [{ code: "manual", message: "m" }] }),
      expect: ["amount_above_threshold", "roaming_line", "first_invoice_above_limit", "abnormal_consumption", "manual"],
    },
  ];
  for (const c of cases) {
    it(c.name, () =>
      assert.deepEqual(
        holdReasons(RULES, c.facts).map((r) => r.code),
        c.expect,
      ),
    );
  }

  it("says which line a finding is about", () => {
    const [reason] = holdReasons(RULES, facts(60 * EUR, { findings: [finding(9)] }));
    assert.equal(reason?.message, "line L0042: roaming 40× the usual");
  });

  it("are read from the catalog with their defaults", () => {
    const text = `catalog: t
currency: EUR
billing: { vat: [{ from: "1995-08", rate: "19.6" }] }
home: { country: FR, plmns: ["20801"] }
plans: [{ id: p, name: P, monthly_fee: "1.00" }]
hold_rules:
  - { kind: first_invoice_above, threshold: "100.00" }
  - { kind: abnormal_consumption, min_score: 5.5 }
`;
    const r = parseCatalog(text, "t.yaml");
    assert.ok(r.ok);
    assert.deepEqual(r.catalog.holdRules, [
      { code: "first_invoice_above_limit", kind: "first_invoice_above", threshold: 100 * EUR },
      { code: "abnormal_consumption", kind: "abnormal_consumption", minScore: 5.5 },
    ]);
  });
});
