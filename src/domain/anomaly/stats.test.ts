import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { dailyBaseline, expectation, zOfSum } from "./baseline.ts";
import { MAD_TO_SIGMA, mad, median, percentile, robustStat, rollingSums } from "./stats.ts";

describe("robust statistics", () => {
  it("median of odd and even counts, undefined when empty", () => {
    assert.equal(median([5, 1, 3]), 3);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.equal(median([]), undefined);
  });

  it("one outlier moves neither the median nor the MAD", () => {
    const calm = [10, 11, 9, 10, 12, 8, 10];
    const spiked = [10, 11, 9, 10, 12, 8, 10_000];
    assert.equal(median(spiked), median(calm));
    assert.equal(mad(spiked, 10), mad(calm, 10));
    assert.equal(mad(calm, 10), 1 * MAD_TO_SIGMA);
  });

  it("robustStat keeps the count", () => {
    assert.deepEqual(robustStat([2, 4, 6]), { median: 4, spread: 2 * MAD_TO_SIGMA, n: 3 });
  });

  it("nearest-rank percentiles are observed values", () => {
    const values = Array.from({ length: 100 }, (_, i) => (i + 1) * 10_000);
    assert.equal(percentile(values, 50), 500_000);
    assert.equal(percentile(values, 99), 990_000);
    assert.equal(percentile(values, 100), 1_000_000);
    assert.equal(percentile([7], 1), 7);
    assert.equal(percentile([], 50), undefined);
  });

  it("rolling sums over complete windows only", () => {
    assert.deepEqual(rollingSums([1, 2, 3, 4], 3), [6, 9]);
    assert.deepEqual(rollingSums([1, 2], 3), []);
  });
});

describe("weekday baselines", () => {
  const floors = {
    minWeekdaySamples: 4,
    weekdayFloorShare: 0.5,
    minMedian: 1,
    minRelativeSpread: 0.25,
    minSpread: 1,
  };
  // Eight weeks of an office line: 100 on weekdays (±10), 20 at weekends.
  const samples = Array.from({ length: 56 }, (_, i) => {
    const weekday = ((i % 7) + 1) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
    return { weekday, value: weekday >= 6 ? 20 : 100 + ((i % 3) - 1) * 10 };
  });
  const b = dailyBaseline(samples);

  it("uses the weekday's own median when it has enough samples", () => {
    assert.ok(b);
    assert.equal(expectation(b, 2, floors).median, 100);
  });

  it("a quiet weekday never expects less than a share of the all-days median", () => {
    assert.ok(b);
    assert.equal(b.byWeekday[6]?.median, 20);
    assert.equal(expectation(b, 7, floors).median, 0.5 * b.all.median);
  });

  it("falls back to all days when a weekday is rare", () => {
    const few = dailyBaseline([...samples.filter((s) => s.weekday !== 3), { weekday: 3, value: 999 }]);
    assert.ok(few);
    assert.equal(expectation(few, 3, floors).median, few.all.median);
  });

  it("a perfectly regular line still has a spread", () => {
    const flat = dailyBaseline(Array.from({ length: 30 }, () => ({ weekday: 1 as const, value: 80 })));
    assert.ok(flat);
    assert.equal(expectation(flat, 1, floors).spread, 20);
  });

  it("z of a sum adds variances, not spreads", () => {
    assert.equal(zOfSum(130, 100, [3, 4]), 6);
  });
});
