import type pg from "pg";
import type { Micros, Zone } from "../../domain/index.ts";
import { type AnomalyStore, type DismissalRow, type NewUsage, SLOT_MS, type SlotQuery, type UsageSlot } from "../anomaly-ports.ts";
import { inTransaction } from "./connect.ts";
import { int } from "./mapping.ts";

interface SlotPgRow {
  line_id: string;
  slot_ms: string;
  serving_plmn: string;
  zone: string;
  octets: string;
  amount: string;
  data_records: string;
}

// Integer division floors only for non-negative instants: usage before 1970 is not a case.
const SLOT_SELECT = `SELECT line_id, (started_ms / ${SLOT_MS}) * ${SLOT_MS} AS slot_ms, serving_plmn, zone,
  SUM(CASE WHEN service = 'data' THEN quantity ELSE 0 END) AS octets, SUM(amount) AS amount,
  COUNT(*) FILTER (WHERE service = 'data') AS data_records
  FROM usage`;
const SLOT_GROUP = "GROUP BY line_id, slot_ms, serving_plmn, zone";

function slotFromPg(r: SlotPgRow): UsageSlot {
  return {
    lineId: r.line_id,
    slotMs: int(r.slot_ms, "slot_ms"),
    servingPlmn: r.serving_plmn,
    zone: r.zone as Zone,
    octets: int(r.octets, "octets"),
    amount: int(r.amount, "amount") as Micros,
    dataRecords: int(r.data_records, "data_records"),
  };
}

/**
 * The anomaly side of the PostgreSQL store. Catching up reads the journal by `seq`: sound while
 * one engine writes (its batches commit one after the other, so a reader never sees a later
 * `seq` before an earlier one); partitioned engines will need a per-partition watermark.
 */
export class PostgresAnomalyStore implements AnomalyStore {
  constructor(private readonly pool: pg.Pool) {}

  async journalHead(): Promise<number> {
    const { rows } = await this.pool.query<{ head: string }>("SELECT COALESCE(MAX(seq), 0) AS head FROM usage");
    return int(rows[0]?.head ?? "0", "seq");
  }

  async usageSlots(q: SlotQuery): Promise<UsageSlot[]> {
    const { rows } = await this.pool.query<SlotPgRow>(`${SLOT_SELECT} WHERE started_ms >= $1 AND started_ms < $2 AND seq > $3 AND seq <= $4 ${SLOT_GROUP}`, [
      q.fromMs,
      q.toMs,
      q.afterSeq ?? 0,
      q.upToSeq ?? Number.MAX_SAFE_INTEGER,
    ]);
    return rows.map(slotFromPg);
  }

  async usageSince(afterSeq: number): Promise<NewUsage> {
    // One snapshot for the head and the rows: a batch committed in between is read next time.
    return inTransaction(this.pool, async (client) => {
      await client.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY");
      const { rows } = await client.query<{ head: string }>("SELECT COALESCE(MAX(seq), 0) AS head FROM usage");
      const head = int(rows[0]?.head ?? "0", "seq");
      if (head <= afterSeq) return { head: afterSeq, slots: [] };
      const slots = await client.query<SlotPgRow>(`${SLOT_SELECT} WHERE seq > $1 AND seq <= $2 ${SLOT_GROUP}`, [afterSeq, head]);
      return { head, slots: slots.rows.map(slotFromPg) };
    });
  }

  async listDismissals(): Promise<DismissalRow[]> {
    const { rows } = await this.pool.query<{ line_id: string; code: string; reason: string; actor: string; at: string }>(
      "SELECT line_id, code, reason, actor, at FROM anomaly_dismissals ORDER BY id",
    );
    return rows.map((r) => ({ lineId: r.line_id, code: r.code, reason: r.reason, actor: r.actor, at: r.at }));
  }

  async recordDismissal(d: DismissalRow): Promise<void> {
    await this.pool.query("INSERT INTO anomaly_dismissals (line_id, code, reason, actor, at) VALUES ($1,$2,$3,$4,$5)", [
      d.lineId,
      d.code,
      d.reason,
      d.actor,
      d.at,
    ]);
  }
}
