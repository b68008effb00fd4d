import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { detectAnomalies } from "./detect.ts";
import { during, line, peers } from "./fixtures.test.ts";
import { observeDay, trackLine } from "./incremental.ts";
import type { Dismissal } from "./reasons.ts";
import { MIB } from "./units.ts";

const flapping = during(5, 31, () => ({ networks: { "20801": 40 * MIB, "20610": 60 * MIB } }));
const dismissal: Dismissal = { lineId: "L1", code: "border_flapping", reason: "lives in Tourcoing, accepts it" };

describe("dismissals", () => {
  it("suppress the same pattern on the same line, and say so", () => {
    const report = detectAnomalies({
      lines: [line({ lineId: "L1", current: flapping }), line({ lineId: "L2", current: flapping })],
      peers: peers(),
      dismissals: [dismissal],
    });
    assert.deepEqual(
      report.findings.map((f) => f.lineId),
      ["L2"],
    );
    assert.deepEqual(report.suppressed, [{ lineId: "L1", code: "border_flapping", since: "2025-10-05", dismissalReason: dismissal.reason }]);
  });

  it("leave other patterns of that line reported", () => {
    const both = during(5, 31, () => ({ networks: { "20801": 40 * MIB, "20610": 60 * MIB }, hours: 24 }));
    const report = detectAnomalies({ lines: [line({ lineId: "L1", current: both })], peers: peers(), dismissals: [dismissal] });
    assert.deepEqual(
      report.findings[0]?.reasons.map((r) => r.code),
      ["always_on"],
    );
  });

  it("keep the incremental API quiet too", () => {
    const full = line({ lineId: "L1", current: flapping });
    const tracked = trackLine({ ...full, days: [] }, peers());
    assert.ok(tracked.ok);
    let tracker = tracked.value;
    for (const day of full.days) {
      const seen = observeDay(tracker, day, { locale: "en", dismissals: [dismissal] });
      assert.ok(seen.ok);
      assert.deepEqual(seen.value.appeared, []);
      tracker = seen.value.tracker;
    }
  });
});
