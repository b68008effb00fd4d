import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatMoney, microsToText, sumMicros, toMicros } from "../web/src/money.ts";
import { shiftPeriod } from "../web/src/period.ts";

describe("web app money: decimal strings and bigint micro-units, never floats", () => {
  it("parses and sums exactly", () => {
    assert.equal(toMicros("45923.61"), 45_923_610_000n);
    assert.equal(toMicros("0.0002"), 200n);
    assert.equal(toMicros("-2600.40"), -2_600_400_000n);
    // 0.1 + 0.2 is exact here.
    assert.equal(microsToText(sumMicros(["0.10", "0.20"])), "0.30");
    assert.equal(microsToText(sumMicros(["95.00", "45828.61"])), "45923.61");
    assert.throws(() => toMicros("1e3"));
  });

  it("rounds half-up only when presenting a sum of finer amounts", () => {
    assert.equal(microsToText(5_000n), "0.01");
    assert.equal(microsToText(4_999n), "0.00");
    assert.equal(microsToText(-5_000n), "-0.01");
  });

  it("formats for each language", () => {
    assert.equal(formatMoney("159212.00", "en", "EUR"), "€159,212.00");
    assert.equal(formatMoney("159212.00", "fr", "EUR"), "159\u202f212,00\u00a0€");
    assert.equal(formatMoney("-2600.4", "en", "EUR"), "-€2,600.40");
    assert.equal(formatMoney("0.0002", "fr", "EUR"), "0,0002\u00a0€");
  });

  it("shifts periods across years", () => {
    assert.deepEqual([shiftPeriod("2009-10", 1), shiftPeriod("2009-12", 1), shiftPeriod("2010-01", -1)], ["2009-11", "2010-01", "2009-12"]);
  });
});
