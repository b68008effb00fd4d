import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Rng } from "./prng.ts";

describe("seeded PRNG", () => {
  it("repeats itself for the same seed and stream, and only then", () => {
    const draw = (seed: number, stream: number) => {
      const r = new Rng(seed, stream);
      return Array.from({ length: 5 }, () => r.next());
    };
    assert.deepEqual(draw(1, 0), draw(1, 0));
    assert.notDeepEqual(draw(1, 0), draw(2, 0));
    assert.notDeepEqual(draw(1, 0), draw(1, 1));
  });

  it("stays in range and looks uniform", () => {
    const r = new Rng(42);
    let total = 0;
    for (let i = 0; i < 20_000; i++) {
      const x = r.next();
      assert.ok(x >= 0 && x < 1);
      total += x;
    }
    assert.ok(Math.abs(total / 20_000 - 0.5) < 0.01);
    for (let i = 0; i < 1000; i++) {
      const n = r.int(3, 5);
      assert.ok(n >= 3 && n <= 5 && Number.isInteger(n));
    }
  });

  it("log-normal draws centre on their median", () => {
    const r = new Rng(3);
    const xs = Array.from({ length: 5001 }, () => r.lognormal(100, 0.5)).sort((a, b) => a - b);
    const median = xs[2500] ?? 0;
    assert.ok(median > 95 && median < 105, `median ${median}`);
  });
});
