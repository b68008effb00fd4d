import { DEFAULT_CATALOG, loadCatalogFile } from "../src/app/index.ts";
import { type Micros, money } from "../src/domain/index.ts";
import { LineDirectory } from "../src/engine/index.ts";
import type { LineRecord } from "../src/store/index.ts";
import { report } from "./report.ts";

function heap(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("run with --expose-gc");
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

function record(i: number): LineRecord {
  return {
    lineId: `L${String(i).padStart(7, "0")}`,
    accountId: `A${String(i).padStart(7, "0")}`,
    imsi: `20801${String(4_000_000_000 + i)}`,
    msisdn: `336${String(20_000_000 + i)}`,
    planId: i % 3 === 0 ? "pro-unlimited" : "pro-everywhere-50",
    email: undefined,
    locale: "fr",
    roamingCap: undefined,
    roamingOptOut: false,
    monthlyFee: money.micros(50_000_000) as Micros,
    activatedAt: undefined,
  };
}

/**
 * engine.memory_per_line: heap bytes per line with `n` lines loaded in the engine's directory,
 * each with one period of counters; baseline: the same line records held in a plain Map.
 */
export async function benchMemoryPerLine(n: number): Promise<void> {
  const catalog = loadCatalogFile(DEFAULT_CATALOG);
  const h0 = heap();
  const plain = new Map<string, LineRecord>();
  for (let i = 0; i < n; i++) {
    const r = record(i);
    plain.set(r.lineId, r);
  }
  const baseline = (heap() - h0) / n;
  plain.clear();

  const h1 = heap();
  const directory = new LineDirectory(catalog);
  for (let i = 0; i < n; i++) {
    const line = directory.put(record(i));
    line.counters("2009-10").apply("data", "home", 1_000_000, 0 as Micros, "domestic-data", 1_000_000);
  }
  const value = (heap() - h1) / n;
  report({
    name: "engine.memory_per_line",
    value,
    unit: "bytes",
    baseline,
    target: "≤ 1024 bytes",
    notes: `${n} lines, each with one period of counters and an allowance used; baseline: the bare line records in a Map`,
  });
  if (directory.size !== n) throw new Error("lines lost");
}
