import type pg from "pg";
import { partitionOf } from "../../domain/index.ts";
import type { JournalBatch, OutboxRow, RejectRow, UsageRow } from "../ports.ts";
import { type Cell, IDENTITY_COLUMNS, pgText, rejectToPg, USAGE_COLUMNS, usageToPg } from "./mapping.ts";
import { writeOnline } from "./online.ts";

/**
 * Below this many rows a batch goes as one INSERT … SELECT FROM unnest(arrays) (one round trip,
 * no COPY set-up); from it on, as COPY, the fastest way into PostgreSQL. Online steps write a
 * row or two, file and stream imports thousands.
 */
export const COPY_FROM_ROWS = 64;

const USAGE_NAMES = USAGE_COLUMNS.map(([name]) => name).join(", ");

/**
 * The duplicate check: the stored identities of some record ids. The ids go through a sub-select
 * so that the planner sees one array, not thousands of constants: given `record_id = ANY($1)` it
 * estimates each element against the column's statistics, which costs more than the lookups
 * themselves, and once the table has statistics it expects a match per id and scans the table.
 */
export const FIND_USAGE_SQL = `SELECT ${IDENTITY_COLUMNS} FROM usage WHERE record_id = ANY(ARRAY(SELECT unnest($1::text[])))`;

/** The ids as a text[] literal: record ids are rarely more than letters, digits and dashes, so quoting them is a join. */
export function recordIdArray(ids: readonly string[]): string | readonly string[] {
  for (const id of ids) if (id.includes('"') || id.includes("\\")) return ids; // pg escapes these itself
  return `{"${ids.join('","')}"}`;
}

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
  await client.query(new EagerCopy(`COPY usage (${USAGE_NAMES}) FROM STDIN`, encodeUsage(usage))).done;
}

/** Bytes per CopyData message: the server parses each as it arrives (a row may span two). */
const COPY_MESSAGE_BYTES = 64 * 1024;

/**
 * `COPY … FROM STDIN` with its data sent along with the statement instead of after the server's
 * CopyInResponse: the batch reaches the server in one go and is ingested even while this thread
 * is busy (rating the next batch), where a stream would wait for the event loop to hand it over.
 * If the statement fails before copying, the server ignores the data that follows, as the
 * protocol provides for a frontend still sending after a failed COPY.
 */
class EagerCopy implements pg.Submittable {
  readonly done: Promise<void>;
  private settle!: (error?: Error) => void;
  /** Set by the client when a query timeout is configured: called at the end, it clears the timer. */
  callback: ((error?: Error) => void) | undefined;

  constructor(
    private readonly text: string,
    private readonly data: Buffer,
  ) {
    this.done = new Promise((resolve, reject) => {
      this.settle = (error) => (error ? reject(error) : resolve());
    });
  }

  submit(connection: pg.Connection): void {
    const wire = connection as unknown as CopyWire;
    wire.query(this.text);
    for (let at = 0; at < this.data.length; at += COPY_MESSAGE_BYTES) wire.sendCopyFromChunk(this.data.subarray(at, at + COPY_MESSAGE_BYTES));
    wire.endCopyFrom();
  }

  // The client calls these as the server answers; a failure (or a lost connection) comes as handleError.
  handleError(error: Error): void {
    this.callback?.(error);
    this.settle(error);
  }

  handleReadyForQuery(): void {
    this.callback?.();
    this.settle();
  }

  handleCopyInResponse(): void {}
  handleCommandComplete(): void {}
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
}

/** What `pg`'s connection offers for the simple-query and COPY messages (not in its type definitions). */
interface CopyWire {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

/**
 * Journal rows in COPY's text format, in the order of `USAGE_COLUMNS`, written straight into
 * bytes: ASCII text and integers byte by byte, anything else through the UTF-8 encoder. No
 * array per row and no string per field, which cost as much in garbage collection as in
 * building (this is the engine's hottest write).
 */
export function encodeUsage(usage: readonly UsageRow[]): Buffer {
  let buf = Buffer.allocUnsafe(usage.length * 192 + ROW_FIXED_BYTES);
  let p = 0;
  for (const row of usage) {
    // At most 3 bytes per UTF-16 unit of text (an escape takes 2, a NUL or other BMP character 3,
    // a surrogate pair 4 for 2 units), and ROW_FIXED_BYTES for the numbers, NULLs and separators.
    const textUnits =
      row.lineId.length +
      row.recordId.length +
      row.service.length +
      row.servingPlmn.length +
      (row.sessionId?.length ?? 0) +
      row.usagePeriod.length +
      row.billPeriod.length +
      row.zone.length +
      row.country.length +
      (row.allowanceId?.length ?? 0) +
      row.unitLabel.length +
      (row.overCapId?.length ?? 0) +
      row.source.length;
    const need = p + ROW_FIXED_BYTES + 3 * textUnits;
    if (need > buf.length) {
      const grown = Buffer.allocUnsafe(Math.max(buf.length * 2, need));
      buf.copy(grown, 0, 0, p);
      buf = grown;
    }
    p = text(buf, p, row.lineId);
    buf[p++] = TAB;
    p = text(buf, p, row.recordId);
    buf[p++] = TAB;
    p = int(buf, p, partitionOf(row.lineId));
    buf[p++] = TAB;
    p = text(buf, p, row.service);
    buf[p++] = TAB;
    p = int(buf, p, row.startedMs);
    buf[p++] = TAB;
    p = int(buf, p, row.durationS);
    buf[p++] = TAB;
    p = int(buf, p, row.bytesUp);
    buf[p++] = TAB;
    p = int(buf, p, row.bytesDown);
    buf[p++] = TAB;
    p = text(buf, p, row.servingPlmn);
    buf[p++] = TAB;
    p = row.ratingGroup === undefined ? nul(buf, p) : int(buf, p, row.ratingGroup);
    buf[p++] = TAB;
    p = row.sessionId === undefined ? nul(buf, p) : text(buf, p, row.sessionId);
    buf[p++] = TAB;
    p = text(buf, p, row.usagePeriod);
    buf[p++] = TAB;
    p = text(buf, p, row.billPeriod);
    buf[p++] = TAB;
    p = text(buf, p, row.zone);
    buf[p++] = TAB;
    p = text(buf, p, row.country);
    buf[p++] = TAB;
    p = int(buf, p, row.quantity);
    buf[p++] = TAB;
    p = row.allowanceId === undefined ? nul(buf, p) : text(buf, p, row.allowanceId);
    buf[p++] = TAB;
    p = int(buf, p, row.allowanceUsed);
    buf[p++] = TAB;
    p = int(buf, p, row.units);
    buf[p++] = TAB;
    p = text(buf, p, row.unitLabel);
    buf[p++] = TAB;
    p = int(buf, p, row.amount);
    buf[p++] = TAB;
    p = int(buf, p, row.overUnits);
    buf[p++] = TAB;
    p = row.overCapId === undefined ? nul(buf, p) : text(buf, p, row.overCapId);
    buf[p++] = TAB;
    buf[p++] = row.throttled ? 116 : 102; // t, f
    buf[p++] = TAB;
    p = text(buf, p, row.source);
    buf[p++] = NEWLINE;
    // Writes past the end of a Buffer are dropped silently: never let a short row through.
    if (p > buf.length) throw new Error("COPY encoding overran its buffer");
  }
  return buf.subarray(0, p);
}

/** Numbers (16 digits and a sign at most; 24 characters for a non-integer), NULLs and separators of one row. */
const ROW_FIXED_BYTES = 512;
const TAB = 9;
const NEWLINE = 10;
const CARRIAGE_RETURN = 13;
const BACKSLASH = 92;

function nul(buf: Buffer, p: number): number {
  buf[p] = BACKSLASH;
  buf[p + 1] = 78; // N
  return p + 2;
}

/** Text with COPY's escapes (backslash, tab, newline, carriage return); NUL, which PostgreSQL cannot hold, as U+2400. */
function text(buf: Buffer, p: number, s: string): number {
  const start = p;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80 || c === 0) return start + buf.write(escapeCopy(pgText(s)), start, "utf8");
    if (c === BACKSLASH || c === TAB || c === NEWLINE || c === CARRIAGE_RETURN) {
      buf[p++] = BACKSLASH;
      buf[p++] = c === BACKSLASH ? BACKSLASH : c === TAB ? 116 : c === NEWLINE ? 110 : 114;
    } else buf[p++] = c;
  }
  return p;
}

/** A safe integer in decimal digits; anything else as JavaScript writes it (and the server refuses it). */
function int(buf: Buffer, p: number, n: number): number {
  if (!Number.isSafeInteger(n)) return text(buf, p, String(n));
  if (n < 0) {
    buf[p++] = 45; // -
    n = -n;
  }
  if (n < 1e8) return below1e8(buf, p, n);
  // In parts of eight digits, each within 32-bit arithmetic.
  const high = Math.floor(n / 1e8);
  if (high < 1e8) p = below1e8(buf, p, high);
  else {
    const top = Math.floor(high / 1e8);
    p = eightDigits(buf, below1e8(buf, p, top), high - top * 1e8);
  }
  return eightDigits(buf, p, n - high * 1e8);
}

function below1e8(buf: Buffer, p: number, n: number): number {
  const end = p + (n < 10 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : n < 10000 ? 4 : n < 100000 ? 5 : n < 1000000 ? 6 : n < 10000000 ? 7 : 8);
  let at = end;
  do {
    const q = (n / 10) | 0;
    buf[--at] = 48 + n - q * 10;
    n = q;
  } while (n > 0);
  return end;
}

function eightDigits(buf: Buffer, p: number, n: number): number {
  for (let at = p + 7; at >= p; at--) {
    const q = (n / 10) | 0;
    buf[at] = 48 + n - q * 10;
    n = q;
  }
  return p + 8;
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
