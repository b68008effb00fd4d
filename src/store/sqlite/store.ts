import Database from "better-sqlite3";
import type { Period, Service, Zone } from "../../domain/index.ts";
import type {
  AllowanceAggregate,
  ConsentRow,
  CounterAggregate,
  ImportSummary,
  InvoiceEvent,
  JournalBatch,
  LineRecord,
  NoticeMark,
  PartitionFilter,
  RejectRow,
  Store,
  StoredInvoice,
  StoredNotice,
  UsageAggregateRow,
  UsageIdentity,
  UsageRow,
} from "../ports.ts";
import { SqliteAuthStore } from "./auth.ts";
import {
  fillUsageParams,
  type IdentitySqlRow,
  type InvoiceSqlRow,
  identityFromSql,
  inPartitions,
  invoiceFromSql,
  type LineSqlRow,
  lineFromSql,
  lineToSql,
  USAGE_WIDTH,
  usageToSql,
} from "./mapping.ts";
import { MIGRATIONS } from "./migrations/index.ts";
import { SqliteOnlineStore } from "./online.ts";
import { SqliteReviewStore } from "./review.ts";
import { SqliteSeriesStore } from "./series.ts";

type Db = Database.Database;
type Stmt = Database.Statement;

const USAGE_COLUMNS =
  "record_id, line_id, service, started_ms, duration_s, bytes_up, bytes_down, serving_plmn, rating_group, session_id, usage_period, bill_period, zone, country, quantity, allowance_id, allowance_used, units, unit_label, amount, over_units, over_cap_id, throttled, source";
const IDENTITY_COLUMNS = "record_id, line_id, service, started_ms, duration_s, bytes_up, bytes_down, serving_plmn, rating_group, session_id";
const LOOKUP_CHUNK = 500;
/** Rows per INSERT statement: one statement per 16 rows is ~1.5× faster than one per row. */
const ROWS_PER_INSERT = 16;

export interface SqliteOptions {
  /** `FULL` makes every commit durable across power loss; `NORMAL` only across process crashes. */
  readonly synchronous?: "FULL" | "NORMAL";
}

/** Opens (and migrates) the embedded store: one SQLite file in WAL mode. */
export function openSqliteStore(file: string, options: SqliteOptions = {}): SqliteStore {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma(`synchronous = ${options.synchronous ?? "FULL"}`);
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  // 64 MiB of page cache keeps the record_id index of a few million records in memory.
  db.pragma("cache_size = -65536");
  migrate(db);
  return new SqliteStore(db);
}

function migrate(db: Db): void {
  db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)");
  const applied = new Set((db.prepare("SELECT name FROM schema_migrations").all() as { name: string }[]).map((r) => r.name));
  for (const m of MIGRATIONS) {
    if (applied.has(m.name)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare("INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)").run(m.name, new Date().toISOString());
    })();
  }
}

export class SqliteStore implements Store {
  readonly kind = "sqlite" as const;
  readonly online: SqliteOnlineStore;
  readonly review: SqliteReviewStore;
  readonly auth: SqliteAuthStore;
  readonly series: SqliteSeriesStore;
  private readonly insertUsage: Stmt;
  private readonly insertUsageMany: Stmt;
  private readonly insertOutbox: Stmt;
  private readonly insertReject: Stmt;
  private readonly lookup: Stmt;
  private readonly writeBatch: (batch: JournalBatch) => void;

  constructor(readonly db: Db) {
    this.online = new SqliteOnlineStore(db);
    this.review = new SqliteReviewStore(db);
    this.auth = new SqliteAuthStore(db);
    this.series = new SqliteSeriesStore(db);
    const row = `(${USAGE_COLUMNS.split(",")
      .map(() => "?")
      .join(",")})`;
    this.insertUsage = db.prepare(`INSERT INTO usage (${USAGE_COLUMNS}) VALUES ${row}`);
    this.insertUsageMany = db.prepare(`INSERT INTO usage (${USAGE_COLUMNS}) VALUES ${new Array(ROWS_PER_INSERT).fill(row).join(",")}`);
    this.insertOutbox = db.prepare(
      "INSERT INTO outbox (key, line_id, account_id, period, kind, urgent, payload, created_at) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(key) DO NOTHING",
    );
    this.insertReject = db.prepare("INSERT INTO rejects (source, line_no, record_id, code, message, raw) VALUES (?,?,?,?,?,?)");
    this.lookup = db.prepare(`SELECT ${IDENTITY_COLUMNS} FROM usage WHERE record_id IN (${new Array(LOOKUP_CHUNK).fill("?").join(",")})`);
    this.writeBatch = db.transaction((batch: JournalBatch) => {
      const usage = batch.usage;
      let i = 0;
      const params = new Array<unknown>(ROWS_PER_INSERT * USAGE_WIDTH);
      for (; i + ROWS_PER_INSERT <= usage.length; i += ROWS_PER_INSERT) {
        for (let k = 0; k < ROWS_PER_INSERT; k++) fillUsageParams(params, k * USAGE_WIDTH, usage[i + k] as UsageRow);
        this.insertUsageMany.run(params);
      }
      for (; i < usage.length; i++) this.insertUsage.run(usageToSql(usage[i] as UsageRow));
      for (const o of batch.outbox) this.insertOutbox.run(o.key, o.lineId, o.accountId, o.period, o.kind, o.urgent ? 1 : 0, o.payload, o.createdAt);
      for (const r of batch.rejects) this.insertReject.run(r.source, r.lineNo, r.recordId ?? null, r.code, r.message, r.raw);
      if (batch.online) this.online.write(batch.online);
    });
  }

  async upsertLines(lines: readonly LineRecord[]): Promise<void> {
    const stmt = this.db.prepare(
      `INSERT INTO lines (line_id, account_id, imsi, msisdn, plan_id, email, locale, roaming_cap, roaming_opt_out, monthly_fee, activated_at)
       VALUES (?,?,?,?,?,?,?,?,?,?,?)
       ON CONFLICT(line_id) DO UPDATE SET account_id=excluded.account_id, imsi=excluded.imsi, msisdn=excluded.msisdn,
         plan_id=excluded.plan_id, email=excluded.email, locale=excluded.locale, roaming_cap=excluded.roaming_cap,
         roaming_opt_out=excluded.roaming_opt_out, monthly_fee=excluded.monthly_fee, activated_at=excluded.activated_at`,
    );
    this.db.transaction(() => {
      for (const l of lines) stmt.run(lineToSql(l));
    })();
  }

  async loadLines(partitions?: PartitionFilter): Promise<LineRecord[]> {
    return inPartitions(this.db.prepare("SELECT * FROM lines ORDER BY line_id").all() as LineSqlRow[], partitions).map(lineFromSql);
  }

  async getLine(lineId: string): Promise<LineRecord | undefined> {
    const row = this.db.prepare("SELECT * FROM lines WHERE line_id = ?").get(lineId) as LineSqlRow | undefined;
    return row ? lineFromSql(row) : undefined;
  }

  async findUsage(recordIds: readonly string[]): Promise<Map<string, UsageIdentity>> {
    const found = new Map<string, UsageIdentity>();
    for (let i = 0; i < recordIds.length; i += LOOKUP_CHUNK) {
      const chunk = recordIds.slice(i, i + LOOKUP_CHUNK);
      // A fixed-arity statement is prepared once; the tail of the last chunk is padded with nulls.
      const params: (string | null)[] = chunk.length === LOOKUP_CHUNK ? chunk : [...chunk, ...new Array<null>(LOOKUP_CHUNK - chunk.length).fill(null)];
      for (const row of this.lookup.all(params) as IdentitySqlRow[]) found.set(row.record_id, identityFromSql(row));
    }
    return found;
  }

  async commit(batch: JournalBatch): Promise<void> {
    this.writeBatch(batch);
  }

  async loadCounters(partitions?: PartitionFilter): Promise<CounterAggregate[]> {
    const all = this.db
      .prepare(
        `SELECT line_id, usage_period, service, zone, SUM(quantity) AS quantity, SUM(amount) AS amount
         FROM usage GROUP BY line_id, usage_period, service, zone`,
      )
      .all() as { line_id: string; usage_period: string; service: string; zone: string; quantity: number; amount: number }[];
    return inPartitions(all, partitions).map((r) => ({
      lineId: r.line_id,
      period: r.usage_period as Period,
      service: r.service as Service,
      zone: r.zone as Zone,
      quantity: r.quantity,
      amount: r.amount,
    }));
  }

  async loadAllowances(partitions?: PartitionFilter): Promise<AllowanceAggregate[]> {
    const all = this.db
      .prepare(
        `SELECT line_id, usage_period, allowance_id, SUM(allowance_used) AS used FROM usage
         WHERE allowance_id IS NOT NULL GROUP BY line_id, usage_period, allowance_id`,
      )
      .all() as { line_id: string; usage_period: string; allowance_id: string; used: number }[];
    return inPartitions(all, partitions).map((r) => ({ lineId: r.line_id, period: r.usage_period as Period, allowanceId: r.allowance_id, used: r.used }));
  }

  async loadNoticeMarks(partitions?: PartitionFilter): Promise<NoticeMark[]> {
    const all = this.db.prepare("SELECT line_id, period, key FROM outbox").all() as { line_id: string; period: string; key: string }[];
    const rows = inPartitions(all, partitions);
    const prefix = (r: { line_id: string; period: string }) => `${r.line_id}:${r.period}:`.length;
    return rows.map((r) => ({ lineId: r.line_id, period: r.period as Period, noticeKey: r.key.slice(prefix(r)) }));
  }

  async loadConsents(partitions?: PartitionFilter): Promise<ConsentRow[]> {
    const all = this.db.prepare("SELECT * FROM consents").all() as {
      line_id: string;
      period: string;
      cap_id: string;
      at: string;
      actor: string;
      channel: string;
    }[];
    return inPartitions(all, partitions).map((r) => ({
      lineId: r.line_id,
      period: r.period as Period,
      capId: r.cap_id,
      at: r.at,
      actor: r.actor,
      channel: r.channel,
    }));
  }

  async recordConsent(c: ConsentRow): Promise<void> {
    this.db
      .prepare("INSERT INTO consents (line_id, period, cap_id, at, actor, channel) VALUES (?,?,?,?,?,?) ON CONFLICT DO NOTHING")
      .run(c.lineId, c.period, c.capId, c.at, c.actor, c.channel);
  }

  async listNotices(filter: { lineId?: string; period?: Period; kind?: string }): Promise<StoredNotice[]> {
    const where: string[] = [];
    const params: string[] = [];
    if (filter.lineId) where.push("line_id = ?") && params.push(filter.lineId);
    if (filter.period) where.push("period = ?") && params.push(filter.period);
    if (filter.kind) where.push("kind = ?") && params.push(filter.kind);
    const sql = `SELECT id, key, line_id, period, kind, urgent, status, payload, created_at FROM outbox ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY id`;
    const rows = this.db.prepare(sql).all(params) as {
      id: number;
      key: string;
      line_id: string;
      period: string;
      kind: string;
      urgent: number;
      status: string;
      payload: string;
      created_at: string;
    }[];
    return rows.map((r) => ({
      id: r.id,
      key: r.key,
      lineId: r.line_id,
      period: r.period as Period,
      kind: r.kind,
      urgent: r.urgent === 1,
      status: r.status,
      payload: r.payload,
      createdAt: r.created_at,
    }));
  }

  async closedPeriods(): Promise<Period[]> {
    return (this.db.prepare("SELECT period FROM periods ORDER BY period").all() as { period: string }[]).map((r) => r.period as Period);
  }

  async usageForBilling(period: Period): Promise<UsageAggregateRow[]> {
    const rows = this.db
      .prepare(
        `SELECT line_id, service, zone, country, usage_period, SUM(quantity) AS quantity, SUM(units) AS units, MAX(unit_label) AS unit_label,
                SUM(amount) AS amount, SUM(over_units) AS over_units, COALESCE(GROUP_CONCAT(DISTINCT over_cap_id), '') AS over_cap_ids, COUNT(*) AS records
         FROM usage WHERE bill_period = ? GROUP BY line_id, service, zone, country, usage_period`,
      )
      .all(period) as {
      line_id: string;
      service: string;
      zone: string;
      country: string;
      usage_period: string;
      quantity: number;
      units: number;
      unit_label: string;
      amount: number;
      over_units: number;
      over_cap_ids: string;
      records: number;
    }[];
    return rows.map((r) => ({
      lineId: r.line_id,
      service: r.service as Service,
      zone: r.zone as Zone,
      country: r.country,
      usagePeriod: r.usage_period as Period,
      quantity: r.quantity,
      units: r.units,
      unitLabel: r.unit_label,
      amount: r.amount,
      overUnits: r.over_units,
      overCapIds: r.over_cap_ids,
      records: r.records,
    }));
  }

  async closePeriod(period: Period, invoices: readonly StoredInvoice[], events: readonly InvoiceEvent[]): Promise<void> {
    const insertInvoice = this.db.prepare("INSERT INTO invoices (invoice_id, account_id, period, status, total_excl_tax, document) VALUES (?,?,?,?,?,?)");
    const insertEvent = this.db.prepare("INSERT INTO invoice_events (invoice_id, at, actor, from_status, to_status, reason) VALUES (?,?,?,?,?,?)");
    this.db.transaction(() => {
      this.db.prepare("INSERT INTO periods (period, closed_at) VALUES (?, ?)").run(period, events[0]?.at ?? new Date(0).toISOString());
      for (const i of invoices) insertInvoice.run(i.invoiceId, i.accountId, i.period, i.status, i.totalExclTax, i.document);
      for (const e of events) insertEvent.run(e.invoiceId, e.at, e.actor, e.from ?? null, e.to, e.reason);
    })();
  }

  async listInvoices(period: Period | undefined): Promise<StoredInvoice[]> {
    const rows = period
      ? this.db.prepare("SELECT * FROM invoices WHERE period = ? ORDER BY account_id").all(period)
      : this.db.prepare("SELECT * FROM invoices ORDER BY period, account_id").all();
    return (rows as InvoiceSqlRow[]).map(invoiceFromSql);
  }

  async invoiceEvents(invoiceId: string): Promise<InvoiceEvent[]> {
    const rows = this.db.prepare("SELECT * FROM invoice_events WHERE invoice_id = ? ORDER BY id").all(invoiceId) as {
      invoice_id: string;
      at: string;
      actor: string;
      from_status: string | null;
      to_status: string;
      reason: string;
    }[];
    return rows.map((r) => ({
      invoiceId: r.invoice_id,
      at: r.at,
      actor: r.actor,
      from: (r.from_status ?? undefined) as InvoiceEvent["from"],
      to: r.to_status as InvoiceEvent["to"],
      reason: r.reason,
    }));
  }

  async recordImport(s: ImportSummary): Promise<void> {
    this.db
      .prepare(
        "INSERT INTO imports (import_id, source, started_at, finished_at, read, accepted, duplicates, rejected, rejects_file) VALUES (?,?,?,?,?,?,?,?,?)",
      )
      .run(s.importId, s.source, s.startedAt, s.finishedAt, s.read, s.accepted, s.duplicates, s.rejected, s.rejectsFile ?? null);
  }

  async listRejects(source: string | undefined, limit: number): Promise<RejectRow[]> {
    const rows = (
      source
        ? this.db.prepare("SELECT * FROM rejects WHERE source = ? ORDER BY id LIMIT ?").all(source, limit)
        : this.db.prepare("SELECT * FROM rejects ORDER BY id LIMIT ?").all(limit)
    ) as { source: string; line_no: number; record_id: string | null; code: string; message: string; raw: string }[];
    return rows.map((r) => ({ source: r.source, lineNo: r.line_no, recordId: r.record_id ?? undefined, code: r.code, message: r.message, raw: r.raw }));
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
