import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { decimalEur, formatDay, formatMoney, formatOctets, formatPercent, NNBSP, roundToCents } from "./format.ts";
import type { Micros } from "./units.ts";

const m = (n: number): Micros => n as Micros;

describe("money formatting from integer micros", () => {
  const table: readonly { micros: number; en: string; fr: string; decimal: string }[] = [
    { micros: 45_828_610_000, en: "45,828.61 EUR", fr: `45${NNBSP}828,61${NNBSP}EUR`, decimal: "45828.61" },
    { micros: 159_162_000_000, en: "159,162.00 EUR", fr: `159${NNBSP}162,00${NNBSP}EUR`, decimal: "159162.00" },
    { micros: 0, en: "0.00 EUR", fr: `0,00${NNBSP}EUR`, decimal: "0.00" },
    { micros: 4_999, en: "0.00 EUR", fr: `0,00${NNBSP}EUR`, decimal: "0.00" },
    { micros: 5_000, en: "0.01 EUR", fr: `0,01${NNBSP}EUR`, decimal: "0.01" },
    { micros: 1_000_005_000, en: "1,000.01 EUR", fr: `1${NNBSP}000,01${NNBSP}EUR`, decimal: "1000.01" },
    { micros: -2_345_675_000, en: "-2,345.68 EUR", fr: `-2${NNBSP}345,68${NNBSP}EUR`, decimal: "-2345.68" },
  ];
  for (const t of table) {
    it(`${t.micros} micros`, () => {
      assert.equal(formatMoney(m(t.micros), "en"), t.en);
      assert.equal(formatMoney(m(t.micros), "fr"), t.fr);
      assert.equal(decimalEur(m(t.micros)), t.decimal);
    });
  }

  it("rounds half up to cents, away from zero", () => {
    assert.equal(roundToCents(m(15_000)), 2);
    assert.equal(roundToCents(m(-15_000)), -2);
    assert.equal(roundToCents(m(14_999)), 1);
  });

  it("stays exact beyond what a float cent would hold", () => {
    // The largest safe micro count: 9,007,199,254.740991 EUR.
    assert.equal(decimalEur(m(Number.MAX_SAFE_INTEGER)), "9007199254.74");
    assert.equal(formatMoney(m(Number.MAX_SAFE_INTEGER), "en"), "9,007,199,254.74 EUR");
  });
});

describe("other units", () => {
  it("volumes in binary units, per locale", () => {
    assert.equal(formatOctets(4_582_861 * 1024, "en"), "4.37 GiB");
    assert.equal(formatOctets(4_582_861 * 1024, "fr"), `4,37${NNBSP}Gio`);
    assert.equal(formatOctets(512, "en"), "512 B");
    assert.equal(formatOctets(300 * 1024 * 1024, "en"), "300 MiB");
  });

  it("percentages and days", () => {
    assert.equal(formatPercent(0.614, "en"), "61%");
    assert.equal(formatPercent(0.614, "fr"), `61${NNBSP}%`);
    assert.equal(formatDay("2009-10-06", "en"), "6 Oct");
    assert.equal(formatDay("2009-10-06", "fr"), "6 oct.");
  });
});
