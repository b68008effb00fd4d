/**
 * The 2009 segment: the two press invoices are rebuilt to the exact KiB and micro-euro, and both
 * are on the list, which holds about fifty lines, as the operator's did.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { detectAnomalies, type LineInput } from "../../src/domain/anomaly/index.ts";
import { runOnce } from "./harness.ts";
import { Rng } from "./prng.ts";
import { generateSegment2009, PLAN_50, PLAN_95, SEGMENT_2009 } from "./segment-2009.ts";
import { apportion, PHYSICIAN_BEYOND_KIB, physician, VALENCIENNES_ROAMING_KIB, valenciennes } from "./story-cases.ts";

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
const onNetwork = (l: LineInput, plmn: string): number => sum(l.days.flatMap((d) => d.byNetwork.filter((n) => n.plmn === plmn).map((n) => n.octets)));
const spend = (l: LineInput): number => sum(l.days.map((d) => d.spend));

describe("the 2009 press cases, rebuilt", () => {
  const rng = new Rng(7, 2009);
  const val = valenciennes(rng, SEGMENT_2009.period, PLAN_95);
  const doc = physician(rng, SEGMENT_2009.period, PLAN_50);

  it("Valenciennes: 4,582,861 KiB on 206-10, 45,828.61 EUR, nothing domestic billed", () => {
    assert.equal(onNetwork(val, "20610"), VALENCIENNES_ROAMING_KIB * 1024);
    assert.equal(spend(val), 45_828_610_000);
    assert.ok(onNetwork(val, "20801") <= 1024 ** 3, "French traffic inside the 1 GiB allowance");
  });

  it("the physician: 1 GiB + 795,810,000 KiB at home, 159,162.00 EUR", () => {
    assert.equal(onNetwork(doc, "20801"), (1024 * 1024 + PHYSICIAN_BEYOND_KIB) * 1024);
    assert.equal(spend(doc), 159_162_000_000);
  });

  it("both are flagged, with the exact amounts in their messages", () => {
    const report = detectAnomalies({ lines: [val, doc], peers: [] });
    const v = report.findings.find((f) => f.lineId === val.lineId);
    const d = report.findings.find((f) => f.lineId === doc.lineId);
    assert.ok(v?.reasons.some((r) => r.code === "border_flapping" && r.message.includes("206-10 (Belgium)")));
    assert.ok(v?.reasons.some((r) => r.message.includes("45,828.61 EUR")));
    assert.ok(d?.reasons.some((r) => r.message.includes("159,162.00 EUR")));
  });

  it("apportions a total exactly", () => {
    assert.deepEqual(apportion(10, [1, 1, 1]), [4, 3, 3]);
    assert.equal(sum(apportion(VALENCIENNES_ROAMING_KIB, [0.3, 2, 5.5, 1])), VALENCIENNES_ROAMING_KIB);
  });
});

describe("the 2009 segment, seed 101", () => {
  const { findings, labels, evaluation } = runOnce("segment-2009", 101, 4000);

  it("holds 4,000 lines, about fifty of them abnormal", () => {
    assert.equal(labels.size, 4000);
    assert.equal(evaluation.overall.planted, 50);
  });

  it("lists about fifty lines, the two press cases at the top", () => {
    assert.ok(findings.length >= 45 && findings.length <= 60, `${findings.length} lines flagged`);
    const top = findings
      .slice(0, 2)
      .map((f) => f.lineId)
      .sort();
    assert.deepEqual(top, ["L-PHYSICIAN", "L-VALENCIENNES"]);
    assert.ok((evaluation.overall.recall ?? 0) >= 0.9);
  });

  it("is the same population for the same seed", () => {
    const again = generateSegment2009(101, 200);
    const once = generateSegment2009(101, 200);
    assert.deepEqual(again.lines, once.lines);
  });
});
