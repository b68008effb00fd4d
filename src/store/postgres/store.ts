import { randomUUID } from "node:crypto";
import pg from "pg";
import { type Period, partitionOf, type Service, type Zone } from "../../domain/index.ts";
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
} from "../ports.ts";
import { PostgresAnomalyStore } from "./anomaly.ts";
import { PostgresAuthStore } from "./auth.ts";
import { usageForBilling, writeClose } from "./billing.ts";
import { inTransaction, MigrationError, migrate, type PostgresOpenError, type PostgresOptions, poolConfig, redact } from "./connect.ts";
import { FIND_USAGE_SQL, recordIdArray, writeJournal } from "./journal.ts";
import { type CommitFence, scopeOf } from "./leases.ts";
import {
  type EventPgRow,
  eventFromPg,
  type IdentityPgRow,
  type InvoicePgRow,
  identityFromPg,
  int,
  invoiceFromPg,
  LINE_COLUMNS,
  LINE_TYPES,
  type LinePgRow,
  lineFromPg,
  lineToPg,
  type RejectPgRow,
  rejectFromPg,
} from "./mapping.ts";
import { PostgresOnlineStore } from "./online.ts";
import { ofPartitions } from "./partition-filter.ts";
import { type RetryPolicy, retrying } from "./retry.ts";
import { PostgresReviewStore } from "./review.ts";
import { PostgresSeriesStore } from "./series.ts";

/** Record ids per duplicate-check query: one round trip for a whole engine batch. */
const LOOKUP_CHUNK = 10_000;
/** Batch ids are kept this long: only a retry within the budget ever looks one up. */
const COMMIT_LOG_KEEP = "1 day";
const COMMIT_LOG_PRUNE_EVERY_MS = 3_600_000;

/**
 * Opens (and migrates) the production store. An unreachable server or a failed migration is a
 * coded value, for the composition root to report; nothing half-open is returned.
 */
export async function openPostgresStore(url: string, options: PostgresOptions = {}): Promise<{ ok: true; store: PostgresStore } | PostgresOpenError> {
  const config = poolConfig(url, options);
  if (!config.ok) return config;
  const pool = new pg.Pool(config.config);
  // An idle connection dropped by the server (restart, failover) must not crash the process:
  // the next query on the pool opens a new one, or fails where it is awaited.
  pool.on("error", () => undefined);
  // Nor one in use: the pool stops listening on a connection when it hands it out, and a FATAL
  // (`57P01` on a restart) read in the same packet as a new connection's first ReadyForQuery is
  // emitted before the borrower's code runs. So each connection listens from its start; the
  // failure still reaches the query running on it, and the pool drops the connection.
  pool.on("connect", (client) => client.on("error", () => undefined));
  try {
    await migrate(pool, config.schema);
  } catch (error) {
    await pool.end();
    const message = (error as Error).message;
    if (error instanceof MigrationError) return { ok: false, code: "store_migration_failed", message: `migration ${message}` };
    return { ok: false, code: "store_unreachable", message: `cannot reach PostgreSQL at ${redact(url)}: ${message || (error as { code?: string }).code}` };
  }
  return { ok: true, store: new PostgresStore(pool, config.schema, { budgetMs: config.retryBudgetMs }) };
}

export class PostgresStore implements Store {
  readonly kind = "postgres" as const;
  readonly online: PostgresOnlineStore;
  readonly review: PostgresReviewStore;
  readonly series: PostgresSeriesStore;
  readonly auth: PostgresAuthStore;
  /** Abnormal-consumption detection's reads and dismissals (`anomalyStoreOf`). */
  readonly anomaly: PostgresAnomalyStore;

  constructor(
    readonly pool: pg.Pool,
    readonly schema: string,
    /** How the journal's writes and lookups ride out a lost connection (retry.ts). */
    readonly retry: RetryPolicy = { budgetMs: 0 },
  ) {
    this.online = new PostgresOnlineStore(pool);
    this.review = new PostgresReviewStore(pool);
    this.series = new PostgresSeriesStore(pool);
    this.auth = new PostgresAuthStore(pool);
    this.anomaly = new PostgresAnomalyStore(pool);
  }

  async upsertLines(lines: readonly LineRecord[]): Promise<void> {
    if (lines.length === 0) return;
    const rows = lines.map(lineToPg);
    const params = LINE_COLUMNS.map((_, c) => rows.map((r) => r[c] ?? null));
    const updates = LINE_COLUMNS.filter((c) => c !== "line_id").map((c) => `${c}=excluded.${c}`);
    await inTransaction(this.pool, (client) =>
      client.query(
        `INSERT INTO lines (${LINE_COLUMNS.join(", ")}) SELECT * FROM unnest(${LINE_TYPES.map((t, i) => `$${i + 1}::${t}[]`).join(", ")})
         ON CONFLICT (line_id) DO UPDATE SET ${updates.join(", ")}`,
        params,
      ),
    );
  }

  async loadLines(partitions?: PartitionFilter): Promise<LineRecord[]> {
    const { sql, params } = ofPartitions(partitions, "part");
    return (await this.pool.query<LinePgRow>(`SELECT * FROM lines ${sql} ORDER BY line_id`, params)).rows.map(lineFromPg);
  }

  async getLine(lineId: string): Promise<LineRecord | undefined> {
    const { rows } = await this.pool.query<LinePgRow>("SELECT * FROM lines WHERE line_id = $1", [lineId]);
    return rows[0] ? lineFromPg(rows[0]) : undefined;
  }

  /** A read on the engine's path: retried like a commit, so that a restart does not stop the engine between two commits. */
  findUsage(recordIds: readonly string[]): Promise<Map<string, UsageIdentity>> {
    return retrying("look up record ids", this.retry, () => this.lookUp(recordIds));
  }

  private async lookUp(recordIds: readonly string[]): Promise<Map<string, UsageIdentity>> {
    const found = new Map<string, UsageIdentity>();
    for (let i = 0; i < recordIds.length; i += LOOKUP_CHUNK) {
      const chunk = recordIds.slice(i, i + LOOKUP_CHUNK);
      const { rows } = await this.pool.query<IdentityPgRow>(FIND_USAGE_SQL, [recordIdArray(chunk)]);
      for (const row of rows) found.set(row.record_id, identityFromPg(row));
    }
    return found;
  }

  /**
   * One engine batch, one transaction: usage (COPY), outbox, rejects and online state, or nothing.
   * A lost connection is retried within the budget, then `store_unavailable`. The batch's id is
   * written first: when an earlier attempt's COMMIT went through but its answer was lost, the
   * insert finds the id (or waits for that transaction to end, then finds it) and the batch is
   * known to have landed, so it is not written twice. The fence is checked in every attempt.
   *
   * While this retries, the engine holds the next batch rated and waiting (at most two in flight)
   * and resolves no submission, so the importer and the stream consumers stop reading: the
   * outage backs up to the source, not into memory.
   */
  async commit(batch: JournalBatch): Promise<void> {
    const fence = this.fence;
    const batchId = randomUUID();
    const prune = this.pruneDue();
    await retrying("commit a batch", this.retry, () =>
      inTransaction(this.pool, async (client) => {
        const logged = await client.query("INSERT INTO commit_log (batch_id) VALUES ($1) ON CONFLICT (batch_id) DO NOTHING", [batchId]);
        if (logged.rowCount === 0) return; // an earlier attempt committed it
        if (fence) await fence(client, scopeOf(batch));
        await writeJournal(client, batch);
        if (prune) await client.query(`DELETE FROM commit_log WHERE committed_at < now() - interval '${COMMIT_LOG_KEEP}'`);
      }),
    );
  }

  private lastPrune = 0;

  /** Old batch ids go at most once an hour, with a commit: no timer to stop, nothing between commits. */
  private pruneDue(): boolean {
    const now = Date.now();
    if (now - this.lastPrune < COMMIT_LOG_PRUNE_EVERY_MS) return false;
    this.lastPrune = now;
    return true;
  }

  /** Set by a partitioned engine (leases): checked in each commit's transaction, before writing. */
  fence: CommitFence | undefined;

  async loadCounters(partitions?: PartitionFilter): Promise<CounterAggregate[]> {
    const { sql, params } = ofPartitions(partitions, "part");
    const { rows } = await this.pool.query<{ line_id: string; usage_period: string; service: string; zone: string; quantity: string; amount: string }>(
      `SELECT line_id, usage_period, service, zone, SUM(quantity) AS quantity, SUM(amount) AS amount
       FROM usage ${sql} GROUP BY line_id, usage_period, service, zone`,
      params,
    );
    return rows.map((r) => ({
      lineId: r.line_id,
      period: r.usage_period as Period,
      service: r.service as Service,
      zone: r.zone as Zone,
      quantity: int(r.quantity, "quantity"),
      amount: int(r.amount, "amount"),
    }));
  }

  async loadAllowances(partitions?: PartitionFilter): Promise<AllowanceAggregate[]> {
    const { sql, params } = ofPartitions(partitions, "part", "AND");
    const { rows } = await this.pool.query<{ line_id: string; usage_period: string; allowance_id: string; used: string }>(
      `SELECT line_id, usage_period, allowance_id, SUM(allowance_used) AS used FROM usage
       WHERE allowance_id IS NOT NULL ${sql} GROUP BY line_id, usage_period, allowance_id`,
      params,
    );
    return rows.map((r) => ({ lineId: r.line_id, period: r.usage_period as Period, allowanceId: r.allowance_id, used: int(r.used, "allowance_used") }));
  }

  async loadNoticeMarks(partitions?: PartitionFilter): Promise<NoticeMark[]> {
    const { sql, params } = ofPartitions(partitions, "line");
    const { rows } = await this.pool.query<{ line_id: string; period: string; key: string }>(`SELECT line_id, period, key FROM outbox ${sql}`, params);
    // The key is `<line>:<period>:<notice key>`: the mark is what follows the prefix.
    return rows.map((r) => ({ lineId: r.line_id, period: r.period as Period, noticeKey: r.key.slice(`${r.line_id}:${r.period}:`.length) }));
  }

  async loadConsents(partitions?: PartitionFilter): Promise<ConsentRow[]> {
    const { sql, params } = ofPartitions(partitions, "line");
    const { rows } = await this.pool.query<{ line_id: string; period: string; cap_id: string; at: string; actor: string; channel: string }>(
      `SELECT * FROM consents ${sql} ORDER BY line_id, period, cap_id`,
      params,
    );
    return rows.map((r) => ({ lineId: r.line_id, period: r.period as Period, capId: r.cap_id, at: r.at, actor: r.actor, channel: r.channel }));
  }

  async liveEngines(): Promise<string[]> {
    const { rows } = await this.pool.query<{ owner: string }>(
      "SELECT DISTINCT owner FROM partition_leases WHERE owner IS NOT NULL AND expires_at > now() ORDER BY owner",
    );
    return rows.map((r) => r.owner);
  }

  async beginClose(period: Period): Promise<void> {
    await this.pool.query("INSERT INTO periods_closing (period) VALUES ($1) ON CONFLICT DO NOTHING", [period]);
  }

  async closingPeriods(): Promise<Period[]> {
    const { rows } = await this.pool.query<{ period: Period }>("SELECT period FROM periods_closing ORDER BY period");
    return rows.map((r) => r.period);
  }

  async recordConsent(c: ConsentRow): Promise<void> {
    const insert = (client: pg.Pool | pg.PoolClient) =>
      client.query("INSERT INTO consents (line_id, period, cap_id, at, actor, channel) VALUES ($1,$2,$3,$4,$5,$6) ON CONFLICT DO NOTHING", [
        c.lineId,
        c.period,
        c.capId,
        c.at,
        c.actor,
        c.channel,
      ]);
    const fence = this.fence;
    if (!fence) {
      await insert(this.pool);
      return;
    }
    // A consent lifts a cap its line's owner enforces: only the owner under its lease records it,
    // else the engine that took the partition over would load a consent it never applied.
    await inTransaction(this.pool, async (client) => {
      await fence(client, { partitions: [partitionOf(c.lineId)], charges: false });
      await insert(client);
    });
  }

  async listNotices(filter: { lineId?: string; period?: Period; kind?: string }): Promise<StoredNotice[]> {
    const where: string[] = [];
    const params: string[] = [];
    for (const [column, value] of [
      ["line_id", filter.lineId],
      ["period", filter.period],
      ["kind", filter.kind],
    ] as const) {
      if (!value) continue;
      params.push(value);
      where.push(`${column} = $${params.length}`);
    }
    const { rows } = await this.pool.query<{
      id: string;
      key: string;
      line_id: string;
      period: string;
      kind: string;
      urgent: boolean;
      status: string;
      payload: string;
      created_at: string;
    }>(
      `SELECT id, key, line_id, period, kind, urgent, status, payload, created_at FROM outbox ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY id`,
      params,
    );
    return rows.map((r) => ({
      id: int(r.id, "outbox.id"),
      key: r.key,
      lineId: r.line_id,
      period: r.period as Period,
      kind: r.kind,
      urgent: r.urgent,
      status: r.status,
      payload: r.payload,
      createdAt: r.created_at,
    }));
  }

  async closedPeriods(): Promise<Period[]> {
    return (await this.pool.query<{ period: string }>("SELECT period FROM periods ORDER BY period")).rows.map((r) => r.period as Period);
  }

  usageForBilling(period: Period): Promise<UsageAggregateRow[]> {
    return usageForBilling(this.pool, period);
  }

  closePeriod(period: Period, invoices: readonly StoredInvoice[], events: readonly InvoiceEvent[]): Promise<void> {
    return writeClose(this.pool, period, invoices, events);
  }

  async listInvoices(period: Period | undefined): Promise<StoredInvoice[]> {
    const { rows } = period
      ? await this.pool.query<InvoicePgRow>("SELECT * FROM invoices WHERE period = $1 ORDER BY account_id", [period])
      : await this.pool.query<InvoicePgRow>("SELECT * FROM invoices ORDER BY period, account_id");
    return rows.map(invoiceFromPg);
  }

  async invoiceEvents(invoiceId: string): Promise<InvoiceEvent[]> {
    const { rows } = await this.pool.query<EventPgRow>("SELECT * FROM invoice_events WHERE invoice_id = $1 ORDER BY id", [invoiceId]);
    return rows.map(eventFromPg);
  }

  /** The summary an import ends with: retried like a commit; its id makes a retry after a lost answer a no-op. */
  async recordImport(s: ImportSummary): Promise<void> {
    await retrying("record the import", this.retry, () =>
      this.pool.query(
        `INSERT INTO imports (import_id, source, started_at, finished_at, read, accepted, duplicates, rejected, rejects_file) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)
         ON CONFLICT (import_id) DO NOTHING`,
        [s.importId, s.source, s.startedAt, s.finishedAt, s.read, s.accepted, s.duplicates, s.rejected, s.rejectsFile ?? null],
      ),
    );
  }

  async listRejects(source: string | undefined, limit: number): Promise<RejectRow[]> {
    const { rows } = source
      ? await this.pool.query<RejectPgRow>("SELECT * FROM rejects WHERE source = $1 ORDER BY id LIMIT $2", [source, limit])
      : await this.pool.query<RejectPgRow>("SELECT * FROM rejects ORDER BY id LIMIT $1", [limit]);
    return rows.map(rejectFromPg);
  }

  private closed = false;

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}
