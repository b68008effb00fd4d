import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_SEGMENT, generateSegment } from "../../src/demo/index.ts";

/** The files one campaign imports again and again, and what a clean import must make of them. */
export interface Workload {
  readonly linesCsv: string;
  readonly usagePath: string;
  /** Rows of the usage file (header excluded): what a complete import reads. */
  readonly rows: number;
  /** Rows planted to be rejected (unknown line). */
  readonly planted: { readonly rejects: number; readonly duplicates: number };
}

const PLANTED = 12;

/**
 * A small 2009 segment (a few hundred lines, tens of thousands of records, the Valenciennes and
 * physician cases among them, so roaming caps fire and notices are written), plus rows that must
 * be rejected and rows repeated inside the file: a crash must not blur `read = accepted +
 * duplicates + rejected`.
 */
export function makeWorkload(dir: string, lines = 600): Workload {
  const segment = generateSegment({
    ...DEFAULT_SEGMENT,
    lines,
    seed: 2026,
    historyMonths: 0,
    abnormal: { borderFlapping: 3, alwaysOn: 2, volumeMultiple: 2, heavyRoaming: 4 },
  });
  const rows = segment.usageCsv.trimEnd().split("\n");
  const body = rows.slice(1);
  const extra: string[] = [];
  for (let i = 0; i < PLANTED; i++) {
    // Spread through the file, so a kill can land before or after any of them.
    const at = body[Math.floor(((i + 0.5) * body.length) / PLANTED)] ?? "";
    const cells = at.split(",");
    extra.push([`crash-unknown-${i}`, `NO-SUCH-LINE-${i}`, ...cells.slice(2)].join(","));
  }
  const after = new Map<number, number>();
  for (let k = 0; k < PLANTED; k++) after.set(Math.floor(((k + 1) * body.length) / PLANTED) - 1, k);
  const out: string[] = [];
  for (const [i, row] of body.entries()) {
    out.push(row);
    const k = after.get(i);
    if (k === undefined) continue;
    out.push(extra[k] ?? "");
    out.push(row); // the same record again, later in the same file: a duplicate
  }
  const usagePath = join(dir, "usage.csv");
  writeFileSync(usagePath, `${rows[0]}\n${out.join("\n")}\n`);
  return { linesCsv: segment.linesCsv, usagePath, rows: out.length, planted: { rejects: PLANTED, duplicates: PLANTED } };
}
