import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { App } from "../src/app/index.ts";
import type { UsageInput } from "../src/engine/index.ts";
import { csvUsageParser, fileChunks } from "../src/ingest/index.ts";
import { report } from "./report.ts";
import { writeWorkload } from "./usage-file.ts";

/**
 * import.usage.sqlite: records/s through parse → rate → guard → commit, against the bare floor
 * of the same file parsed and inserted into SQLite (same pragmas, same batch size) unrated.
 */
export async function benchImportUsage(records: number, lines: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "gardefou-bench-"));
  try {
    const { linesFile, usageFile } = await writeWorkload(dir, lines, records);
    const baseline = await bareInsert(usageFile, join(dir, "bare.db"));
    // The charging path alone, then with the abnormal-consumption watch reading commits back.
    for (const watch of [false, true]) {
      const app = await App.open({ dbPath: join(dir, `full-${watch}.db`), clock: { now: () => Date.parse("2009-11-02T00:00:00Z") }, watchAnomalies: watch });
      await app.importLinesFile(linesFile);
      const t0 = performance.now();
      const result = await app.importUsageFile(usageFile);
      if (watch) await app.anomalies.flush();
      const seconds = (performance.now() - t0) / 1000;
      await app.close();
      if (result.accepted !== records) throw new Error(`expected ${records} accepted, got ${JSON.stringify(result)}`);
      report({
        name: watch ? "import.usage.sqlite.watched" : "import.usage.sqlite",
        value: records / seconds,
        unit: "records/s",
        baseline,
        target: watch ? "(informative)" : "≥ 200000 records/s and ratio ≥ 0.7",
        notes: `${records} records over ${lines} lines, synchronous=FULL, WAL${watch ? ", anomaly watch on" : ""}; baseline: parse + 16-row INSERTs of the bare records`,
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function bareInsert(usageFile: string, dbFile: string): Promise<number> {
  const db = new Database(dbFile);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("cache_size = -65536");
  db.exec(`CREATE TABLE usage (seq INTEGER PRIMARY KEY, record_id TEXT NOT NULL UNIQUE, line_id TEXT, imsi TEXT, msisdn TEXT, service TEXT NOT NULL,
    started_ms INTEGER NOT NULL, duration_s INTEGER, bytes_up INTEGER, bytes_down INTEGER, serving_plmn TEXT NOT NULL, rating_group INTEGER, session_id TEXT)`);
  // The same insert technique as the store: 16 rows per statement, the rest one by one.
  const columns = "record_id, line_id, imsi, msisdn, service, started_ms, duration_s, bytes_up, bytes_down, serving_plmn, rating_group, session_id";
  const one = "(?,?,?,?,?,?,?,?,?,?,?,?)";
  const insert = db.prepare(`INSERT INTO usage (${columns}) VALUES ${one}`);
  const insertMany = db.prepare(`INSERT INTO usage (${columns}) VALUES ${new Array(16).fill(one).join(",")}`);
  const values = (u: UsageInput) => [
    u.recordId,
    u.lineId ?? null,
    u.imsi ?? null,
    u.msisdn ?? null,
    u.service,
    u.startedMs,
    u.durationS,
    u.bytesUp,
    u.bytesDown,
    u.servingPlmn,
    u.ratingGroup ?? null,
    u.sessionId ?? null,
  ];
  const parser = csvUsageParser();
  const write = db.transaction((rows: ReturnType<typeof parser.push>) => {
    const usage = rows.flatMap((p) => (p.ok ? [p.usage] : []));
    let i = 0;
    for (; i + 16 <= usage.length; i += 16) insertMany.run(usage.slice(i, i + 16).flatMap(values));
    for (; i < usage.length; i++) insert.run(values(usage[i] as UsageInput));
  });
  let count = 0;
  const t0 = performance.now();
  let pending: ReturnType<typeof parser.push> = [];
  for await (const chunk of fileChunks(usageFile)) {
    for (const p of parser.push(chunk)) {
      pending.push(p);
      if (pending.length >= 8192) {
        write(pending);
        count += pending.length;
        pending = [];
      }
    }
  }
  pending.push(...parser.end());
  write(pending);
  count += pending.length;
  const seconds = (performance.now() - t0) / 1000;
  db.close();
  return count / seconds;
}
