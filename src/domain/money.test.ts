import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { allocate, type Micros, micros, parseDecimal, percentOf, priceOf, roundToCents, sum, toCents, toPrice } from "./money.ts";

describe("money", () => {
  it("parses and prints decimal strings exactly", () => {
    assert.equal(parseDecimal("45923.61"), 45_923_610_000);
    assert.equal(parseDecimal("0.0002"), 200);
    assert.equal(parseDecimal("50"), 50_000_000);
    assert.equal(parseDecimal("1.2345678"), undefined);
    assert.equal(parseDecimal("1e3"), undefined);
    assert.equal(toCents(45_923_610_000 as Micros), "45923.61");
    assert.equal(toPrice(200 as Micros), "0.0002");
    assert.equal(toPrice(50_000_000 as Micros), "50.00");
    assert.throws(() => toCents(1 as Micros), RangeError);
  });

  it("rounds half-up to cents, once", () => {
    const cases: [number, number][] = [
      [4_999, 0],
      [5_000, 10_000],
      [45_828_610_000, 45_828_610_000],
      [1_234_565_000, 1_234_570_000],
      [-5_000, -10_000],
    ];
    for (const [input, expected] of cases) assert.equal(roundToCents(input as Micros), expected, `round ${input}`);
  });

  it("prices the 2009 volumes in one multiplication", () => {
    assert.equal(priceOf(4_582_861, micros(10_000)), 45_828_610_000);
    assert.equal(priceOf(795_810_000, micros(200)), 159_162_000_000);
  });

  it("computes VAT exactly on large totals", () => {
    assert.equal(percentOf(159_212_000_000 as Micros, 196_000), 31_205_550_000); // 31,205.552 → 31,205.55
    assert.equal(percentOf(145_000_000 as Micros, 196_000), 28_420_000);
  });

  it("refuses non-integer or overflowing amounts", () => {
    assert.throws(() => micros(0.5), RangeError);
    assert.throws(() => priceOf(2 ** 40, micros(2 ** 20)), RangeError);
  });

  it("allocates instalments that sum exactly to the balance (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 1, max: 480 }), (cents, parts) => {
        const total = (cents * 10_000) as Micros;
        const split = allocate(total, parts);
        assert.equal(split.length, parts);
        assert.equal(sum(split), total);
        const spread = Math.max(...split) - Math.min(...split);
        assert.ok(spread <= 10_000);
      }),
    );
  });

  it("rounding a sum of rounded lines never drifts (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 ** 12 }), { maxLength: 50 }), (amounts) => {
        const lines = amounts.map((a) => roundToCents(a as Micros));
        for (const l of lines) assert.equal(l % 10_000, 0);
        assert.equal(roundToCents(sum(lines)), sum(lines));
      }),
    );
  });
});
