import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { line } from "./fixtures.test.ts";
import { computePeerStats, peerSamples, peerStatsFromSamples } from "./peers.ts";
import type { Micros, Octets } from "./units.ts";

describe("peer statistics", () => {
  it("percentiles per plan, by nearest rank", () => {
    const samples = [
      ...Array.from({ length: 100 }, (_, i) => ({ planId: "b", octets: (i + 1) as Octets, spend: (i * 10) as Micros })),
      { planId: "a", octets: 5 as Octets, spend: 0 as Micros },
    ];
    const [a, b] = peerStatsFromSamples(samples);
    assert.equal(a?.planId, "a");
    assert.equal(a?.samples, 1);
    assert.deepEqual(b?.octets, { p50: 50, p90: 90, p95: 95, p99: 99 });
    assert.deepEqual(b?.spend, { p50: 490, p90: 890, p95: 940, p99: 980 });
  });

  it("only complete months count: a month joined part-way would drag the percentiles down", () => {
    const old = line();
    const joinedInAugust = { ...line({ lineId: "L2" }), activatedOn: "2025-08-10" };
    assert.equal(peerSamples([old]).length, 3);
    assert.equal(peerSamples([joinedInAugust]).length, 1);
    assert.equal(computePeerStats([old, joinedInAugust])[0]?.samples, 4);
  });
});
