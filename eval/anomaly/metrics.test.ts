import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { LineFinding, Reason, ReasonCode } from "../../src/domain/anomaly/index.ts";
import type { Label } from "./labels.ts";
import { evaluate, pool } from "./metrics.ts";
import { parseSeeds } from "./run-args.ts";

const flagged = (lineId: string, ...codes: ReasonCode[]): LineFinding => ({
  lineId,
  accountId: "A",
  score: 1,
  reasons: codes.map((code) => ({ code, score: 1 }) as Reason),
});

const labels = new Map<string, Label>([
  ["spike", { group: "anomaly", kind: "roaming_spike" }],
  ["spike-missed", { group: "anomaly", kind: "roaming_spike" }],
  ["surge", { group: "anomaly", kind: "volume_multiple" }],
  ["traveller", { group: "hard_negative", kind: "traveller_eu" }],
  ["plain", { group: "normal" }],
]);

describe("metrics", () => {
  const e = evaluate(
    [
      flagged("spike", "roaming_spike", "spend_velocity"),
      flagged("spike-missed", "spend_velocity"),
      flagged("surge", "roaming_spike"),
      flagged("traveller", "roaming_spike"),
    ],
    labels,
  );
  const kind = (k: ReasonCode) => e.perKind.find((x) => x.kind === k);

  it("recall needs the planted kind's own code", () => {
    assert.equal(kind("roaming_spike")?.recall, 0.5);
    assert.equal(kind("volume_multiple")?.recall, 0);
  });

  it("precision counts a code on any planted anomaly as right, strict precision only its own kind", () => {
    assert.equal(kind("roaming_spike")?.precision, 2 / 3);
    assert.equal(kind("roaming_spike")?.strictPrecision, 1 / 3);
    assert.equal(kind("always_on")?.precision, null);
  });

  it("overall is by line, and false alarms are counted per negative group", () => {
    assert.deepEqual({ planted: e.overall.planted, flagged: e.overall.flagged, tp: e.overall.truePositives }, { planted: 3, flagged: 4, tp: 3 });
    assert.deepEqual(
      e.negatives.filter((n) => n.lines > 0),
      [
        { kind: "traveller_eu", lines: 1, flagged: 1 },
        { kind: "normal", lines: 1, flagged: 0 },
      ],
    );
  });

  it("pooling adds counts rather than averaging ratios", () => {
    const p = pool([e, e]);
    assert.equal(p.overall.planted, 6);
    assert.equal(p.overall.precision, 0.75);
  });

  it("reads seeds as N, N-M or a list", () => {
    assert.deepEqual(parseSeeds("101-103"), { ok: true, value: [101, 102, 103] });
    assert.deepEqual(parseSeeds("1,3"), { ok: true, value: [1, 3] });
    assert.equal(parseSeeds("x").ok, false);
  });
});
