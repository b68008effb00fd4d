import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { App } from "../src/app/index.ts";
import type { UsageInput } from "../src/engine/index.ts";
import { csvUsageParser, fileChunks } from "../src/ingest/index.ts";
import { report } from "./report.ts";
import { writeWorkload } from "./usage-file.ts";

const PG_URL = process.env.BENCH_PG ?? "postgres://postgres@127.0.0.1:5432/test";

/**
 * import.usage.postgres: records/s through parse → rate → guard → commit into PostgreSQL,
 * against the floor of the same file parsed and COPYed unrated into a bare table (same batch
 * size, one transaction per batch). Each run has schemas of its own, dropped at the end.
 *
 * The floor is what any import of these records must do: parse them, and COPY them (text format,
 * 8,192 rows a transaction, synchronous_commit=on) into a table of the input's 12 columns whose
 * only index is its primary key, record_id (a B-tree). The journal has 25 columns (the rating
 * travels with each record), a primary key (line_id, record_id) and a second B-tree on record_id
 * for the duplicate check; it is looked up before rating and written by the engine.
 */
export async function benchImportPostgres(records: number, lines: number): Promise<void> {
  const admin = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
  } catch (error) {
    process.stderr.write(`bench: import.usage.postgres skipped, no PostgreSQL at ${PG_URL}: ${(error as Error).message}\n`);
    return;
  }
  const id = `${process.pid}_${Date.now()}`;
  const bare = `bench_bare_${id}`;
  const full = `bench_full_${id}`;
  const dir = mkdtempSync(join(tmpdir(), "gardefou-bench-pg-"));
  try {
    const { linesFile, usageFile } = await writeWorkload(dir, lines, records);
    const baseline = await bareCopy(admin, bare, usageFile);
    // The charging path alone, as import.usage.sqlite measures it (the anomaly watch is a reader of its own).
    const app = await App.open({ dbPath: `${PG_URL}?schema=${full}`, clock: { now: () => Date.parse("2009-11-02T00:00:00Z") }, watchAnomalies: false });
    await app.importLinesFile(linesFile);
    const t0 = performance.now();
    const result = await app.importUsageFile(usageFile);
    const seconds = (performance.now() - t0) / 1000;
    await app.close();
    if (result.accepted !== records) throw new Error(`expected ${records} accepted, got ${JSON.stringify(result)}`);
    report({
      name: "import.usage.postgres",
      value: records / seconds,
      unit: "records/s",
      baseline,
      target: "ratio ≥ 0.5",
      notes: `${records} records over ${lines} lines, PostgreSQL on 127.0.0.1, synchronous_commit=on, COPY per engine batch; baseline: the parsed rows COPYed unrated into a 12-column table keyed by record_id`,
    });
  } finally {
    for (const schema of [bare, full]) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

const BARE_COLUMNS = "record_id, line_id, imsi, msisdn, service, started_ms, duration_s, bytes_up, bytes_down, serving_plmn, rating_group, session_id";

async function bareCopy(admin: pg.Client, schema: string, usageFile: string): Promise<number> {
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.query(`CREATE TABLE ${schema}.usage (record_id TEXT COLLATE "C" PRIMARY KEY, line_id TEXT, imsi TEXT, msisdn TEXT, service TEXT NOT NULL,
    started_ms BIGINT NOT NULL, duration_s BIGINT, bytes_up BIGINT, bytes_down BIGINT, serving_plmn TEXT NOT NULL, rating_group BIGINT, session_id TEXT)`);
  const parser = csvUsageParser();
  const text = (v: string | number | undefined) => (v === undefined ? "\\N" : String(v));
  const line = (u: UsageInput) =>
    `${[u.recordId, u.lineId, u.imsi, u.msisdn, u.service, u.startedMs, u.durationS, u.bytesUp, u.bytesDown, u.servingPlmn, u.ratingGroup, u.sessionId].map(text).join("\t")}\n`;
  const write = async (rows: UsageInput[]) => {
    await admin.query("BEGIN");
    await pipeline(Readable.from([rows.map(line).join("")]), admin.query(copyFrom(`COPY ${schema}.usage (${BARE_COLUMNS}) FROM STDIN`)));
    await admin.query("COMMIT");
  };
  let count = 0;
  let pending: UsageInput[] = [];
  const t0 = performance.now();
  for await (const chunk of fileChunks(usageFile)) {
    for (const p of parser.push(chunk)) {
      if (p.ok) pending.push(p.usage);
      if (pending.length >= 8192) {
        await write(pending);
        count += pending.length;
        pending = [];
      }
    }
  }
  for (const p of parser.end()) if (p.ok) pending.push(p.usage);
  await write(pending);
  count += pending.length;
  return count / ((performance.now() - t0) / 1000);
}
