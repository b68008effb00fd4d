import type pg from "pg";
import type { Period } from "../../domain/index.ts";
import type { Attempt, Delivery, OutboxEntry, OutboxFilter, OutboxStatus, OutboxStore, ReplayResult, Settlement } from "../outbox-ports.ts";
import type { OutboxRow } from "../ports.ts";
import { inTransaction } from "./connect.ts";
import { int, pgText } from "./mapping.ts";

const COLUMNS = "id, key, line_id, account_id, period, kind, urgent, payload, created_at, status, attempts, next_attempt_at, last_error, sent_at";
const REPLAYABLE: readonly OutboxStatus[] = ["dead", "expired"];

interface OutboxPgRow {
  id: string;
  key: string;
  line_id: string;
  account_id: string;
  period: string;
  kind: string;
  urgent: boolean;
  payload: string;
  created_at: string;
  status: string;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  sent_at: string | null;
}

interface AttemptPgRow {
  at: string;
  channel: string;
  outcome: string;
  code: string | null;
  message: string | null;
}

/** The outbox's delivery states on PostgreSQL. Each method is one statement or one transaction. */
export class PostgresOutbox implements OutboxStore {
  constructor(private readonly pool: pg.Pool) {}

  async claimDue(now: string, claimedUntil: string, limit: number): Promise<OutboxEntry[]> {
    // SKIP LOCKED: two dispatchers (two engines) never claim the same row, and neither waits.
    // A lapsed claim (`sending` past `claimed_until`) means a dispatcher died mid-send.
    const { rows } = await this.pool.query<OutboxPgRow>(
      `UPDATE outbox SET status = 'sending', claimed_until = $2 WHERE id IN (
         SELECT id FROM outbox
         WHERE (status IN ('pending', 'deferred', 'retry') AND (next_attempt_at IS NULL OR next_attempt_at <= $1))
            OR (status = 'sending' AND claimed_until <= $1)
         ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED)
       RETURNING ${COLUMNS}`,
      [now, claimedUntil, limit],
    );
    return this.withDeliveries(rows.sort((a, b) => int(a.id, "id") - int(b.id, "id")));
  }

  async recordAttempt(id: number, a: Attempt, d: Delivery | undefined): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await client.query("INSERT INTO outbox_attempts (outbox_id, at, channel, outcome, code, message) VALUES ($1,$2,$3,$4,$5,$6)", [
        id,
        a.at,
        a.channel,
        a.outcome,
        a.code ?? null,
        a.message === undefined ? null : pgText(a.message),
      ]);
      if (d) {
        await client.query(
          "INSERT INTO outbox_deliveries (outbox_id, channel, target, peer_id, at) VALUES ($1,$2,$3,$4,$5) ON CONFLICT (outbox_id, channel) DO NOTHING",
          [id, d.channel, d.target, d.peerId, d.at],
        );
      }
    });
  }

  async settle(id: number, s: Settlement): Promise<void> {
    const done = "claimed_until = NULL";
    switch (s.status) {
      case "sent":
        await this.pool.query(`UPDATE outbox SET status = 'sent', sent_at = $1, next_attempt_at = NULL, last_error = NULL, ${done} WHERE id = $2`, [s.at, id]);
        return;
      case "retry":
        await this.pool.query(`UPDATE outbox SET status = 'retry', attempts = $1, next_attempt_at = $2, last_error = $3, ${done} WHERE id = $4`, [
          s.attempts,
          s.nextAttemptAt,
          pgText(s.error),
          id,
        ]);
        return;
      case "deferred":
        await this.pool.query(`UPDATE outbox SET status = 'deferred', next_attempt_at = $1, last_error = $2, ${done} WHERE id = $3`, [
          s.nextAttemptAt,
          s.reason,
          id,
        ]);
        return;
      case "dead":
        await this.pool.query(`UPDATE outbox SET status = 'dead', attempts = $1, next_attempt_at = NULL, last_error = $2, ${done} WHERE id = $3`, [
          s.attempts,
          pgText(s.error),
          id,
        ]);
        return;
      case "expired":
        await this.pool.query(`UPDATE outbox SET status = 'expired', next_attempt_at = NULL, last_error = $1, ${done} WHERE id = $2`, [s.reason, id]);
        return;
    }
  }

  async replay(id: number, actor: string, at: string): Promise<ReplayResult> {
    const result = await inTransaction(this.pool, async (client): Promise<ReplayResult | undefined> => {
      const { rows } = await client.query<{ status: OutboxStatus }>("SELECT status FROM outbox WHERE id = $1 FOR UPDATE", [id]);
      const row = rows[0];
      if (!row) return { ok: false, code: "unknown_notice", message: `no notice ${id} in the outbox` };
      if (!REPLAYABLE.includes(row.status)) {
        return { ok: false, code: "notice_not_replayable", message: `notice ${id} is ${row.status}: only dead or expired notices are replayed` };
      }
      await client.query("UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = NULL, last_error = NULL, claimed_until = NULL WHERE id = $1", [
        id,
      ]);
      await client.query("INSERT INTO outbox_attempts (outbox_id, at, channel, outcome, code, message) VALUES ($1,$2,'operator','replayed',NULL,$3)", [
        id,
        at,
        `replayed by ${actor} (was ${row.status})`,
      ]);
      return undefined;
    });
    if (result) return result;
    return { ok: true, entry: (await this.get(id)) as OutboxEntry };
  }

  async enqueue(o: OutboxRow): Promise<{ inserted: boolean; id: number }> {
    const inserted = await this.pool.query<{ id: string }>(
      `INSERT INTO outbox (line_id, key, account_id, period, kind, urgent, payload, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)
       ON CONFLICT (line_id, key) DO NOTHING RETURNING id`,
      [o.lineId, o.key, o.accountId, o.period, o.kind, o.urgent, pgText(o.payload), o.createdAt],
    );
    if (inserted.rows[0]) return { inserted: true, id: int(inserted.rows[0].id, "outbox.id") };
    const existing = await this.pool.query<{ id: string }>("SELECT id FROM outbox WHERE line_id = $1 AND key = $2", [o.lineId, o.key]);
    return { inserted: false, id: int(existing.rows[0]?.id ?? "", "outbox.id") };
  }

  async get(id: number): Promise<OutboxEntry | undefined> {
    const { rows } = await this.pool.query<OutboxPgRow>(`SELECT ${COLUMNS} FROM outbox WHERE id = $1`, [id]);
    return (await this.withDeliveries(rows))[0];
  }

  async attempts(id: number): Promise<Attempt[]> {
    const { rows } = await this.pool.query<AttemptPgRow>("SELECT at, channel, outcome, code, message FROM outbox_attempts WHERE outbox_id = $1 ORDER BY id", [
      id,
    ]);
    return rows.map((r) => ({
      at: r.at,
      channel: r.channel,
      outcome: r.outcome as Attempt["outcome"],
      code: r.code ?? undefined,
      message: r.message ?? undefined,
    }));
  }

  async list(f: OutboxFilter): Promise<OutboxEntry[]> {
    const where: string[] = [];
    const params: (string | number)[] = [];
    for (const [column, value] of [
      ["status", f.status],
      ["line_id", f.lineId],
      ["period", f.period],
      ["kind", f.kind],
    ] as const) {
      if (value === undefined) continue;
      params.push(value);
      where.push(`${column} = $${params.length}`);
    }
    params.push(f.limit ?? 1000);
    const sql = `SELECT ${COLUMNS} FROM outbox ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY id LIMIT $${params.length}`;
    return this.withDeliveries((await this.pool.query<OutboxPgRow>(sql, params)).rows);
  }

  async counts(): Promise<Partial<Record<OutboxStatus, number>>> {
    const { rows } = await this.pool.query<{ status: OutboxStatus; n: string }>("SELECT status, COUNT(*) AS n FROM outbox GROUP BY status");
    return Object.fromEntries(rows.map((r) => [r.status, int(r.n, "count")]));
  }

  /** Entries with the channels that already accepted them, in one query for all rows. */
  private async withDeliveries(rows: readonly OutboxPgRow[]): Promise<OutboxEntry[]> {
    if (rows.length === 0) return [];
    const { rows: found } = await this.pool.query<{ outbox_id: string; channel: string; target: string; peer_id: string; at: string }>(
      "SELECT * FROM outbox_deliveries WHERE outbox_id = ANY($1::int8[]) ORDER BY at, channel",
      [rows.map((r) => r.id)],
    );
    return rows.map((r) => ({
      id: int(r.id, "outbox.id"),
      key: r.key,
      lineId: r.line_id,
      accountId: r.account_id,
      period: r.period as Period,
      kind: r.kind,
      urgent: r.urgent,
      payload: r.payload,
      createdAt: r.created_at,
      status: r.status as OutboxStatus,
      attempts: r.attempts,
      nextAttemptAt: r.next_attempt_at ?? undefined,
      lastError: r.last_error ?? undefined,
      sentAt: r.sent_at ?? undefined,
      deliveries: found.filter((d) => d.outbox_id === r.id).map((d) => ({ channel: d.channel, target: d.target, peerId: d.peer_id, at: d.at })),
    }));
  }
}
