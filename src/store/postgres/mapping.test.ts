import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Micros, Period } from "../../domain/index.ts";
import type { UsageRow } from "../ports.ts";
import { encodeUsage } from "./journal.ts";
import { type Cell, int, pgText, StoreDataError, usageToPg } from "./mapping.ts";

/** COPY's text format the plain way (tab-separated, `\N` for NULL, backslash escapes): what `encodeUsage` must write byte for byte. */
function copyLine(cells: readonly Cell[]): string {
  const escaped = (s: string) => pgText(s).replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
  return `${cells.map((v) => (v === null ? "\\N" : typeof v === "boolean" ? (v ? "t" : "f") : typeof v === "number" ? String(v) : escaped(v))).join("\t")}\n`;
}

const ROW: UsageRow = {
  recordId: "r1",
  lineId: "L1",
  service: "data",
  startedMs: 1_254_355_200_000,
  durationS: 0,
  bytesUp: 100,
  bytesDown: 924,
  servingPlmn: "20610",
  ratingGroup: 1,
  sessionId: "s0",
  usagePeriod: "2009-10" as Period,
  billPeriod: "2009-10" as Period,
  zone: "eu",
  country: "BE",
  quantity: 1024,
  allowanceId: undefined,
  allowanceUsed: 0,
  units: 1,
  unitLabel: "KiB",
  amount: 10_000 as Micros,
  overUnits: 0,
  overCapId: undefined,
  throttled: false,
  source: "u.csv",
};

describe("PostgreSQL mappings", () => {
  it("read BIGINT and NUMERIC text as exact integers, and refuse what a number cannot hold", () => {
    assert.equal(int("9007199254740991", "amount"), Number.MAX_SAFE_INTEGER);
    assert.equal(int("-45923610000", "amount"), -45_923_610_000);
    assert.equal(int(42, "status"), 42);
    for (const bad of ["9007199254740992", "99999999999999999999", "1.5", "1e3", "", " 1"]) {
      assert.throws(() => int(bad, "amount"), StoreDataError, bad);
    }
    assert.throws(() => int(0.5, "amount"), { code: "integer_out_of_range" });
  });

  it("write journal rows in COPY's text format: escapes, NULL as \\N, NUL as ␀, exact integers", () => {
    const row = { ...ROW, recordId: "a\tb", sessionId: "c\nd\\e\r", ratingGroup: undefined, throttled: true, amount: -9_007_199_254_740_991 as Micros };
    const cells = encodeUsage([row]).toString("utf8").split("\t");
    assert.deepEqual([cells[1], cells[9], cells[10], cells[20], cells[23]], ["a\\tb", "\\N", "c\\nd\\\\e\\r", "-9007199254740991", "t"]);
    assert.equal(pgText("x\u0000y"), "x\u2400y", "PostgreSQL text cannot hold NUL");

    const rows: UsageRow[] = [
      row,
      { ...ROW, lineId: "Lé€😀", recordId: "\u0000".repeat(128), allowanceId: "\ud800lone", overCapId: "x\u0000", source: "😀".repeat(300) },
      { ...ROW, amount: 1.5 as Micros, quantity: Number.NaN, units: -Number.MAX_VALUE },
    ];
    const numbers = [0, -0, 9, 10, 99_999_999, 100_000_000, 100_000_001, 1e15, 1e16 - 1, Number.MAX_SAFE_INTEGER, -1, -100_000_000];
    for (let i = 0; i < 2000; i++) numbers.push(Math.floor(Math.random() * 2 ** (Math.random() * 53)) * (i % 5 === 0 ? -1 : 1));
    for (const n of numbers) rows.push({ ...ROW, amount: n as Micros, startedMs: Math.abs(n), source: "é".repeat(Math.abs(n) % 7) });
    // Compared as UTF-8 bytes, as they go on the wire (a lone surrogate becomes U+FFFD on both sides).
    assert.equal(encodeUsage(rows).toString("utf8"), Buffer.from(rows.map((r) => copyLine(usageToPg(r))).join("")).toString("utf8"));
    assert.equal(encodeUsage([]).length, 0);
  });
});
