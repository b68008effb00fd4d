import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { RateLimiter } from "./rate-limit.ts";

describe("rate limiter (token bucket per caller)", () => {
  it("allows a burst of `capacity`, then refills at `perSecond`", () => {
    let now = 0;
    const limiter = new RateLimiter({ capacity: 2, perSecond: 1 }, () => now);
    assert.deepEqual([limiter.take("a").ok, limiter.take("a").ok], [true, true]);
    assert.deepEqual(limiter.take("a"), { ok: false, retryAfterS: 1 });
    assert.equal(limiter.take("b").ok, true, "each caller has its own bucket");
    now = 500;
    assert.equal(limiter.take("a").ok, false);
    now = 1_000;
    assert.equal(limiter.take("a").ok, true);
    now = 60_000;
    assert.deepEqual([limiter.take("a").ok, limiter.take("a").ok, limiter.take("a").ok], [true, true, false], "never more than the capacity");
  });

  it("forgets full buckets when many callers come and go", () => {
    let now = 0;
    const limiter = new RateLimiter({ capacity: 1, perSecond: 1 }, () => now);
    for (let i = 0; i < 10_001; i++) limiter.take(`ip:${i}`);
    now = 5_000;
    limiter.take("late");
    assert.equal(limiter.take("ip:1").ok, true);
  });
});
