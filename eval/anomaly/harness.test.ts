/**
 * The detectors on a held-out seed (never used for tuning): precision and recall of every kind,
 * and overall, must stay at or above 0.9. Small enough to run with the unit tests.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { REASON_CODES } from "../../src/domain/anomaly/index.ts";
import { runOnce } from "./harness.ts";

describe("evaluation harness, held-out seed 101", () => {
  const { evaluation } = runOnce("mixed", 101, 1500);

  it("plants every kind", () => {
    for (const k of evaluation.perKind) assert.ok(k.planted >= 10, `${k.kind}: ${k.planted} planted`);
    assert.equal(evaluation.perKind.length, REASON_CODES.length);
  });

  for (const kind of REASON_CODES) {
    it(`${kind}: precision and recall ≥ 0.9`, () => {
      const k = evaluation.perKind.find((x) => x.kind === kind);
      assert.ok(k);
      assert.ok((k.precision ?? 0) >= 0.9, `precision ${k.precision}`);
      assert.ok((k.recall ?? 0) >= 0.9, `recall ${k.recall}`);
    });
  }

  it("overall: precision and recall ≥ 0.9", () => {
    assert.ok((evaluation.overall.precision ?? 0) >= 0.9, `precision ${evaluation.overall.precision}`);
    assert.ok((evaluation.overall.recall ?? 0) >= 0.9, `recall ${evaluation.overall.recall}`);
  });
});
