import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { detectAnomalies } from "./detect.ts";
import { during, line, peers } from "./fixtures.test.ts";
import { toInterchange } from "./interchange.ts";
import { combine, rank } from "./rank.ts";
import type { LineFinding, Reason } from "./reasons.ts";
import { combinedScore, reasonScore } from "./severity.ts";
import { GIB, type Micros } from "./units.ts";

const EUR = 1_000_000;
const finding = (lineId: string, score: number): LineFinding => ({ lineId, accountId: "A", score, reasons: [] });

describe("scores and ranking", () => {
  it("a reason scores its excess over the threshold and the money at stake", () => {
    assert.equal(reasonScore(1, 0 as Micros), 2);
    assert.equal(reasonScore(8, 0 as Micros), 6);
    assert.equal(reasonScore(1000, 0 as Micros), 6);
    assert.equal(reasonScore(1, (159_162 * EUR) as Micros), 12.4);
  });

  it("a line scores its strongest reason plus a point per corroborating one, up to two", () => {
    assert.equal(combinedScore([5, 9]), 10);
    assert.equal(combinedScore([9, 3, 3, 3]), 11);
    assert.equal(combinedScore([]), 0);
  });

  it("ranks by score, then by line id so that reruns print the same list", () => {
    const ranked = rank([finding("L3", 4), finding("L2", 9.5), finding("L1", 4)]);
    assert.deepEqual(
      ranked.map((f) => f.lineId),
      ["L2", "L1", "L3"],
    );
  });

  it("a line's reasons come strongest first", () => {
    const r = (code: Reason["code"], score: number) => ({ code, score }) as Reason;
    const f = combine("L1", "A1", [r("always_on", 3), r("spend_velocity", 8), r("volume_multiple", 5)]);
    assert.deepEqual(
      f?.reasons.map((x) => x.code),
      ["spend_velocity", "volume_multiple", "always_on"],
    );
    assert.equal(combine("L1", "A1", []), undefined);
  });

  it("the costlier anomaly ranks first", () => {
    const cheap = line({ lineId: "CHEAP", current: during(10, 12, () => ({ networks: { "20801": 1.5 * GIB } })) });
    const dear = line({
      lineId: "DEAR",
      current: during(10, 12, () => ({ networks: { "20801": 1.5 * GIB }, spend: 3_000 * EUR })),
    });
    const report = detectAnomalies({ lines: [cheap, dear], peers: peers() });
    assert.deepEqual(
      report.findings.map((f) => f.lineId),
      ["DEAR", "CHEAP"],
    );
  });

  it("maps to the interchange JSON with exactly its keys", () => {
    const report = detectAnomalies({
      lines: [line({ lineId: "L0042", current: during(10, 11, () => ({ networks: { "21401": 2 * GIB } })) })],
      peers: peers(),
    });
    const [json] = toInterchange(report.findings);
    assert.ok(json);
    assert.deepEqual(Object.keys(json), ["line_id", "account_id", "score", "reasons"]);
    assert.equal(json.line_id, "L0042");
    assert.deepEqual(Object.keys(json.reasons[0] ?? {}), ["code", "message", "evidence"]);
    assert.equal(json.reasons[0]?.evidence.since, "2025-10-10");
    assert.ok(JSON.parse(JSON.stringify(json)).reasons[0].message.includes("214-01 (Spain)"));
  });
});
