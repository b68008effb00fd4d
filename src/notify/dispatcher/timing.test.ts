import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { backoffDelay } from "./backoff.ts";
import { parseQuietHours, quietUntil } from "./quiet-hours.ts";
import { LineRateLimit } from "./rate-limit.ts";

const at = (text: string) => Date.parse(text);

describe("retry, quiet-hours and rate arithmetic", () => {
  it("backoff doubles up to its ceiling, jitter within [half, whole]", () => {
    assert.deepEqual(
      [1, 2, 3, 10, 30].map((n) => backoffDelay(n, 5_000, 3_600_000, () => 0)),
      [2_500, 5_000, 10_000, 1_280_000, 1_800_000],
    );
    assert.equal(
      backoffDelay(3, 5_000, 3_600_000, () => 0.999_999),
      20_000,
    );
  });

  const quiet = parseQuietHours("21:00-08:00", "Europe/Paris");
  assert.ok(quiet.ok);
  const q = quiet.value;
  const cases: [string, string, string | undefined][] = [
    ["evening, inside", "2009-10-20T22:15:30+02:00", "2009-10-21T08:00:00+02:00"],
    ["after midnight, inside", "2009-10-21T03:00:00+02:00", "2009-10-21T08:00:00+02:00"],
    ["the end is outside", "2009-10-21T08:00:00+02:00", undefined],
    ["the afternoon", "2009-10-21T14:00:00+02:00", undefined],
    // 25 October 2009: summer time ends at 03:00 in Paris; the window still ends at 08:00 local.
    ["across the change of time", "2009-10-24T23:00:00+02:00", "2009-10-25T08:00:00+01:00"],
  ];
  for (const [name, now, until] of cases) {
    it(`quiet hours 21:00-08:00 Paris: ${name}`, () => {
      const got = quietUntil(q, at(now));
      assert.equal(got === undefined ? undefined : new Date(got).toISOString(), until === undefined ? undefined : new Date(at(until)).toISOString());
    });
  }

  it("refuses a malformed window or time zone", () => {
    assert.equal(parseQuietHours("9pm-8am").ok, false);
    assert.equal(parseQuietHours("08:00-08:00").ok, false);
    assert.equal(parseQuietHours("21:00-08:00", "Mars/Olympus").ok, false);
  });

  it("a line's rate frees a slot when its oldest send leaves the window", () => {
    const limit = new LineRateLimit(2, 60_000);
    assert.equal(limit.nextSlot("L1", 0), 0);
    limit.record("L1", 0);
    limit.record("L1", 10_000);
    assert.equal(limit.nextSlot("L1", 20_000), 60_000);
    assert.equal(limit.nextSlot("L2", 20_000), 20_000);
    assert.equal(limit.nextSlot("L1", 60_001), 60_001);
  });
});
