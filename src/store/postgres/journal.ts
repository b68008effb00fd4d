import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { JournalBatch, OutboxRow, RejectRow, UsageRow } from "../ports.ts";
import { type Cell, pgText, rejectToPg, USAGE_COLUMNS, usageToPg } from "./mapping.ts";
import { writeOnline } from "./online.ts";

/**
 * Below this many rows a batch goes as one INSERT … SELECT FROM unnest(arrays) (one round trip,
 * no COPY set-up); from it on, as COPY, the fastest way into PostgreSQL. Online steps write a
 * row or two, file and stream imports thousands.
 */
export const COPY_FROM_ROWS = 64;
/** Rows per chunk written to the COPY stream: large enough to amortise, small enough to stream. */
const COPY_CHUNK_ROWS = 1024;

const USAGE_NAMES = USAGE_COLUMNS.map(([name]) => name).join(", ");

/** Everything of one engine batch, on a client already inside its transaction. */
export async function writeJournal(client: pg.PoolClient, batch: JournalBatch): Promise<void> {
  if (batch.usage.length >= COPY_FROM_ROWS) await copyUsage(client, batch.usage);
  else if (batch.usage.length > 0) await insertUsage(client, batch.usage);
  if (batch.outbox.length > 0) await insertOutbox(client, batch.outbox);
  if (batch.rejects.length > 0) await insertRejects(client, batch.rejects);
  if (batch.online) await writeOnline(client, batch.online);
}

/** Column-wise arrays for `unnest`: one parameter per column, whatever the number of rows. */
function columns(rows: readonly Cell[][], width: number): Cell[][] {
  const out: Cell[][] = Array.from({ length: width }, () => new Array<Cell>(rows.length));
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as Cell[];
    for (let c = 0; c < width; c++) (out[c] as Cell[])[r] = row[c] as Cell;
  }
  return out;
}

function unnest(types: readonly string[]): string {
  return `SELECT * FROM unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(", ")})`;
}

async function insertUsage(client: pg.PoolClient, usage: readonly UsageRow[]): Promise<void> {
  const rows = usage.map(usageToPg);
  const sql = `INSERT INTO usage (${USAGE_NAMES}) ${unnest(USAGE_COLUMNS.map(([, t]) => t))}`;
  await client.query(sql, columns(rows, USAGE_COLUMNS.length));
}

async function copyUsage(client: pg.PoolClient, usage: readonly UsageRow[]): Promise<void> {
  const stream = client.query(copyFrom(`COPY usage (${USAGE_NAMES}) FROM STDIN`));
  await pipeline(Readable.from(copyChunks(usage)), stream);
}

function* copyChunks(usage: readonly UsageRow[]): Generator<string> {
  let chunk = "";
  for (let i = 0; i < usage.length; i++) {
    chunk += copyLine(usageToPg(usage[i] as UsageRow));
    if ((i + 1) % COPY_CHUNK_ROWS === 0) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk !== "") yield chunk;
}

const COPY_SPECIAL = /[\\\t\n\r]/;

/** One row in COPY's text format: tab-separated, `\N` for NULL, backslash escapes. */
export function copyLine(cells: readonly Cell[]): string {
  let line = "";
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    if (i > 0) line += "\t";
    if (v === null || v === undefined) line += "\\N";
    else if (typeof v === "boolean") line += v ? "t" : "f";
    else if (typeof v === "number") line += String(v);
    else line += COPY_SPECIAL.test(v) ? escapeCopy(pgText(v)) : pgText(v);
  }
  return `${line}\n`;
}

function escapeCopy(s: string): string {
  return s.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
}

export async function insertOutbox(client: pg.PoolClient, outbox: readonly OutboxRow[]): Promise<void> {
  const rows = outbox.map((o): Cell[] => [o.lineId, o.key, o.accountId, o.period, o.kind, o.urgent, pgText(o.payload), o.createdAt]);
  // The key is the notice's idempotency: a notice raised again (replayed batch) is ignored.
  await client.query(
    `INSERT INTO outbox (line_id, key, account_id, period, kind, urgent, payload, created_at)
     ${unnest(["text", "text", "text", "text", "text", "bool", "text", "text"])} ON CONFLICT (line_id, key) DO NOTHING`,
    columns(rows, 8),
  );
}

async function insertRejects(client: pg.PoolClient, rejects: readonly RejectRow[]): Promise<void> {
  await client.query(
    `INSERT INTO rejects (source, line_no, record_id, code, message, raw) ${unnest(["text", "int8", "text", "text", "text", "text"])}`,
    columns(rejects.map(rejectToPg), 6),
  );
}
