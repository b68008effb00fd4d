import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { detectAnomalies } from "./detect.ts";
import { line, usage } from "./fixtures.test.ts";
import type { DailyUsage, LineInput } from "./types.ts";
import type { Octets } from "./units.ts";
import { validateLine } from "./validate.ts";

const withDays = (days: DailyUsage[]): LineInput => ({ ...line(), days });

describe("input validation", () => {
  it("accepts a well-formed line", () => {
    assert.deepEqual(validateLine(line()), []);
  });

  it("collects every problem instead of stopping at the first", () => {
    const good = usage("2025-10-02", 4, { networks: { "20801": 1000 } });
    const bad: DailyUsage = {
      ...usage("2025-10-03", 4, { networks: { "2080": 500 } }),
      octets: 900 as Octets,
      activity: { kind: "hours", count: 25 },
    };
    const codes = validateLine(withDays([good, bad, good])).map((p) => p.code);
    assert.deepEqual(codes, ["weekday_mismatch", "zone_sum_mismatch", "bad_plmn", "network_sum_mismatch", "bad_activity", "day_out_of_order"]);
  });

  it("rejects days outside the period and malformed headers", () => {
    const stray = usage("2025-11-01", 6, { networks: { "20801": 1 } });
    const problems = validateLine({ ...withDays([stray]), homeMcc: "FR", activatedOn: "2025-13-01" });
    assert.deepEqual(
      problems.map((p) => p.code),
      ["bad_home_mcc", "bad_activation_date", "day_outside_month"],
    );
  });

  it("a bad line is reported and skipped; the others are still scanned", () => {
    const bad = { ...line({ lineId: "BAD" }), period: "2025-13" };
    const report = detectAnomalies({ lines: [bad, line({ lineId: "OK" })] });
    assert.deepEqual(
      report.problems.map((p) => [p.lineId, p.code]),
      [["BAD", "bad_period"]],
    );
    assert.deepEqual(report.findings, []);
  });
});
