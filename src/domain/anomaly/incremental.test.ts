/**
 * The incremental API must tell the same story as the batch one: fed day by day, each code
 * appears once, on the day its pattern became visible, and the end state is the batch finding.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { detectAnomalies } from "./detect.ts";
import { during, history, type LineSpec, line, ordinary, peers } from "./fixtures.test.ts";
import { findingOf, type LineTracker, observeDay, trackLine } from "./incremental.ts";
import type { LineInput } from "./types.ts";
import { GIB, MIB } from "./units.ts";

const EUR = 1_000_000;

const specs: readonly LineSpec[] = [
  {},
  { current: during(10, 11, () => ({ networks: { "21401": 1.5 * GIB } })) },
  { current: during(5, 31, () => ({ networks: { "20801": 40 * MIB, "20610": 60 * MIB } })) },
  { current: during(8, 12, (_d, i) => ({ ...ordinary(i), hours: 24 })) },
  { current: during(12, 20, () => ({ networks: { "20801": 1.5 * GIB }, spend: 300 * EUR, hours: 23 })) },
  { current: during(5, 16, () => ({ networks: { "21401": 300 * MIB } })) },
  { history: [], activatedOn: "2025-10-03", current: () => ({ networks: { "20801": 5 * GIB }, spend: 90 * EUR }) },
  { history: history(() => ({ networks: { "20801": 1.5 * GIB } })) },
];

function feed(full: LineInput, days = full.days) {
  const tracked = trackLine({ ...full, days: [] }, peers());
  assert.ok(tracked.ok);
  let tracker: LineTracker = tracked.value;
  const appeared: { code: string; date: string }[] = [];
  for (const day of days) {
    const seen = observeDay(tracker, day, { locale: "fr", dismissals: [] });
    assert.ok(seen.ok);
    for (const r of seen.value.appeared) appeared.push({ code: r.code, date: day.date });
    tracker = seen.value.tracker;
  }
  return { tracker, appeared };
}

describe("incremental detection", () => {
  specs.forEach((spec, n) => {
    it(`agrees with the batch scan (case ${n})`, () => {
      const full = line(spec);
      const batch = detectAnomalies({ lines: [full], peers: peers(), locale: "fr" }).findings[0];
      const { tracker, appeared } = feed(full);
      assert.deepEqual(findingOf(tracker, { locale: "fr", dismissals: [] }).finding, batch);
      const codes = appeared.map((a) => a.code);
      assert.equal(new Set(codes).size, codes.length, "each code appears once");
      assert.deepEqual([...codes].sort(), (batch?.reasons.map((r) => r.code) ?? []).sort());
    });
  });

  it("announces a pattern on the day it becomes visible, not at month end", () => {
    const { appeared } = feed(line(specs[1]));
    assert.deepEqual(appeared, [{ code: "roaming_spike", date: "2025-10-10" }]);
  });

  it("counts skipped days as silent, exactly as the batch does", () => {
    const full = line(specs[3]);
    const sparse = full.days.filter((_, i) => i % 3 !== 1);
    const batch = detectAnomalies({ lines: [{ ...full, days: sparse }], peers: peers(), locale: "fr" }).findings[0];
    const { tracker } = feed(full, sparse);
    assert.deepEqual(findingOf(tracker, { locale: "fr", dismissals: [] }).finding, batch);
  });

  it("refuses a day already folded in, and a malformed one, as values", () => {
    const full = line();
    const { tracker } = feed(full, full.days.slice(0, 5));
    const [third, seventh] = [full.days[2], full.days[6]];
    assert.ok(third && seventh);
    const again = observeDay(tracker, third, { locale: "en", dismissals: [] });
    assert.equal(again.ok, false);
    if (!again.ok) assert.equal(again.error[0]?.code, "day_out_of_order");
    const wrongWeekday = { ...seventh, weekday: 1 as const };
    const bad = observeDay(tracker, wrongWeekday, { locale: "en", dismissals: [] });
    assert.equal(bad.ok, false);
  });

  it("keeps its running totals as plain data that survive a JSON round trip", () => {
    const full = line(specs[2]);
    const half = feed(full, full.days.slice(0, 15)).tracker;
    const stored: LineTracker = JSON.parse(JSON.stringify(half));
    let tracker = stored;
    for (const day of full.days.slice(15)) {
      const seen = observeDay(tracker, day, { locale: "fr", dismissals: [] });
      assert.ok(seen.ok);
      tracker = seen.value.tracker;
    }
    const batch = detectAnomalies({ lines: [full], peers: peers(), locale: "fr" }).findings[0];
    assert.deepEqual(findingOf(tracker, { locale: "fr", dismissals: [] }).finding, batch);
  });
});
