import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { DEFAULT_SEGMENT, generateSegment } from "../src/demo/index.ts";
import { gardefou, json } from "./helpers/cli.ts";
import { tempDir } from "./helpers/temp.ts";

interface Finding {
  line_id: string;
  account_id: string;
  score: number;
  reasons: { code: string; message: string; evidence: Record<string, unknown> }[];
}

/**
 * Who to call before the invoice goes out, through the real CLI on a 400-line segment of the
 * 2009 offer (three months of history, then October with its planted abnormal lines).
 */
describe("gardefou anomalies", () => {
  const dir = tempDir();
  const base = ["--db", join(dir, "segment.db")];
  const run = (...args: string[]) => gardefou([...base, ...args]);

  before(() => {
    const segment = generateSegment({ ...DEFAULT_SEGMENT, lines: 400 });
    writeFileSync(join(dir, "lines.csv"), segment.linesCsv);
    // The past first, then October: one file, its header once.
    writeFileSync(join(dir, "usage.csv"), segment.historyCsv + segment.usageCsv.slice(segment.usageCsv.indexOf("\n") + 1));
    assert.equal(run("import", "lines", join(dir, "lines.csv")).code, 0);
    const imported = json<{ read: number; rejected: number }>(run("import", "usage", join(dir, "usage.csv"), "--json"));
    assert.deepEqual([imported.read, imported.rejected], [segment.historyRecords + segment.records, 0]);
  });

  it("prints the findings JSON, ranked, with both 2009 cases and a message to act on", () => {
    const findings = json<Finding[]>(run("anomalies", "--period", "2009-10", "--json"));
    assert.ok(findings.length >= 40 && findings.length <= 60, `about fifty lines, not ${findings.length}`);
    for (const f of findings) {
      assert.deepEqual(Object.keys(f), ["line_id", "account_id", "score", "reasons"]);
      for (const r of f.reasons) assert.deepEqual(Object.keys(r), ["code", "message", "evidence"]);
    }
    const scores = findings.map((f) => f.score);
    assert.deepEqual(
      scores,
      [...scores].sort((a, b) => b - a),
      "highest score first",
    );

    const [first] = findings;
    assert.equal(first?.line_id, "PHY-0001", "the 159,162 EUR line is met first");
    assert.match(first?.reasons.map((r) => r.message).join(" ") ?? "", /159,162\.00 EUR billed since 1 Oct/);

    const val = findings.find((f) => f.line_id === "VAL-0001");
    assert.equal(val?.account_id, "A-VALENCIENNES");
    const flapping = val?.reasons.find((r) => r.code === "border_flapping");
    assert.match(flapping?.message ?? "", /^Since 1 Oct, \d+% of traffic via 206-10 \(Belgium\), .* Lock the device to the home network or bar roaming/);
    assert.equal(flapping?.evidence.plmn, "20610");
  });

  it("prints a table of the n highest, in French when asked", () => {
    const r = run("anomalies", "--period", "2009-10", "--top", "3", "--locale", "fr");
    assert.equal(r.code, 0, r.stderr);
    const ranks = r.stdout.split("\n").filter((l) => /^\d+ /.test(l));
    assert.equal(ranks.length, 3);
    assert.match(r.stdout, /PHY-0001/);
    assert.match(r.stdout, /Dépenses en forte hausse/);
  });

  it("remembers a dismissal across runs, with who, when and why", () => {
    const dismissed = run("anomalies", "dismiss", "VAL-0001", "--code", "border_flapping", "--reason", "customer moved to Belgium", "--actor", "alice");
    assert.equal(dismissed.code, 0, dismissed.stderr);
    const findings = json<Finding[]>(run("anomalies", "--period", "2009-10", "--json"));
    const val = findings.find((f) => f.line_id === "VAL-0001");
    assert.ok(val === undefined || val.reasons.every((r) => r.code !== "border_flapping"));
    const [d, ...more] = json<{ line_id: string; code: string; reason: string; actor: string; at: string }[]>(run("anomalies", "dismissals", "--json"));
    assert.equal(more.length, 0);
    assert.deepEqual([d?.line_id, d?.code, d?.reason, d?.actor], ["VAL-0001", "border_flapping", "customer moved to Belgium", "alice"]);
    assert.ok(Number.isFinite(Date.parse(d?.at ?? "")));
  });

  it("refuses mistakes with stable codes", () => {
    const badCode = run("anomalies", "dismiss", "VAL-0001", "--code", "too_much", "--reason", "x");
    assert.equal(badCode.code, 1);
    assert.match(badCode.stderr, /\[unknown_reason_code\]/);
    assert.match(run("anomalies").stderr, /\[period_required\]/);
  });
});
