import type Database from "better-sqlite3";
import type { Attempt, Delivery, OutboxEntry, OutboxFilter, OutboxStatus, OutboxStore, ReplayResult, Settlement } from "../outbox-ports.ts";
import type { OutboxRow } from "../ports.ts";
import { type AttemptSqlRow, attemptFromSql, type DeliverySqlRow, deliveryFromSql, entryFromSql, type OutboxSqlRow } from "./outbox-mapping.ts";

type Db = Database.Database;
type Stmt = Database.Statement;

const COLUMNS = "id, key, line_id, account_id, period, kind, urgent, payload, created_at, status, attempts, next_attempt_at, last_error, sent_at";
const REPLAYABLE: readonly OutboxStatus[] = ["dead", "expired"];

interface Write {
  readonly run: () => void;
  readonly resolve: () => void;
  readonly reject: (e: unknown) => void;
}

/**
 * The outbox's delivery states on SQLite. Attempts and settlements are group-committed: the
 * writes of every notice settled in the same turn of the event loop share one transaction, and
 * each promise resolves only once that transaction is durable. One fsync per notice would cap
 * the dispatcher at the disk's fsync rate (~150 notices/s on the development machine).
 */
export class SqliteOutbox implements OutboxStore {
  private queued: Write[] = [];
  private readonly selectDue: Stmt;
  private readonly markClaimed: Stmt;
  private readonly settleRow: Stmt;
  private readonly insertAttempt: Stmt;
  private readonly insertDelivery: Stmt;
  private readonly selectDeliveries: Stmt;
  private readonly claim: (now: string, until: string, limit: number) => OutboxSqlRow[];

  constructor(private readonly db: Db) {
    // A lapsed claim (`sending` past `claimed_until`) means a dispatcher died mid-send: the row
    // is due again; channels that had accepted it are in outbox_deliveries and are skipped.
    this.selectDue = db.prepare(
      `SELECT ${COLUMNS} FROM outbox
       WHERE (status IN ('pending', 'deferred', 'retry') AND (next_attempt_at IS NULL OR next_attempt_at <= ?))
          OR (status = 'sending' AND claimed_until <= ?)
       ORDER BY id LIMIT ?`,
    );
    this.markClaimed = db.prepare("UPDATE outbox SET status = 'sending', claimed_until = ? WHERE id = ?");
    this.settleRow = db.prepare(
      "UPDATE outbox SET status = ?, attempts = COALESCE(?, attempts), next_attempt_at = ?, last_error = ?, sent_at = COALESCE(?, sent_at), claimed_until = NULL WHERE id = ?",
    );
    this.insertAttempt = db.prepare("INSERT INTO outbox_attempts (outbox_id, at, channel, outcome, code, message) VALUES (?,?,?,?,?,?)");
    this.insertDelivery = db.prepare(
      "INSERT INTO outbox_deliveries (outbox_id, channel, target, peer_id, at) VALUES (?,?,?,?,?) ON CONFLICT(outbox_id, channel) DO NOTHING",
    );
    this.selectDeliveries = db.prepare("SELECT * FROM outbox_deliveries WHERE outbox_id = ? ORDER BY at, channel");
    this.claim = db.transaction((now: string, until: string, limit: number) => {
      const rows = this.selectDue.all(now, now, limit) as OutboxSqlRow[];
      for (const r of rows) this.markClaimed.run(until, r.id);
      return rows;
    });
  }

  async claimDue(now: string, claimedUntil: string, limit: number): Promise<OutboxEntry[]> {
    // A claim need not survive a power loss: losing one only makes its rows due again, as a
    // lapsed claim does. Skipping its fsync takes a disk flush off every notice's latency.
    const durable = this.db.pragma("synchronous", { simple: true }) as number;
    this.db.pragma("synchronous = NORMAL");
    try {
      return this.claim(now, claimedUntil, limit).map((r) => this.withDeliveries(r, "sending"));
    } finally {
      this.db.pragma(`synchronous = ${durable}`);
    }
  }

  recordAttempt(id: number, a: Attempt, d: Delivery | undefined): Promise<void> {
    return this.write(() => {
      this.insertAttempt.run(id, a.at, a.channel, a.outcome, a.code ?? null, a.message ?? null);
      if (d) this.insertDelivery.run(id, d.channel, d.target, d.peerId, d.at);
    });
  }

  settle(id: number, s: Settlement): Promise<void> {
    return this.write(() => this.settleNow(id, s));
  }

  private write(run: () => void): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queued.push({ run, resolve, reject });
      if (this.queued.length === 1) setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const batch = this.queued;
    this.queued = [];
    try {
      this.db.transaction(() => {
        for (const w of batch) w.run();
      })();
    } catch (e) {
      for (const w of batch) w.reject(e);
      return;
    }
    for (const w of batch) w.resolve();
  }

  private settleNow(id: number, s: Settlement): void {
    // Every settlement is one UPDATE of the same shape: the claim ends, the rest says why.
    const [attempts, next, error, sentAt] =
      s.status === "sent"
        ? [null, null, null, s.at]
        : s.status === "retry"
          ? [s.attempts, s.nextAttemptAt, s.error, null]
          : s.status === "deferred"
            ? [null, s.nextAttemptAt, s.reason, null]
            : s.status === "dead"
              ? [s.attempts, null, s.error, null]
              : [null, null, s.reason, null];
    this.settleRow.run(s.status, attempts, next, error, sentAt, id);
  }

  async replay(id: number, actor: string, at: string): Promise<ReplayResult> {
    return this.db.transaction((): ReplayResult => {
      const row = this.db.prepare("SELECT status FROM outbox WHERE id = ?").get(id) as { status: OutboxStatus } | undefined;
      if (!row) return { ok: false, code: "unknown_notice", message: `no notice ${id} in the outbox` };
      if (!REPLAYABLE.includes(row.status)) {
        return { ok: false, code: "notice_not_replayable", message: `notice ${id} is ${row.status}: only dead or expired notices are replayed` };
      }
      this.db
        .prepare("UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = NULL, last_error = NULL, claimed_until = NULL WHERE id = ?")
        .run(id);
      this.insertAttempt.run(id, at, "operator", "replayed", null, `replayed by ${actor} (was ${row.status})`);
      return { ok: true, entry: this.getSync(id) as OutboxEntry };
    })();
  }

  async enqueue(o: OutboxRow): Promise<{ inserted: boolean; id: number }> {
    const info = this.db
      .prepare("INSERT INTO outbox (key, line_id, account_id, period, kind, urgent, payload, created_at) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(key) DO NOTHING")
      .run(o.key, o.lineId, o.accountId, o.period, o.kind, o.urgent ? 1 : 0, o.payload, o.createdAt);
    if (info.changes === 1) return { inserted: true, id: Number(info.lastInsertRowid) };
    const existing = this.db.prepare("SELECT id FROM outbox WHERE key = ?").get(o.key) as { id: number };
    return { inserted: false, id: existing.id };
  }

  async get(id: number): Promise<OutboxEntry | undefined> {
    return this.getSync(id);
  }

  async attempts(id: number): Promise<Attempt[]> {
    return (this.db.prepare("SELECT * FROM outbox_attempts WHERE outbox_id = ? ORDER BY id").all(id) as AttemptSqlRow[]).map(attemptFromSql);
  }

  async list(f: OutboxFilter): Promise<OutboxEntry[]> {
    const where: string[] = [];
    const params: (string | number)[] = [];
    const add = (sql: string, value: string | undefined) => {
      if (value === undefined) return;
      where.push(sql);
      params.push(value);
    };
    add("status = ?", f.status);
    add("line_id = ?", f.lineId);
    add("period = ?", f.period);
    add("kind = ?", f.kind);
    params.push(f.limit ?? 1000);
    const sql = `SELECT ${COLUMNS} FROM outbox ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY id LIMIT ?`;
    return (this.db.prepare(sql).all(params) as OutboxSqlRow[]).map((r) => this.withDeliveries(r));
  }

  async counts(): Promise<Partial<Record<OutboxStatus, number>>> {
    const rows = this.db.prepare("SELECT status, COUNT(*) AS n FROM outbox GROUP BY status").all() as { status: OutboxStatus; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  }

  private getSync(id: number): OutboxEntry | undefined {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM outbox WHERE id = ?`).get(id) as OutboxSqlRow | undefined;
    return row ? this.withDeliveries(row) : undefined;
  }

  private withDeliveries(r: OutboxSqlRow, status?: OutboxStatus): OutboxEntry {
    const deliveries = (this.selectDeliveries.all(r.id) as DeliverySqlRow[]).map(deliveryFromSql);
    return entryFromSql(status ? { ...r, status } : r, deliveries);
  }
}
