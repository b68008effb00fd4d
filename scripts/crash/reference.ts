import { readFileSync } from "node:fs";
import { App } from "../../src/app/index.ts";
import type { ImportReport } from "../../src/ingest/index.ts";
import { num, openSql } from "./sql.ts";
import type { Workload } from "./workload.ts";

/** One line's counters of one period: the engine's Float64Array, as plain numbers. */
export type CounterSnapshot = ReadonlyMap<string, readonly number[]>;

/** What one clean, uninterrupted import of the workload into a fresh store gives. */
export interface Reference {
  /** Journal order: per line, the record ids in the order they were charged, with their amounts. */
  readonly perLine: ReadonlyMap<string, readonly { readonly id: string; readonly amount: number }[]>;
  readonly records: number;
  readonly outboxKeys: ReadonlySet<string>;
  /** `line|period` → counters, as the engine built them while rating (not reloaded). */
  readonly counters: CounterSnapshot;
  readonly report: ImportReport;
}

/** A fresh store with the workload's lines in it (the usage is what the campaign crashes). */
export async function prepareStore(db: string, workload: Workload): Promise<void> {
  const app = await App.open({ dbPath: db, watchAnomalies: false });
  try {
    await app.importLinesText(workload.linesCsv, "lines.csv");
  } finally {
    await app.close();
  }
}

export function snapshotCounters(app: App): CounterSnapshot {
  const out = new Map<string, number[]>();
  for (const line of app.engine.lines.all()) {
    for (const period of line.periodList()) {
      const c = line.peek(period);
      if (c) out.set(`${line.record.lineId}|${period}`, [...c.values]);
    }
  }
  return out;
}

export async function buildReference(db: string, workload: Workload, rejectsFile: string): Promise<Reference> {
  await prepareStore(db, workload);
  const app = await App.open({ dbPath: db, watchAnomalies: false });
  let report: ImportReport;
  let counters: CounterSnapshot;
  try {
    report = await app.importUsageFile(workload.usagePath, { rejectsFile });
    counters = snapshotCounters(app);
  } finally {
    await app.close();
  }
  return { ...(await readJournal(db)), counters, report };
}

/** The journal as charged (per line, in journal order) and the outbox's keys, read back by SQL. */
export async function readJournal(db: string): Promise<Pick<Reference, "perLine" | "records" | "outboxKeys">> {
  const sql = await openSql(db);
  try {
    const perLine = new Map<string, { id: string; amount: number }[]>();
    const journal = await sql.rows<{ record_id: string; line_id: string; amount: unknown }>("SELECT record_id, line_id, amount FROM usage ORDER BY seq");
    for (const r of journal) {
      const list = perLine.get(r.line_id) ?? [];
      list.push({ id: r.record_id, amount: num(r.amount) });
      perLine.set(r.line_id, list);
    }
    const keys = await sql.rows<{ key: string }>("SELECT key FROM outbox");
    return { perLine, records: journal.length, outboxKeys: new Set(keys.map((k) => k.key)) };
  } finally {
    await sql.close();
  }
}

/** The file's record ids in file order, to check that the reference is what the file says. */
export function fileRecordIds(workload: Workload): string[] {
  return readFileSync(workload.usagePath, "utf8")
    .trimEnd()
    .split("\n")
    .slice(1)
    .map((row) => row.slice(0, row.indexOf(",")));
}
